import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Layout } from '../../shell/layout.js';
import { Tabs } from '../../ui/tabs.js';
import { AuditPanel } from './audit-panel.js';
import { PeersPanel } from './peers-panel.js';
import { SettingsPanel } from './settings-panel.js';
import { UsersPanel } from './users-panel.js';

const TABS = ['users', 'peers', 'audit', 'settings'] as const;
type Tab = (typeof TABS)[number];

/** The node administrator's work: users, the federation trust list, the audit chain, situation settings. */
export default function AdminPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('users');
  return (
    <Layout title={t('admin.title')}>
      <p className="intro">{t('admin.intro')}</p>
      <Tabs
        label={t('admin.title')}
        tabs={TABS.map((key) => ({ key, title: t(`admin.tabs.${key}`) }))}
        active={tab}
        onChange={setTab}
      >
        {tab === 'users' && <UsersPanel />}
        {tab === 'peers' && <PeersPanel />}
        {tab === 'audit' && <AuditPanel />}
        {tab === 'settings' && <SettingsPanel />}
      </Tabs>
    </Layout>
  );
}
