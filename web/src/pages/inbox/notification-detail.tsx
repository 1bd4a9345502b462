import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { NotificationView } from '../../api/exchange.js';
import { useResource } from '../../api/use-resource.js';
import { useCodeLabel } from '../../i18n/codes.js';
import { useFormatters } from '../../i18n/format.js';
import { currentLanguage } from '../../i18n/i18n.js';
import { Done, FailureAlert, Field, failureOf } from '../../ui/form.js';
import type { ReplyTo } from './compose-form.js';

function RecipientsTable({ notification }: { readonly notification: NotificationView }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const when = (value: string | null) => (value ? format.dateTime(value) : '—');
  return (
    <table className="grid">
      <caption>{t('inbox.detail.recipients')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('inbox.detail.agency')}</th>
          <th scope="col">{t('inbox.status')}</th>
          <th scope="col">{t('inbox.detail.delivered')}</th>
          <th scope="col">{t('inbox.detail.read')}</th>
          <th scope="col">{t('inbox.detail.acknowledged')}</th>
          <th scope="col">{t('inbox.detail.due')}</th>
        </tr>
      </thead>
      <tbody>
        {notification.recipients.map((recipient) => (
          <tr key={recipient.agency}>
            <th scope="row">
              {recipient.agency}
              {recipient.channel === 'manual' && (
                <span className="muted small"> ({t('inbox.detail.manual')})</span>
              )}
            </th>
            <td>
              <span className={`badge status-${recipient.status}`}>
                {t(`inbox.statuses.${recipient.status}`)}
              </span>
            </td>
            <td>{when(recipient.deliveredAt)}</td>
            <td>{when(recipient.readAt)}</td>
            <td>
              {when(recipient.acknowledgedAt)}
              {recipient.note && <p className="small">{recipient.note}</p>}
            </td>
            <td>{when(recipient.dueAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Acknowledge({ id, onDone }: { readonly id: string; readonly onDone: (notice: string) => void }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<Error | null>(null);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const note = String(new FormData(event.currentTarget).get('note') ?? '').trim();
    api<NotificationView>('POST', `/api/v1/notifications/${id}/ack`, note ? { note } : {}).then(
      () => onDone(t('inbox.detail.acknowledgedNotice')),
      (error: unknown) => setFailure(failureOf(error)),
    );
  };
  return (
    <form onSubmit={submit} className="acknowledge">
      <Field label={t('inbox.detail.ackNote')}>
        {({ id: inputId }) => <input id={inputId} name="note" maxLength={2000} />}
      </Field>
      <button type="submit" className="primary">
        {t('inbox.detail.acknowledge')}
      </button>
      <FailureAlert failure={failure} />
    </form>
  );
}

/** One notification rendered in the reader's language, the sender's own words beside it, and who has it. */
export function NotificationDetail({
  id,
  generation,
  onOpen,
  onReply,
  onChanged,
}: {
  readonly id: string;
  readonly generation: number;
  readonly onOpen: (id: string) => void;
  readonly onReply: (reply: ReplyTo) => void;
  readonly onChanged: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const label = useCodeLabel();
  const language = currentLanguage();
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<Error | null>(null);
  const [own, setOwn] = useState(0);
  const detail = useResource(`notification:${id}:${language}:${generation}:${own}`, () =>
    api<NotificationView>('GET', `/api/v1/notifications/${id}?lang=${language}`),
  );
  if (detail.status === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (detail.status === 'failed') return <FailureAlert failure={new Error(detail.detail)} />;
  const notification = detail.data;
  // The renderer joins the body's own free text and the sender's remarks, both untranslated.
  const senderText = notification.rendered?.senderText ?? notification.text;
  const pendingAck =
    notification.box === 'inbox' && notification.recipients.some((r) => r.status !== 'acknowledged');
  return (
    <article className="panel notification" aria-labelledby="notification-title">
      <h2 id="notification-title">
        {notification.rendered?.title ?? label('notificationType', notification.type)}
      </h2>
      <p className="small">
        <span className={`badge priority-${notification.priority}`}>
          {label('priority', notification.priority)}
        </span>{' '}
        {label('notificationType', notification.type)} ·{' '}
        {t('inbox.from', { agency: notification.senderAgency })} ·{' '}
        {format.dateTime(notification.sentAt ?? notification.createdAt)}
      </p>
      {notification.inReplyTo && (
        <p className="small">
          <button
            type="button"
            className="link"
            onClick={() => notification.inReplyTo && onOpen(notification.inReplyTo)}
          >
            {t('inbox.detail.inReplyTo')}
          </button>
        </p>
      )}
      <div className="side-by-side">
        <section aria-labelledby="rendered-title">
          <h3 id="rendered-title">{t('inbox.detail.rendered')}</h3>
          {notification.rendered ? (
            <ul className="rendered" lang={notification.rendered.language}>
              {notification.rendered.lines.map((line, index) => (
                <li key={`${index.toString()}:${line}`}>{line}</li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('inbox.detail.noRendering')}</p>
          )}
        </section>
        <section aria-labelledby="sender-text-title">
          <h3 id="sender-text-title">{t('inbox.detail.senderText')}</h3>
          {senderText ? (
            <blockquote className="sender-text">{senderText}</blockquote>
          ) : (
            <p className="muted">{t('inbox.detail.noSenderText')}</p>
          )}
        </section>
      </div>
      {notification.attachments.length > 0 && (
        <ul>
          {notification.attachments.map((attachment) => (
            <li key={attachment.sha256}>
              <a href={`/api/v1/attachments/${attachment.sha256}`} download={attachment.name}>
                {attachment.name}
              </a>{' '}
              <span className="muted small">({format.number(attachment.size)} B)</span>
            </li>
          ))}
        </ul>
      )}
      <RecipientsTable notification={notification} />
      <div className="actions">
        {notification.box === 'drafts' && (
          <button
            type="button"
            className="primary"
            onClick={() =>
              api<void>('POST', `/api/v1/notifications/${notification.id}/send`).then(
                () => {
                  setNotice(t('inbox.compose.sent'));
                  setOwn((value) => value + 1);
                  onChanged();
                },
                (error: unknown) => setFailure(failureOf(error)),
              )
            }
          >
            {t('inbox.detail.sendDraft')}
          </button>
        )}
        {notification.box === 'inbox' && (
          <button
            type="button"
            onClick={() => onReply({ id: notification.id, agency: notification.senderAgency })}
          >
            {t('inbox.detail.reply')}
          </button>
        )}
      </div>
      {pendingAck && (
        <Acknowledge
          id={notification.id}
          onDone={(message) => {
            setNotice(message);
            setOwn((value) => value + 1);
            onChanged();
          }}
        />
      )}
      <FailureAlert failure={failure} />
      <Done message={notice} />
    </article>
  );
}
