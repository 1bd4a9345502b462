import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Layout } from '../../shell/layout.js';
import { FailureAlert } from '../../ui/form.js';
import { Tabs } from '../../ui/tabs.js';
import { HitFeed, useLiveHits } from './hit-feed.js';
import { HitReview } from './hit-review.js';
import { ScreeningForm } from './screening-form.js';
import { WatchlistPanel } from './watchlist-panel.js';

type Tab = 'desk' | 'screen' | 'watchlist';

/** Warnings: the port desk's live alerts with hit review, the traveller check, and the watchlist. */
export default function WarningsPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('desk');
  const [selected, setSelected] = useState<string | null>(null);
  // The feed keeps polling on every tab so an alert rings even while the officer edits the watchlist.
  const live = useLiveHits();
  const tabs = (['desk', 'screen', 'watchlist'] as const).map((key) => ({
    key,
    title:
      key === 'desk' && live.fresh.size > 0
        ? `${t('warnings.tabs.desk')} (${live.fresh.size})`
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
        {tab === 'screen' && <ScreeningForm onScreened={live.refresh} />}
        {tab === 'watchlist' && <WatchlistPanel />}
      </Tabs>
    </Layout>
  );
}
