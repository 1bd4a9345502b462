import type { Kysely, Transaction } from 'kysely';
import type { Logger } from 'pino';
import { appendAudit } from '../../core/audit/audit.js';
import type { Actor, Principal } from '../../core/auth/roles.js';
import type { ExchangeConfig } from '../../core/config.js';
import type { Database, Db } from '../../core/db/database.js';
import { inTransaction } from '../../core/db/transaction.js';
import { AppError, conflict, invalid, notFound } from '../../core/errors.js';
import type { EventBus } from '../../core/events.js';
import { decodeCursor, encodeCursor, pageOf } from '../../core/http/pagination.js';
import { newId } from '../../core/ids.js';
import { getAgency } from '../directory/directory.service.js';
import type { FederationApi, OutgoingMessage } from '../federation/federation.contract.js';
import {
  isNotificationType,
  isPersonalDataType,
  type Language,
  type NotificationType,
  type Priority,
  personalDataRetentionDays,
  validateBody,
} from './bodies/index.js';
import {
  type AckHours,
  ackDeadline,
  advances,
  asRecipientStatus,
  DEFAULT_ACK_HOURS,
  type RecipientStatus,
} from './delivery-status.js';
import { assertMayRead, assertMaySend } from './exchange.access.js';
import type {
  DraftChanges,
  ListQuery,
  NewNotification,
  NotificationSummary,
  NotificationView,
  OverdueItem,
  PeerDeadlines,
} from './exchange.schema.js';
import * as store from './exchange.store.js';
import type { NotificationRow } from './exchange.tables.js';
import { agencyName, renderRow, toSummary, toView } from './exchange.views.js';
import type { NotificationPayload, ReceiptPayload, ReceiptType } from './exchange.wire.js';

/** What the exchange use cases need from the node. */
export interface ExchangeDeps {
  readonly db: Kysely<Database>;
  readonly ownAgency: string;
  readonly events: EventBus;
  readonly federation: FederationApi;
  readonly settings: ExchangeConfig;
  readonly log: Logger;
  /** The clock; tests move it to make deadlines pass. */
  readonly now: () => Date;
  /** Runs after a notification to manual peers was committed (mails their copies when SMTP is set). */
  readonly afterManualSend?: (notificationId: string, agencies: string[]) => void;
}

const DAY_MS = 86_400_000;

/** A body that does not match its type, with every error's path under `/body`. */
export function checkBody(type: NotificationType, body: unknown, field = 'body'): void {
  const result = validateBody(type, body);
  if (result.ok) return;
  const errors = result.errors.map((error) => ({ ...error, path: `/${field}${error.path}` }));
  const first = errors[0];
  throw new AppError(
    'invalid',
    'exchange.invalid_body',
    `the ${type} body is not valid: ${first?.path ?? ''} ${first?.message ?? ''}`.trim(),
    { errors },
  );
}

async function checkRecipients(deps: ExchangeDeps, db: Db, to: readonly string[]): Promise<void> {
  for (const [index, code] of to.entries()) {
    const field = `to/${index}`;
    if (code === deps.ownAgency) {
      throw invalid('exchange.recipient_is_self', 'a notification cannot be sent to our own agency', {
        field,
      });
    }
    const agency = await getAgency(db, code).catch(() => null);
    if (agency === null || agency.kind === 'own') {
      throw invalid('exchange.unknown_recipient', `${code} is not a counterpart agency in the directory`, {
        field,
        agency: code,
      });
    }
  }
}

async function checkThread(db: Db, inReplyTo: string | null | undefined): Promise<void> {
  if (inReplyTo === null || inReplyTo === undefined) return;
  if (!(await store.findNotification(db, inReplyTo))) {
    throw invalid('exchange.unknown_thread', `inReplyTo ${inReplyTo} is not a notification this node knows`, {
      field: 'inReplyTo',
    });
  }
}

async function attachmentRows(db: Db, id: string, refs: NewNotification['attachments']) {
  const wanted = refs ?? [];
  const found = await store.findAttachments(
    db,
    wanted.map((ref) => ref.sha256),
  );
  return wanted.map((ref, position) => {
    const stored = found.find((row) => row.sha256 === ref.sha256);
    if (!stored) {
      throw invalid('exchange.unknown_attachment', `attachment ${ref.sha256} was not uploaded`, {
        field: `attachments/${position}`,
      });
    }
    return {
      notification_id: id,
      position,
      name: ref.name,
      sha256: stored.sha256,
      size: stored.size,
      media_type: stored.media_type,
    };
  });
}

function queuedRecipient(id: string, agency: string, at: string) {
  return {
    notification_id: id,
    agency,
    status: 'queued',
    channel: 'node',
    due_at: null,
    sent_at: null,
    delivered_at: null,
    read_at: null,
    acknowledged_at: null,
    acknowledged_by: null,
    rejected_reason: null,
    note: null,
    updated_at: at,
  };
}

/** Creates a notification (as a draft, or sent at once in the same transaction as the outbox entry). */
export async function createNotification(
  deps: ExchangeDeps,
  principal: Principal,
  input: NewNotification,
): Promise<{ id: string }> {
  assertMaySend(principal, input.type);
  const { id, sent } = await createAs(deps, deps.db, principal, input);
  if (sent) announceSent(deps, sent);
  return { id };
}

/** What another module asks exchange to send (or draft) as a consequence of its own change. */
export interface ModuleNotification {
  /** Checked here rather than typed as the union: modules name their types without importing exchange's. */
  type: string;
  to: string[];
  priority: Priority;
  body: unknown;
  draft?: boolean;
}

/**
 * Creates a notification for another module inside that module's transaction, so the message leaves
 * only if the change that caused it commits. The calling module has already checked its caller's access.
 */
export async function createForModule(
  deps: ExchangeDeps,
  trx: Db,
  actor: Actor,
  input: ModuleNotification,
): Promise<{ id: string }> {
  const { type } = input;
  if (!isNotificationType(type)) {
    throw new Error(`a module raised a ${type} notification, a type exchange does not know`);
  }
  const { id, sent } = await createAs(deps, trx, actor, { ...input, type, draft: input.draft ?? false });
  // Live clients learn of it a moment early if the caller's transaction later rolls back; they re-read anyway.
  if (sent) announceSent(deps, sent);
  return { id };
}

async function createAs(
  deps: ExchangeDeps,
  db: Db,
  actor: Actor,
  input: NewNotification,
): Promise<{ id: string; sent: SentNotification | null }> {
  checkBody(input.type, input.body);
  const id = newId();
  const at = deps.now().toISOString();
  const sent = await inTransaction(db, async (trx) => {
    await checkRecipients(deps, trx, input.to);
    await checkThread(trx, input.inReplyTo);
    const attachments = await attachmentRows(trx, id, input.attachments);
    const row: NotificationRow = {
      id,
      direction: 'outgoing',
      state: 'draft',
      origin: 'local',
      type: input.type,
      priority: input.priority,
      sender_agency: deps.ownAgency,
      body: JSON.stringify(input.body),
      text: input.text ?? null,
      in_reply_to: input.inReplyTo ?? null,
      personal_data: isPersonalDataType(input.type) ? 1 : 0,
      created_by: actor.userId,
      created_at: at,
      updated_at: at,
      sent_at: null,
      purge_after: null,
      purged_at: null,
      cap_identifier: null,
      cap_sender: null,
      cap_sent: null,
    };
    await store.insertNotification(trx, row);
    await store.replaceRecipients(
      trx,
      id,
      input.to.map((agency) => queuedRecipient(id, agency, at)),
    );
    await store.replaceAttachments(trx, id, attachments);
    await appendAudit(trx, actor, {
      action: 'notification.create',
      targetType: 'notification',
      targetId: id,
      details: { type: input.type, to: input.to, draft: input.draft === true },
    });
    return input.draft === true ? null : sendInTransaction(deps, trx, row, actor);
  });
  return { id, sent };
}

interface SentNotification {
  id: string;
  personalData: boolean;
  manualAgencies: string[];
  agencies: string[];
}

async function deadlinesFor(db: Db, agency: string): Promise<AckHours> {
  const row = await store.findPeerDeadlines(db, agency);
  return row
    ? { routine: row.routine_hours, urgent: row.urgent_hours, flash: row.flash_hours }
    : DEFAULT_ACK_HOURS;
}

/** Moves a draft to sent: deadlines per recipient, purge date, and the outbox entry in the same transaction. */
async function sendInTransaction(
  deps: ExchangeDeps,
  trx: Transaction<Database>,
  row: NotificationRow,
  actor: Actor,
): Promise<SentNotification> {
  const sentAt = deps.now().toISOString();
  const priority = row.priority as Priority;
  const recipients = await store.recipientsOf(trx, [row.id]);
  const deadlines: Record<string, string> = {};
  const manualAgencies: string[] = [];
  for (const recipient of recipients) {
    const peer = await deps.federation.getPeer(trx, recipient.agency);
    if (peer?.status !== 'active') {
      throw conflict(
        'exchange.recipient_not_peer',
        `${recipient.agency} is not an active peer of this node`,
        {
          field: 'to',
          agency: recipient.agency,
        },
      );
    }
    const dueAt = ackDeadline(sentAt, priority, await deadlinesFor(trx, recipient.agency));
    deadlines[recipient.agency] = dueAt;
    if (peer.mode === 'manual') manualAgencies.push(recipient.agency);
    await store.updateRecipient(trx, row.id, recipient.agency, {
      channel: peer.mode,
      status: 'queued',
      due_at: dueAt,
      updated_at: sentAt,
    });
  }
  const retention = personalDataRetentionDays(row.type as NotificationType);
  await store.updateNotification(trx, row.id, {
    state: 'sent',
    sent_at: sentAt,
    updated_at: sentAt,
    purge_after: retention === null ? null : new Date(Date.parse(sentAt) + retention * DAY_MS).toISOString(),
  });
  const payload: NotificationPayload = {
    v: 1,
    priority,
    body: JSON.parse(row.body ?? 'null'),
    text: row.text,
    deadlines,
  };
  const attachments = await store.attachmentsOf(trx, row.id);
  const message: OutgoingMessage = {
    id: row.id,
    type: row.type,
    to: recipients.map((recipient) => recipient.agency),
    createdAt: sentAt,
    inReplyTo: row.in_reply_to,
    body: payload,
    attachments: attachments.map((a) => ({
      name: a.name,
      mediaType: a.media_type,
      sha256: a.sha256,
      size: a.size,
    })),
    personalData: row.personal_data === 1,
  };
  await deps.federation.enqueue(trx, message);
  await appendAudit(trx, actor, {
    action: 'notification.send',
    targetType: 'notification',
    targetId: row.id,
    details: { to: message.to },
  });
  return {
    id: row.id,
    personalData: row.personal_data === 1,
    manualAgencies,
    agencies: message.to,
  };
}

function announceSent(deps: ExchangeDeps, sent: SentNotification): void {
  for (const agency of sent.agencies) {
    publishStatus(deps, sent.id, agency, 'queued', sent.personalData);
  }
  if (sent.manualAgencies.length > 0) deps.afterManualSend?.(sent.id, sent.manualAgencies);
}

/** Tells live clients that a recipient's status changed; ids only, details come through the API. */
export function publishStatus(
  deps: Pick<ExchangeDeps, 'events' | 'ownAgency'>,
  id: string,
  agency: string,
  status: string,
  personalData: boolean,
): void {
  deps.events.publish({
    type: 'notification.status_changed',
    agencyCode: deps.ownAgency,
    data: { id, agency, status },
    personalData,
  });
}

async function draftOf(db: Db, id: string): Promise<NotificationRow> {
  const row = await store.findNotification(db, id);
  if (!row) throw notFound('exchange.notification_not_found', 'Notification', id);
  if (row.direction !== 'outgoing' || row.state !== 'draft') {
    throw conflict('exchange.not_a_draft', 'only a draft can be changed or sent', { id });
  }
  return row;
}

/** Changes a draft; the body is checked against the draft's type again. */
export async function updateDraft(
  deps: ExchangeDeps,
  principal: Principal,
  id: string,
  changes: DraftChanges,
): Promise<void> {
  await inTransaction(deps.db, async (trx) => {
    const row = await draftOf(trx, id);
    const type = row.type as NotificationType;
    assertMaySend(principal, type);
    if (changes.body !== undefined) checkBody(type, changes.body);
    const at = deps.now().toISOString();
    if (changes.to) {
      await checkRecipients(deps, trx, changes.to);
      await store.replaceRecipients(
        trx,
        id,
        changes.to.map((agency) => queuedRecipient(id, agency, at)),
      );
    }
    if (changes.inReplyTo !== undefined) await checkThread(trx, changes.inReplyTo);
    if (changes.attachments)
      await store.replaceAttachments(trx, id, await attachmentRows(trx, id, changes.attachments));
    await store.updateNotification(trx, id, {
      updated_at: at,
      ...(changes.priority === undefined ? {} : { priority: changes.priority }),
      ...(changes.body === undefined ? {} : { body: JSON.stringify(changes.body) }),
      ...(changes.text === undefined ? {} : { text: changes.text }),
      ...(changes.inReplyTo === undefined ? {} : { in_reply_to: changes.inReplyTo }),
    });
    await appendAudit(trx, principal, {
      action: 'notification.update_draft',
      targetType: 'notification',
      targetId: id,
      details: { fields: Object.keys(changes) },
    });
  });
}

/** Sends a draft. */
export async function sendDraft(deps: ExchangeDeps, principal: Principal, id: string): Promise<void> {
  const sent = await inTransaction(deps.db, async (trx) => {
    const row = await draftOf(trx, id);
    assertMaySend(principal, row.type as NotificationType);
    return sendInTransaction(deps, trx, row, principal);
  });
  announceSent(deps, sent);
}

/** Deletes a draft that was never sent. */
export async function deleteDraft(deps: ExchangeDeps, principal: Principal, id: string): Promise<void> {
  await inTransaction(deps.db, async (trx) => {
    const row = await draftOf(trx, id);
    assertMaySend(principal, row.type as NotificationType);
    await store.deleteNotification(trx, id);
    await appendAudit(trx, principal, {
      action: 'notification.delete_draft',
      targetType: 'notification',
      targetId: id,
    });
  });
}

const readerLanguage = (principal: Principal, lang: Language | undefined): Language =>
  lang ?? principal.language;

async function ownTimeZone(deps: ExchangeDeps): Promise<string | undefined> {
  const agency = await getAgency(deps.db, deps.ownAgency).catch(() => null);
  return agency?.timeZone;
}

function safeTitle(row: NotificationRow, lang: Language, timeZone: string | undefined): string | null {
  try {
    return renderRow(row, lang, { timeZone })?.title ?? null;
  } catch {
    return null;
  }
}

/** A page of the inbox, outbox or drafts, newest first; personal-data items only for holders of the grant. */
export async function listNotifications(
  deps: ExchangeDeps,
  principal: Principal,
  query: ListQuery,
): Promise<{ items: NotificationSummary[]; nextCursor: string | null }> {
  const box = query.box ?? 'inbox';
  const limit = query.limit ?? 50;
  const now = deps.now();
  const beforeId = decodeCursor(query.cursor, 1)?.[0];
  const rows = await store.listNotifications(deps.db, {
    direction: box === 'inbox' ? 'incoming' : 'outgoing',
    state: box === 'inbox' ? 'received' : box === 'drafts' ? 'draft' : 'sent',
    ...(box === 'inbox' ? { statusAgency: deps.ownAgency } : {}),
    ...(query.type === undefined ? {} : { type: query.type }),
    ...(query.priority === undefined ? {} : { priority: query.priority }),
    ...(query.status === undefined ? {} : { status: query.status }),
    includePersonal: principal.personalData,
    ...(typeof beforeId === 'string' ? { beforeId } : {}),
    limit: limit + 1,
    now: now.toISOString(),
  });
  const page = pageOf(rows, limit, (row) => [row.id]);
  const recipients = await store.recipientsOf(
    deps.db,
    page.rows.map((row) => row.id),
  );
  const personalIds = page.rows.filter((row) => row.personal_data === 1).map((row) => row.id);
  if (personalIds.length > 0) {
    await appendAudit(deps.db, principal, {
      action: 'notification.list_personal',
      targetType: 'notification',
      details: { ids: personalIds, count: personalIds.length },
    });
  }
  const lang = readerLanguage(principal, query.lang);
  const timeZone = await ownTimeZone(deps);
  return {
    items: page.rows.map((row) =>
      toSummary(
        row,
        recipients.filter((r) => r.notification_id === row.id),
        safeTitle(row, lang, timeZone),
        now,
      ),
    ),
    nextCursor: page.nextCursor,
  };
}

/** Finds a notification the principal may see, auditing the read when it carries personal data. */
async function readable(deps: ExchangeDeps, principal: Principal, id: string, action: string) {
  const row = await store.findNotification(deps.db, id);
  if (!row) throw notFound('exchange.notification_not_found', 'Notification', id);
  assertMayRead(principal, row.personal_data === 1);
  if (row.personal_data === 1) {
    await appendAudit(deps.db, principal, {
      action,
      targetType: 'notification',
      targetId: id,
      details: { type: row.type },
    });
  }
  return row;
}

/**
 * One notification rendered in the reader's language (`lang` or the user's own) with the sender's text
 * beside it. Reading an inbox item marks it read and sends the read receipt.
 */
export async function getNotification(
  deps: ExchangeDeps,
  principal: Principal,
  id: string,
  lang?: Language,
): Promise<NotificationView> {
  const row = await readable(deps, principal, id, 'notification.read_personal');
  if (row.direction === 'incoming') await markRead(deps, principal, row);
  return viewOf(deps, row, readerLanguage(principal, lang));
}

/** The full view of a stored notification in one language. */
export async function viewOf(
  deps: ExchangeDeps,
  row: NotificationRow,
  lang: Language,
): Promise<NotificationView> {
  const [recipients, attachments, senderName, timeZone] = await Promise.all([
    store.recipientsOf(deps.db, [row.id]),
    store.attachmentsOf(deps.db, row.id),
    agencyName(deps.db, row.sender_agency, lang),
    ownTimeZone(deps),
  ]);
  const rendered = renderRow(row, lang, { senderName, timeZone });
  return toView(row, recipients, attachments, rendered && { ...rendered, language: lang }, deps.now());
}

function receiptMessage(row: NotificationRow, type: ReceiptType, payload: ReceiptPayload): OutgoingMessage {
  return {
    id: newId(),
    type,
    to: [row.sender_agency],
    createdAt: payload.at,
    inReplyTo: row.id,
    body: payload,
    attachments: [],
    personalData: false,
  };
}

async function markRead(deps: ExchangeDeps, principal: Principal, row: NotificationRow): Promise<void> {
  const own = await store.findRecipient(deps.db, row.id, deps.ownAgency);
  if (!own || !advances(asRecipientStatus(own.status), 'read')) return;
  const changed = await inTransaction(deps.db, async (trx) => {
    const own = await store.findRecipient(trx, row.id, deps.ownAgency);
    if (!own || !advances(asRecipientStatus(own.status), 'read')) return false;
    const at = deps.now().toISOString();
    await store.updateRecipient(trx, row.id, deps.ownAgency, { status: 'read', read_at: at, updated_at: at });
    if (row.origin === 'node') {
      await deps.federation.enqueue(
        trx,
        receiptMessage(row, 'notification.read', { notificationId: row.id, at, by: principal.displayName }),
      );
    }
    return true;
  });
  if (changed) publishStatus(deps, row.id, deps.ownAgency, 'read', row.personal_data === 1);
}

/** Acknowledges an inbox item and sends the acknowledgement receipt; acknowledging twice changes nothing. */
export async function acknowledge(
  deps: ExchangeDeps,
  principal: Principal,
  id: string,
  note?: string,
): Promise<NotificationView> {
  const row = await readable(deps, principal, id, 'notification.ack_personal');
  if (row.direction !== 'incoming') {
    throw conflict('exchange.not_in_inbox', 'only a notification we received can be acknowledged', { id });
  }
  assertMaySend(principal, row.type as NotificationType);
  const changed = await inTransaction(deps.db, async (trx) => {
    const own = await store.findRecipient(trx, row.id, deps.ownAgency);
    if (!own || !advances(asRecipientStatus(own.status), 'acknowledged')) return false;
    const at = deps.now().toISOString();
    await store.updateRecipient(trx, row.id, deps.ownAgency, {
      status: 'acknowledged',
      read_at: own.read_at ?? at,
      acknowledged_at: at,
      acknowledged_by: principal.displayName,
      note: note ?? own.note,
      updated_at: at,
    });
    if (row.origin === 'node') {
      await deps.federation.enqueue(
        trx,
        receiptMessage(row, 'notification.ack', { notificationId: row.id, at, by: principal.displayName }),
      );
    }
    await appendAudit(trx, principal, {
      action: 'notification.ack',
      targetType: 'notification',
      targetId: id,
    });
    return true;
  });
  if (changed) publishStatus(deps, row.id, deps.ownAgency, 'acknowledged', row.personal_data === 1);
  return viewOf(deps, (await store.findNotification(deps.db, id)) ?? row, principal.language);
}

/** Applies a status change to one recipient if it moves forward; returns whether it did. */
export async function advanceRecipient(
  db: Db,
  id: string,
  agency: string,
  next: RecipientStatus,
  at: string,
  extra: { by?: string; note?: string; reason?: string } = {},
): Promise<boolean> {
  const recipient = await store.findRecipient(db, id, agency);
  if (!recipient || !advances(asRecipientStatus(recipient.status), next)) return false;
  await store.updateRecipient(db, id, agency, {
    status: next,
    updated_at: at,
    ...(next === 'sent' ? { sent_at: at } : {}),
    ...(next === 'delivered' ? { sent_at: recipient.sent_at ?? at, delivered_at: at } : {}),
    ...(next === 'read' ? { delivered_at: recipient.delivered_at ?? at, read_at: at } : {}),
    ...(next === 'acknowledged'
      ? {
          delivered_at: recipient.delivered_at ?? at,
          read_at: recipient.read_at ?? at,
          acknowledged_at: at,
          acknowledged_by: extra.by ?? null,
        }
      : {}),
    ...(next === 'rejected' ? { rejected_reason: extra.reason ?? null } : {}),
    ...(extra.note === undefined ? {} : { note: extra.note }),
  });
  return true;
}

/** Recipient rows past their deadline without acknowledgement (ours and the counterparts'), for supervisors. */
export async function listOverdue(
  deps: ExchangeDeps,
  principal: Principal,
  query: { cursor?: string; limit?: number },
): Promise<{ items: OverdueItem[]; nextCursor: string | null; counts: { inbox: number; outbox: number } }> {
  const limit = query.limit ?? 50;
  const after = decodeCursor(query.cursor, 3);
  const now = deps.now().toISOString();
  const rows = await store.listOverdue(deps.db, {
    now,
    includePersonal: principal.personalData,
    limit: limit + 1,
    ...(after ? { after: [String(after[0]), String(after[1]), String(after[2])] as const } : {}),
  });
  const items = rows.slice(0, limit).map((row) => ({
    id: row.id,
    box: row.direction === 'incoming' ? ('inbox' as const) : ('outbox' as const),
    type: row.type as NotificationType,
    priority: row.priority as Priority,
    senderAgency: row.sender_agency,
    agency: row.agency,
    status: asRecipientStatus(row.status) as OverdueItem['status'],
    dueAt: row.due_at,
    sentAt: row.sent_at,
  }));
  const last = items[items.length - 1];
  const counts = await store.countOverdue(deps.db, now, { includePersonal: principal.personalData });
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor([last.dueAt, last.id, last.agency]) : null,
    counts: { inbox: counts.incoming, outbox: counts.outgoing },
  };
}

/**
 * When our agency acknowledged notifications it received, by id (null while not yet; ids not in our inbox are
 * left out): for modules that follow up what a notification asked of us, such as the reply to a hit notice.
 */
export async function acknowledgedAt(
  db: Db,
  ownAgency: string,
  ids: readonly string[],
): Promise<Map<string, string | null>> {
  const ours = (await store.recipientsOf(db, ids)).filter((row) => row.agency === ownAgency);
  return new Map(ours.map((row) => [row.notification_id, row.acknowledged_at]));
}

/** Overdue counts for reports: recipients that have not acknowledged in time, by direction. */
export async function countOverdue(db: Db, now: Date): Promise<{ inbox: number; outbox: number }> {
  // Reports are bare figures that reveal no one, so personal-data notifications count too.
  const counts = await store.countOverdue(db, now.toISOString(), { includePersonal: true });
  return { inbox: counts.incoming, outbox: counts.outgoing };
}

/**
 * An attachment is downloadable when some notification carrying it is readable: one that only travels with
 * personal-data notifications needs the grant, and the download is audited.
 */
export async function assertMayDownload(
  deps: ExchangeDeps,
  principal: Principal,
  sha256: string,
): Promise<void> {
  const uses = await store.attachmentUses(deps.db, sha256);
  const personalOnly = uses.length > 0 && uses.every((use) => use.personal_data === 1);
  assertMayRead(principal, personalOnly);
  if (personalOnly) {
    await appendAudit(deps.db, principal, {
      action: 'attachment.download_personal',
      targetType: 'attachment',
      targetId: sha256,
    });
  }
}

/** Per-counterpart acknowledgement deadlines in hours; defaults when none were set. */
export async function getPeerDeadlines(db: Db, agency: string): Promise<PeerDeadlines & { custom: boolean }> {
  const row = await store.findPeerDeadlines(db, agency);
  const hours = await deadlinesFor(db, agency);
  return { ...hours, custom: row !== undefined };
}

/** Sets how long a counterpart has to acknowledge, per priority. */
export async function setPeerDeadlines(
  db: Db,
  actor: Actor,
  agency: string,
  hours: PeerDeadlines,
  now: Date = new Date(),
): Promise<void> {
  await inTransaction(db, async (trx) => {
    await getAgency(trx, agency);
    await store.savePeerDeadlines(trx, {
      agency,
      routine_hours: hours.routine,
      urgent_hours: hours.urgent,
      flash_hours: hours.flash,
      updated_at: now.toISOString(),
    });
    await appendAudit(trx, actor, {
      action: 'exchange.set_deadlines',
      targetType: 'agency',
      targetId: agency,
      details: { ...hours },
    });
  });
}

/** Removes the personal data of notifications whose retention ended; the envelope stays for statistics. */
export async function purgeExpired(deps: Pick<ExchangeDeps, 'db' | 'now'>, actor: Actor): Promise<number> {
  const now = deps.now().toISOString();
  let purged = 0;
  for (;;) {
    const ids = await store.dueForPurge(deps.db, now, 500);
    if (ids.length === 0) return purged;
    await inTransaction(deps.db, async (trx) => {
      await store.purgeNotifications(trx, ids, now);
      await appendAudit(trx, actor, {
        action: 'notification.purge',
        targetType: 'notification',
        details: { ids, count: ids.length },
      });
    });
    purged += ids.length;
  }
}
