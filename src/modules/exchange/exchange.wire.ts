import { type Static, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { invalid } from '../../core/errors.js';
import { StringEnum } from '../../core/http/schemas.js';
import { PRIORITIES } from './delivery-status.js';

// TypeBox's own checker knows no string formats, so instants are checked by pattern here.
const Instant = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$',
});

/**
 * What travels in a federation message for a notification: the typed body plus what the envelope lacks
 * (priority, free text, and each recipient's acknowledgement deadline, which the sender sets per counterpart).
 */
export const NotificationPayload = Type.Object({
  v: Type.Literal(1),
  priority: StringEnum(PRIORITIES),
  body: Type.Unknown(),
  text: Type.Union([Type.String({ maxLength: 20_000 }), Type.Null()]),
  deadlines: Type.Record(Type.String({ maxLength: 32 }), Instant),
});
export type NotificationPayload = Static<typeof NotificationPayload>;

/** Read and acknowledgement receipts travel as messages of their own. */
export const RECEIPT_TYPES = ['notification.read', 'notification.ack'] as const;
export type ReceiptType = (typeof RECEIPT_TYPES)[number];

export const ReceiptPayload = Type.Object({
  notificationId: Type.String({ minLength: 1, maxLength: 64 }),
  at: Instant,
  by: Type.Optional(Type.String({ maxLength: 200 })),
});
export type ReceiptPayload = Static<typeof ReceiptPayload>;

export const isReceiptType = (type: string): type is ReceiptType =>
  (RECEIPT_TYPES as readonly string[]).includes(type);

/** Checks a payload from a peer; a malformed one is refused so the sender gets a rejected receipt. */
export function readPayload<T extends typeof NotificationPayload | typeof ReceiptPayload>(
  schema: T,
  value: unknown,
  what: string,
): Static<T> {
  if (Value.Check(schema, value)) return value as Static<T>;
  const first = Value.Errors(schema, value).First();
  throw invalid(
    'exchange.bad_payload',
    `the ${what} payload is not valid: ${first?.path ?? ''} ${first?.message ?? ''}`.trim(),
  );
}
