import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { listAll } from '../../api/client.js';
import { type County, localName, type Port } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { useFormatters } from '../../i18n/format.js';
import { currentLanguage } from '../../i18n/i18n.js';
import { Layout } from '../../shell/layout.js';
import { COUNTY_FILL_COLOUR, PORT_STATUS_COLOURS, PORT_STATUSES } from './port-status.js';

// MapLibre and the Natural Earth data are most of the app's weight: load them after the shell is on screen.
const BorderMap = lazy(() => import('./border-map.js'));

interface BorderDirectory {
  readonly ports: readonly Port[];
  readonly counties: readonly County[];
}

async function loadBorderDirectory(): Promise<BorderDirectory> {
  const [ports, counties] = await Promise.all([
    listAll<Port>('/api/v1/directory/ports?limit=500'),
    listAll<County>('/api/v1/directory/counties?limit=500'),
  ]);
  return { ports, counties };
}

function Legend({ showCounties }: { readonly showCounties: boolean }) {
  const { t } = useTranslation();
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
        {showCounties && (
          <li>
            <span className="swatch" style={{ background: COUNTY_FILL_COLOUR }} aria-hidden="true" />
            {t('home.legend.counties')}
          </li>
        )}
      </ul>
      <p className="muted small">{t('home.legend.statusPending')}</p>
    </section>
  );
}

/** Keeps only what the map can draw: ports with coordinates and counties with geometry. */
function drawable(directory: BorderDirectory): BorderDirectory {
  return {
    ports: directory.ports.filter((port) => port.lon != null && port.lat != null),
    counties: directory.counties.filter((county) => county.geometry),
  };
}

function PortsTable({ ports }: { readonly ports: readonly Port[] }) {
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
          {ports.map((port) => (
            <tr key={port.code}>
              <td>{localName(port.names, language, port.code)}</td>
              <td>{port.code}</td>
              <td>{format.country(port.country)}</td>
              <td>
                <span
                  className="swatch dot"
                  style={{ background: PORT_STATUS_COLOURS.unknown }}
                  aria-hidden="true"
                />{' '}
                {t('home.portStatus.unknown')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function MapSection() {
  const { t } = useTranslation();
  const format = useFormatters();
  const directory = useResource('border-directory', () => loadBorderDirectory().then(drawable));
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
  const { ports, counties } = directory.data;
  return (
    <>
      <Suspense fallback={<p className="map-placeholder">{t('home.map.loading')}</p>}>
        <BorderMap ports={ports} counties={counties} label={t('home.map.label')} />
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
      {ports.length > 0 && <PortsTable ports={ports} />}
    </>
  );
}

function PendingPanel({
  id,
  title,
  empty,
}: {
  readonly id: string;
  readonly title: string;
  readonly empty: string;
}) {
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <p className="empty-state">{empty}</p>
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
          <PendingPanel id="overdue-title" title={t('home.overdue.title')} empty={t('home.overdue.empty')} />
          <PendingPanel
            id="warnings-title"
            title={t('home.warnings.title')}
            empty={t('home.warnings.empty')}
          />
        </aside>
      </div>
    </Layout>
  );
}
