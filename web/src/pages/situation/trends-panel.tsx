import { lazy, Suspense, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { CountySeries } from '../../api/situation.js';
import type { County } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { shiftDay, useFormatters } from '../../i18n/format.js';
import { FailureAlert } from '../../ui/form.js';
import { RiskBadge } from './risk-badge.js';

const SeriesChart = lazy(() => import('./series-chart.js'));

const DAYS_SHOWN = 30;

function Series({ county, date }: { readonly county: County; readonly date: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const from = shiftDay(date, -(DAYS_SHOWN - 1));
  const series = useResource(`series:${county.code}:${date}`, () =>
    api<CountySeries>('GET', `/api/v1/situation/counties/${county.code}/series?from=${from}&to=${date}`),
  );
  const labels = useMemo(
    () => ({
      daily: t('situation.trends.daily'),
      average: t('situation.trends.average'),
      label: t('situation.trends.chartLabel'),
    }),
    [t],
  );
  if (series.status === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (series.status === 'failed') return <FailureAlert failure={new Error(series.detail)} />;
  const points = series.data.points;
  const last = points.at(-1);
  if (!last) return <p className="empty-state">{t('situation.trends.noData')}</p>;
  return (
    <>
      <p>
        {t('situation.trends.riskNow')} <RiskBadge level={last.riskLevel} />
        {last.incidence7Per100k !== null && (
          <span className="muted">
            {' '}
            ·{' '}
            {t('situation.trends.incidence', {
              value: format.number(Math.round(last.incidence7Per100k * 10) / 10),
            })}
          </span>
        )}
      </p>
      <Suspense
        fallback={
          <p className="chart" role="status">
            {t('common.loading')}
          </p>
        }
      >
        <SeriesChart points={points} labels={labels} />
      </Suspense>
      <details>
        <summary>{t('situation.trends.table')}</summary>
        <table className="grid">
          <thead>
            <tr>
              <th scope="col">{t('situation.date')}</th>
              <th scope="col">{t('situation.trends.daily')}</th>
              <th scope="col">{t('situation.trends.average')}</th>
              <th scope="col">{t('situation.figures.confirmed')}</th>
              <th scope="col">{t('situation.risk.title')}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((point) => (
              <tr key={point.date}>
                <th scope="row">{format.day(point.date)}</th>
                <td className="num">{format.number(point.new)}</td>
                <td className="num">{format.number(Math.round(point.avg7 * 10) / 10)}</td>
                <td className="num">{format.number(point.confirmed)}</td>
                <td>
                  <RiskBadge level={point.riskLevel} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}

/** A border county's last 30 days: new cases, the 7-day average and the risk level they give. */
export function TrendsPanel({
  counties,
  date,
  countyName,
}: {
  readonly counties: readonly County[];
  readonly date: string;
  readonly countyName: (code: string) => string;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const selectId = useId();
  const [code, setCode] = useState(counties[0]?.code ?? '');
  const county = counties.find((candidate) => candidate.code === code);
  if (counties.length === 0) return <p className="empty-state">{t('situation.entry.noCounties')}</p>;
  return (
    <section aria-labelledby="trends-title">
      <h2 id="trends-title">{t('situation.trends.title')}</h2>
      <div className="field inline">
        <label htmlFor={selectId}>{t('situation.county')}</label>
        <select id={selectId} value={code} onChange={(event) => setCode(event.target.value)}>
          {counties.map((candidate) => (
            <option key={candidate.code} value={candidate.code}>
              {countyName(candidate.code)} · {format.country(candidate.country)}
            </option>
          ))}
        </select>
      </div>
      {county && <Series county={county} date={date} />}
    </section>
  );
}
