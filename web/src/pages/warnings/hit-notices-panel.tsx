import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAgencies } from '../../api/agencies.js';
import { api } from '../../api/client.js';
import { usePlaceName } from '../../api/places.js';
import { type Agency, localName, type Page } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import type { ReceivedHitNotice } from '../../api/warning.js';
import { useCodeLabel } from '../../i18n/codes.js';
import { useFormatters } from '../../i18n/format.js';
import { currentLanguage } from '../../i18n/i18n.js';
import { type Column, DataTable } from '../../ui/data-table.js';
import { directoryChoices, SelectField } from '../../ui/fields.js';
import { FailureAlert } from '../../ui/form.js';

const PAGE_SIZE = 50;

const agencyName = (agencies: readonly Agency[], code: string) => {
  const agency = agencies.find((candidate) => candidate.code === code);
  return agency ? localName(agency.names, currentLanguage(), code) : code;
};

/**
 * The notices counterparts sent when their border post found a person on an entry we shared: who, where and
 * when, what they did, by when they expect our reply and whether we gave it (acknowledging the notice's
 * notification, here or in the inbox). Liaison follows these up; the desk may look too.
 */
export function HitNoticesPanel() {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const placeName = usePlaceName();
  const format = useFormatters();
  const agencies = useAgencies();
  const [counterpart, setCounterpart] = useState('');
  const [more, setMore] = useState<{ items: readonly ReceivedHitNotice[]; cursor: string | null } | null>(
    null,
  );
  const [failure, setFailure] = useState<Error | null>(null);
  // notices answered here, by notification id, shown answered without reading the pages again
  const [answered, setAnswered] = useState<Readonly<Record<string, string>>>({});
  const [answering, setAnswering] = useState<string | null>(null);
  const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (counterpart) query.set('fromAgency', counterpart);
  const notices = useResource(`hit-notices:${query}`, () =>
    api<Page<ReceivedHitNotice>>('GET', `/api/v1/warning/hit-notices?${query}`),
  );
  const known = agencies.status === 'ready' ? agencies.data : [];
  const showMore = (cursor: string) => {
    const next = new URLSearchParams(query);
    next.set('cursor', cursor);
    api<Page<ReceivedHitNotice>>('GET', `/api/v1/warning/hit-notices?${next}`).then(
      (page) => setMore({ items: [...(more?.items ?? []), ...page.items], cursor: page.nextCursor }),
      (error: unknown) => setFailure(error instanceof Error ? error : new Error(String(error))),
    );
  };
  const acknowledge = (notificationId: string) => {
    setFailure(null);
    setAnswering(notificationId);
    api('POST', `/api/v1/notifications/${notificationId}/ack`, {})
      .then(
        () => setAnswered((done) => ({ ...done, [notificationId]: new Date().toISOString() })),
        (error: unknown) => setFailure(error instanceof Error ? error : new Error(String(error))),
      )
      .finally(() => setAnswering(null));
  };
  const reply = (notice: ReceivedHitNotice) => {
    const { notificationId } = notice;
    const answeredAt =
      notice.reply?.state === 'acknowledged'
        ? notice.reply.acknowledgedAt
        : notificationId
          ? answered[notificationId]
          : undefined;
    if (answeredAt !== undefined) {
      return (
        <>
          <span className="badge status-acknowledged">{t('warnings.notices.answered')}</span>
          {answeredAt && (
            <>
              <br />
              <span className="small">{format.dateTime(answeredAt)}</span>
            </>
          )}
        </>
      );
    }
    return (
      <>
        {notice.replyBy ? (
          format.dateTime(notice.replyBy)
        ) : (
          <span className="muted">{t('warnings.notices.noDeadline')}</span>
        )}
        {notice.reply?.state === 'overdue' && (
          <>
            {' '}
            <span className="badge status-overdue">{t('warnings.notices.overdue')}</span>
          </>
        )}
        {notice.reply && notificationId && (
          <>
            <br />
            <button
              type="button"
              className="small"
              disabled={answering === notificationId}
              onClick={() => acknowledge(notificationId)}
            >
              {t('warnings.notices.acknowledge')}
            </button>
          </>
        )}
      </>
    );
  };
  const columns: readonly Column<ReceivedHitNotice>[] = [
    {
      key: 'person',
      header: t('warnings.notices.person'),
      rowHeader: true,
      cell: ({ entry }) => {
        if (!entry) return <em className="muted">{t('warnings.notices.entryGone')}</em>;
        const latin = [entry.surname, entry.givenNames].filter(Boolean).join(', ');
        return (
          <>
            {latin || entry.nativeName || '—'}
            {latin && entry.nativeName && <span className="muted"> ({entry.nativeName})</span>}
            <br />
            <span className="small">{label('personCategory', entry.category)}</span>
          </>
        );
      },
    },
    {
      key: 'counterpart',
      header: t('warnings.notices.counterpart'),
      cell: (notice) => agencyName(known, notice.fromAgency),
    },
    {
      key: 'crossing',
      header: t('warnings.notices.crossing'),
      cell: ({ crossing }) => (
        <>
          {placeName('ports', crossing.portCode)} · {label('direction', crossing.direction)}
          <br />
          <span className="small">{format.dateTime(crossing.crossedAt)}</span>
        </>
      ),
    },
    {
      key: 'action',
      header: t('warnings.notices.action'),
      cell: (notice) => label('hitAction', notice.actionTaken),
    },
    {
      key: 'replyBy',
      header: t('warnings.notices.replyBy'),
      cell: reply,
    },
    {
      key: 'received',
      header: t('warnings.notices.received'),
      cell: (notice) => format.dateTime(notice.receivedAt),
    },
  ];
  const items = notices.status === 'ready' ? [...notices.data.items, ...(more?.items ?? [])] : [];
  const nextCursor = more ? more.cursor : notices.status === 'ready' ? notices.data.nextCursor : null;
  return (
    <section aria-labelledby="notices-title">
      <h2 id="notices-title">{t('warnings.notices.title')}</h2>
      <p className="muted">{t('warnings.notices.intro')}</p>
      <div className="toolbar">
        <SelectField
          label={t('warnings.notices.filterCounterpart')}
          value={counterpart}
          onChange={(event) => {
            setMore(null);
            setCounterpart(event.target.value);
          }}
          choices={[
            { value: '', label: t('warnings.watchlist.all') },
            ...directoryChoices(
              known.filter((agency) => agency.kind === 'counterpart'),
              currentLanguage(),
            ),
          ]}
        />
      </div>
      <FailureAlert failure={failure} />
      {notices.status === 'loading' && <p role="status">{t('common.loading')}</p>}
      {notices.status === 'failed' && <FailureAlert failure={new Error(notices.detail)} />}
      {notices.status === 'ready' && (
        <DataTable
          columns={columns}
          rows={items}
          rowKey={(notice) => notice.id}
          empty={t('warnings.notices.empty')}
          caption={t('warnings.notices.caption')}
        />
      )}
      {nextCursor && (
        <button type="button" onClick={() => showMore(nextCursor)}>
          {t('warnings.notices.more')}
        </button>
      )}
    </section>
  );
}
