import { sql, type Transaction } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../../core/db/database.js';
import { invalid, reasonOf } from '../../core/errors.js';
import type { EventBus } from '../../core/events.js';
import type { DeliveryChange, IncomingMessage, MessageHandlers } from '../federation/federation.contract.js';
import {
  isNotificationType,
  isPersonalDataType,
  NOTIFICATION_TYPES,
  type NotificationType,
  personalDataRetentionDays,
} from './bodies/index.js';
import { ackDeadline, type RecipientStatus } from './delivery-status.js';
import { advanceRecipient, checkBody, publishStatus } from './exchange.service.js';
import * as store from './exchange.store.js';
import {
  isReceiptType,
  NotificationPayload,
  RECEIPT_TYPES,
  ReceiptPayload,
  readPayload,
} from './exchange.wire.js';

/** Every message type exchange sends and receives through federation. */
export const EXCHANGE_MESSAGE_TYPES: readonly string[] = [...NOTIFICATION_TYPES, ...RECEIPT_TYPES];

/** Another module's reaction to an incoming notification of a type it owns, in the storing transaction. */
export type IncomingConsumer = (
  trx: Transaction<Database>,
  notification: { id: string; from: string; body: unknown },
) => Promise<void>;

/** Which module takes in which notification type (situation.daily → situation, hit.notice → warning…). */
export type IncomingConsumers = Partial<Record<NotificationType, IncomingConsumer>>;

export interface MessageDeps {
  readonly ownAgency: string;
  readonly events: EventBus;
  readonly now: () => Date;
  readonly consumers?: IncomingConsumers;
  readonly log?: Logger;
}

const DAY_MS = 86_400_000;

const DELIVERY_STATUS: Readonly<Partial<Record<DeliveryChange['status'], RecipientStatus>>> = {
  sent: 'sent',
  delivered: 'delivered',
  rejected: 'rejected',
};

async function storeIncomingNotification(
  deps: MessageDeps,
  trx: Transaction<Database>,
  message: IncomingMessage,
  type: NotificationType,
): Promise<void> {
  if (!message.to.includes(deps.ownAgency)) {
    throw invalid('exchange.not_a_recipient', `the message is not addressed to ${deps.ownAgency}`);
  }
  const personal = isPersonalDataType(type);
  // A sender that let personal data travel readable has already leaked it; storing it would hide the fault.
  if (personal && !message.encrypted) {
    throw invalid(
      'exchange.personal_data_unencrypted',
      `refused: ${type} carries personal data and must arrive encrypted to the recipient, not as a plain body`,
    );
  }
  // Federation stores each message once; this guard keeps a replayed bundle import harmless too.
  if (await store.findNotification(trx, message.id)) return;
  const payload = readPayload(NotificationPayload, message.body, type);
  checkBody(type, payload.body);
  const at = deps.now().toISOString();
  const retention = personalDataRetentionDays(type);
  await store.insertNotification(trx, {
    id: message.id,
    direction: 'incoming',
    state: 'received',
    origin: 'node',
    type,
    priority: payload.priority,
    sender_agency: message.from,
    body: JSON.stringify(payload.body),
    text: payload.text,
    in_reply_to: message.inReplyTo,
    personal_data: personal ? 1 : 0,
    created_by: null,
    created_at: message.createdAt,
    updated_at: at,
    sent_at: message.createdAt,
    purge_after: retention === null ? null : new Date(Date.parse(at) + retention * DAY_MS).toISOString(),
    purged_at: null,
    cap_identifier: null,
    cap_sender: null,
    cap_sent: null,
  });
  await store.replaceRecipients(trx, message.id, [
    {
      notification_id: message.id,
      agency: deps.ownAgency,
      status: 'delivered',
      channel: 'node',
      // The sender sets the deadline per counterpart; our defaults apply when it sent none.
      due_at: payload.deadlines[deps.ownAgency] ?? ackDeadline(message.createdAt, payload.priority),
      sent_at: message.createdAt,
      delivered_at: at,
      read_at: null,
      acknowledged_at: null,
      acknowledged_by: null,
      rejected_reason: null,
      note: null,
      updated_at: at,
    },
  ]);
  await store.replaceAttachments(
    trx,
    message.id,
    message.attachments.map((attachment, position) => ({
      notification_id: message.id,
      position,
      name: attachment.name,
      sha256: attachment.sha256,
      size: attachment.size,
      media_type: attachment.mediaType,
    })),
  );
  await recordInOwningModule(deps, trx, type, message, payload.body);
  deps.events.publish({
    type: 'notification.received',
    agencyCode: deps.ownAgency,
    data: { id: message.id, type, priority: payload.priority, from: message.from },
    personalData: personal,
  });
}

/**
 * Lets the owning module record the content in its own terms. A notification the module cannot take
 * (a county our directory does not know yet, say) still lands in the inbox for officers to read: the
 * module's writes are rolled back to a savepoint and the refusal is logged and announced.
 */
async function recordInOwningModule(
  deps: MessageDeps,
  trx: Transaction<Database>,
  type: NotificationType,
  message: IncomingMessage,
  body: unknown,
): Promise<void> {
  const consumer = deps.consumers?.[type];
  if (!consumer) return;
  await sql`savepoint owning_module`.execute(trx);
  try {
    await consumer(trx, { id: message.id, from: message.from, body });
    await sql`release savepoint owning_module`.execute(trx);
  } catch (error) {
    await sql`rollback to savepoint owning_module`.execute(trx);
    await sql`release savepoint owning_module`.execute(trx);
    const reason = reasonOf(error);
    deps.log?.warn(
      { notification: message.id, type, from: message.from, reason },
      'notification kept in the inbox only',
    );
    deps.events.publish({
      type: 'notification.not_recorded',
      agencyCode: deps.ownAgency,
      data: { id: message.id, type, reason: reason.slice(0, 300) },
    });
  }
}

async function applyReceipt(
  deps: MessageDeps,
  trx: Transaction<Database>,
  message: IncomingMessage,
  status: 'read' | 'acknowledged',
): Promise<void> {
  const receipt = readPayload(ReceiptPayload, message.body, message.type);
  const notification = await store.findNotification(trx, receipt.notificationId);
  if (notification?.direction !== 'outgoing') {
    throw invalid('exchange.unknown_notification', `${receipt.notificationId} is not a notification we sent`);
  }
  if (!(await store.findRecipient(trx, notification.id, message.from))) {
    throw invalid('exchange.not_a_recipient', `${message.from} was not a recipient of ${notification.id}`);
  }
  const moved = await advanceRecipient(
    trx,
    notification.id,
    message.from,
    status,
    receipt.at,
    receipt.by === undefined ? {} : { by: receipt.by },
  );
  if (moved) publishStatus(deps, notification.id, message.from, status, notification.personal_data === 1);
}

/**
 * What federation calls: incoming notifications land in the inbox, read and acknowledgement receipts
 * move the sender's recipient rows, delivery changes move them too.
 */
export function exchangeMessageHandlers(deps: MessageDeps): MessageHandlers {
  return {
    async incoming(trx, message) {
      if (isNotificationType(message.type))
        return storeIncomingNotification(deps, trx, message, message.type);
      if (isReceiptType(message.type)) {
        return applyReceipt(
          deps,
          trx,
          message,
          message.type === 'notification.ack' ? 'acknowledged' : 'read',
        );
      }
      throw invalid('exchange.unknown_message_type', `exchange does not handle ${message.type} messages`);
    },
    isPersonalDataType: (type) => isNotificationType(type) && isPersonalDataType(type),
    async deliveryChanged(trx, change) {
      const next = DELIVERY_STATUS[change.status];
      if (next === undefined) return;
      const notification = await store.findNotification(trx, change.messageId);
      // Receipts we sent are messages too; their delivery is federation's business alone.
      if (notification?.direction !== 'outgoing') return;
      const moved = await advanceRecipient(
        trx,
        change.messageId,
        change.peer,
        next,
        change.at,
        change.reason === undefined ? {} : { reason: change.reason },
      );
      if (moved) publishStatus(deps, change.messageId, change.peer, next, notification.personal_data === 1);
    },
  };
}
