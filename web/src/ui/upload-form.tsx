import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { uploadFile } from '../api/client.js';
import { useFormatters } from '../i18n/format.js';
import { FailureAlert, Field, failureOf } from './form.js';

type UploadState<Report> =
  | { readonly kind: 'idle' }
  | { readonly kind: 'uploading'; readonly fraction: number }
  | { readonly kind: 'done'; readonly report: Report }
  | { readonly kind: 'failed'; readonly failure: Error; readonly error: unknown };

/** The wording, destination and verdict of one file import. */
export interface UploadFormProps<Report> {
  readonly title: string;
  /** The heading's id, which names the section. */
  readonly titleId: string;
  readonly titleLevel: 2 | 3;
  readonly hint: string;
  readonly fileLabel: string;
  /** The file chooser's `accept` list. */
  readonly accept: string;
  /** The label of the "keep the good rows when some are bad" checkbox. */
  readonly partialLabel: string;
  readonly submitLabel: string;
  readonly progressLabel: string;
  /** Shown instead of the percentage once the file is sent and the node is still checking it. */
  readonly checking?: string;
  /** Where the file goes; `partial` when the officer keeps the good rows. */
  url(partial: boolean): string;
  /** The media type to send the file as, judged from its lower-cased name. */
  contentTypeOf(fileName: string): string;
  /** The node's verdict on a file it took. */
  report(report: Report): ReactNode;
  /** The bad rows the node named when it refused the whole file, shown under its problem. */
  refusedRows(error: unknown): ReactNode;
  onImported(): void;
}

/** Uploads a file of rows with a progress bar, all or nothing unless the officer keeps the good rows. */
export function UploadForm<Report>(props: UploadFormProps<Report>) {
  const format = useFormatters();
  const partialId = useId();
  const [state, setState] = useState<UploadState<Report>>({ kind: 'idle' });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get('file');
    if (!(file instanceof File) || file.size === 0) return;
    const type = props.contentTypeOf(file.name.toLowerCase());
    const partial = form.get('partial') === 'on';
    setState({ kind: 'uploading', fraction: 0 });
    uploadFile<Report>(props.url(partial), file, type, (fraction) =>
      setState({ kind: 'uploading', fraction }),
    ).then(
      (report) => {
        setState({ kind: 'done', report });
        props.onImported();
      },
      (error: unknown) => setState({ kind: 'failed', failure: failureOf(error), error }),
    );
  };
  const Heading = props.titleLevel === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby={props.titleId}>
      <Heading id={props.titleId}>{props.title}</Heading>
      <p className="muted small">{props.hint}</p>
      <form onSubmit={submit} className="stack">
        <Field label={props.fileLabel}>
          {({ id, describedBy }) => (
            <input
              id={id}
              name="file"
              type="file"
              accept={props.accept}
              required
              aria-describedby={describedBy}
            />
          )}
        </Field>
        <div className="checkbox">
          <input id={partialId} name="partial" type="checkbox" />
          <label htmlFor={partialId}>{props.partialLabel}</label>
        </div>
        <button type="submit" className="primary" disabled={state.kind === 'uploading'}>
          {props.submitLabel}
        </button>
      </form>
      {state.kind === 'uploading' && (
        <p role="status">
          <progress max={1} value={state.fraction} aria-label={props.progressLabel} />{' '}
          {state.fraction < 1 || props.checking === undefined
            ? format.percent(state.fraction * 100)
            : props.checking}
        </p>
      )}
      {state.kind === 'done' && (
        <div role="status" className="notice">
          {props.report(state.report)}
        </div>
      )}
      {state.kind === 'failed' && (
        <>
          <FailureAlert failure={state.failure} />
          {props.refusedRows(state.error)}
        </>
      )}
    </section>
  );
}
