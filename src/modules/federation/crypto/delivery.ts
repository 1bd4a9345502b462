import { type Static, Type } from '@sinclair/typebox';
import {
  DEFAULT_MAX_SKEW_SECONDS,
  ENVELOPE_TYP,
  type Envelope,
  EnvelopeSchema,
  type EnvelopeVerifyOptions,
  verifyEnvelopeWithRevocationAt,
} from './envelope.js';
import type { NodeKey } from './keys.js';
import { decodeUnverified, signJson, verifySignedBy } from './signed-object.js';
import { ISO_INSTANT_PATTERN, parseInstant } from './time.js';
import { refuse, type VerificationFailure } from './verification.js';

/*
 * Why a delivery wrapper, and how freshness works.
 *
 * An envelope is signed once, when the message is created, and stored in the outbox. It may be retried for days
 * (peer down, link cut) or carried on a USB stick (offline bundle), so its `createdAt` says nothing about whether
 * a request is a replay: judging freshness on it would drop exactly the catch-up traffic we must deliver.
 *
 * Each attempt therefore wraps the stored envelope JWS, unchanged, in a small JWS signed with the sender's CURRENT
 * key carrying a fresh `sentAt` (and the attempt number, for logs). The receiver:
 *   - refuses `sentAt` more than `maxSkewSeconds` ahead of its clock (`from_future`);
 *   - refuses `sentAt` older than `maxAgeSeconds` (`stale`; default 7 days, long enough for an offline bundle
 *     exported now and imported next week, whose deliveries are signed at export time);
 *   - refuses an envelope id it has already stored (`replay`, via `seen`).
 * Together these bound replay protection: a captured delivery is either older than `maxAgeSeconds` (stale) or its
 * id is still in the receiver's dedup memory, PROVIDED the receiver remembers ids for at least `maxAgeSeconds`.
 * A `replay` is authenticated (signature checked first), so the receiver answers it with the receipt it already
 * gave: the sender usually retries because that receipt was lost.
 *
 * The wrapper key vouches for the envelope, so the envelope's own key is checked for revocation at its
 * `createdAt`: a message signed just before a rotation and delivered after the overlap still gets through.
 * The wrapper must be signed by a key of the envelope's sender: v1 has no relaying.
 */

export const DELIVERY_TYP = 'borderlink-delivery+jws';
export const DEFAULT_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

const DeliverySchema = Type.Object(
  {
    v: Type.Literal(1),
    envelope: Type.String({ minLength: 1 }),
    sentAt: Type.String({ pattern: ISO_INSTANT_PATTERN }),
    attempt: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);
export type Delivery = Static<typeof DeliverySchema>;

export type DeliveryInput = { envelopeJws: string; sentAt?: string; attempt: number };

/** Wraps a stored envelope JWS for one delivery attempt, signed now with our current signing key. */
export function signDelivery(input: DeliveryInput, signingKey: NodeKey): Promise<string> {
  const delivery: Delivery = {
    v: 1,
    envelope: input.envelopeJws,
    sentAt: input.sentAt ?? new Date().toISOString(),
    attempt: input.attempt,
  };
  return signJson(delivery, DELIVERY_TYP, signingKey);
}

export type DeliveryVerifyOptions = EnvelopeVerifyOptions & { maxAgeSeconds?: number };

export type DeliveryVerification =
  | {
      ok: true;
      envelope: Envelope;
      /** The envelope exactly as signed by the sender: store this, not a re-serialisation. */
      envelopeJws: string;
      envelopeKid: string;
      deliveryKid: string;
      sentAt: string;
      attempt: number;
    }
  | VerificationFailure;

/** Verifies a delivery (wrapper signature and freshness) and the envelope inside it. */
export async function verifyDelivery(
  jws: string,
  options: DeliveryVerifyOptions,
): Promise<DeliveryVerification> {
  const now = (options.now ?? new Date()).getTime();
  const decoded = decodeUnverified(jws, DELIVERY_TYP, DeliverySchema);
  if (!decoded.ok) return decoded;
  const delivery = decoded.payload;
  const inner = decodeUnverified(delivery.envelope, ENVELOPE_TYP, EnvelopeSchema);
  if (!inner.ok) return inner;
  const { from, id } = inner.payload;
  const signed = await verifySignedBy(jws, decoded.kid, from, options.trustedKeys, now, id);
  if (!signed.ok) return signed;
  const sentAt = parseInstant(delivery.sentAt);
  if (sentAt === undefined)
    return refuse('malformed', `sentAt ${delivery.sentAt} is not a valid instant`, id);
  if (sentAt > now + (options.maxSkewSeconds ?? DEFAULT_MAX_SKEW_SECONDS) * 1000) {
    return refuse('from_future', `sentAt ${delivery.sentAt} is ahead of our clock`, id);
  }
  if (sentAt < now - (options.maxAgeSeconds ?? DEFAULT_MAX_AGE_SECONDS) * 1000) {
    return refuse('stale', `sentAt ${delivery.sentAt} is older than the accepted delivery age`, id);
  }
  const verified = await verifyEnvelopeWithRevocationAt(delivery.envelope, options, 'createdAt');
  if (!verified.ok) return verified;
  return {
    ok: true,
    envelope: verified.envelope,
    envelopeJws: delivery.envelope,
    envelopeKid: verified.kid,
    deliveryKid: decoded.kid,
    sentAt: delivery.sentAt,
    attempt: delivery.attempt,
  };
}
