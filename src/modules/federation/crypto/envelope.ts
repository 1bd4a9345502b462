import { type Static, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { GeneralEncrypt, type GeneralJWE, generalDecrypt, type JWK } from 'jose';
import { AppError } from '../../../core/errors.js';
import { newId } from '../../../core/ids.js';
import { CONTENT_ENCRYPTION, KEY_AGREEMENT_ALG, type NodeKey } from './keys.js';
import { decodeUnverified, signJson, verifySignedBy } from './signed-object.js';
import { ISO_INSTANT_PATTERN, parseInstant } from './time.js';
import { refuse, type TrustedKeyLookup, type VerificationFailure } from './verification.js';

export const ENVELOPE_TYP = 'borderlink-envelope+jws';
export const DEFAULT_MAX_SKEW_SECONDS = 300;

const UUID_V7_PATTERN = '^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$';
const AgencyCode = Type.String({ minLength: 1, maxLength: 64 });

export const AttachmentRefSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 255 }),
    mediaType: Type.String({ minLength: 1, maxLength: 255 }),
    sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
    size: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);
export type AttachmentRef = Static<typeof AttachmentRefSchema>;

const GeneralJweSchema = Type.Unsafe<GeneralJWE>(
  Type.Object({
    protected: Type.String(),
    iv: Type.String(),
    ciphertext: Type.String(),
    tag: Type.String(),
    recipients: Type.Array(Type.Object({ encrypted_key: Type.String() }), { minItems: 1 }),
  }),
);

export const EnvelopeSchema = Type.Object(
  {
    v: Type.Literal(1),
    id: Type.String({ pattern: UUID_V7_PATTERN }),
    from: AgencyCode,
    to: Type.Array(AgencyCode, { minItems: 1, uniqueItems: true }),
    type: Type.String({ minLength: 1, maxLength: 64 }),
    createdAt: Type.String({ pattern: ISO_INSTANT_PATTERN }),
    inReplyTo: Type.Optional(Type.String({ pattern: UUID_V7_PATTERN })),
    body: Type.Optional(Type.Unknown()),
    bodyJwe: Type.Optional(GeneralJweSchema),
    attachments: Type.Array(AttachmentRefSchema),
  },
  { additionalProperties: false },
);

/** The signed unit of federation: exactly one of `body` (plain) or `bodyJwe` (personal data, encrypted). */
export type Envelope = Static<typeof EnvelopeSchema>;

export type NewEnvelope = Omit<Envelope, 'v' | 'id' | 'createdAt' | 'attachments'> & {
  attachments?: AttachmentRef[];
};

/** A new envelope with a fresh UUIDv7 id and creation instant. */
export function newEnvelope(fields: NewEnvelope, now = new Date()): Envelope {
  return {
    v: 1,
    id: newId(),
    createdAt: now.toISOString(),
    ...fields,
    attachments: fields.attachments ?? [],
  };
}

const hasOneBody = (envelope: Envelope) => (envelope.body === undefined) !== (envelope.bodyJwe === undefined);

/** Signs an envelope as a compact JWS; throws `federation.envelope_invalid` if it does not match the schema. */
export async function signEnvelope(envelope: Envelope, signingKey: NodeKey): Promise<string> {
  if (!Value.Check(EnvelopeSchema, envelope) || !hasOneBody(envelope)) {
    throw new AppError('invalid', 'federation.envelope_invalid', 'the envelope does not match protocol v1', {
      id: envelope.id,
    });
  }
  return signJson(envelope, ENVELOPE_TYP, signingKey);
}

export type EnvelopeVerifyOptions = {
  trustedKeys: TrustedKeyLookup;
  /** Our agency code: envelopes not listing it in `to` are refused. */
  self: string;
  now?: Date;
  maxSkewSeconds?: number;
  /** Whether a message id was already stored; checked only after the signature, so strangers cannot probe it. */
  seen?: (id: string) => boolean | Promise<boolean>;
};

export type EnvelopeVerification = { ok: true; envelope: Envelope; kid: string } | VerificationFailure;

/**
 * Verifies an envelope on its own (e.g. read back from storage). It has no freshness check: `createdAt` may be
 * days old after an outage, so staleness is judged on the delivery's `sentAt` (see `verifyDelivery`). Only a
 * `createdAt` ahead of our clock by more than the skew is refused, as no honest sender can produce one.
 */
export function verifyEnvelope(jws: string, options: EnvelopeVerifyOptions): Promise<EnvelopeVerification> {
  return verifyEnvelopeWithRevocationAt(jws, options, 'now');
}

/**
 * `revocationAt` is the instant at which the signing key must not yet be revoked: now for a bare envelope, its
 * `createdAt` inside a delivery that a current key vouches for (so a message signed before a rotation and
 * retried after the overlap is not lost, while a stolen old key alone still cannot get anything accepted).
 */
export async function verifyEnvelopeWithRevocationAt(
  jws: string,
  options: EnvelopeVerifyOptions,
  revocationAt: 'now' | 'createdAt',
): Promise<EnvelopeVerification> {
  const now = (options.now ?? new Date()).getTime();
  const decoded = decodeUnverified(jws, ENVELOPE_TYP, EnvelopeSchema);
  if (!decoded.ok) return decoded;
  const envelope = decoded.payload;
  const createdAt = parseInstant(envelope.createdAt);
  if (createdAt === undefined || !hasOneBody(envelope)) {
    return refuse(
      'malformed',
      'the envelope needs a valid createdAt and exactly one of body or bodyJwe',
      envelope.id,
    );
  }
  const validAt = revocationAt === 'createdAt' ? Math.min(createdAt, now) : now;
  const signed = await verifySignedBy(
    jws,
    decoded.kid,
    envelope.from,
    options.trustedKeys,
    validAt,
    envelope.id,
  );
  if (!signed.ok) return signed;
  if (!envelope.to.includes(options.self)) {
    return refuse(
      'not_addressed_to_us',
      `the envelope is addressed to ${envelope.to.join(', ')}`,
      envelope.id,
    );
  }
  const skewMs = (options.maxSkewSeconds ?? DEFAULT_MAX_SKEW_SECONDS) * 1000;
  if (createdAt > now + skewMs) {
    return refuse('from_future', `createdAt ${envelope.createdAt} is ahead of our clock`, envelope.id);
  }
  if (options.seen && (await options.seen(envelope.id))) {
    return refuse('replay', `message ${envelope.id} was already received`, envelope.id);
  }
  return { ok: true, envelope, kid: decoded.kid };
}

/** A recipient's published encryption key (X25519, with its kid). */
export type RecipientKey = { agency: string; jwk: JWK };

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Encrypts a body to every recipient (JWE General JSON, ECDH-ES+A256KW per recipient, one A256GCM content key). */
export async function encryptBodyForRecipients(
  body: unknown,
  recipients: readonly RecipientKey[],
): Promise<GeneralJWE> {
  if (recipients.length === 0) {
    throw new AppError(
      'invalid',
      'federation.no_recipients',
      'an encrypted body needs at least one recipient',
    );
  }
  const jwe = new GeneralEncrypt(encoder.encode(JSON.stringify(body))).setProtectedHeader({
    enc: CONTENT_ENCRYPTION,
    cty: 'application/json',
  });
  for (const { agency, jwk } of recipients) {
    if (jwk.crv !== 'X25519' || typeof jwk.kid !== 'string' || jwk.d !== undefined) {
      throw new AppError(
        'invalid',
        'federation.bad_recipient_key',
        `the key for ${agency} is not a public X25519 key`,
      );
    }
    jwe.addRecipient(jwk).setUnprotectedHeader({ alg: KEY_AGREEMENT_ALG, kid: jwk.kid });
  }
  return jwe.encrypt();
}

/**
 * The plain body of a verified envelope, decrypting `bodyJwe` with whichever of our encryption keys (current or
 * retired) it was encrypted to. Throws `federation.body_not_decryptable` when none fits.
 */
export async function decryptBody(envelope: Envelope, encKeys: readonly NodeKey[]): Promise<unknown> {
  if (envelope.bodyJwe === undefined) return envelope.body;
  try {
    const { plaintext } = await generalDecrypt(
      envelope.bodyJwe,
      (protectedHeader, recipient) => {
        // Each recipient's kid sits in its own unprotected header; the protected one is shared by all.
        const kid = recipient.header?.kid ?? protectedHeader?.kid;
        const key = encKeys.find((candidate) => candidate.use === 'enc' && candidate.kid === kid);
        if (!key) throw new Error(`no encryption key ${String(kid)}`);
        return key.privateJwk;
      },
      { keyManagementAlgorithms: [KEY_AGREEMENT_ALG], contentEncryptionAlgorithms: [CONTENT_ENCRYPTION] },
    );
    return JSON.parse(decoder.decode(plaintext));
  } catch {
    throw new AppError(
      'invalid',
      'federation.body_not_decryptable',
      `the body of message ${envelope.id} is not encrypted to any of our keys`,
      { id: envelope.id },
    );
  }
}
