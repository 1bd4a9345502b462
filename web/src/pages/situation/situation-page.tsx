import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { agencyToday, useOwnAgency } from '../../api/agencies.js';
import { listAll } from '../../api/client.js';
import { type County, localName } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { currentLanguage } from '../../i18n/i18n.js';
import { Layout } from '../../shell/layout.js';
import { FailureAlert } from '../../ui/form.js';
import { Tabs } from '../../ui/tabs.js';
import { CompletenessPanel } from './completeness-panel.js';
import { EntryGrid } from './entry-grid.js';
import { ImportPanel } from './import-panel.js';
import { MirrorPanel } from './mirror-panel.js';
import { TrendsPanel } from './trends-panel.js';

type Tab = 'entry' | 'completeness' | 'mirror' | 'trends' | 'import';

/** Situation: the day's data entry, completeness of both sides' reports, county trends and file imports. */
export default function SituationPage() {
  const { t } = useTranslation();
  const agency = useOwnAgency();
  const dateId = useId();
  const [chosenDate, setChosenDate] = useState<string | null>(null);
  const [tab, setTab] = useState<Tab>('entry');
  const [generation, setGeneration] = useState(0);
  const date = chosenDate ?? agencyToday(agency);
  const counties = useResource('situation-counties', () =>
    listAll<County>('/api/v1/directory/counties?limit=500'),
  );
  const language = currentLanguage();
  const all = counties.status === 'ready' ? counties.data : [];
  const names = new Map(all.map((county) => [county.code, localName(county.names, language, county.code)]));
  const countyName = (code: string) => names.get(code) ?? code;
  const tabs = (['entry', 'completeness', 'mirror', 'trends', 'import'] as const).map((key) => ({
    key,
    title: t(`situation.tabs.${key}`),
  }));
  return (
    <Layout title={t('situation.title')}>
      <div className="toolbar">
        <div className="field inline">
          <label htmlFor={dateId}>{t('situation.date')}</label>
          <input
            id={dateId}
            type="date"
            value={date}
            max={agencyToday(agency)}
            onChange={(event) => event.target.value && setChosenDate(event.target.value)}
          />
        </div>
      </div>
      {counties.status === 'failed' && <FailureAlert failure={new Error(counties.detail)} />}
      <Tabs label={t('situation.title')} tabs={tabs} active={tab} onChange={setTab}>
        {tab === 'entry' && agency && (
          <EntryGrid key={`${date}:${generation}`} date={date} country={agency.country} />
        )}
        {tab === 'completeness' && <CompletenessPanel date={date} countyName={countyName} />}
        {tab === 'mirror' && <MirrorPanel date={date} countyName={countyName} />}
        {tab === 'trends' && <TrendsPanel counties={all} date={date} countyName={countyName} />}
        {tab === 'import' && <ImportPanel onImported={() => setGeneration((value) => value + 1)} />}
      </Tabs>
    </Layout>
  );
}
