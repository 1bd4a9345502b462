import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUser } from '../../auth/session.js';
import { useFormatters } from '../../i18n/format.js';
import { Layout } from '../../shell/layout.js';
import { FailureAlert } from '../../ui/form.js';
import { Tabs } from '../../ui/tabs.js';
import { DecidedHits } from './decided-hits.js';
import { HitFeed, useLiveHits } from './hit-feed.js';
import { HitNoticesPanel } from './hit-notices-panel.js';
import { HitReview } from './hit-review.js';
import { ListsPanel } from './lists-panel.js';
import { RulesPanel } from './rules-panel.js';
import { ScreeningForm } from './screening-form.js';
import { WatchlistPanel } from './watchlist-panel.js';

const TABS = ['desk', 'decided', 'screen', 'lists', 'watchlist', 'rules', 'notices'] as const;
type Tab = (typeof TABS)[number];
const LIAISON_TABS = ['notices', 'watchlist'] as const;
type LiaisonTab = (typeof LIAISON_TABS)[number];

/**
 * Warnings. The port desk (and an administrator) works every tab; a liaison officer keeps the watchlist and
 * follows up what counterparts found, without the desk's live alerts, which the node keeps for the desk.
 */
export default function WarningsPage() {
  const user = useUser();
  const atTheDesk = user.roles.includes('port_officer') || user.roles.includes('admin');
  return atTheDesk ? <DeskWarnings /> : <LiaisonWarnings />;
}

function LiaisonWarnings() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<LiaisonTab>('notices');
  const tabs = LIAISON_TABS.map((key) => ({ key, title: t(`warnings.tabs.${key}`) }));
  return (
    <Layout title={t('warnings.title')}>
      <Tabs label={t('warnings.title')} tabs={tabs} active={tab} onChange={setTab}>
        {tab === 'notices' && <HitNoticesPanel />}
        {tab === 'watchlist' && <WatchlistPanel />}
      </Tabs>
    </Layout>
  );
}

/** The port desk's live alerts with hit review, decided hits, the traveller check, lists, watchlist and rules. */
function DeskWarnings() {
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
        {tab === 'notices' && <HitNoticesPanel />}
      </Tabs>
    </Layout>
  );
}
