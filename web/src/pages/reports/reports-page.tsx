import { lazy, Suspense, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { agencyToday, useOwnAgency } from '../../api/agencies.js';
import { api } from '../../api/client.js';
import { useResource } from '../../api/use-resource.js';
import { type CodeListName, useCodeLabel } from '../../i18n/codes.js';
import { useFormatters } from '../../i18n/format.js';
import { currentLanguage } from '../../i18n/i18n.js';
import { Layout } from '../../shell/layout.js';
import { FailureAlert } from '../../ui/form.js';

const BarChart = lazy(() => import('./bar-chart.js'));

type Tallies = Readonly<Record<string, { readonly events: number; readonly persons: number }>>;

interface Statistics {
  readonly period: { readonly from: string; readonly to: string; readonly label: string };
  readonly unavailable: readonly string[];
  readonly notifications: {
    readonly sent: number;
    readonly received: number;
    readonly byType: Readonly<Record<string, { readonly sent: number; readonly received: number }>>;
    readonly acknowledgedWithinDeadlinePct: number | null;
    readonly overdue: number;
  };
  readonly hits: {
    readonly total: number;
    readonly confirmed: number;
    readonly dismissed: number;
    readonly open: number;
    readonly byPort: Readonly<Record<string, number>>;
  };
  readonly crossings: { readonly total: number };
  readonly interceptions: { readonly events: number; readonly persons: number; readonly byOutcome: Tallies };
  readonly operations: {
    readonly patrols: number;
    readonly lawEnforcement: number;
    readonly exercises: number;
  };
  readonly handovers: { readonly requested: number; readonly done: number };
  readonly liaison: { readonly letters: number; readonly calls: number; readonly meetings: number };
}

interface WorkSummary {
  readonly text: string;
  readonly table: readonly { readonly key: string; readonly label: string; readonly shown: string }[];
  readonly roundingRule: string;
}

function Chart({
  title,
  bars,
}: {
  readonly title: string;
  readonly bars: readonly { name: string; value: number }[];
}) {
  const { t } = useTranslation();
  return (
    <figure className="panel chart-panel">
      <figcaption>{title}</figcaption>
      {bars.length === 0 ? (
        <p className="muted">{t('reports.noData')}</p>
      ) : (
        <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
          <BarChart
            bars={bars}
            label={`${title}: ${bars.map((bar) => `${bar.name} ${bar.value}`).join(', ')}`}
          />
        </Suspense>
      )}
    </figure>
  );
}

function Figures({ statistics }: { readonly statistics: Statistics }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const rows: [string, number | string][] = [
    [t('reports.figures.sent'), statistics.notifications.sent],
    [t('reports.figures.received'), statistics.notifications.received],
    [
      t('reports.figures.acknowledgedInTime'),
      statistics.notifications.acknowledgedWithinDeadlinePct === null
        ? '—'
        : format.percent(statistics.notifications.acknowledgedWithinDeadlinePct),
    ],
    [t('reports.figures.overdue'), statistics.notifications.overdue],
    [t('reports.figures.crossings'), statistics.crossings.total],
    [t('reports.figures.hits'), statistics.hits.total],
    [t('reports.figures.confirmed'), statistics.hits.confirmed],
    [t('reports.figures.interceptions'), statistics.interceptions.events],
    [t('reports.figures.intercepted'), statistics.interceptions.persons],
    [t('reports.figures.patrols'), statistics.operations.patrols],
    [t('reports.figures.lawEnforcement'), statistics.operations.lawEnforcement],
    [t('reports.figures.exercises'), statistics.operations.exercises],
    [t('reports.figures.handovers'), statistics.handovers.done],
    [t('reports.figures.letters'), statistics.liaison.letters],
    [t('reports.figures.calls'), statistics.liaison.calls],
    [t('reports.figures.meetings'), statistics.liaison.meetings],
  ];
  return (
    <table className="grid figures">
      <caption>{t('reports.figures.title')}</caption>
      <tbody>
        {rows.map(([name, value]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td className="num">{typeof value === 'number' ? format.number(value) : value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function barsOf(
  counts: Readonly<Record<string, number>>,
  name: (code: string) => string,
): { name: string; value: number }[] {
  return Object.entries(counts)
    .filter(([, value]) => value > 0)
    .map(([code, value]) => ({ name: name(code), value }));
}

function Charts({ statistics }: { readonly statistics: Statistics }) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const bars = useMemo(() => {
    const coded = (list: CodeListName) => (code: string) => label(list, code);
    return {
      types: barsOf(
        Object.fromEntries(
          Object.entries(statistics.notifications.byType).map(([type, tally]) => [
            type,
            tally.sent + tally.received,
          ]),
        ),
        coded('notificationType'),
      ),
      ports: barsOf(statistics.hits.byPort, (code) => code),
      outcomes: barsOf(
        Object.fromEntries(
          Object.entries(statistics.interceptions.byOutcome).map(([code, tally]) => [code, tally.persons]),
        ),
        coded('interceptionOutcome'),
      ),
    };
  }, [statistics, label]);
  return (
    <div className="chart-grid">
      <Chart title={t('reports.charts.notifications')} bars={bars.types} />
      <Chart title={t('reports.charts.hits')} bars={bars.ports} />
      <Chart title={t('reports.charts.interceptions')} bars={bars.outcomes} />
    </div>
  );
}

/** Reports: the period's statistics with charts, the written work summary and the exports. */
export default function ReportsPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const periodId = useId();
  const today = agencyToday(useOwnAgency());
  const [chosen, setChosen] = useState<string | null>(null);
  const period = chosen ?? today.slice(0, 7);
  const query = `period=${encodeURIComponent(period)}`;
  const data = useResource(`reports:${period}:${language}`, () =>
    Promise.all([
      api<Statistics>('GET', `/api/v1/reports/statistics?${query}`),
      api<WorkSummary>('GET', `/api/v1/reports/summary?${query}&lang=${language}`),
    ]),
  );
  return (
    <Layout title={t('reports.title')}>
      <form
        className="toolbar"
        onSubmit={(event) => {
          event.preventDefault();
          const value = String(new FormData(event.currentTarget).get('period') ?? '').trim();
          if (value) setChosen(value);
        }}
      >
        <div className="field inline">
          <label htmlFor={periodId}>{t('reports.period')}</label>
          <input
            id={periodId}
            name="period"
            defaultValue={period}
            aria-describedby={`${periodId}-hint`}
            size={12}
          />
        </div>
        <button type="submit">{t('reports.show')}</button>
        <span id={`${periodId}-hint`} className="muted small">
          {t('reports.periodHint')}
        </span>
      </form>
      {data.status === 'loading' && <p role="status">{t('common.loading')}</p>}
      {data.status === 'failed' && <FailureAlert failure={new Error(data.detail)} />}
      {data.status === 'ready' && (
        <>
          <h2>{data.data[0].period.label}</h2>
          {data.data[0].unavailable.length > 0 && (
            <p className="notice">
              {t('reports.unavailable', {
                sections: data.data[0].unavailable
                  .map((section) => t(`reports.sections.${section}`))
                  .join(', '),
              })}
            </p>
          )}
          <div className="reports-grid">
            <section aria-labelledby="summary-title" className="panel">
              <h3 id="summary-title">{t('reports.summary')}</h3>
              <p className="summary-text" data-testid="summary-text">
                {data.data[1].text}
              </p>
              <p className="muted small">{data.data[1].roundingRule}</p>
              <h3>{t('reports.exports')}</h3>
              <ul className="exports">
                {(['csv', 'xlsx', 'pdf'] as const).map((format) => (
                  <li key={format}>
                    <a href={`/api/v1/reports/export?${query}&format=${format}&lang=${language}`} download>
                      {t(`reports.export.${format}`)}
                    </a>
                  </li>
                ))}
              </ul>
            </section>
            <Figures statistics={data.data[0]} />
          </div>
          <Charts statistics={data.data[0]} />
        </>
      )}
    </Layout>
  );
}
