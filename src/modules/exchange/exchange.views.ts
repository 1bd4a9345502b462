import type { Db } from '../../core/db/database.js';
import { getAgency } from '../directory/directory.service.js';
import {
  type Language,
  type NotificationType,
  type Priority,
  type RenderedNotification,
  renderNotification,
} from './bodies/index.js';
import { asRecipientStatus, shownStatus } from './delivery-status.js';
import type {
  AttachmentView,
  Box,
  NotificationSummary,
  NotificationView,
  RecipientView,
  RenderedView,
} from './exchange.schema.js';
import type { NotificationAttachmentRow, NotificationRow, RecipientRow } from './exchange.tables.js';

/** The box a stored notification belongs to, as the API names it. */
export function boxOf(row: NotificationRow): Box {
  if (row.direction === 'incoming') return 'inbox';
  return row.state === 'draft' ? 'drafts' : 'outbox';
}

export const bodyOf = (row: NotificationRow): unknown => (row.body === null ? null : JSON.parse(row.body));

export function toRecipientView(row: RecipientRow, now: Date): RecipientView {
  return {
    agency: row.agency,
    status: shownStatus(asRecipientStatus(row.status), row.due_at, now),
    channel: row.channel === 'manual' ? 'manual' : 'node',
    dueAt: row.due_at,
    sentAt: row.sent_at,
    deliveredAt: row.delivered_at,
    readAt: row.read_at,
    acknowledgedAt: row.acknowledged_at,
    acknowledgedBy: row.acknowledged_by,
    note: row.note,
    rejectedReason: row.rejected_reason,
  };
}

const toAttachmentView = (row: NotificationAttachmentRow): AttachmentView => ({
  name: row.name,
  sha256: row.sha256,
  size: row.size,
  mediaType: row.media_type,
});

/** An agency's display name in the reader's language, its code when the directory does not know it. */
export async function agencyName(db: Db, code: string, lang: Language): Promise<string> {
  try {
    const agency = await getAgency(db, code);
    return agency.names[lang] ?? agency.names.en ?? agency.names.local ?? code;
  } catch {
    return code;
  }
}

/** Renders a stored body in the reader's language; null once its personal data was purged. */
export function renderRow(
  row: NotificationRow,
  lang: Language,
  options: { senderName?: string; timeZone?: string },
): RenderedNotification | null {
  if (row.body === null) return null;
  return renderNotification(
    {
      type: row.type as NotificationType,
      body: bodyOf(row),
      priority: row.priority as Priority,
      senderAgencyName: options.senderName,
      text: row.text ?? undefined,
    },
    lang,
    options.timeZone === undefined ? {} : { timeZone: options.timeZone },
  );
}

function header(row: NotificationRow) {
  return {
    id: row.id,
    box: boxOf(row),
    state: row.state as NotificationView['state'],
    origin: row.origin as NotificationView['origin'],
    type: row.type as NotificationType,
    priority: row.priority as Priority,
    senderAgency: row.sender_agency,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    inReplyTo: row.in_reply_to,
    personalData: row.personal_data === 1,
    purged: row.purged_at !== null,
  };
}

export function toSummary(
  row: NotificationRow,
  recipients: RecipientRow[],
  title: string | null,
  now: Date,
): NotificationSummary {
  return {
    ...header(row),
    title,
    recipients: recipients.map((r) => ({
      agency: r.agency,
      status: shownStatus(asRecipientStatus(r.status), r.due_at, now),
    })),
  };
}

export function toView(
  row: NotificationRow,
  recipients: RecipientRow[],
  attachments: NotificationAttachmentRow[],
  rendered: (RenderedNotification & { language: Language }) | null,
  now: Date,
): NotificationView {
  const renderedView: RenderedView | null =
    rendered === null
      ? null
      : {
          language: rendered.language,
          title: rendered.title,
          lines: rendered.lines,
          text: rendered.text,
          ...(rendered.senderText === undefined ? {} : { senderText: rendered.senderText }),
        };
  return {
    ...header(row),
    body: bodyOf(row),
    text: row.text,
    recipients: recipients.map((r) => toRecipientView(r, now)),
    attachments: attachments.map(toAttachmentView),
    rendered: renderedView,
    cap:
      row.cap_identifier !== null && row.cap_sender !== null && row.cap_sent !== null
        ? { identifier: row.cap_identifier, sender: row.cap_sender, sent: row.cap_sent }
        : null,
  };
}
