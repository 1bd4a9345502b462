import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../i18n/format.js';
import { Layout } from '../../shell/layout.js';
import { FailureAlert } from '../../ui/form.js';
import { Tabs } from '../../ui/tabs.js';
import { DecidedHits } from './decided-hits.js';
import { HitFeed, useLiveHits } from './hit-feed.js';
import { HitReview } from './hit-review.js';
import { ListsPanel } from './lists-panel.js';
import { RulesPanel } from './rules-panel.js';
import { ScreeningForm } from './screening-form.js';
import { WatchlistPanel } from './watchlist-panel.js';

const TABS = ['desk', 'decided', 'screen', 'lists', 'watchlist', 'rules'] as const;
type Tab = (typeof TABS)[number];

/**
 * Warnings: the port desk's live alerts with hit review, decided hits, the traveller check, passenger lists
 * and bulk files, the watchlist, and the early-warning rules.
 */
export default function WarningsPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const [tab, setTab] = useState<Tab>('desk');
  const [selected, setSelected] = useState<string | null>(null);
  // The feed keeps polling on every tab so an alert rings even while the officer edits the watchlist.
  const live = useLiveHits();
  // The count is the open alerts the desk lists, not those that arrived since the page opened: the two differ as
  // soon as a hit was open on arrival or is decided, and the officer reads the number as the list's length.
  const openAlerts = live.hits?.length ?? 0;
  const tabs = TABS.map((key) => ({
    key,
    title:
      key === 'desk' && openAlerts > 0
        ? t('warnings.tabs.deskCount', { number: format.number(openAlerts) })
        : t(`warnings.tabs.${key}`),
  }));
  return (
    <Layout title={t('warnings.title')}>
      {live.failure && <FailureAlert failure={new Error(live.failure)} />}
      <Tabs label={t('warnings.title')} tabs={tabs} active={tab} onChange={setTab}>
        {tab === 'desk' && (
          <div className="desk">
            <HitFeed hits={live.hits} fresh={live.fresh} selected={selected} onSelect={setSelected} />
            {selected ? (
              <HitReview key={selected} id={selected} onDecided={live.refresh} />
            ) : (
              <p className="empty-state">{t('warnings.review.pick')}</p>
            )}
          </div>
        )}
        {tab === 'decided' && <DecidedHits />}
        {tab === 'screen' && <ScreeningForm onScreened={live.refresh} />}
        {tab === 'lists' && <ListsPanel onScreened={live.refresh} />}
        {tab === 'watchlist' && <WatchlistPanel />}
        {tab === 'rules' && <RulesPanel />}
      </Tabs>
    </Layout>
  );
}
