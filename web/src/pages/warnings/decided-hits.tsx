import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { usePlaceName } from '../../api/places.js';
import type { Page } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import type { ListedHit } from '../../api/warning.js';
import { useCodeLabel } from '../../i18n/codes.js';
import { useFormatters } from '../../i18n/format.js';
import { FailureAlert, Field } from '../../ui/form.js';
import { HitReview } from './hit-review.js';
import { HitTravellerLine } from './hit-traveller.js';

const DECIDED = ['confirmed', 'dismissed'] as const;
type Decided = (typeof DECIDED)[number];

/**
 * Hits already decided, newest first: the desk comes back here to record what was done about a confirmed
 * hit once the traveller has left the counter, and to look up earlier decisions.
 */
export function DecidedHits() {
  const { t } = useTranslation();
  const format = useFormatters();
  const label = useCodeLabel();
  const placeName = usePlaceName();
  const [status, setStatus] = useState<Decided>('confirmed');
  const [selected, setSelected] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const hits = useResource(`decided-hits:${status}:${generation}`, () =>
    api<Page<ListedHit>>('GET', `/api/v1/warning/hits?status=${status}&limit=100`),
  );
  return (
    <div className="desk">
      <section aria-labelledby="decided-title" className="feed">
        <h2 id="decided-title">{t('warnings.decided.title')}</h2>
        <Field label={t('warnings.decided.show')}>
          {({ id }) => (
            <select
              id={id}
              value={status}
              onChange={(event) => {
                setSelected(null);
                setStatus(event.target.value === 'dismissed' ? 'dismissed' : 'confirmed');
              }}
            >
              {DECIDED.map((code) => (
                <option key={code} value={code}>
                  {t(`warnings.status.${code}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {hits.status === 'loading' && <p role="status">{t('common.loading')}</p>}
        {hits.status === 'failed' && <FailureAlert failure={new Error(hits.detail)} />}
        {hits.status === 'ready' && hits.data.items.length === 0 && (
          <p className="empty-state">{t('warnings.decided.empty')}</p>
        )}
        {hits.status === 'ready' && (
          <ul className="hit-list">
            {hits.data.items.map((hit) => (
              <li key={hit.id} className={`hit verdict-${hit.verdict}`}>
                <button type="button" aria-pressed={selected === hit.id} onClick={() => setSelected(hit.id)}>
                  <strong>
                    {hit.kind === 'rule' && hit.rule
                      ? t(`warnings.rules.${hit.rule}`)
                      : label('matchVerdict', hit.verdict)}
                  </strong>
                  <HitTravellerLine hit={hit} />
                  <span className="small">
                    {placeName('ports', hit.portCode)} · {label('direction', hit.direction)} ·{' '}
                    {format.dateTime(hit.crossedAt)}
                  </span>
                  <span className="small muted">
                    {hit.action ? label('hitAction', hit.action) : t('warnings.decided.noAction')}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      {selected ? (
        <HitReview key={selected} id={selected} onDecided={() => setGeneration((value) => value + 1)} />
      ) : (
        <p className="empty-state">{t('warnings.review.pick')}</p>
      )}
    </div>
  );
}
