import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { agencyToday, useOwnAgency } from '../../api/agencies.js';
import { api, listAll } from '../../api/client.js';
import {
  PORT_STATUSES,
  type PortState,
  type PortStatusVersion,
  TEST_REQUIREMENTS,
} from '../../api/situation.js';
import { localName, type Port } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { useUser } from '../../auth/session.js';
import { useCodeLabel } from '../../i18n/codes.js';
import { useFormatters } from '../../i18n/format.js';
import { currentLanguage } from '../../i18n/i18n.js';
import { Layout } from '../../shell/layout.js';
import { DataTable } from '../../ui/data-table.js';
import { choicesOf, InputField, SelectField } from '../../ui/fields.js';
import { ResourceView } from '../../ui/resource-view.js';
import { formText, SubmitWithOutcome, useSubmission } from '../../ui/submission.js';
import { CrossingForm } from './crossing-form.js';
import { StatusBadge } from './status-badge.js';

interface Board {
  readonly states: readonly PortState[];
  readonly ports: ReadonlyMap<string, Port>;
}

async function loadBoard(): Promise<Board> {
  const [states, ports] = await Promise.all([
    api<{ items: PortState[] }>('GET', '/api/v1/situation/ports'),
    listAll<Port>('/api/v1/directory/ports?limit=500'),
  ]);
  return { states: states.items, ports: new Map(ports.map((port) => [port.code, port])) };
}

function useMeasuresText() {
  const { t } = useTranslation();
  const label = useCodeLabel();
  return (measures: PortStatusVersion['measures']) =>
    `${label('testRequirement', measures.testRequired)} · ${t('ports.quarantine', { days: measures.quarantineDays })} · ${measures.openingHours}`;
}

function History({ code }: { readonly code: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const measures = useMeasuresText();
  const history = useResource(`port-history:${code}`, () =>
    api<{ items: PortStatusVersion[] }>('GET', `/api/v1/situation/ports/${code}/history`),
  );
  return (
    <ResourceView resource={history}>
      {({ items }) => (
        <DataTable
          rows={items}
          rowKey={(version) => version.id}
          empty={t('ports.noHistory')}
          caption={t('ports.history', { port: code })}
          columns={[
            { key: 'from', header: t('ports.effectiveFrom'), cell: (v) => format.day(v.effectiveFrom) },
            {
              key: 'to',
              header: t('ports.effectiveTo'),
              cell: (v) => (v.effectiveTo ? format.day(v.effectiveTo) : '—'),
            },
            { key: 'status', header: t('ports.status'), cell: (v) => <StatusBadge status={v.status} /> },
            { key: 'measures', header: t('ports.measures'), cell: (v) => measures(v.measures) },
            {
              key: 'recorded',
              header: t('ports.recorded'),
              cell: (v) => `${format.dateTime(v.recordedAt)} · ${v.source}`,
            },
            { key: 'note', header: t('ports.note'), cell: (v) => v.note ?? '' },
          ]}
        />
      )}
    </ResourceView>
  );
}

function StatusForm({
  code,
  current,
  onSaved,
}: {
  readonly code: string;
  readonly current: PortStatusVersion | null;
  readonly onSaved: () => void;
}) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const agency = useOwnAgency();
  const submission = useSubmission();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = formText(event.currentTarget);
    void submission
      .run(
        () =>
          api<PortStatusVersion>('POST', `/api/v1/situation/ports/${code}/status`, {
            status: text('status'),
            measures: {
              testRequired: text('testRequired'),
              quarantineDays: Number(text('quarantineDays')),
              openingHours: text('openingHours'),
              ...(text('notes') && { notes: text('notes') }),
            },
            effectiveFrom: text('effectiveFrom'),
            ...(text('note') && { note: text('note') }),
          }),
        () => t('ports.saved'),
      )
      .then((saved) => saved && onSaved());
  };
  const error = submission.error;
  return (
    <form onSubmit={submit} className="form-grid" aria-labelledby="status-form-title">
      <h3 id="status-form-title">{t('ports.record', { port: code })}</h3>
      <SelectField
        label={t('ports.status')}
        error={error('status')}
        name="status"
        defaultValue={current?.status ?? 'open'}
        choices={choicesOf(PORT_STATUSES, (status) => label('portStatus', status))}
      />
      <SelectField
        label={t('ports.testRequired')}
        error={error('testRequired')}
        name="testRequired"
        defaultValue={current?.measures.testRequired ?? 'none'}
        choices={choicesOf(TEST_REQUIREMENTS, (test) => label('testRequirement', test))}
      />
      <InputField
        label={t('ports.quarantineDays')}
        error={error('quarantineDays')}
        name="quarantineDays"
        type="number"
        min={0}
        max={60}
        required
        defaultValue={current?.measures.quarantineDays ?? 0}
      />
      <InputField
        label={t('ports.openingHours')}
        hint={t('ports.openingHoursHint')}
        error={error('openingHours')}
        name="openingHours"
        required
        defaultValue={current?.measures.openingHours ?? '08:00-18:00'}
      />
      <InputField
        label={t('ports.effectiveFrom')}
        error={error('effectiveFrom')}
        name="effectiveFrom"
        type="date"
        required
        defaultValue={agencyToday(agency)}
      />
      <InputField
        label={t('ports.measureNotes')}
        error={error('notes')}
        name="notes"
        defaultValue={current?.measures.notes ?? ''}
      />
      <InputField label={t('ports.note')} error={error('note')} name="note" />
      <SubmitWithOutcome label={t('common.save')} submission={submission} />
    </form>
  );
}

/** The port board: every port's status and measures on both sides, how fresh they are, and their history. */
export default function PortBoardPage() {
  const { t } = useTranslation();
  const user = useUser();
  const format = useFormatters();
  const measures = useMeasuresText();
  const language = currentLanguage();
  const [generation, setGeneration] = useState(0);
  const [selected, setSelected] = useState<string | null>(null);
  const board = useResource(`port-board:${generation}`, loadBoard);
  const mayRecord = user.roles.some((role) => ['port_officer', 'liaison_officer', 'admin'].includes(role));
  return (
    <Layout title={t('ports.title')}>
      <p className="intro">{t('ports.intro')}</p>
      <ResourceView resource={board}>
        {({ states, ports }) => {
          const nameOf = (code: string) => {
            const port = ports.get(code);
            return port ? localName(port.names, language, port.code) : code;
          };
          const chosen = states.find((state) => state.portCode === selected);
          return (
            <>
              <DataTable
                rows={states}
                rowKey={(state) => state.portCode}
                empty={t('ports.none')}
                rowClassName={(state) => (state.stale ? 'stale' : undefined)}
                columns={[
                  {
                    key: 'port',
                    header: t('ports.port'),
                    rowHeader: true,
                    cell: (state) => (
                      <>
                        {nameOf(state.portCode)} <span className="muted small">{state.portCode}</span>
                      </>
                    ),
                  },
                  {
                    key: 'country',
                    header: t('ports.country'),
                    cell: (state) => (
                      <>
                        {format.country(state.country)}{' '}
                        <span className="muted small">({t(`situation.side.${state.side}`)})</span>
                      </>
                    ),
                  },
                  {
                    key: 'status',
                    header: t('ports.status'),
                    cell: (state) => <StatusBadge status={state.current?.status ?? null} />,
                  },
                  {
                    key: 'measures',
                    header: t('ports.measures'),
                    cell: (state) => (state.current ? measures(state.current.measures) : '—'),
                  },
                  {
                    key: 'from',
                    header: t('ports.effectiveFrom'),
                    cell: (state) => (state.current ? format.day(state.current.effectiveFrom) : '—'),
                  },
                  {
                    key: 'update',
                    header: t('ports.lastUpdate'),
                    cell: (state) => (
                      <>
                        {state.lastUpdateAt ? format.dateTime(state.lastUpdateAt) : '—'}
                        {state.stale && <span className="badge stale-badge">{t('ports.stale')}</span>}
                      </>
                    ),
                  },
                  {
                    key: 'actions',
                    header: t('ports.actions'),
                    cell: (state) => (
                      <button
                        type="button"
                        aria-pressed={selected === state.portCode}
                        aria-label={t('ports.open', { port: nameOf(state.portCode) })}
                        onClick={() => setSelected(selected === state.portCode ? null : state.portCode)}
                      >
                        {t('ports.details')}
                      </button>
                    ),
                  },
                ]}
              />
              {chosen && (
                <section className="panel" aria-label={t('ports.details')}>
                  {mayRecord && chosen.side === 'own' && (
                    <StatusForm
                      key={chosen.portCode}
                      code={chosen.portCode}
                      current={chosen.current}
                      onSaved={() => setGeneration((value) => value + 1)}
                    />
                  )}
                  {mayRecord && (
                    <CrossingForm
                      key={`crossings:${chosen.portCode}`}
                      port={chosen}
                      portName={nameOf(chosen.portCode)}
                    />
                  )}
                  <History key={`${chosen.portCode}:${generation}`} code={chosen.portCode} />
                </section>
              )}
            </>
          );
        }}
      </ResourceView>
    </Layout>
  );
}
