import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, listAll } from '../../api/client.js';
import type {
  Handover,
  HandoverPlace,
  Interception,
  PersonIdentity,
  PlaceChoice,
} from '../../api/operations.js';
import { localName, type Page } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { useUser } from '../../auth/session.js';
import { codesOf, useCodeLabel } from '../../i18n/codes.js';
import { useFormatters } from '../../i18n/format.js';
import { currentLanguage } from '../../i18n/i18n.js';
import { DataTable } from '../../ui/data-table.js';
import { type Choice, choicesOf, InputField, SelectField } from '../../ui/fields.js';
import { ResourceView } from '../../ui/resource-view.js';
import {
  formText,
  type Submission,
  SubmissionOutcome,
  SubmitWithOutcome,
  useSubmission,
} from '../../ui/submission.js';
import { CounterpartField } from './counterpart-field.js';
import { localInputToIso, nowForInput } from './datetime.js';

interface Places {
  readonly ports: readonly PlaceChoice[];
  readonly passes: readonly PlaceChoice[];
}

async function loadPlaces(): Promise<Places> {
  const [ports, passes] = await Promise.all([
    listAll<PlaceChoice>('/api/v1/directory/ports?limit=500'),
    listAll<PlaceChoice>('/api/v1/directory/passes?limit=500'),
  ]);
  return { ports, passes };
}

/** Ports and passes as one list of choices; the value says which of the two the code names. */
function usePlaceChoices(): Choice[] {
  const { t } = useTranslation();
  const language = currentLanguage();
  const places = useResource('handover-places', loadPlaces);
  if (places.status !== 'ready') return [];
  const named = (kind: 'port' | 'pass', place: PlaceChoice): Choice => ({
    value: `${kind}:${place.code}`,
    label: t(`operations.handovers.placeKinds.${kind}`, {
      name: localName(place.names, language, place.code),
      code: place.code,
    }),
  });
  return [
    ...places.data.ports.map((port) => named('port', port)),
    ...places.data.passes.map((pass) => named('pass', pass)),
  ];
}

/** The API's place from the chosen "port:CODE" or "pass:CODE" and the optional description. */
function placeOf(choice: string, description: string): HandoverPlace {
  const [kind, code] = choice.split(':');
  return {
    ...(kind === 'port' && code && { portCode: code }),
    ...(kind === 'pass' && code && { passCode: code }),
    ...(description && { description }),
  };
}

const EMPTY_PERSON: Required<PersonIdentity> = {
  surname: '',
  givenNames: '',
  nationality: '',
  birthDate: '',
  documentNumber: '',
};

/** A request to the counterpart to take over a foreign national we intercepted. */
function RequestForm({
  interceptions,
  preselected,
  onSaved,
}: {
  readonly interceptions: readonly Interception[];
  readonly preselected: string | null;
  readonly onSaved: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const label = useCodeLabel();
  const places = usePlaceChoices();
  const submission = useSubmission();
  const [interceptionId, setInterceptionId] = useState(preselected ?? interceptions[0]?.id ?? '');
  const [person, setPerson] = useState(EMPTY_PERSON);
  const chosen = interceptions.find((item) => item.id === interceptionId);
  const recorded = chosen?.persons ?? [];
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const text = formText(element);
    const symptoms = new FormData(element).getAll('symptoms').map(String);
    const optional = (value: string) => value.trim() || undefined;
    void submission
      .run(
        () =>
          api<Handover>('POST', '/api/v1/operations/handovers', {
            interceptionId,
            counterpartAgency: text('counterpartAgency'),
            person: {
              surname: person.surname.trim().toUpperCase(),
              givenNames: person.givenNames.trim().toUpperCase(),
              nationality: person.nationality.trim().toUpperCase(),
              ...(optional(person.birthDate) && { birthDate: person.birthDate.trim() }),
              ...(optional(person.documentNumber) && { documentNumber: person.documentNumber.trim() }),
            },
            health: {
              testResult: text('testResult'),
              ...(text('testedAt') && { testedAt: localInputToIso(text('testedAt')) }),
              symptoms,
            },
            proposedAt: localInputToIso(text('proposedAt')),
            place: placeOf(text('place'), text('placeDescription')),
          }),
        () => t('operations.handovers.requested'),
      )
      .then((sent) => {
        if (!sent) return;
        setPerson(EMPTY_PERSON);
        onSaved();
      });
  };
  const error = submission.error;
  const personField = (
    field: keyof PersonIdentity,
    labelKey: string,
    extra: Record<string, unknown> = {},
  ) => (
    <InputField
      label={t(labelKey)}
      error={error(field)}
      value={person[field]}
      onChange={(event) => setPerson({ ...person, [field]: event.target.value })}
      {...extra}
    />
  );
  return (
    <form onSubmit={submit} className="form-grid" aria-labelledby="handover-form-title">
      <h3 id="handover-form-title">{t('operations.handovers.request')}</h3>
      <SelectField
        label={t('operations.handovers.interception')}
        error={error('interceptionId')}
        value={interceptionId}
        onChange={(event) => setInterceptionId(event.target.value)}
        required
        choices={interceptions.map((item) => ({
          value: item.id,
          label: t('operations.handovers.interceptionChoice', {
            when: format.dateTime(item.occurredAt),
            section: item.borderSectionCode,
            persons: item.personsCount,
          }),
        }))}
      />
      <CounterpartField error={error('counterpartAgency')} />
      {recorded.length > 0 && (
        <SelectField
          label={t('operations.handovers.recordedPerson')}
          value=""
          onChange={(event) => {
            const found = recorded.find((entry) => entry.id === event.target.value);
            if (!found) return;
            setPerson({
              surname: found.surname,
              givenNames: found.givenNames,
              nationality: found.nationality ?? '',
              birthDate: found.birthDate ?? '',
              documentNumber: found.documentNumber ?? '',
            });
          }}
          choices={[
            { value: '', label: t('operations.handovers.typePerson') },
            ...recorded.map((entry) => ({ value: entry.id, label: `${entry.surname}, ${entry.givenNames}` })),
          ]}
        />
      )}
      {personField('surname', 'operations.handovers.surname', { required: true, maxLength: 100 })}
      {personField('givenNames', 'operations.handovers.givenNames', { required: true, maxLength: 100 })}
      {personField('nationality', 'operations.interceptions.nationality', {
        required: true,
        maxLength: 3,
        hint: t('warnings.person.nationalityHint'),
      })}
      {personField('birthDate', 'operations.handovers.birthDate', { type: 'date' })}
      {personField('documentNumber', 'operations.handovers.documentNumber', { maxLength: 30 })}
      <SelectField
        label={t('operations.handovers.health')}
        error={error('testResult')}
        name="testResult"
        choices={choicesOf(codesOf('testResult'), (code) => label('testResult', code))}
      />
      <InputField
        label={t('operations.handovers.testedAt')}
        error={error('testedAt')}
        name="testedAt"
        type="datetime-local"
      />
      <fieldset>
        <legend>{t('operations.handovers.symptoms')}</legend>
        {codesOf('symptom').map((code) => (
          <label key={code} className="checkbox">
            <input type="checkbox" name="symptoms" value={code} /> {label('symptom', code)}
          </label>
        ))}
      </fieldset>
      <ScheduleFields submission={submission} places={places} requirePlace />
      <SubmitWithOutcome label={t('operations.handovers.send')} submission={submission} />
    </form>
  );
}

/** When and where the handover happens: the fields a request and a reschedule share. */
function ScheduleFields({
  submission,
  places,
  requirePlace,
}: {
  readonly submission: Submission;
  readonly places: readonly Choice[];
  readonly requirePlace: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <InputField
        label={t('operations.handovers.proposedAt')}
        error={submission.error('proposedAt')}
        name="proposedAt"
        type="datetime-local"
        required
        defaultValue={nowForInput(24)}
      />
      <SelectField
        label={t('operations.handovers.place')}
        error={submission.error('place')}
        name="place"
        required={requirePlace}
        choices={
          requirePlace ? places : [{ value: '', label: t('operations.handovers.samePlace') }, ...places]
        }
      />
      <InputField
        label={t('operations.handovers.placeDescription')}
        error={submission.error('description')}
        name="placeDescription"
        maxLength={500}
      />
    </>
  );
}

/** Another time (and perhaps place) for a handover; the other side then accepts it. */
function RescheduleForm({
  handover,
  submission,
  onSaved,
}: {
  readonly handover: Handover;
  readonly submission: Submission;
  readonly onSaved: () => void;
}) {
  const { t } = useTranslation();
  const places = usePlaceChoices();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = formText(event.currentTarget);
    void submission
      .run(
        () =>
          api<Handover>('POST', `/api/v1/operations/handovers/${handover.id}/reschedule`, {
            proposedAt: localInputToIso(text('proposedAt')),
            ...(text('place') && { place: placeOf(text('place'), text('placeDescription')) }),
          }),
        () => t('operations.handovers.rescheduled'),
      )
      .then((sent) => sent && onSaved());
  };
  return (
    <form onSubmit={submit} className="form-grid" aria-labelledby="reschedule-title">
      <h3 id="reschedule-title">{t('operations.handovers.rescheduleTitle')}</h3>
      <ScheduleFields submission={submission} places={places} requirePlace={false} />
      <div className="actions">
        <button type="submit">{t('operations.handovers.sendReschedule')}</button>
      </div>
    </form>
  );
}

interface HandoverData {
  readonly handovers: readonly Handover[];
  readonly interceptions: readonly Interception[];
}

async function loadHandovers(): Promise<HandoverData> {
  const [handovers, interceptions] = await Promise.all([
    api<Page<Handover>>('GET', '/api/v1/operations/handovers?limit=100'),
    api<Page<Interception>>('GET', '/api/v1/operations/interceptions?limit=100'),
  ]);
  return {
    handovers: handovers.items,
    interceptions: interceptions.items.filter((item) => !item.mergedInto),
  };
}

/** Handovers of intercepted persons to and from the counterpart: request, accept, reschedule, confirm. */
export function HandoversPanel({ interceptionId }: { readonly interceptionId: string | null }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const label = useCodeLabel();
  const user = useUser();
  const [generation, setGeneration] = useState(0);
  const [rescheduling, setRescheduling] = useState<string | null>(null);
  const submission = useSubmission();
  const data = useResource(`handovers:${generation}`, loadHandovers);
  const commander = user.roles.includes('patrol_commander') || user.roles.includes('admin');
  const mayAct = commander && user.personalData;
  const reload = () => {
    setRescheduling(null);
    setGeneration((value) => value + 1);
  };
  const step = (handover: Handover, next: 'accept' | 'done') => {
    void submission
      .run(
        () => api<Handover>('POST', `/api/v1/operations/handovers/${handover.id}/${next}`),
        (saved) => t(`operations.handovers.after.${saved.status}`),
      )
      .then((moved) => moved && reload());
  };
  const actions = (handover: Handover) => {
    if (!mayAct || handover.status === 'done') return null;
    const awaitingConfirmation = handover.status === 'accepted' && handover.confirmedByUsAt;
    return (
      <div className="actions">
        {handover.canAccept && (
          <button type="button" onClick={() => step(handover, 'accept')}>
            {t('operations.handovers.accept')}
          </button>
        )}
        {handover.status === 'accepted' && !handover.confirmedByUsAt && (
          <button type="button" onClick={() => step(handover, 'done')}>
            {t('operations.handovers.markDone')}
          </button>
        )}
        {awaitingConfirmation && <span className="small muted">{t('operations.handovers.awaiting')}</span>}
        <button
          type="button"
          aria-expanded={rescheduling === handover.id}
          onClick={() => setRescheduling(rescheduling === handover.id ? null : handover.id)}
        >
          {t('operations.handovers.reschedule')}
        </button>
      </div>
    );
  };
  const confirmations = (handover: Handover) =>
    [
      handover.awaiting === 'counterpart' && t('operations.handovers.waitsForCounterpart'),
      handover.awaiting === 'us' && t('operations.handovers.waitsForUs'),
      handover.confirmedByUsAt &&
        t('operations.handovers.confirmedByUs', { at: format.dateTime(handover.confirmedByUsAt) }),
      handover.confirmedByCounterpartAt &&
        t('operations.handovers.confirmedByThem', { at: format.dateTime(handover.confirmedByCounterpartAt) }),
    ]
      .filter(Boolean)
      .join(' · ');
  return (
    <section aria-labelledby="handovers-title">
      <h2 id="handovers-title">{t('operations.handovers.title')}</h2>
      <SubmissionOutcome submission={submission} />
      <ResourceView resource={data}>
        {({ handovers, interceptions }) => {
          const chosen = handovers.find((handover) => handover.id === rescheduling);
          return (
            <>
              <DataTable
                rows={handovers}
                rowKey={(handover) => handover.id}
                empty={t('operations.handovers.empty')}
                columns={[
                  {
                    key: 'when',
                    header: t('operations.handovers.proposedAt'),
                    cell: (h) => format.dateTime(h.proposedAt),
                  },
                  {
                    key: 'person',
                    header: t('operations.handovers.person'),
                    rowHeader: true,
                    cell: (h) =>
                      (h.person ? `${h.person.surname}, ${h.person.givenNames} · ` : '') + h.nationality,
                  },
                  {
                    key: 'role',
                    header: t('operations.handovers.role'),
                    cell: (h) => `${t(`operations.handovers.roles.${h.role}`)} · ${h.counterpartAgency}`,
                  },
                  {
                    key: 'health',
                    header: t('operations.handovers.health'),
                    cell: (h) =>
                      [
                        label('testResult', h.health.testResult),
                        ...h.health.symptoms.map((s) => label('symptom', s)),
                      ].join(', '),
                  },
                  {
                    key: 'place',
                    header: t('operations.handovers.place'),
                    cell: (h) =>
                      [h.place.portCode, h.place.passCode, h.place.description].filter(Boolean).join(' · '),
                  },
                  {
                    key: 'status',
                    header: t('operations.handovers.status'),
                    cell: (h) => (
                      <>
                        {t(`operations.handovers.statuses.${h.status}`)}
                        <span className="small muted"> {confirmations(h)}</span>
                      </>
                    ),
                  },
                  { key: 'actions', header: t('operations.actions'), cell: actions },
                ]}
              />
              {chosen && (
                <RescheduleForm key={chosen.id} handover={chosen} submission={submission} onSaved={reload} />
              )}
              {!commander ? null : !user.personalData ? (
                <p className="notice">{t('operations.handovers.needsClearance')}</p>
              ) : interceptions.length === 0 ? (
                <p className="muted">{t('operations.handovers.noInterceptions')}</p>
              ) : (
                <RequestForm interceptions={interceptions} preselected={interceptionId} onSaved={reload} />
              )}
            </>
          );
        }}
      </ResourceView>
    </section>
  );
}
