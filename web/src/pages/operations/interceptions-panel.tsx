import { type FormEvent, lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { Handover, Hotspots, Interception, Position } from '../../api/operations.js';
import type { Page } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { codesOf, useCodeLabel } from '../../i18n/codes.js';
import { useFormatters } from '../../i18n/format.js';
import { Done, FailureAlert, Field, failureOf, fieldErrorOf } from '../../ui/form.js';
import { localInputToIso, nowForInput } from './datetime.js';

const DIRECTIONS = ['attempted_exit', 'attempted_entry'] as const;
const OperationsMap = lazy(() => import('./operations-map.js'));
const NO_ROUTE: readonly Position[] = [];

function InterceptionForm({ onSaved }: { readonly onSaved: () => void }) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const [failure, setFailure] = useState<Error | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    setFailure(null);
    setDone(null);
    api<Interception>('POST', '/api/v1/operations/interceptions', {
      occurredAt: localInputToIso(text('occurredAt')),
      lon: Number(text('lon')),
      lat: Number(text('lat')),
      personsCount: Number(text('personsCount')),
      ...(text('nationality') && { nationality: text('nationality').toUpperCase() }),
      direction: text('direction'),
      reason: text('reason'),
      outcome: text('outcome'),
      ...(text('note') && { note: text('note') }),
    }).then(
      () => {
        setDone(t('operations.interceptions.saved'));
        onSaved();
      },
      (error: unknown) => setFailure(failureOf(error)),
    );
  };
  const error = (field: string) => fieldErrorOf(failure, field);
  return (
    <form onSubmit={submit} className="form-grid" aria-labelledby="interception-form-title">
      <h3 id="interception-form-title">{t('operations.interceptions.add')}</h3>
      <Field label={t('operations.interceptions.occurredAt')} error={error('occurredAt')}>
        {({ id }) => (
          <input id={id} name="occurredAt" type="datetime-local" required defaultValue={nowForInput()} />
        )}
      </Field>
      <Field label={t('operations.lon')} error={error('lon')}>
        {({ id }) => <input id={id} name="lon" type="number" step="any" min={-180} max={180} required />}
      </Field>
      <Field label={t('operations.lat')} error={error('lat')}>
        {({ id }) => <input id={id} name="lat" type="number" step="any" min={-90} max={90} required />}
      </Field>
      <Field label={t('operations.interceptions.persons')} error={error('personsCount')}>
        {({ id }) => <input id={id} name="personsCount" type="number" min={1} required defaultValue={1} />}
      </Field>
      <Field
        label={t('operations.interceptions.nationality')}
        hint={t('warnings.person.nationalityHint')}
        error={error('nationality')}
      >
        {({ id, describedBy }) => (
          <input id={id} name="nationality" maxLength={3} aria-describedby={describedBy} />
        )}
      </Field>
      <Field label={t('operations.interceptions.direction')}>
        {({ id }) => (
          <select id={id} name="direction">
            {DIRECTIONS.map((code) => (
              <option key={code} value={code}>
                {t(`operations.interceptions.directions.${code}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('operations.interceptions.reason')}>
        {({ id }) => (
          <select id={id} name="reason">
            {codesOf('interceptionReason').map((code) => (
              <option key={code} value={code}>
                {label('interceptionReason', code)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('operations.interceptions.outcome')}>
        {({ id }) => (
          <select id={id} name="outcome">
            {codesOf('interceptionOutcome').map((code) => (
              <option key={code} value={code}>
                {label('interceptionOutcome', code)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('operations.note')}>{({ id }) => <input id={id} name="note" maxLength={2000} />}</Field>
      <div className="actions">
        <button type="submit" className="primary">
          {t('common.save')}
        </button>
      </div>
      <FailureAlert failure={failure} />
      <Done message={done} />
    </form>
  );
}

/** Interceptions at the border as a table (newest first) with the form to record one. */
export function InterceptionsPanel() {
  const { t } = useTranslation();
  const format = useFormatters();
  const label = useCodeLabel();
  const [generation, setGeneration] = useState(0);
  const list = useResource(`interceptions:${generation}`, () =>
    api<Page<Interception>>('GET', '/api/v1/operations/interceptions?limit=100'),
  );
  return (
    <section aria-labelledby="interceptions-title">
      <h2 id="interceptions-title">{t('operations.interceptions.title')}</h2>
      {list.status === 'loading' && <p role="status">{t('common.loading')}</p>}
      {list.status === 'failed' && <FailureAlert failure={new Error(list.detail)} />}
      {list.status === 'ready' && list.data.items.length === 0 && (
        <p className="empty-state">{t('operations.interceptions.empty')}</p>
      )}
      {list.status === 'ready' && list.data.items.length > 0 && (
        <Suspense fallback={<p className="map-placeholder">{t('home.map.loading')}</p>}>
          <OperationsMap
            points={list.data.items}
            route={NO_ROUTE}
            label={t('operations.interceptions.map')}
          />
        </Suspense>
      )}
      {list.status === 'ready' && list.data.items.length > 0 && (
        <div className="table-scroll">
          <table className="grid">
            <thead>
              <tr>
                <th scope="col">{t('operations.interceptions.occurredAt')}</th>
                <th scope="col">{t('operations.interceptions.place')}</th>
                <th scope="col">{t('operations.interceptions.persons')}</th>
                <th scope="col">{t('operations.interceptions.direction')}</th>
                <th scope="col">{t('operations.interceptions.reason')}</th>
                <th scope="col">{t('operations.interceptions.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((item) => (
                <tr key={item.id} className={item.duplicateOf ? 'stale' : undefined}>
                  <td>{format.dateTime(item.occurredAt)}</td>
                  <td>
                    {item.borderSectionCode}
                    {item.passCode && ` · ${item.passCode}`}{' '}
                    <span className="muted small">
                      ({item.lat.toFixed(3)}, {item.lon.toFixed(3)})
                    </span>
                    {item.duplicateOf && (
                      <span className="badge stale-badge">{t('operations.interceptions.duplicate')}</span>
                    )}
                  </td>
                  <td className="num">
                    {format.number(item.personsCount)}
                    {item.nationality && ` · ${item.nationality}`}
                  </td>
                  <td>{t(`operations.interceptions.directions.${item.direction}`)}</td>
                  <td>{label('interceptionReason', item.reason)}</td>
                  <td>{label('interceptionOutcome', item.outcome)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <InterceptionForm onSaved={() => setGeneration((value) => value + 1)} />
    </section>
  );
}

/** Handovers of intercepted persons to and from the counterpart, with their stage. */
export function HandoversPanel() {
  const { t } = useTranslation();
  const format = useFormatters();
  const label = useCodeLabel();
  const [generation, setGeneration] = useState(0);
  const [failure, setFailure] = useState<Error | null>(null);
  const list = useResource(`handovers:${generation}`, () =>
    api<Page<Handover>>('GET', '/api/v1/operations/handovers?limit=100'),
  );
  const step = (handover: Handover, next: 'accept' | 'done') => {
    setFailure(null);
    api<Handover>('POST', `/api/v1/operations/handovers/${handover.id}/${next}`).then(
      () => setGeneration((value) => value + 1),
      (error: unknown) => setFailure(failureOf(error)),
    );
  };
  return (
    <section aria-labelledby="handovers-title">
      <h2 id="handovers-title">{t('operations.handovers.title')}</h2>
      <FailureAlert failure={failure} />
      {list.status === 'loading' && <p role="status">{t('common.loading')}</p>}
      {list.status === 'failed' && <FailureAlert failure={new Error(list.detail)} />}
      {list.status === 'ready' && list.data.items.length === 0 && (
        <p className="empty-state">{t('operations.handovers.empty')}</p>
      )}
      {list.status === 'ready' && list.data.items.length > 0 && (
        <table className="grid">
          <thead>
            <tr>
              <th scope="col">{t('operations.handovers.proposedAt')}</th>
              <th scope="col">{t('operations.handovers.role')}</th>
              <th scope="col">{t('operations.plan.counterpart')}</th>
              <th scope="col">{t('operations.interceptions.nationality')}</th>
              <th scope="col">{t('operations.handovers.health')}</th>
              <th scope="col">{t('operations.handovers.place')}</th>
              <th scope="col">{t('operations.handovers.status')}</th>
              <th scope="col">{t('ports.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((handover) => (
              <tr key={handover.id}>
                <td>{format.dateTime(handover.proposedAt)}</td>
                <td>{t(`operations.handovers.roles.${handover.role}`)}</td>
                <td>{handover.counterpartAgency}</td>
                <td>{handover.nationality}</td>
                <td>{label('testResult', handover.health.testResult)}</td>
                <td>
                  {[handover.place.portCode, handover.place.passCode, handover.place.description]
                    .filter(Boolean)
                    .join(' · ')}
                </td>
                <td>{t(`operations.handovers.statuses.${handover.status}`)}</td>
                <td>
                  {handover.status === 'requested' && handover.role === 'receiving' && (
                    <button type="button" onClick={() => step(handover, 'accept')}>
                      {t('operations.handovers.accept')}
                    </button>
                  )}
                  {(handover.status === 'accepted' || handover.status === 'rescheduled') && (
                    <button type="button" onClick={() => step(handover, 'done')}>
                      {t('operations.handovers.markDone')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Passes where most interceptions happened over the last 90 days. */
export function HotspotsPanel() {
  const { t } = useTranslation();
  const format = useFormatters();
  const to = new Date();
  const from = new Date(to.getTime() - 90 * 86_400_000);
  const spots = useResource('hotspots', () =>
    api<Hotspots>(
      'GET',
      `/api/v1/operations/hotspots?from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`,
    ),
  );
  return (
    <section aria-labelledby="hotspots-title">
      <h2 id="hotspots-title">{t('operations.hotspots.title')}</h2>
      {spots.status === 'loading' && <p role="status">{t('common.loading')}</p>}
      {spots.status === 'failed' && <FailureAlert failure={new Error(spots.detail)} />}
      {spots.status === 'ready' && spots.data.passes.length === 0 && (
        <p className="empty-state">{t('operations.hotspots.empty')}</p>
      )}
      {spots.status === 'ready' && spots.data.passes.length > 0 && (
        <table className="grid">
          <thead>
            <tr>
              <th scope="col">{t('operations.hotspots.pass')}</th>
              <th scope="col">{t('operations.hotspots.events')}</th>
              <th scope="col">{t('operations.interceptions.persons')}</th>
            </tr>
          </thead>
          <tbody>
            {spots.data.passes.map((pass) => (
              <tr key={pass.passCode}>
                <th scope="row">{pass.passCode}</th>
                <td className="num">{format.number(pass.events)}</td>
                <td className="num">{format.number(pass.persons)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
