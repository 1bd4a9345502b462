/**
 * A table cell for one bad row of an import: the message in the reader's language, and the node's English, marked
 * as English, when that is all there is or adds to it.
 */
export function RowIssueCell({
  text,
  english,
}: {
  readonly text: string;
  readonly english: string | undefined;
}) {
  return (
    <td>
      {text}
      {text && english && ' '}
      {english && (
        <span lang="en" className={text ? 'muted small' : undefined}>
          {text ? `(${english})` : english}
        </span>
      )}
    </td>
  );
}
