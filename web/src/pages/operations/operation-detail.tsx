import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { CheckIn, Operation } from '../../api/operations.js';
import { useResource } from '../../api/use-resource.js';
import { useCodeLabel } from '../../i18n/codes.js';
import { useFormatters } from '../../i18n/format.js';
import { FailureAlert, Field, failureOf } from '../../ui/form.js';
import { localInputToIso, nowForInput } from './datetime.js';

/** The steps an officer can take from each status; the node enforces the same machine. */
const NEXT_STEPS: Readonly<Record<string, readonly string[]>> = {
  draft: ['propose'],
  proposed: ['agree', 'decline'],
  counter_proposed: ['agree', 'decline'],
  agreed: ['start'],
  in_progress: [],
  completed: ['share-report'],
};

interface Detail {
  readonly operation: Operation;
  readonly checkIns: readonly CheckIn[];
}

async function loadDetail(id: string): Promise<Detail> {
  const [operation, checkIns] = await Promise.all([
    api<Operation>('GET', `/api/v1/operations/${id}`),
    api<{ items: CheckIn[] }>('GET', `/api/v1/operations/${id}/check-ins`),
  ]);
  return { operation, checkIns: checkIns.items };
}

function CheckInForm({
  id,
  onSaved,
}: {
  readonly id: string;
  readonly onSaved: (failure: Error | null) => void;
}) {
  const { t } = useTranslation();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    api<CheckIn>('POST', `/api/v1/operations/${id}/check-ins`, {
      unit: text('unit'),
      at: localInputToIso(text('at')),
      lon: Number(text('lon')),
      lat: Number(text('lat')),
      ...(text('note') && { note: text('note') }),
    }).then(
      () => onSaved(null),
      (error: unknown) => onSaved(failureOf(error)),
    );
  };
  return (
    <form onSubmit={submit} className="form-grid" aria-labelledby="checkin-title">
      <h4 id="checkin-title">{t('operations.checkIns.add')}</h4>
      <Field label={t('operations.checkIns.unit')}>
        {({ id: inputId }) => <input id={inputId} name="unit" required />}
      </Field>
      <Field label={t('operations.checkIns.at')}>
        {({ id: inputId }) => (
          <input id={inputId} name="at" type="datetime-local" required defaultValue={nowForInput()} />
        )}
      </Field>
      <Field label={t('operations.lon')}>
        {({ id: inputId }) => (
          <input id={inputId} name="lon" type="number" step="any" min={-180} max={180} required />
        )}
      </Field>
      <Field label={t('operations.lat')}>
        {({ id: inputId }) => (
          <input id={inputId} name="lat" type="number" step="any" min={-90} max={90} required />
        )}
      </Field>
      <Field label={t('operations.note')}>{({ id: inputId }) => <input id={inputId} name="note" />}</Field>
      <div className="actions">
        <button type="submit">{t('operations.checkIns.save')}</button>
      </div>
    </form>
  );
}

function AfterActionForm({
  id,
  onSaved,
}: {
  readonly id: string;
  readonly onSaved: (failure: Error | null) => void;
}) {
  const { t } = useTranslation();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    api<Operation>('POST', `/api/v1/operations/${id}/complete`, {
      findings: String(form.get('findings') ?? '').trim(),
      lessons: String(form.get('lessons') ?? '').trim(),
    }).then(
      () => onSaved(null),
      (error: unknown) => onSaved(failureOf(error)),
    );
  };
  return (
    <form onSubmit={submit} aria-labelledby="aar-title">
      <h4 id="aar-title">{t('operations.report.title')}</h4>
      <Field label={t('operations.report.findings')}>
        {({ id: inputId }) => <textarea id={inputId} name="findings" required rows={3} maxLength={4000} />}
      </Field>
      <Field label={t('operations.report.lessons')}>
        {({ id: inputId }) => <textarea id={inputId} name="lessons" required rows={3} maxLength={4000} />}
      </Field>
      <button type="submit" className="primary">
        {t('operations.report.complete')}
      </button>
    </form>
  );
}

/** One operation: its plan, the steps open from its status, check-ins during it and the after-action report. */
export function OperationDetail({ id, onChanged }: { readonly id: string; readonly onChanged: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const label = useCodeLabel();
  const [generation, setGeneration] = useState(0);
  const [failure, setFailure] = useState<Error | null>(null);
  const detail = useResource(`operation:${id}:${generation}`, () => loadDetail(id));
  const after = (problem: Error | null) => {
    setFailure(problem);
    if (problem) return;
    setGeneration((value) => value + 1);
    onChanged();
  };
  const step = (path: string) => {
    api<Operation>('POST', `/api/v1/operations/${id}/${path}`).then(
      () => after(null),
      (error: unknown) => after(failureOf(error)),
    );
  };
  if (detail.status === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (detail.status === 'failed') return <FailureAlert failure={new Error(detail.detail)} />;
  const { operation, checkIns } = detail.data;
  const route = operation.patrol?.routes.own?.coordinates ?? [];
  return (
    <section className="panel" aria-labelledby="operation-title">
      <h3 id="operation-title">
        {operation.title} · {label('operationKind', operation.kind)}
      </h3>
      <p>
        {t(`operations.status.${operation.status}`)} · {operation.counterpartAgency} ·{' '}
        {format.dateTime(operation.startsAt)} – {format.dateTime(operation.endsAt)}
      </p>
      {operation.note && <p className="muted">{operation.note}</p>}
      {route.length > 0 && (
        <p className="small">
          {t('operations.plan.route')}:{' '}
          {route.map(([lon, lat]) => `${lat.toFixed(3)}, ${lon.toFixed(3)}`).join(' → ')}
        </p>
      )}
      <div className="actions">
        {(NEXT_STEPS[operation.status] ?? []).map((path) => (
          <button key={path} type="button" onClick={() => step(path)}>
            {t(`operations.steps.${path}`)}
          </button>
        ))}
      </div>
      <FailureAlert failure={failure} />
      {operation.report && (
        <div>
          <h4>{t('operations.report.title')}</h4>
          <p>{operation.report.findings}</p>
          <p>{operation.report.lessons}</p>
          <p className="small muted">
            {t('operations.report.interceptions', {
              events: operation.report.interceptions.events,
              persons: operation.report.interceptions.persons,
            })}
          </p>
        </div>
      )}
      {operation.status === 'in_progress' && <AfterActionForm id={id} onSaved={after} />}
      <h4>{t('operations.checkIns.title')}</h4>
      {checkIns.length === 0 ? (
        <p className="muted">{t('operations.checkIns.none')}</p>
      ) : (
        <ul>
          {checkIns.map((checkIn) => (
            <li key={checkIn.id}>
              {format.dateTime(checkIn.at)} · {checkIn.unit} · {checkIn.lat.toFixed(4)},{' '}
              {checkIn.lon.toFixed(4)}
              {checkIn.note && ` · ${checkIn.note}`}
            </li>
          ))}
        </ul>
      )}
      {(operation.status === 'in_progress' || operation.status === 'agreed') && (
        <CheckInForm id={id} onSaved={after} />
      )}
    </section>
  );
}
