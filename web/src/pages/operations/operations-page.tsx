import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Layout } from '../../shell/layout.js';
import { Tabs } from '../../ui/tabs.js';
import { CalendarPanel } from './calendar-panel.js';
import { HandoversPanel } from './handovers-panel.js';
import { HotspotsPanel, InterceptionsPanel } from './interceptions-panel.js';
import { PlanForm } from './plan-form.js';

type Tab = 'calendar' | 'plan' | 'interceptions' | 'handovers' | 'hotspots';

/** Operations: the joint-operations calendar and plans, interceptions, handovers and hotspots. */
export default function OperationsPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('calendar');
  // An interception the officer chose to hand over, preselected in the handover request.
  const [handOver, setHandOver] = useState<string | null>(null);
  const tabs = (['calendar', 'plan', 'interceptions', 'handovers', 'hotspots'] as const).map((key) => ({
    key,
    title: t(`operations.tabs.${key}`),
  }));
  return (
    <Layout title={t('operations.title')}>
      <Tabs label={t('operations.title')} tabs={tabs} active={tab} onChange={setTab}>
        {tab === 'calendar' && <CalendarPanel />}
        {tab === 'plan' && <PlanForm onSaved={() => setTab('calendar')} />}
        {tab === 'interceptions' && (
          <InterceptionsPanel
            onHandOver={(id) => {
              setHandOver(id);
              setTab('handovers');
            }}
          />
        )}
        {tab === 'handovers' && <HandoversPanel key={handOver ?? 'none'} interceptionId={handOver} />}
        {tab === 'hotspots' && <HotspotsPanel />}
      </Tabs>
    </Layout>
  );
}
