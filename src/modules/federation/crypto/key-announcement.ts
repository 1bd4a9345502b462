import { type Static, Type } from '@sinclair/typebox';
import { type GeneralJWS, GeneralSign } from 'jose';
import { DEFAULT_MAX_SKEW_SECONDS } from './envelope.js';
import { type NodeKeySet, nodeKeys, type PublishedJwk, publicJwks, SIGNING_ALG } from './keys.js';
import { decodeUnverified, verifySignedBy } from './signed-object.js';
import { ISO_INSTANT_PATTERN, parseInstant } from './time.js';
import {
  refuse,
  type TrustedKeyLookup,
  type VerificationFailure,
  type VerificationFailureReason,
} from './verification.js';

/*
 * How a peer comes to trust our NEW key without a second phone call: the JWKS is also served as an announcement
 * signed by every signing key it lists. A peer that pinned the old fingerprint verifies the old key's signature
 * and adopts the new key; one that pinned the new fingerprint (added during the overlap) verifies the new one.
 * A plain JWKS fetched over HTTP proves nothing by itself and must never extend trust.
 */

export const KEY_ANNOUNCEMENT_TYP = 'borderlink-keys+jws';

const AnnouncedKeySchema = Type.Object({
  kty: Type.Literal('OKP'),
  crv: Type.Union([Type.Literal('Ed25519'), Type.Literal('X25519')]),
  x: Type.String({ minLength: 43, maxLength: 43 }),
  kid: Type.String({ minLength: 1 }),
  use: Type.Union([Type.Literal('sig'), Type.Literal('enc')]),
  alg: Type.String(),
  retires_at: Type.Optional(Type.String({ pattern: ISO_INSTANT_PATTERN })),
});

const KeyAnnouncementSchema = Type.Object(
  {
    v: Type.Literal(1),
    agency: Type.String({ minLength: 1, maxLength: 64 }),
    issuedAt: Type.String({ pattern: ISO_INSTANT_PATTERN }),
    keys: Type.Array(AnnouncedKeySchema, { minItems: 1 }),
  },
  { additionalProperties: false },
);

/** An agency's published keys as it signed them; `retires_at` marks keys in rotation overlap. */
export type KeyAnnouncement = Static<typeof KeyAnnouncementSchema>;

/** Our public keys as a General JSON JWS signed by each signing key we currently publish. */
export async function signKeyAnnouncement(
  set: NodeKeySet,
  agency: string,
  now = new Date(),
): Promise<GeneralJWS> {
  const { keys } = publicJwks(nodeKeys(set), now);
  const payload: { v: 1; agency: string; issuedAt: string; keys: PublishedJwk[] } = {
    v: 1,
    agency,
    issuedAt: now.toISOString(),
    keys,
  };
  const signer = new GeneralSign(new TextEncoder().encode(JSON.stringify(payload)));
  const published = new Set(keys.map((key) => key.kid));
  for (const key of nodeKeys(set)) {
    if (key.use !== 'sig' || !published.has(key.kid)) continue;
    signer
      .addSignature(key.privateJwk)
      .setProtectedHeader({ alg: SIGNING_ALG, typ: KEY_ANNOUNCEMENT_TYP, kid: key.kid });
  }
  return signer.sign();
}

// With several signatures, report the one that says most: a forgery or a revoked key matters more than a key we
// simply do not know (the new key, before we adopted it).
const FAILURE_RANK: Record<VerificationFailureReason, number> = {
  malformed: 0,
  unknown_sender: 1,
  untrusted_key: 2,
  revoked_key: 3,
  bad_signature: 4,
  not_addressed_to_us: 0,
  stale: 0,
  from_future: 0,
  replay: 0,
};

export type KeyAnnouncementVerifyOptions = {
  trustedKeys: TrustedKeyLookup;
  now?: Date;
  maxSkewSeconds?: number;
};

export type KeyAnnouncementVerification =
  | { ok: true; announcement: KeyAnnouncement; kid: string }
  | VerificationFailure;

/**
 * Accepts an announcement when at least one signature is by a key we trust (and have not revoked) for the agency
 * it names. The caller applies only announcements newer (`issuedAt`) than the last one it applied, so an old one
 * replayed cannot bring back a key the peer has since dropped.
 */
export async function verifyKeyAnnouncement(
  jws: GeneralJWS,
  options: KeyAnnouncementVerifyOptions,
): Promise<KeyAnnouncementVerification> {
  const now = (options.now ?? new Date()).getTime();
  const signatures = Array.isArray(jws?.signatures) ? jws.signatures : [];
  if (signatures.length === 0 || typeof jws.payload !== 'string') {
    return refuse('malformed', 'not a General JSON JWS');
  }
  let worst: VerificationFailure | undefined;
  for (const { protected: header, signature } of signatures) {
    const compact = `${header ?? ''}.${jws.payload}.${signature}`;
    const decoded = decodeUnverified(compact, KEY_ANNOUNCEMENT_TYP, KeyAnnouncementSchema);
    if (!decoded.ok) return decoded;
    const announcement = decoded.payload;
    const signed = await verifySignedBy(compact, decoded.kid, announcement.agency, options.trustedKeys, now);
    if (!signed.ok) {
      if (!worst || FAILURE_RANK[signed.reason] > FAILURE_RANK[worst.reason]) worst = signed;
      continue;
    }
    const issuedAt = parseInstant(announcement.issuedAt) ?? Number.POSITIVE_INFINITY;
    if (issuedAt > now + (options.maxSkewSeconds ?? DEFAULT_MAX_SKEW_SECONDS) * 1000) {
      return refuse('from_future', `issuedAt ${announcement.issuedAt} is ahead of our clock`);
    }
    return { ok: true, announcement, kid: decoded.kid };
  }
  return worst ?? refuse('malformed', 'no usable signature');
}
