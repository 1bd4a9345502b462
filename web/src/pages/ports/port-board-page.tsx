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
import { Done, FailureAlert, Field, failureOf, fieldErrorOf } from '../../ui/form.js';
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

function History({ code }: { readonly code: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const label = useCodeLabel();
  const history = useResource(`port-history:${code}`, () =>
    api<{ items: PortStatusVersion[] }>('GET', `/api/v1/situation/ports/${code}/history`),
  );
  if (history.status === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (history.status === 'failed') return <FailureAlert failure={new Error(history.detail)} />;
  if (history.data.items.length === 0) return <p className="empty-state">{t('ports.noHistory')}</p>;
  return (
    <table className="grid">
      <caption>{t('ports.history', { port: code })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('ports.effectiveFrom')}</th>
          <th scope="col">{t('ports.effectiveTo')}</th>
          <th scope="col">{t('ports.status')}</th>
          <th scope="col">{t('ports.measures')}</th>
          <th scope="col">{t('ports.recorded')}</th>
          <th scope="col">{t('ports.note')}</th>
        </tr>
      </thead>
      <tbody>
        {history.data.items.map((version) => (
          <tr key={version.id}>
            <td>{format.day(version.effectiveFrom)}</td>
            <td>{version.effectiveTo ? format.day(version.effectiveTo) : '—'}</td>
            <td>
              <StatusBadge status={version.status} />
            </td>
            <td>
              {label('testRequirement', version.measures.testRequired)} ·{' '}
              {t('ports.quarantine', { days: version.measures.quarantineDays })} ·{' '}
              {version.measures.openingHours}
            </td>
            <td>
              {format.dateTime(version.recordedAt)} · {version.source}
            </td>
            <td>{version.note ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
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
  const [failure, setFailure] = useState<Error | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const notes = text('notes');
    const note = text('note');
    setFailure(null);
    setDone(null);
    api<PortStatusVersion>('POST', `/api/v1/situation/ports/${code}/status`, {
      status: text('status'),
      measures: {
        testRequired: text('testRequired'),
        quarantineDays: Number(text('quarantineDays')),
        openingHours: text('openingHours'),
        ...(notes && { notes }),
      },
      effectiveFrom: text('effectiveFrom'),
      ...(note && { note }),
    }).then(
      () => {
        setDone(t('ports.saved'));
        onSaved();
      },
      (error: unknown) => setFailure(failureOf(error)),
    );
  };
  const error = (field: string) => fieldErrorOf(failure, field);
  return (
    <form onSubmit={submit} className="form-grid" aria-labelledby="status-form-title">
      <h3 id="status-form-title">{t('ports.record', { port: code })}</h3>
      <Field label={t('ports.status')} error={error('status')}>
        {({ id }) => (
          <select id={id} name="status" defaultValue={current?.status ?? 'open'}>
            {PORT_STATUSES.map((status) => (
              <option key={status} value={status}>
                {label('portStatus', status)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('ports.testRequired')} error={error('testRequired')}>
        {({ id }) => (
          <select id={id} name="testRequired" defaultValue={current?.measures.testRequired ?? 'none'}>
            {TEST_REQUIREMENTS.map((test) => (
              <option key={test} value={test}>
                {label('testRequirement', test)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('ports.quarantineDays')} error={error('quarantineDays')}>
        {({ id, describedBy }) => (
          <input
            id={id}
            name="quarantineDays"
            type="number"
            min={0}
            max={60}
            required
            defaultValue={current?.measures.quarantineDays ?? 0}
            aria-describedby={describedBy}
          />
        )}
      </Field>
      <Field label={t('ports.openingHours')} hint={t('ports.openingHoursHint')} error={error('openingHours')}>
        {({ id, describedBy }) => (
          <input
            id={id}
            name="openingHours"
            required
            defaultValue={current?.measures.openingHours ?? '08:00-18:00'}
            aria-describedby={describedBy}
          />
        )}
      </Field>
      <Field label={t('ports.effectiveFrom')} error={error('effectiveFrom')}>
        {({ id }) => (
          <input id={id} name="effectiveFrom" type="date" required defaultValue={agencyToday(agency)} />
        )}
      </Field>
      <Field label={t('ports.measureNotes')} error={error('notes')}>
        {({ id }) => <input id={id} name="notes" defaultValue={current?.measures.notes ?? ''} />}
      </Field>
      <Field label={t('ports.note')} error={error('note')}>
        {({ id }) => <input id={id} name="note" />}
      </Field>
      <div className="actions">
        <button type="submit" className="primary">
          {t('common.save')}
        </button>
      </div>
      <FailureAlert failure={failure} />
      <Done message={done} />
    </form>
  );
}

/** The port board: every port's status and measures on both sides, how fresh they are, and their history. */
export default function PortBoardPage() {
  const { t } = useTranslation();
  const user = useUser();
  const format = useFormatters();
  const label = useCodeLabel();
  const language = currentLanguage();
  const [generation, setGeneration] = useState(0);
  const [selected, setSelected] = useState<string | null>(null);
  const board = useResource(`port-board:${generation}`, loadBoard);
  const mayRecord = user.roles.some((role) => ['port_officer', 'liaison_officer', 'admin'].includes(role));
  const content = (() => {
    if (board.status === 'loading') return <p role="status">{t('common.loading')}</p>;
    if (board.status === 'failed') return <FailureAlert failure={new Error(board.detail)} />;
    const { states, ports } = board.data;
    if (states.length === 0) return <p className="empty-state">{t('ports.none')}</p>;
    const chosen = states.find((state) => state.portCode === selected);
    return (
      <>
        <div className="table-scroll">
          <table className="grid">
            <thead>
              <tr>
                <th scope="col">{t('ports.port')}</th>
                <th scope="col">{t('ports.country')}</th>
                <th scope="col">{t('ports.status')}</th>
                <th scope="col">{t('ports.measures')}</th>
                <th scope="col">{t('ports.effectiveFrom')}</th>
                <th scope="col">{t('ports.lastUpdate')}</th>
                <th scope="col">{t('ports.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {states.map((state) => {
                const port = ports.get(state.portCode);
                const name = port ? localName(port.names, language, port.code) : state.portCode;
                const measures = state.current?.measures;
                return (
                  <tr key={state.portCode} className={state.stale ? 'stale' : undefined}>
                    <th scope="row">
                      {name} <span className="muted small">{state.portCode}</span>
                    </th>
                    <td>
                      {format.country(state.country)}{' '}
                      <span className="muted small">({t(`situation.side.${state.side}`)})</span>
                    </td>
                    <td>
                      <StatusBadge status={state.current?.status ?? null} />
                    </td>
                    <td>
                      {measures
                        ? `${label('testRequirement', measures.testRequired)} · ${t('ports.quarantine', { days: measures.quarantineDays })} · ${measures.openingHours}`
                        : '—'}
                    </td>
                    <td>{state.current ? format.day(state.current.effectiveFrom) : '—'}</td>
                    <td>
                      {state.lastUpdateAt ? format.dateTime(state.lastUpdateAt) : '—'}
                      {state.stale && <span className="badge stale-badge">{t('ports.stale')}</span>}
                    </td>
                    <td>
                      <button
                        type="button"
                        aria-pressed={selected === state.portCode}
                        aria-label={t('ports.open', { port: name })}
                        onClick={() => setSelected(selected === state.portCode ? null : state.portCode)}
                      >
                        {t('ports.details')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
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
            <History key={`${chosen.portCode}:${generation}`} code={chosen.portCode} />
          </section>
        )}
      </>
    );
  })();
  return (
    <Layout title={t('ports.title')}>
      <p className="intro">{t('ports.intro')}</p>
      {content}
    </Layout>
  );
}
