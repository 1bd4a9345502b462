import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { Completeness } from '../../api/situation.js';
import { useResource } from '../../api/use-resource.js';
import { useFormatters } from '../../i18n/format.js';
import { FailureAlert } from '../../ui/form.js';

/** Which agencies reported the day, which were late and which counties are still missing. */
export function CompletenessPanel({
  date,
  countyName,
}: {
  readonly date: string;
  readonly countyName: (code: string) => string;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const data = useResource(`completeness:${date}`, () =>
    api<Completeness>('GET', `/api/v1/situation/completeness?date=${date}`),
  );
  if (data.status === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (data.status === 'failed') return <FailureAlert failure={new Error(data.detail)} />;
  if (data.data.agencies.length === 0)
    return <p className="empty-state">{t('situation.completeness.none')}</p>;
  return (
    <section aria-labelledby="completeness-title">
      <h2 id="completeness-title">{t('situation.completeness.title', { date: format.day(date) })}</h2>
      <table className="grid">
        <thead>
          <tr>
            <th scope="col">{t('situation.completeness.agency')}</th>
            <th scope="col">{t('situation.completeness.side')}</th>
            <th scope="col">{t('situation.completeness.dueAt')}</th>
            <th scope="col">{t('situation.completeness.expected')}</th>
            <th scope="col">{t('situation.completeness.reported')}</th>
            <th scope="col">{t('situation.completeness.late')}</th>
            <th scope="col">{t('situation.completeness.missing')}</th>
            <th scope="col">{t('situation.completeness.share')}</th>
          </tr>
        </thead>
        <tbody>
          {data.data.agencies.map((agency) => (
            <tr key={agency.agency}>
              <th scope="row">{agency.agency}</th>
              <td>{t(`situation.side.${agency.side}`)}</td>
              <td>{format.dateTime(agency.dueAt)}</td>
              <td className="num">{format.number(agency.expected)}</td>
              <td className="num">{format.number(agency.reported)}</td>
              <td className="num">{format.number(agency.late)}</td>
              <td className="num">{format.number(agency.missing)}</td>
              <td>
                <meter
                  min={0}
                  max={Math.max(agency.expected, 1)}
                  value={agency.reported}
                  aria-label={t('situation.completeness.shareOf', { agency: agency.agency })}
                />{' '}
                {format.percent(agency.expected === 0 ? 100 : (agency.reported / agency.expected) * 100)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {data.data.agencies
        .filter((agency) => agency.missing + agency.late > 0)
        .map((agency) => (
          <p key={agency.agency} className="small">
            <strong>{agency.agency}</strong>{' '}
            {agency.counties
              .filter((county) => county.state !== 'reported')
              .map(
                (county) =>
                  `${countyName(county.countyCode)} (${t(`situation.completeness.state.${county.state}`)})`,
              )
              .join(' · ')}
          </p>
        ))}
    </section>
  );
}
