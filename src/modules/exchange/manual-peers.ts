import nodemailer from 'nodemailer';
import { appendAudit } from '../../core/audit/audit.js';
import { type Principal, SYSTEM_ACTOR } from '../../core/auth/roles.js';
import { inTransaction } from '../../core/db/transaction.js';
import { conflict, invalid, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { getAgency } from '../directory/directory.service.js';
import {
  isPersonalDataType,
  type Language,
  type NotificationType,
  type Priority,
  personalDataRetentionDays,
  renderPlainDocument,
} from './bodies/index.js';
import { ackDeadline } from './delivery-status.js';
import { assertMayRead, assertMaySend } from './exchange.access.js';
import type { ManualIncoming, ManualStatus } from './exchange.schema.js';
import { advanceRecipient, checkBody, type ExchangeDeps, publishStatus } from './exchange.service.js';
import * as store from './exchange.store.js';
import type { NotificationRow } from './exchange.tables.js';
import { agencyName, bodyOf } from './exchange.views.js';
import { plainDocumentToPdf } from './manual-document.js';

const DAY_MS = 86_400_000;

export interface ManualDocument {
  fileName: string;
  contentType: string;
  data: Buffer;
  language: Language;
}

async function outgoing(deps: ExchangeDeps, id: string): Promise<NotificationRow> {
  const row = await store.findNotification(deps.db, id);
  if (!row) throw notFound('exchange.notification_not_found', 'Notification', id);
  if (row.direction !== 'outgoing') {
    throw conflict('exchange.not_in_outbox', 'only a notification we send has documents for its recipients', {
      id,
    });
  }
  if (row.body === null)
    throw conflict('exchange.purged', 'the personal data of this notification was purged');
  return row;
}

/** The language a counterpart reads: its peer setting, else its directory entry. */
async function languageOf(deps: ExchangeDeps, agency: string): Promise<Language> {
  const peer = await deps.federation.getPeer(deps.db, agency);
  if (peer) return peer.language;
  const entry = await getAgency(deps.db, agency).catch(() => null);
  return entry?.language ?? 'en';
}

async function plainText(
  deps: ExchangeDeps,
  row: NotificationRow,
  agency: string,
  lang: Language,
): Promise<string> {
  const recipients = await store.recipientsOf(deps.db, [row.id]);
  const recipient = recipients.find((r) => r.agency === agency);
  if (!recipient) {
    throw invalid('exchange.not_a_recipient', `${agency} is not a recipient of this notification`, {
      field: 'agency',
    });
  }
  const names = await Promise.all(recipients.map((r) => agencyName(deps.db, r.agency, lang)));
  const timeZone = (await getAgency(deps.db, agency).catch(() => null))?.timeZone;
  return renderPlainDocument(
    {
      id: row.id,
      type: row.type as NotificationType,
      priority: row.priority as Priority,
      body: bodyOf(row),
      text: row.text ?? undefined,
      senderAgencyName: await agencyName(deps.db, row.sender_agency, lang),
      createdAt: row.sent_at ?? row.created_at,
      recipients: names,
      acknowledgeBy: recipient.due_at ?? undefined,
    },
    lang,
    timeZone === undefined ? {} : { timeZone },
  );
}

/** The copy of an outgoing notification for one counterpart, in its language, as text or PDF. */
export async function manualDocument(
  deps: ExchangeDeps,
  principal: Principal,
  id: string,
  query: { agency?: string; format?: 'pdf' | 'txt'; lang?: Language },
): Promise<ManualDocument> {
  const row = await outgoing(deps, id);
  assertMayRead(principal, row.personal_data === 1);
  const recipients = await store.recipientsOf(deps.db, [row.id]);
  const agency =
    query.agency ?? recipients.find((r) => r.channel === 'manual')?.agency ?? recipients[0]?.agency;
  if (agency === undefined) throw invalid('exchange.no_recipient', 'the notification has no recipients');
  if (row.personal_data === 1) {
    await appendAudit(deps.db, principal, {
      action: 'notification.document_personal',
      targetType: 'notification',
      targetId: id,
      details: { agency, format: query.format ?? 'pdf' },
    });
  }
  const lang = query.lang ?? (await languageOf(deps, agency));
  const text = await plainText(deps, row, agency, lang);
  const base = `notification-${row.id}-${agency}-${lang}`;
  if (query.format === 'txt') {
    return {
      fileName: `${base}.txt`,
      contentType: 'text/plain; charset=utf-8',
      data: Buffer.from(text),
      language: lang,
    };
  }
  const data = await plainDocumentToPdf(text, { title: text.split('\n')[0] ?? 'Borderlink', id: row.id });
  return { fileName: `${base}.pdf`, contentType: 'application/pdf', data, language: lang };
}

/**
 * Mails each manual counterpart its copy (text in the body, PDF attached) when SMTP is configured and the
 * peer has an address; a copy that went out moves the recipient to `sent`. Failures are logged and left for
 * officers, who can always download the document and fax it.
 */
export async function mailManualCopies(
  deps: ExchangeDeps,
  id: string,
  agencies: readonly string[],
): Promise<number> {
  const { smtpUrl, smtpFrom } = deps.settings;
  if (smtpUrl === undefined || smtpFrom === undefined) return 0;
  const transport = nodemailer.createTransport(smtpUrl);
  let mailed = 0;
  try {
    const row = await outgoing(deps, id);
    for (const agency of agencies) {
      const peer = await deps.federation.getPeer(deps.db, agency);
      if (!peer?.email) continue;
      try {
        const text = await plainText(deps, row, agency, peer.language);
        const pdf = await plainDocumentToPdf(text, { title: text.split('\n')[0] ?? 'Borderlink', id });
        await transport.sendMail({
          from: smtpFrom,
          to: peer.email,
          subject: `${text.split('\n')[0] ?? 'Borderlink'} — ${id}`,
          text,
          attachments: [{ filename: `notification-${id}-${peer.language}.pdf`, content: pdf }],
        });
        const at = deps.now().toISOString();
        const moved = await inTransaction(deps.db, async (trx) => {
          const changed = await advanceRecipient(trx, id, agency, 'sent', at, {
            note: `mailed to ${peer.email}`,
          });
          await appendAudit(trx, SYSTEM_ACTOR, {
            action: 'notification.mail',
            targetType: 'notification',
            targetId: id,
            details: { agency },
          });
          return changed;
        });
        if (moved) publishStatus(deps, id, agency, 'sent', row.personal_data === 1);
        mailed += 1;
      } catch (error) {
        deps.log.warn({ err: error, notification: id, agency }, 'mailing the copy for a manual peer failed');
      }
    }
  } finally {
    transport.close();
  }
  return mailed;
}

/** An officer records by hand what a manual counterpart did with a notification (received, read, acknowledged). */
export async function recordManualStatus(
  deps: ExchangeDeps,
  principal: Principal,
  id: string,
  agency: string,
  input: ManualStatus,
): Promise<void> {
  const row = await outgoing(deps, id);
  assertMaySend(principal, row.type as NotificationType);
  if (row.state !== 'sent')
    throw conflict('exchange.not_sent', 'the notification has not been sent yet', { id });
  const recipient = await store.findRecipient(deps.db, id, agency);
  if (!recipient) throw notFound('exchange.recipient_not_found', 'Recipient', agency);
  if (recipient.channel !== 'manual') {
    throw conflict('exchange.not_manual', `${agency} has a node; its receipts arrive by themselves`, {
      agency,
    });
  }
  if (Date.parse(input.at) > deps.now().getTime() + 5 * 60_000) {
    throw invalid('exchange.future_instant', 'the status cannot be dated in the future', { field: 'at' });
  }
  const moved = await inTransaction(deps.db, async (trx) => {
    const changed = await advanceRecipient(trx, id, agency, input.status, input.at, {
      by: principal.displayName,
      ...(input.note === undefined ? {} : { note: input.note }),
    });
    await appendAudit(trx, principal, {
      action: 'notification.record_status',
      targetType: 'notification',
      targetId: id,
      details: { agency, status: input.status, at: input.at, applied: changed },
    });
    return changed;
  });
  if (!moved) {
    throw conflict('exchange.status_not_forward', `${agency} is already past ${input.status}`, {
      status: recipient.status,
      agency,
    });
  }
  publishStatus(deps, id, agency, input.status, row.personal_data === 1);
}

/** Records a notification or reply a counterpart without a node sent by e-mail, fax or phone. */
export async function recordManualIncoming(
  deps: ExchangeDeps,
  principal: Principal,
  input: ManualIncoming,
): Promise<{ id: string }> {
  assertMaySend(principal, input.type);
  checkBody(input.type, input.body);
  const sender = await getAgency(deps.db, input.from).catch(() => null);
  if (!sender || sender.kind === 'own') {
    throw invalid('exchange.unknown_sender', `${input.from} is not a counterpart agency in the directory`, {
      field: 'from',
    });
  }
  const id = newId();
  const at = deps.now().toISOString();
  const retention = personalDataRetentionDays(input.type);
  const personal = isPersonalDataType(input.type);
  await inTransaction(deps.db, async (trx) => {
    if (input.inReplyTo !== undefined && !(await store.findNotification(trx, input.inReplyTo))) {
      throw invalid(
        'exchange.unknown_thread',
        `inReplyTo ${input.inReplyTo} is not a notification this node knows`,
        {
          field: 'inReplyTo',
        },
      );
    }
    await store.insertNotification(trx, {
      id,
      direction: 'incoming',
      state: 'received',
      origin: 'manual',
      type: input.type,
      priority: input.priority,
      sender_agency: input.from,
      body: JSON.stringify(input.body),
      text: input.text ?? null,
      in_reply_to: input.inReplyTo ?? null,
      personal_data: personal ? 1 : 0,
      created_by: principal.userId,
      created_at: input.receivedAt,
      updated_at: at,
      sent_at: input.receivedAt,
      purge_after: retention === null ? null : new Date(Date.parse(at) + retention * DAY_MS).toISOString(),
      purged_at: null,
      cap_identifier: null,
      cap_sender: null,
      cap_sent: null,
    });
    await store.replaceRecipients(trx, id, [
      {
        notification_id: id,
        agency: deps.ownAgency,
        status: 'delivered',
        channel: 'manual',
        due_at: ackDeadline(input.receivedAt, input.priority),
        sent_at: input.receivedAt,
        delivered_at: input.receivedAt,
        read_at: null,
        acknowledged_at: null,
        acknowledged_by: null,
        rejected_reason: null,
        note: input.via === undefined ? null : `received by ${input.via}`,
        updated_at: at,
      },
    ]);
    await appendAudit(trx, principal, {
      action: 'notification.record_incoming',
      targetType: 'notification',
      targetId: id,
      details: { from: input.from, type: input.type, via: input.via ?? null },
    });
  });
  deps.events.publish({
    type: 'notification.received',
    agencyCode: deps.ownAgency,
    data: { id, type: input.type, priority: input.priority, from: input.from },
    personalData: personal,
  });
  return { id };
}
