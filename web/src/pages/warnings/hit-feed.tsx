import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { usePlaceName } from '../../api/places.js';
import type { Page } from '../../api/types.js';
import { useNodeEvents } from '../../api/use-events.js';
import { usePolling } from '../../api/use-polling.js';
import type { ListedHit } from '../../api/warning.js';
import { useCodeLabel } from '../../i18n/codes.js';
import { useFormatters } from '../../i18n/format.js';
import { enableAlertSound, playAlertSound } from './alert-sound.js';
import { HitTravellerLine } from './hit-traveller.js';

/** A safety net behind the event stream: a dropped stream still brings hits within this time. */
export const FEED_INTERVAL_MS = 15_000;

/** Open hits, newest first, refreshed on each `hit.raised` event; remembers which arrived since the page opened so they can be marked. */
export function useLiveHits(): {
  hits: readonly ListedHit[] | null;
  fresh: ReadonlySet<string>;
  failure: string | null;
  refresh(): void;
} {
  const polled = usePolling(
    'open-hits',
    () => api<Page<ListedHit>>('GET', '/api/v1/warning/hits?status=open&limit=50'),
    FEED_INTERVAL_MS,
  );
  // The node announces each new hit on its event stream; the desk then reads the list at once.
  useNodeEvents(['hit.raised'], () => polled.refresh());
  const seen = useRef<Set<string> | null>(null);
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    if (!polled.data) return;
    const ids = polled.data.items.map((hit) => hit.id);
    if (seen.current === null) {
      // The hits open when the desk opened are not news; only later ones ring.
      seen.current = new Set(ids);
      return;
    }
    const arrived = ids.filter((id) => !seen.current?.has(id));
    if (arrived.length === 0) return;
    for (const id of arrived) seen.current.add(id);
    setFresh((previous) => new Set([...previous, ...arrived]));
    playAlertSound();
  }, [polled.data]);
  return { hits: polled.data?.items ?? null, fresh, failure: polled.failure, refresh: polled.refresh };
}

/** The port desk's live alert list: each open hit with verdict, score, port and time; new ones flash. */
export function HitFeed({
  hits,
  fresh,
  selected,
  onSelect,
}: {
  readonly hits: readonly ListedHit[] | null;
  readonly fresh: ReadonlySet<string>;
  readonly selected: string | null;
  readonly onSelect: (id: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const label = useCodeLabel();
  const placeName = usePlaceName();
  const [sound, setSound] = useState(false);
  return (
    <section aria-labelledby="feed-title" className="feed">
      <div className="feed-head">
        <h2 id="feed-title">{t('warnings.feed.title')}</h2>
        <button
          type="button"
          aria-pressed={sound}
          onClick={() => {
            enableAlertSound();
            setSound(true);
            playAlertSound();
          }}
        >
          {sound ? t('warnings.feed.soundOn') : t('warnings.feed.enableSound')}
        </button>
      </div>
      <div aria-live="polite" aria-relevant="additions">
        {hits === null && <p role="status">{t('common.loading')}</p>}
        {hits?.length === 0 && <p className="empty-state">{t('warnings.feed.empty')}</p>}
        <ul className="hit-list">
          {hits?.map((hit) => (
            <li key={hit.id} className={`hit verdict-${hit.verdict}${fresh.has(hit.id) ? ' fresh' : ''}`}>
              <button
                type="button"
                aria-pressed={selected === hit.id}
                onClick={() => onSelect(hit.id)}
                data-testid="hit"
              >
                <strong>
                  {hit.kind === 'rule' && hit.rule
                    ? t(`warnings.rules.${hit.rule}`)
                    : label('matchVerdict', hit.verdict)}
                </strong>
                {fresh.has(hit.id) && <span className="badge new-badge">{t('warnings.feed.new')}</span>}
                <HitTravellerLine hit={hit} />
                <span className="small">
                  {placeName('ports', hit.portCode)} · {label('direction', hit.direction)} ·{' '}
                  {format.dateTime(hit.crossedAt)}
                </span>
                {hit.kind === 'identity' && (
                  <span className="small muted">
                    {t('warnings.feed.score', { score: format.number(Math.round(hit.score * 100) / 100) })}
                  </span>
                )}
              </button>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
