import { type FormEvent, lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAgencies } from '../../api/agencies.js';
import { api } from '../../api/client.js';
import type { Operation, Position } from '../../api/operations.js';
import { localName } from '../../api/types.js';
import { codesOf, useCodeLabel } from '../../i18n/codes.js';
import { currentLanguage } from '../../i18n/i18n.js';
import { Done, FailureAlert, Field, failureOf, fieldErrorOf } from '../../ui/form.js';
import { localInputToIso, nowForInput } from './datetime.js';
import type { MapPoint } from './operations-map.js';

// MapLibre and the Natural Earth data load only when a patrol route is being drawn.
const OperationsMap = lazy(() => import('./operations-map.js'));

type Kind = 'patrol' | 'law_enforcement' | 'exercise';
const TARGET_KINDS = ['illegal_crossing_route', 'smuggling', 'crossing_organiser', 'other'] as const;

function kindPlan(kind: Kind, form: FormData, route: readonly Position[]): Record<string, unknown> {
  const text = (name: string) => String(form.get(name) ?? '').trim();
  switch (kind) {
    case 'patrol':
      return {
        patrol: {
          routes: route.length >= 2 ? { own: { type: 'LineString', coordinates: route } } : {},
          meetingPoints: [],
          radioChannels: text('radio') ? [text('radio')] : [],
          contacts: [],
        },
      };
    case 'law_enforcement':
      return {
        lawEnforcement: { targets: [{ kind: text('targetKind'), description: text('targetDescription') }] },
      };
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

const NO_POINTS: readonly MapPoint[] = [];

/** The patrol route as a list of points; each point is typed or added from a map click. */
function RouteEditor({
  route,
  onChange,
}: {
  readonly route: readonly Position[];
  readonly onChange: (route: Position[]) => void;
}) {
  const { t } = useTranslation();
  const [lon, setLon] = useState('');
  const [lat, setLat] = useState('');
  const add = () => {
    const point: Position = [Number(lon), Number(lat)];
    if (!lon || !lat || Number.isNaN(point[0]) || Number.isNaN(point[1])) return;
    onChange([...route, point]);
    setLon('');
    setLat('');
  };
  return (
    <fieldset className="route">
      <legend>{t('operations.plan.route')}</legend>
      <p className="muted small">{t('operations.plan.routeHint')}</p>
      <Suspense fallback={<p className="map-placeholder">{t('home.map.loading')}</p>}>
        <OperationsMap
          points={NO_POINTS}
          route={route}
          label={t('operations.plan.routeMap')}
          onPick={(position) => onChange([...route, position])}
        />
      </Suspense>
      <ol>
        {route.map(([pointLon, pointLat], index) => (
          <li key={`${pointLon}:${pointLat}:${index.toString()}`}>
            {pointLat.toFixed(4)}, {pointLon.toFixed(4)}{' '}
            <button
              type="button"
              onClick={() => onChange(route.filter((_, other) => other !== index))}
              aria-label={t('operations.plan.removePoint', { index: index + 1 })}
            >
              ×
            </button>
          </li>
        ))}
      </ol>
      <div className="inline-fields">
        <Field label={t('operations.lon')}>
          {({ id }) => (
            <input
              id={id}
              type="number"
              step="any"
              min={-180}
              max={180}
              value={lon}
              onChange={(event) => setLon(event.target.value)}
            />
          )}
        </Field>
        <Field label={t('operations.lat')}>
          {({ id }) => (
            <input
              id={id}
              type="number"
              step="any"
              min={-90}
              max={90}
              value={lat}
              onChange={(event) => setLat(event.target.value)}
            />
          )}
        </Field>
        <button type="button" onClick={add}>
          {t('operations.plan.addPoint')}
        </button>
      </div>
    </fieldset>
  );
}

/** A new joint operation: common fields, then the plan its kind needs (a patrol's route, targets, a scenario). */
export function PlanForm({ onCreated }: { readonly onCreated: (operation: Operation) => void }) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const agencies = useAgencies();
  const language = currentLanguage();
  const [kind, setKind] = useState<Kind>('patrol');
  const [route, setRoute] = useState<Position[]>([]);
  const [failure, setFailure] = useState<Error | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const counterparts =
    agencies.status === 'ready' ? agencies.data.filter((agency) => agency.kind === 'counterpart') : [];
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    setFailure(null);
    setDone(null);
    api<Operation>('POST', '/api/v1/operations', {
      kind,
      title: text('title'),
      counterpartAgency: text('counterpartAgency'),
      startsAt: localInputToIso(text('startsAt')),
      endsAt: localInputToIso(text('endsAt')),
      ...(text('note') && { note: text('note') }),
      ...kindPlan(kind, form, route),
    }).then(
      (operation) => {
        setDone(t('operations.plan.created', { title: operation.title }));
        setRoute([]);
        onCreated(operation);
      },
      (error: unknown) => setFailure(failureOf(error)),
    );
  };
  const error = (field: string) => fieldErrorOf(failure, field);
  return (
    <form onSubmit={submit} className="form-grid" aria-labelledby="plan-title">
      <h2 id="plan-title">{t('operations.plan.title')}</h2>
      <Field label={t('operations.plan.kind')}>
        {({ id }) => (
          <select id={id} value={kind} onChange={(event) => setKind(event.target.value as Kind)}>
            {codesOf('operationKind').map((code) => (
              <option key={code} value={code}>
                {label('operationKind', code)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('operations.plan.name')} error={error('title')}>
        {({ id }) => <input id={id} name="title" required maxLength={200} />}
      </Field>
      <Field label={t('operations.plan.counterpart')} error={error('counterpartAgency')}>
        {({ id }) => (
          <select id={id} name="counterpartAgency" required>
            {counterparts.map((agency) => (
              <option key={agency.code} value={agency.code}>
                {localName(agency.names, language, agency.code)} ({agency.code})
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('operations.plan.startsAt')} error={error('startsAt')}>
        {({ id }) => (
          <input id={id} name="startsAt" type="datetime-local" required defaultValue={nowForInput(24)} />
        )}
      </Field>
      <Field label={t('operations.plan.endsAt')} error={error('endsAt')}>
        {({ id }) => (
          <input id={id} name="endsAt" type="datetime-local" required defaultValue={nowForInput(30)} />
        )}
      </Field>
      <Field label={t('operations.note')}>{({ id }) => <input id={id} name="note" maxLength={2000} />}</Field>
      {kind === 'patrol' && (
        <>
          <Field label={t('operations.plan.radio')}>
            {({ id }) => <input id={id} name="radio" maxLength={40} />}
          </Field>
          <RouteEditor route={route} onChange={setRoute} />
        </>
      )}
      {kind === 'law_enforcement' && (
        <>
          <Field label={t('operations.plan.targetKind')}>
            {({ id }) => (
              <select id={id} name="targetKind">
                {TARGET_KINDS.map((code) => (
                  <option key={code} value={code}>
                    {t(`operations.targets.${code}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('operations.plan.targetDescription')}>
            {({ id }) => <textarea id={id} name="targetDescription" required rows={2} maxLength={1000} />}
          </Field>
        </>
      )}
      {kind === 'exercise' && (
        <>
          <Field label={t('operations.plan.scenario')}>
            {({ id }) => <textarea id={id} name="scenario" required rows={3} maxLength={4000} />}
          </Field>
          <Field label={t('operations.plan.objectives')} hint={t('operations.plan.objectivesHint')}>
            {({ id, describedBy }) => (
              <textarea id={id} name="objectives" required rows={3} aria-describedby={describedBy} />
            )}
          </Field>
        </>
      )}
      <div className="actions">
        <button type="submit" className="primary">
          {t('operations.plan.save')}
        </button>
      </div>
      <FailureAlert failure={failure} />
      <Done message={done} />
    </form>
  );
}
