import { type FormEvent, lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { Hotspots, Interception, Position } from '../../api/operations.js';
import { type PlaceKind, usePlaceName } from '../../api/places.js';
import type { Page } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { useUser } from '../../auth/session.js';
import { codesOf, useCodeLabel } from '../../i18n/codes.js';
import { useFormatters } from '../../i18n/format.js';
import { DataTable } from '../../ui/data-table.js';
import { choicesOf, InputField, PositionFields, SelectField } from '../../ui/fields.js';
import { ResourceView } from '../../ui/resource-view.js';
import { formText, SubmitWithOutcome, useSubmission } from '../../ui/submission.js';
import { localInputToIso, nowForInput } from './datetime.js';

const DIRECTIONS = ['attempted_exit', 'attempted_entry'] as const;
const OperationsMap = lazy(() => import('./operations-map.js'));
const NO_ROUTE: readonly Position[] = [];

/** The directory places an interception lies in, widest first. */
function placesOf(item: Interception): readonly (readonly [PlaceKind, string])[] {
  return [
    ['border-sections', item.borderSectionCode] as const,
    ...(item.countyCode ? [['counties', item.countyCode] as const] : []),
    ...(item.passCode ? [['passes', item.passCode] as const] : []),
  ];
}

function InterceptionForm({ onSaved }: { readonly onSaved: () => void }) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const submission = useSubmission();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = formText(event.currentTarget);
    void submission
      .run(
        () =>
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
          }),
        () => t('operations.interceptions.saved'),
      )
      .then((saved) => saved && onSaved());
  };
  const error = submission.error;
  return (
    <form onSubmit={submit} className="form-grid" aria-labelledby="interception-form-title">
      <h3 id="interception-form-title">{t('operations.interceptions.add')}</h3>
      <InputField
        label={t('operations.interceptions.occurredAt')}
        error={error('occurredAt')}
        name="occurredAt"
        type="datetime-local"
        required
        defaultValue={nowForInput()}
      />
      <PositionFields lonLabel={t('operations.lon')} latLabel={t('operations.lat')} error={error} />
      <InputField
        label={t('operations.interceptions.persons')}
        error={error('personsCount')}
        name="personsCount"
        type="number"
        min={1}
        required
        defaultValue={1}
      />
      <InputField
        label={t('operations.interceptions.nationality')}
        hint={t('warnings.person.nationalityHint')}
        error={error('nationality')}
        name="nationality"
        maxLength={3}
      />
      <SelectField
        label={t('operations.interceptions.direction')}
        name="direction"
        choices={choicesOf(DIRECTIONS, (code) => t(`operations.interceptions.directions.${code}`))}
      />
      <SelectField
        label={t('operations.interceptions.reason')}
        name="reason"
        choices={choicesOf(codesOf('interceptionReason'), (code) => label('interceptionReason', code))}
      />
      <SelectField
        label={t('operations.interceptions.outcome')}
        name="outcome"
        choices={choicesOf(codesOf('interceptionOutcome'), (code) => label('interceptionOutcome', code))}
      />
      <InputField label={t('operations.note')} error={error('note')} name="note" maxLength={2000} />
      <SubmitWithOutcome label={t('common.save')} submission={submission} />
    </form>
  );
}

/** Interceptions at the border on a map and as a table (newest first), with the form to record one. */
export function InterceptionsPanel({
  onHandOver,
}: {
  readonly onHandOver: (interceptionId: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const label = useCodeLabel();
  const user = useUser();
  const placeName = usePlaceName();
  const [generation, setGeneration] = useState(0);
  const list = useResource(`interceptions:${generation}`, () =>
    api<Page<Interception>>('GET', '/api/v1/operations/interceptions?limit=100'),
  );
  const mayHandOver =
    (user.roles.includes('patrol_commander') || user.roles.includes('admin')) && user.personalData;
  return (
    <section aria-labelledby="interceptions-title">
      <h2 id="interceptions-title">{t('operations.interceptions.title')}</h2>
      <ResourceView resource={list}>
        {({ items }) => (
          <>
            {items.length > 0 && (
              <Suspense fallback={<p className="map-placeholder">{t('home.map.loading')}</p>}>
                <OperationsMap points={items} route={NO_ROUTE} label={t('operations.interceptions.map')} />
              </Suspense>
            )}
            <DataTable
              rows={items}
              rowKey={(item) => item.id}
              empty={t('operations.interceptions.empty')}
              rowClassName={(item) => (item.duplicateOf ? 'stale' : undefined)}
              columns={[
                {
                  key: 'when',
                  header: t('operations.interceptions.occurredAt'),
                  cell: (item) => format.dateTime(item.occurredAt),
                },
                {
                  key: 'place',
                  header: t('operations.interceptions.place'),
                  cell: (item) => (
                    <>
                      {placesOf(item)
                        .map(([kind, code]) => placeName(kind, code))
                        .join(' · ')}{' '}
                      <span className="muted small">
                        (
                        {placesOf(item)
                          .map(([, code]) => code)
                          .join(' · ')}
                        ; {item.lat.toFixed(3)}, {item.lon.toFixed(3)})
                      </span>
                      {item.duplicateOf && (
                        <span className="badge stale-badge">{t('operations.interceptions.duplicate')}</span>
                      )}
                    </>
                  ),
                },
                {
                  key: 'persons',
                  header: t('operations.interceptions.persons'),
                  numeric: true,
                  cell: (item) =>
                    `${format.number(item.personsCount)}${item.nationality ? ` · ${item.nationality}` : ''}`,
                },
                {
                  key: 'direction',
                  header: t('operations.interceptions.direction'),
                  cell: (item) => t(`operations.interceptions.directions.${item.direction}`),
                },
                {
                  key: 'reason',
                  header: t('operations.interceptions.reason'),
                  cell: (item) => label('interceptionReason', item.reason),
                },
                {
                  key: 'outcome',
                  header: t('operations.interceptions.outcome'),
                  cell: (item) => label('interceptionOutcome', item.outcome),
                },
                ...(mayHandOver
                  ? [
                      {
                        key: 'actions',
                        header: t('operations.actions'),
                        cell: (item: Interception) => (
                          <button
                            type="button"
                            aria-label={t('operations.interceptions.handOverLabel', {
                              when: format.dateTime(item.occurredAt),
                            })}
                            onClick={() => onHandOver(item.id)}
                          >
                            {t('operations.interceptions.handOver')}
                          </button>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </>
        )}
      </ResourceView>
      <InterceptionForm onSaved={() => setGeneration((value) => value + 1)} />
    </section>
  );
}

/** Passes where most interceptions happened over the last 90 days. */
export function HotspotsPanel() {
  const { t } = useTranslation();
  const format = useFormatters();
  const placeName = usePlaceName();
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
      <ResourceView resource={spots}>
        {({ passes }) => (
          <DataTable
            rows={passes}
            rowKey={(pass) => pass.passCode}
            empty={t('operations.hotspots.empty')}
            columns={[
              {
                key: 'pass',
                header: t('operations.hotspots.pass'),
                rowHeader: true,
                cell: (p) => (
                  <>
                    {placeName('passes', p.passCode)} <span className="muted small">({p.passCode})</span>
                  </>
                ),
              },
              {
                key: 'events',
                header: t('operations.hotspots.events'),
                numeric: true,
                cell: (p) => format.number(p.events),
              },
              {
                key: 'persons',
                header: t('operations.interceptions.persons'),
                numeric: true,
                cell: (p) => format.number(p.persons),
              },
            ]}
          />
        )}
      </ResourceView>
    </section>
  );
}
