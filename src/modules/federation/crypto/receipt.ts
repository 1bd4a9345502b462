import { type Static, Type } from '@sinclair/typebox';
import { AppError } from '../../../core/errors.js';
import { DEFAULT_MAX_SKEW_SECONDS } from './envelope.js';
import type { NodeKey } from './keys.js';
import { decodeUnverified, signJson, verifySignedBy } from './signed-object.js';
import { ISO_INSTANT_PATTERN, parseInstant } from './time.js';
import { refuse, type TrustedKeyLookup, type VerificationFailure } from './verification.js';

export const RECEIPT_TYP = 'borderlink-receipt+jws';

const ReceiptSchema = Type.Object(
  {
    v: Type.Literal(1),
    messageId: Type.String({ minLength: 1, maxLength: 64 }),
    from: Type.String({ minLength: 1, maxLength: 64 }),
    to: Type.String({ minLength: 1, maxLength: 64 }),
    status: Type.Union([Type.Literal('delivered'), Type.Literal('rejected')]),
    receivedAt: Type.String({ pattern: ISO_INSTANT_PATTERN }),
    reason: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);

/** The receiver's signed answer to a delivery: `from` is the receiver, `to` the original sender. */
export type Receipt = Static<typeof ReceiptSchema>;

/** Signs a receipt with the receiver's current signing key. */
export async function signReceipt(receipt: Omit<Receipt, 'v'>, key: NodeKey): Promise<string> {
  if (parseInstant(receipt.receivedAt) === undefined) {
    throw new AppError('invalid', 'federation.receipt_invalid', 'receivedAt must be an ISO UTC instant');
  }
  return signJson({ v: 1, ...receipt }, RECEIPT_TYP, key);
}

export type ReceiptVerifyOptions = {
  trustedKeys: TrustedKeyLookup;
  /** Our agency code: the receipt must be addressed to us. */
  self: string;
  now?: Date;
  maxSkewSeconds?: number;
};

export type ReceiptVerification = { ok: true; receipt: Receipt; kid: string } | VerificationFailure;

/**
 * Verifies a receipt. No staleness check: receipts of an offline bundle legitimately come back days later, and
 * a replayed receipt only repeats a status we already hold. The caller checks `messageId` against what it sent.
 */
export async function verifyReceipt(
  jws: string,
  options: ReceiptVerifyOptions,
): Promise<ReceiptVerification> {
  const now = (options.now ?? new Date()).getTime();
  const decoded = decodeUnverified(jws, RECEIPT_TYP, ReceiptSchema);
  if (!decoded.ok) return decoded;
  const receipt = decoded.payload;
  const receivedAt = parseInstant(receipt.receivedAt);
  if (receivedAt === undefined)
    return refuse('malformed', 'receivedAt is not a valid instant', receipt.messageId);
  const signed = await verifySignedBy(
    jws,
    decoded.kid,
    receipt.from,
    options.trustedKeys,
    now,
    receipt.messageId,
  );
  if (!signed.ok) return signed;
  if (receipt.to !== options.self) {
    return refuse('not_addressed_to_us', `the receipt is addressed to ${receipt.to}`, receipt.messageId);
  }
  if (receivedAt > now + (options.maxSkewSeconds ?? DEFAULT_MAX_SKEW_SECONDS) * 1000) {
    return refuse('from_future', `receivedAt ${receipt.receivedAt} is ahead of our clock`, receipt.messageId);
  }
  return { ok: true, receipt, kid: decoded.kid };
}
