import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { useResource } from '../../api/use-resource.js';
import { useFormatters } from '../../i18n/format.js';
import { FailureAlert } from '../../ui/form.js';
import { StatusBadge } from '../ports/status-badge.js';
import { RiskBadge } from './risk-badge.js';

interface Figures {
  readonly reported: boolean;
  readonly new: number | null;
  readonly sum7: number | null;
  readonly riskLevel: string | null;
}

interface MirrorView {
  readonly counties: readonly {
    readonly ours: { readonly countyCode: string; readonly figures: Figures };
    readonly theirs: { readonly countyCode: string; readonly figures: Figures };
    readonly riskDiffers: boolean;
  }[];
  readonly ports: readonly {
    readonly ours: {
      readonly portCode: string;
      readonly status: string | null;
      readonly crossings: number | null;
    };
    readonly theirs: {
      readonly portCode: string;
      readonly status: string | null;
      readonly crossings: number | null;
    };
    readonly statusDiffers: boolean;
    readonly crossingDiscrepancy: boolean;
  }[];
}

function CountySide({ name, figures }: { readonly name: string; readonly figures: Figures }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <>
      <td>{name}</td>
      <td className="num">
        {figures.reported && figures.new !== null
          ? format.number(figures.new)
          : t('situation.mirror.notReported')}
      </td>
      <td>
        <RiskBadge level={figures.riskLevel} />
      </td>
    </>
  );
}

/** The same day on both sides of the border: facing counties and facing ports, with the differences marked. */
export function MirrorPanel({
  date,
  countyName,
}: {
  readonly date: string;
  readonly countyName: (code: string) => string;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const mirror = useResource(`mirror:${date}`, () =>
    api<MirrorView>('GET', `/api/v1/situation/mirror?date=${date}`),
  );
  if (mirror.status === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (mirror.status === 'failed') return <FailureAlert failure={new Error(mirror.detail)} />;
  const { counties, ports } = mirror.data;
  return (
    <section aria-labelledby="mirror-title">
      <h2 id="mirror-title">{t('situation.mirror.title', { date: format.day(date) })}</h2>
      {counties.length === 0 && ports.length === 0 && (
        <p className="empty-state">{t('situation.mirror.none')}</p>
      )}
      {counties.length > 0 && (
        <table className="grid">
          <caption>{t('situation.mirror.counties')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('situation.mirror.ours')}</th>
              <th scope="col">{t('situation.trends.daily')}</th>
              <th scope="col">{t('situation.risk.title')}</th>
              <th scope="col">{t('situation.mirror.theirs')}</th>
              <th scope="col">{t('situation.trends.daily')}</th>
              <th scope="col">{t('situation.risk.title')}</th>
            </tr>
          </thead>
          <tbody>
            {counties.map((pair) => (
              <tr key={pair.ours.countyCode} className={pair.riskDiffers ? 'stale' : undefined}>
                <CountySide name={countyName(pair.ours.countyCode)} figures={pair.ours.figures} />
                <CountySide name={countyName(pair.theirs.countyCode)} figures={pair.theirs.figures} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {ports.length > 0 && (
        <table className="grid">
          <caption>{t('situation.mirror.ports')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('situation.mirror.ours')}</th>
              <th scope="col">{t('ports.status')}</th>
              <th scope="col">{t('situation.mirror.crossings')}</th>
              <th scope="col">{t('situation.mirror.theirs')}</th>
              <th scope="col">{t('ports.status')}</th>
              <th scope="col">{t('situation.mirror.crossings')}</th>
            </tr>
          </thead>
          <tbody>
            {ports.map((pair) => (
              <tr
                key={pair.ours.portCode}
                className={pair.statusDiffers || pair.crossingDiscrepancy ? 'stale' : undefined}
              >
                {[pair.ours, pair.theirs].map((side) => (
                  <PortSide key={side.portCode} side={side} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function PortSide({
  side,
}: {
  readonly side: { portCode: string; status: string | null; crossings: number | null };
}) {
  const format = useFormatters();
  return (
    <>
      <td>{side.portCode}</td>
      <td>
        <StatusBadge status={side.status} />
      </td>
      <td className="num">{side.crossings === null ? '—' : format.number(side.crossings)}</td>
    </>
  );
}
