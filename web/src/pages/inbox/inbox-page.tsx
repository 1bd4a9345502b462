import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTIFICATION_TYPES } from '../../../../src/modules/exchange/bodies/body-schemas.js';
import { api } from '../../api/client.js';
import { type Box, type NotificationSummary, PRIORITIES, SHOWN_STATUSES } from '../../api/exchange.js';
import type { Page } from '../../api/types.js';
import { useNodeEvents } from '../../api/use-events.js';
import { useResource } from '../../api/use-resource.js';
import { useCodeLabel } from '../../i18n/codes.js';
import { useFormatters } from '../../i18n/format.js';
import { currentLanguage } from '../../i18n/i18n.js';
import { Layout } from '../../shell/layout.js';
import { FailureAlert } from '../../ui/form.js';
import { Tabs } from '../../ui/tabs.js';
import { ComposeForm, type ReplyTo } from './compose-form.js';
import { NotificationDetail } from './notification-detail.js';

type Tab = Box | 'compose';

interface Filters {
  readonly type: string;
  readonly status: string;
  readonly priority: string;
}

function FilterSelect({
  label,
  value,
  options,
  onChange,
}: {
  readonly label: string;
  readonly value: string;
  readonly options: readonly { value: string; label: string }[];
  readonly onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field inline">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('inbox.any')}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function NotificationList({
  box,
  filters,
  generation,
  selected,
  onSelect,
}: {
  readonly box: Box;
  readonly filters: Filters;
  readonly generation: number;
  readonly selected: string | null;
  readonly onSelect: (id: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const label = useCodeLabel();
  const language = currentLanguage();
  const query = new URLSearchParams({ box, limit: '100', lang: language });
  for (const [key, value] of Object.entries(filters)) if (value) query.set(key, value);
  const list = useResource(`notifications:${query.toString()}:${generation}`, () =>
    api<Page<NotificationSummary>>('GET', `/api/v1/notifications?${query.toString()}`),
  );
  if (list.status === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (list.status === 'failed') return <FailureAlert failure={new Error(list.detail)} />;
  if (list.data.items.length === 0) return <p className="empty-state">{t('inbox.empty')}</p>;
  const ids = new Set(list.data.items.map((item) => item.id));
  return (
    <div className="table-scroll">
      <table className="grid notifications">
        <thead>
          <tr>
            <th scope="col">{t('inbox.priority')}</th>
            <th scope="col">{t('inbox.subject')}</th>
            <th scope="col">{box === 'inbox' ? t('inbox.sender') : t('inbox.to')}</th>
            <th scope="col">{t('inbox.status')}</th>
            <th scope="col">{t('inbox.time')}</th>
          </tr>
        </thead>
        <tbody>
          {list.data.items.map((item) => (
            <tr
              key={item.id}
              aria-selected={selected === item.id}
              className={item.inReplyTo && ids.has(item.inReplyTo) ? 'reply' : undefined}
            >
              <td>
                <span className={`badge priority-${item.priority}`}>{label('priority', item.priority)}</span>
              </td>
              <th scope="row">
                <button type="button" className="link" onClick={() => onSelect(item.id)}>
                  {item.title ?? label('notificationType', item.type)}
                </button>
                <span className="muted small"> {label('notificationType', item.type)}</span>
                {item.inReplyTo && <span className="muted small"> · {t('inbox.reply')}</span>}
              </th>
              <td>{box === 'inbox' ? item.senderAgency : item.recipients.map((r) => r.agency).join(', ')}</td>
              <td>
                {item.recipients.map((recipient) => (
                  <span key={recipient.agency} className={`badge status-${recipient.status}`}>
                    {box === 'inbox' ? '' : `${recipient.agency}: `}
                    {t(`inbox.statuses.${recipient.status}`)}
                  </span>
                ))}
              </td>
              <td>{format.dateTime(item.sentAt ?? item.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Inbox and outbox: filtered lists with per-recipient status, the message read in one's language, acknowledge, reply, compose. */
export default function InboxPage() {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const [tab, setTab] = useState<Tab>('inbox');
  const [filters, setFilters] = useState<Filters>({ type: '', status: '', priority: '' });
  const [selected, setSelected] = useState<string | null>(null);
  const [replyTo, setReplyTo] = useState<ReplyTo | null>(null);
  const [generation, setGeneration] = useState(0);
  const [arrived, setArrived] = useState(0);
  useNodeEvents(['notification.received', 'notification.status_changed'], (event) => {
    if (event.type === 'notification.received') setArrived((count) => count + 1);
    setGeneration((value) => value + 1);
  });
  const tabs = (['inbox', 'outbox', 'drafts', 'compose'] as const).map((key) => ({
    key,
    title: key === 'inbox' && arrived > 0 ? `${t('inbox.tabs.inbox')} (+${arrived})` : t(`inbox.tabs.${key}`),
  }));
  const choose = (next: Tab) => {
    setTab(next);
    setSelected(null);
    if (next === 'inbox') setArrived(0);
    if (next !== 'compose') setReplyTo(null);
  };
  const set = (key: keyof Filters) => (value: string) => setFilters({ ...filters, [key]: value });
  return (
    <Layout title={t('inbox.title')}>
      <Tabs label={t('inbox.title')} tabs={tabs} active={tab} onChange={choose}>
        {tab === 'compose' ? (
          <ComposeForm
            key={replyTo?.id ?? 'new'}
            replyTo={replyTo}
            onSent={(id, draft) => {
              setTab(draft ? 'drafts' : 'outbox');
              setSelected(id);
              setReplyTo(null);
            }}
          />
        ) : (
          <>
            <div className="toolbar">
              <FilterSelect
                label={t('inbox.type')}
                value={filters.type}
                options={NOTIFICATION_TYPES.map((code) => ({
                  value: code,
                  label: label('notificationType', code),
                }))}
                onChange={set('type')}
              />
              <FilterSelect
                label={t('inbox.status')}
                value={filters.status}
                options={SHOWN_STATUSES.map((code) => ({ value: code, label: t(`inbox.statuses.${code}`) }))}
                onChange={set('status')}
              />
              <FilterSelect
                label={t('inbox.priority')}
                value={filters.priority}
                options={PRIORITIES.map((code) => ({ value: code, label: label('priority', code) }))}
                onChange={set('priority')}
              />
            </div>
            <NotificationList
              box={tab}
              filters={filters}
              generation={generation}
              selected={selected}
              onSelect={setSelected}
            />
            {selected && (
              <NotificationDetail
                key={selected}
                id={selected}
                generation={generation}
                onOpen={setSelected}
                onReply={(reply) => {
                  setReplyTo(reply);
                  setTab('compose');
                }}
                onChanged={() => setGeneration((value) => value + 1)}
              />
            )}
          </>
        )}
      </Tabs>
    </Layout>
  );
}
