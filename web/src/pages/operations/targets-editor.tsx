import { useTranslation } from 'react-i18next';
import { TARGET_KINDS } from '../../api/operations.js';
import { choicesOf, SelectField, TextAreaField } from '../../ui/fields.js';
import { type DraftOutcome, type ListDraftState, ListEditor, useListDraft } from '../../ui/list-editor.js';

export type TargetKind = (typeof TARGET_KINDS)[number];

/** One target of a law-enforcement operation, as the node takes it. */
export interface Target {
  readonly kind: TargetKind;
  readonly description: string;
}

interface TargetDraft {
  readonly kind: TargetKind;
  readonly description: string;
}

const EMPTY_TARGET: TargetDraft = { kind: 'illegal_crossing_route', description: '' };
// The node's limits (operations.schema.ts LawEnforcementPlan), so the officer hears of them at once.
const MAX_TARGETS = 50;
const MAX_DESCRIPTION = 1000;

/** Draft state for the targets list, held by the plan form so it can take a target typed but not yet added. */
export function useTargetDraft() {
  return useListDraft(EMPTY_TARGET);
}

/** A target from a draft, or nothing when the draft is empty. */
function targetOf(draft: TargetDraft): Target | null {
  const description = draft.description.trim();
  return description ? { kind: draft.kind, description } : null;
}

/**
 * The targets to send: the list, plus the target still in the draft, so an officer who types a target and
 * saves the plan does not lose it.
 */
export function targetsWithDraft(targets: readonly Target[], state: ListDraftState<TargetDraft>): Target[] {
  const pending = targetOf(state.draft);
  if (!pending) return [...targets];
  if (state.editing === null) return [...targets, pending];
  return targets.map((target, index) => (index === state.editing ? pending : target));
}

/** The targets of a law-enforcement operation: added, changed and removed one by one. */
export function TargetsEditor({
  targets,
  onChange,
  state,
  error,
}: {
  readonly targets: readonly Target[];
  readonly onChange: (targets: Target[]) => void;
  readonly state: ListDraftState<TargetDraft>;
  readonly error?: string;
}) {
  const { t } = useTranslation();
  const fromDraft = (draft: TargetDraft): DraftOutcome<Target> => {
    const target = targetOf(draft);
    if (!target) return { problem: t('operations.targetList.descriptionMissing') };
    if (state.editing === null && targets.length >= MAX_TARGETS) {
      return { problem: t('operations.targetList.tooMany', { limit: MAX_TARGETS }) };
    }
    return { item: target };
  };
  return (
    <>
      <ListEditor
        legend={t('operations.targetList.title')}
        items={targets}
        onChange={onChange}
        state={state}
        toDraft={(target) => ({ kind: target.kind, description: target.description })}
        fromDraft={fromDraft}
        describe={(target) => `${t(`operations.targets.${target.kind}`)}: ${target.description}`}
        addLabel={t('operations.targetList.add')}
        none={t('operations.targetList.none')}
        fields={
          <>
            <SelectField
              label={t('operations.plan.targetKind')}
              value={state.draft.kind}
              onChange={(event) => state.patch({ kind: event.target.value as TargetKind })}
              choices={choicesOf(TARGET_KINDS, (code) => t(`operations.targets.${code}`))}
            />
            <TextAreaField
              label={t('operations.plan.targetDescription')}
              rows={2}
              maxLength={MAX_DESCRIPTION}
              value={state.draft.description}
              onChange={(event) => state.patch({ description: event.target.value })}
            />
          </>
        }
      />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
