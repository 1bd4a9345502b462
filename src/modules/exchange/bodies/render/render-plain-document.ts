import type { Language } from '../language.js';
import type { RenderOptions } from './render-context.js';
import { type NotificationToRender, renderContext, renderNotification } from './render-notification.js';

/** What a plain document adds to a notification: the envelope facts a fax or e-mail must carry. */
export interface NotificationDocument extends NotificationToRender {
  id?: string | undefined;
  /** ISO instant the notification was created. */
  createdAt?: string | undefined;
  /** Display names of the recipient agencies. */
  recipients?: readonly string[] | undefined;
  /** ISO instant by which the recipient is asked to acknowledge. */
  acknowledgeBy?: string | undefined;
}

const RULE = '='.repeat(60);
const THIN_RULE = '-'.repeat(60);

/**
 * Renders a notification as a plain-text document in the reader's language, for counterparts without a node:
 * heading, envelope facts, the rendered body and the sender's untranslated text.
 */
export const renderPlainDocument = (
  notification: NotificationDocument,
  lang: Language,
  options: RenderOptions = {},
): string => {
  const ctx = renderContext(lang, options);
  const rendered = renderNotification({ ...notification, senderAgencyName: undefined }, lang, options);
  const envelope = [
    ...(notification.id === undefined ? [] : [ctx.msg('document.reference', { id: notification.id })]),
    ctx.msg('document.type', { type: ctx.leadingLabel('notificationType', notification.type) }),
    ...(notification.senderAgencyName === undefined
      ? []
      : [ctx.msg('document.sender', { sender: notification.senderAgencyName })]),
    ...(notification.recipients === undefined || notification.recipients.length === 0
      ? []
      : [ctx.msg('document.recipients', { recipients: ctx.list(notification.recipients) })]),
    ...(notification.createdAt === undefined
      ? []
      : [ctx.msg('document.date', { date: ctx.instant(notification.createdAt) })]),
    ctx.msg('document.priority', { priority: ctx.label('priority', notification.priority) }),
    ...(notification.acknowledgeBy === undefined
      ? []
      : [ctx.msg('document.acknowledgeBy', { deadline: ctx.instant(notification.acknowledgeBy) })]),
  ];
  const senderText =
    rendered.senderText === undefined ? [] : ['', ctx.msg('document.senderText'), rendered.senderText];
  return [
    ctx.msg('document.title'),
    RULE,
    ...envelope,
    RULE,
    '',
    rendered.title,
    '',
    ...rendered.lines,
    ...senderText,
    '',
    THIN_RULE,
    ctx.msg('document.footer'),
    '',
  ].join('\n');
};
