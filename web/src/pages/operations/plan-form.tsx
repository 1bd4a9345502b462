import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, listAll } from '../../api/client.js';
import {
  OPERATION_KINDS,
  type Operation,
  type OperationKind,
  type PatrolPlan,
} from '../../api/operations.js';
import { useResource } from '../../api/use-resource.js';
import { useCodeLabel } from '../../i18n/codes.js';
import { currentLanguage } from '../../i18n/i18n.js';
import { choicesOf, directoryChoices, InputField, SelectField, TextAreaField } from '../../ui/fields.js';
import { formText, SubmitWithOutcome, useSubmission } from '../../ui/submission.js';
import { CounterpartField } from './counterpart-field.js';
import { isoToLocalInput, localInputToIso, nowForInput } from './datetime.js';
import { type PatrolDraft, PatrolEditor } from './patrol-editor.js';
import { type Target, TargetsEditor, targetsWithDraft, useTargetDraft } from './targets-editor.js';

interface BorderSection {
  readonly code: string;
  readonly names: Readonly<Partial<Record<'zh' | 'en' | 'ru' | 'local', string>>>;
}

function patrolPlan(draft: PatrolDraft, radio: string, previous: PatrolPlan | undefined): PatrolPlan {
  return {
    routes: {
      // The counterpart's route is theirs to draw; an edit of our plan keeps what they sent.
      ...(previous?.routes.counterpart && { counterpart: previous.routes.counterpart }),
      ...(draft.route.length >= 2 && { own: { type: 'LineString', coordinates: draft.route } }),
    },
    meetingPoints: draft.meetingPoints,
    radioChannels: radio
      .split(',')
      .map((channel) => channel.trim())
      .filter(Boolean),
    contacts: draft.contacts,
  };
}

/** What the form's list editors hold, beside its named controls. */
interface ListsDraft {
  readonly patrol: PatrolDraft;
  readonly targets: readonly Target[];
}

function kindPlan(
  kind: OperationKind,
  text: (name: string) => string,
  lists: ListsDraft,
  previous: Operation | undefined,
): Record<string, unknown> {
  switch (kind) {
    case 'patrol':
      return { patrol: patrolPlan(lists.patrol, text('radio'), previous?.patrol) };
    case 'law_enforcement':
      return { lawEnforcement: { targets: lists.targets } };
    case 'exercise':
      return {
        exercise: {
          scenario: text('scenario'),
          objectives: text('objectives')
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean),
        },
      };
  }
}

const patrolDraftOf = (operation: Operation | undefined): PatrolDraft => ({
  route: operation?.patrol?.routes.own?.coordinates ?? [],
  meetingPoints: operation?.patrol?.meetingPoints ?? [],
  contacts: operation?.patrol?.contacts ?? [],
});

const targetsOf = (operation: Operation | undefined): readonly Target[] =>
  operation?.lawEnforcement?.targets ?? [];

/**
 * A joint operation's plan: common fields, then what its kind needs (a patrol's route, meeting points and
 * contacts; targets; a scenario). Without `operation` it plans a new draft; with one it edits that plan.
 */
export function PlanForm({
  operation,
  onSaved,
}: {
  readonly operation?: Operation;
  readonly onSaved: (operation: Operation) => void;
}) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const sections = useResource('border-sections', () =>
    listAll<BorderSection>('/api/v1/directory/border-sections?limit=500'),
  );
  const language = currentLanguage();
  const [kind, setKind] = useState<OperationKind>(operation?.kind ?? 'patrol');
  const [patrol, setPatrol] = useState<PatrolDraft>(() => patrolDraftOf(operation));
  const [targets, setTargets] = useState<readonly Target[]>(() => targetsOf(operation));
  const targetDraft = useTargetDraft();
  const submission = useSubmission();
  const sectionChoices = [
    { value: '', label: t('operations.plan.noSection') },
    ...(sections.status === 'ready' ? directoryChoices(sections.data, language) : []),
  ];
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = formText(event.currentTarget);
    const common = {
      title: text('title'),
      startsAt: localInputToIso(text('startsAt')),
      endsAt: localInputToIso(text('endsAt')),
      ...kindPlan(kind, text, { patrol, targets: targetsWithDraft(targets, targetDraft) }, operation),
    };
    const call = operation
      ? () =>
          api<Operation>('PATCH', `/api/v1/operations/${operation.id}`, {
            ...common,
            sectionCode: text('sectionCode') || null,
            note: text('note') || null,
          })
      : () =>
          api<Operation>('POST', '/api/v1/operations', {
            kind,
            counterpartAgency: text('counterpartAgency'),
            ...(text('sectionCode') && { sectionCode: text('sectionCode') }),
            ...(text('note') && { note: text('note') }),
            ...common,
          });
    void submission.run(call, (saved) => {
      if (!operation) setPatrol(patrolDraftOf(undefined));
      setTargets(targetsOf(operation ? saved : undefined));
      targetDraft.reset();
      onSaved(saved);
      return t(operation ? 'operations.plan.updated' : 'operations.plan.created', { title: saved.title });
    });
  };
  const error = submission.error;
  return (
    <form onSubmit={submit} className="form-grid" aria-labelledby="plan-title">
      <h2 id="plan-title">{t(operation ? 'operations.plan.editTitle' : 'operations.plan.title')}</h2>
      <SelectField
        label={t('operations.plan.kind')}
        value={kind}
        disabled={Boolean(operation)}
        onChange={(event) => setKind(event.target.value as OperationKind)}
        choices={choicesOf(OPERATION_KINDS, (code) => label('operationKind', code))}
      />
      <InputField
        label={t('operations.plan.name')}
        error={error('title')}
        name="title"
        required
        maxLength={200}
        defaultValue={operation?.title}
      />
      {!operation && <CounterpartField error={error('counterpartAgency')} />}
      <SelectField
        label={t('operations.plan.section')}
        error={error('sectionCode')}
        name="sectionCode"
        defaultValue={operation?.sectionCode ?? ''}
        key={`section:${sections.status}`}
        choices={sectionChoices}
      />
      <InputField
        label={t('operations.plan.startsAt')}
        error={error('startsAt')}
        name="startsAt"
        type="datetime-local"
        required
        defaultValue={operation ? isoToLocalInput(operation.startsAt) : nowForInput(24)}
      />
      <InputField
        label={t('operations.plan.endsAt')}
        error={error('endsAt')}
        name="endsAt"
        type="datetime-local"
        required
        defaultValue={operation ? isoToLocalInput(operation.endsAt) : nowForInput(30)}
      />
      <InputField
        label={t('operations.note')}
        error={error('note')}
        name="note"
        maxLength={2000}
        defaultValue={operation?.note ?? ''}
      />
      {kind === 'patrol' && (
        <>
          <InputField
            label={t('operations.plan.radio')}
            hint={t('operations.plan.radioHint')}
            name="radio"
            maxLength={450}
            defaultValue={operation?.patrol?.radioChannels.join(', ')}
          />
          <PatrolEditor value={patrol} onChange={setPatrol} />
        </>
      )}
      {kind === 'law_enforcement' && (
        <TargetsEditor targets={targets} onChange={setTargets} state={targetDraft} error={error('targets')} />
      )}
      {kind === 'exercise' && (
        <>
          <TextAreaField
            label={t('operations.plan.scenario')}
            name="scenario"
            required
            rows={3}
            maxLength={4000}
            defaultValue={operation?.exercise?.scenario}
          />
          <TextAreaField
            label={t('operations.plan.objectives')}
            hint={t('operations.plan.objectivesHint')}
            name="objectives"
            required
            rows={3}
            defaultValue={operation?.exercise?.objectives.join('\n')}
          />
        </>
      )}
      <SubmitWithOutcome label={t('operations.plan.save')} submission={submission} />
    </form>
  );
}
