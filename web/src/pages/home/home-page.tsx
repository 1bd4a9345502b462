import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { agencyToday, useOwnAgency } from '../../api/agencies.js';
import { api, listAll } from '../../api/client.js';
import type { OverdueList } from '../../api/exchange.js';
import { usePlaceName } from '../../api/places.js';
import type { SituationMap } from '../../api/situation.js';
import { type County, localName, type Page, type Port } from '../../api/types.js';
import { usePolling } from '../../api/use-polling.js';
import { useResource } from '../../api/use-resource.js';
import type { Hit } from '../../api/warning.js';
import { useUser } from '../../auth/session.js';
import { useCodeLabel } from '../../i18n/codes.js';
import { useFormatters } from '../../i18n/format.js';
import { currentLanguage } from '../../i18n/i18n.js';
import { Layout } from '../../shell/layout.js';
import { canOpen, DESTINATIONS } from '../../shell/navigation.js';
import { Link } from '../../shell/router.js';
import type { BorderPicture } from './border-map.js';
import {
  COUNTY_FILL_COLOUR,
  PORT_STATUS_COLOURS,
  PORT_STATUSES,
  type PortStatus,
  RISK_FILL_COLOURS,
  RISK_LEVELS,
} from './port-status.js';

// MapLibre and the Natural Earth data are most of the app's weight: load them after the shell is on screen.
const BorderMap = lazy(() => import('./border-map.js'));

interface BorderDirectory {
  readonly ports: readonly Port[];
  readonly counties: readonly County[];
  readonly picture: BorderPicture;
}

function isPortStatus(value: unknown): value is PortStatus {
  return (PORT_STATUSES as readonly unknown[]).includes(value);
}

/** Port statuses and county risk levels of the day, from the situation module's map view. */
function pictureOf(map: SituationMap): BorderPicture {
  const portStatus = new Map<string, PortStatus>();
  for (const port of map.ports.features) {
    const status = port.properties.status;
    if (isPortStatus(status)) portStatus.set(port.id, status);
  }
  const countyRisk = new Map<string, string>();
  for (const county of map.counties.features) {
    const risk = county.properties.riskLevel;
    if (typeof risk === 'string') countyRisk.set(county.id, risk);
  }
  return { portStatus, countyRisk };
}

async function loadBorderDirectory(date: string): Promise<BorderDirectory> {
  const [ports, counties, map] = await Promise.all([
    listAll<Port>('/api/v1/directory/ports?limit=500'),
    listAll<County>('/api/v1/directory/counties?limit=500'),
    api<SituationMap>('GET', `/api/v1/situation/map?date=${date}`),
  ]);
  return { ports, counties, picture: pictureOf(map) };
}

function Legend({ showCounties }: { readonly showCounties: boolean }) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  return (
    <section className="legend" aria-labelledby="legend-title">
      <h2 id="legend-title">{t('home.legend.title')}</h2>
      <ul>
        {PORT_STATUSES.map((status) => (
          <li key={status}>
            <span
              className="swatch dot"
              style={{ background: PORT_STATUS_COLOURS[status] }}
              aria-hidden="true"
            />
            {t(`home.portStatus.${status}`)}
          </li>
        ))}
      </ul>
      {showCounties && (
        <>
          <h3 className="legend-subtitle">{t('home.legend.risk')}</h3>
          <ul>
            {RISK_LEVELS.map((level) => (
              <li key={level}>
                <span
                  className="swatch"
                  style={{ background: RISK_FILL_COLOURS[level] }}
                  aria-hidden="true"
                />
                {label('riskLevel', level)}
              </li>
            ))}
            <li>
              <span className="swatch" style={{ background: COUNTY_FILL_COLOUR }} aria-hidden="true" />
              {t('home.legend.counties')}
            </li>
          </ul>
        </>
      )}
    </section>
  );
}

/** Keeps only what the map can draw: ports with coordinates and counties with geometry. */
function drawable(directory: BorderDirectory): BorderDirectory {
  return {
    ports: directory.ports.filter((port) => port.lon != null && port.lat != null),
    counties: directory.counties.filter((county) => county.geometry),
    picture: directory.picture,
  };
}

function PortsTable({
  ports,
  statuses,
}: {
  readonly ports: readonly Port[];
  readonly statuses: ReadonlyMap<string, PortStatus>;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const language = currentLanguage();
  return (
    <details className="ports-table">
      <summary>{t('home.map.portsTable', { count: format.number(ports.length) })}</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('home.map.port')}</th>
            <th scope="col">{t('home.map.code')}</th>
            <th scope="col">{t('home.map.country')}</th>
            <th scope="col">{t('home.map.status')}</th>
          </tr>
        </thead>
        <tbody>
          {ports.map((port) => {
            const status = statuses.get(port.code) ?? 'unknown';
            return (
              <tr key={port.code}>
                <td>{localName(port.names, language, port.code)}</td>
                <td>{port.code}</td>
                <td>{format.country(port.country)}</td>
                <td>
                  <span
                    className="swatch dot"
                    style={{ background: PORT_STATUS_COLOURS[status] }}
                    aria-hidden="true"
                  />{' '}
                  {t(`home.portStatus.${status}`)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}

function MapSection() {
  const { t } = useTranslation();
  const format = useFormatters();
  const today = agencyToday(useOwnAgency());
  const directory = useResource(`border-directory:${today}`, () => loadBorderDirectory(today).then(drawable));
  if (directory.status === 'loading') {
    return <p className="map-placeholder">{t('common.loading')}</p>;
  }
  if (directory.status === 'failed') {
    return (
      <p className="form-error" role="alert">
        {t('home.directoryFailed', { detail: directory.detail })}
      </p>
    );
  }
  // The arrays keep their identity across re-renders (a language switch), so the map is not rebuilt.
  const { ports, counties, picture } = directory.data;
  return (
    <>
      <Suspense fallback={<p className="map-placeholder">{t('home.map.loading')}</p>}>
        <BorderMap ports={ports} counties={counties} picture={picture} label={t('home.map.label')} />
      </Suspense>
      <p className="muted small" data-testid="map-summary">
        {ports.length === 0
          ? t('home.map.noPorts')
          : t('home.map.summary', {
              ports: format.number(ports.length),
              counties: format.number(counties.length),
            })}
      </p>
      <Legend showCounties={counties.length > 0} />
      {ports.length > 0 && <PortsTable ports={ports} statuses={picture.portStatus} />}
    </>
  );
}

const SUPERVISORS = ['liaison_officer', 'analyst', 'admin'];

function OverduePanel() {
  const { t } = useTranslation();
  const user = useUser();
  const format = useFormatters();
  const label = useCodeLabel();
  const supervises = user.roles.some((role) => SUPERVISORS.includes(role));
  const overdue = useResource(`overdue:${supervises}`, () =>
    supervises ? api<OverdueList>('GET', '/api/v1/notifications/overdue?limit=10') : Promise.resolve(null),
  );
  return (
    <section className="panel" aria-labelledby="overdue-title">
      <h2 id="overdue-title">{t('home.overdue.title')}</h2>
      {!supervises && <p className="empty-state">{t('home.overdue.notSupervisor')}</p>}
      {overdue.status === 'loading' && <p role="status">{t('common.loading')}</p>}
      {overdue.status === 'failed' && <p className="form-error">{overdue.detail}</p>}
      {overdue.status === 'ready' && overdue.data && (
        <>
          <p data-testid="overdue-counts">
            {t('home.overdue.counts', {
              inbox: format.number(overdue.data.counts.inbox),
              outbox: format.number(overdue.data.counts.outbox),
            })}
          </p>
          <p className="muted small" data-testid="overdue-scope">
            {t('home.overdue.scope')}
          </p>
          <ul className="hit-list compact">
            {overdue.data.items.map((item) => (
              <li key={`${item.id}:${item.agency}`}>
                <strong>{label('notificationType', item.type)}</strong>{' '}
                <span className="small">
                  {item.box === 'inbox' ? item.senderAgency : item.agency} · {t('home.overdue.due')}{' '}
                  {format.dateTime(item.dueAt)}
                </span>
              </li>
            ))}
          </ul>
          <p>
            <Link to="/inbox">{t('home.overdue.open')}</Link>
          </p>
        </>
      )}
    </section>
  );
}

function LiveHits() {
  const { t } = useTranslation();
  const format = useFormatters();
  const label = useCodeLabel();
  const placeName = usePlaceName();
  const hits = usePolling(
    'home-hits',
    () => api<Page<Hit>>('GET', '/api/v1/warning/hits?status=open&limit=5'),
    5000,
  );
  if (hits.failure) return <p className="form-error">{hits.failure}</p>;
  if (!hits.data) return <p role="status">{t('common.loading')}</p>;
  if (hits.data.items.length === 0) return <p className="empty-state">{t('home.warnings.none')}</p>;
  return (
    <ul className="hit-list compact">
      {hits.data.items.map((hit) => (
        <li key={hit.id} className={`hit verdict-${hit.verdict}`}>
          <strong>
            {hit.kind === 'rule' && hit.rule
              ? t(`warnings.rules.${hit.rule}`)
              : label('matchVerdict', hit.verdict)}
          </strong>{' '}
          <span className="small">
            {placeName('ports', hit.portCode)} · {format.dateTime(hit.crossedAt)}
          </span>
        </li>
      ))}
    </ul>
  );
}

function WarningsPanel() {
  const { t } = useTranslation();
  const user = useUser();
  const warnings = DESTINATIONS.find((destination) => destination.key === 'warnings');
  // The live alerts are the desk's: a liaison officer opens Warnings for the watchlist and counterparts' finds.
  const atTheDesk = user.roles.includes('port_officer') || user.roles.includes('admin');
  const mayOpen = warnings !== undefined && canOpen(user, warnings) && atTheDesk;
  return (
    <section className="panel" aria-labelledby="warnings-title">
      <h2 id="warnings-title">{t('home.warnings.title')}</h2>
      {mayOpen ? (
        <>
          <LiveHits />
          <p>
            <Link to="/warnings">{t('home.warnings.open')}</Link>
          </p>
        </>
      ) : (
        <p className="empty-state">{t('home.warnings.notCleared')}</p>
      )}
    </section>
  );
}

/** Home: the three clears on one screen — the border map, overdue acknowledgements and live warnings. */
export function HomePage() {
  const { t } = useTranslation();
  return (
    <Layout title={t('home.title')}>
      <p className="intro">{t('home.intro')}</p>
      <div className="home-grid">
        <div className="home-map">
          <MapSection />
        </div>
        <aside className="home-side">
          <OverduePanel />
          <WarningsPanel />
        </aside>
      </div>
    </Layout>
  );
}
