import { type KeyboardEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The item being written or changed in a list editor, and which item it replaces (null: a new one). */
export interface ListDraft<D> {
  readonly draft: D;
  readonly editing: number | null;
}

/** Draft state for a list editor, held by the caller so other controls (a map click) can fill it in. */
export function useListDraft<D>(empty: D) {
  const [state, setState] = useState<ListDraft<D>>({ draft: empty, editing: null });
  return {
    ...state,
    patch: (changes: Partial<D>) =>
      setState((current) => ({ ...current, draft: { ...current.draft, ...changes } })),
    edit: (index: number, draft: D) => setState({ draft, editing: index }),
    reset: () => setState({ draft: empty, editing: null }),
  };
}

export type ListDraftState<D> = ReturnType<typeof useListDraft<D>>;

/** An item made from a draft, or the reason the draft is not an item yet. */
export type DraftOutcome<T> = { readonly item: T } | { readonly problem: string };

interface ListEditorProps<T, D> {
  readonly legend: string;
  readonly items: readonly T[];
  readonly onChange: (items: T[]) => void;
  readonly state: ListDraftState<D>;
  readonly toDraft: (item: T) => D;
  readonly fromDraft: (draft: D) => DraftOutcome<T>;
  /** How the list names an item (its row text and the name in its buttons' labels). */
  readonly describe: (item: T) => string;
  /** The draft's inputs. */
  readonly fields: ReactNode;
  readonly addLabel: string;
  readonly none: string;
}

/**
 * A list inside a larger form: items are added, changed and removed without submitting the form. Enter in the
 * draft's inputs adds the item instead of sending the whole form.
 */
export function ListEditor<T, D>({
  legend,
  items,
  onChange,
  state,
  toDraft,
  fromDraft,
  describe,
  fields,
  addLabel,
  none,
}: ListEditorProps<T, D>) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);
  const save = () => {
    const outcome = fromDraft(state.draft);
    if ('problem' in outcome) {
      setProblem(outcome.problem);
      return;
    }
    setProblem(null);
    onChange(
      state.editing === null
        ? [...items, outcome.item]
        : items.map((item, index) => (index === state.editing ? outcome.item : item)),
    );
    state.reset();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Enter' && event.target instanceof HTMLInputElement) {
      event.preventDefault();
      save();
    }
  };
  return (
    <fieldset className="list-editor">
      <legend>{legend}</legend>
      {items.length === 0 ? (
        <p className="muted small">{none}</p>
      ) : (
        <ol>
          {items.map((item, index) => (
            <li key={`${describe(item)}:${index.toString()}`}>
              {describe(item)}{' '}
              <button
                type="button"
                aria-label={t('common.editItem', { item: describe(item) })}
                onClick={() => state.edit(index, toDraft(item))}
              >
                {t('common.edit')}
              </button>{' '}
              <button
                type="button"
                aria-label={t('common.removeItem', { item: describe(item) })}
                onClick={() => {
                  onChange(items.filter((_, other) => other !== index));
                  if (state.editing === index) state.reset();
                }}
              >
                {t('common.remove')}
              </button>
            </li>
          ))}
        </ol>
      )}
      {/* The keydown only redirects Enter from the inputs inside; the inputs stay the keyboard targets. */}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: see above */}
      <div className="inline-fields" onKeyDown={onKeyDown}>
        {fields}
        <button type="button" onClick={save}>
          {state.editing === null ? addLabel : t('common.update')}
        </button>
        {state.editing !== null && (
          <button type="button" onClick={state.reset}>
            {t('common.cancel')}
          </button>
        )}
      </div>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
