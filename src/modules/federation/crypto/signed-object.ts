import type { Static, TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { base64url, CompactSign, compactVerify, decodeProtectedHeader, errors } from 'jose';
import { AppError } from '../../../core/errors.js';
import { type NodeKey, SIGNING_ALG } from './keys.js';
import { refuse, type TrustedKeyLookup, type VerificationFailure } from './verification.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Signs a JSON payload as a compact JWS with our header conventions (alg EdDSA, kid, typ). */
export async function signJson(payload: unknown, typ: string, key: NodeKey): Promise<string> {
  if (key.use !== 'sig') {
    throw new AppError('invalid', 'federation.not_a_signing_key', `key ${key.kid} is not a signing key`);
  }
  return new CompactSign(encoder.encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: SIGNING_ALG, typ, kid: key.kid })
    .sign(key.privateJwk);
}

export type DecodedJws<T> = { ok: true; kid: string; payload: T };

/**
 * Reads header and payload WITHOUT checking the signature: the payload names the sender, whose keys we need
 * before we can verify. Nothing from here may be trusted until `verifySignedBy` succeeds.
 */
export function decodeUnverified<S extends TSchema>(
  jws: unknown,
  typ: string,
  schema: S,
): DecodedJws<Static<S>> | VerificationFailure {
  if (typeof jws !== 'string' || jws.split('.').length !== 3) {
    return refuse('malformed', 'not a compact JWS');
  }
  let header: ReturnType<typeof decodeProtectedHeader>;
  let payload: unknown;
  try {
    header = decodeProtectedHeader(jws);
    payload = JSON.parse(decoder.decode(base64url.decode(jws.split('.')[1] ?? '')));
  } catch {
    return refuse('malformed', 'the JWS header or payload is not base64url JSON');
  }
  if (header.alg !== SIGNING_ALG)
    return refuse('malformed', `alg must be ${SIGNING_ALG}, got ${String(header.alg)}`);
  if (header.typ !== typ) return refuse('malformed', `typ must be ${typ}, got ${String(header.typ)}`);
  if (typeof header.kid !== 'string' || header.kid === '')
    return refuse('malformed', 'the JWS header has no kid');
  if (!Value.Check(schema, payload)) {
    const first = Value.Errors(schema, payload).First();
    return refuse(
      'malformed',
      `payload does not match ${typ}${first ? ` at ${first.path}: ${first.message}` : ''}`,
    );
  }
  return { ok: true, kid: header.kid, payload };
}

/**
 * Checks that `jws` is signed by the key `kid` of `agency` and that the key was not revoked at `keyValidAt`.
 * The signature is checked before revocation so that `revoked_key` in a log always means the holder of that key
 * signed it (a forgery naming a revoked kid shows as `bad_signature`).
 */
export async function verifySignedBy(
  jws: string,
  kid: string,
  agency: string,
  trustedKeys: TrustedKeyLookup,
  keyValidAt: number,
  messageId?: string,
): Promise<{ ok: true } | VerificationFailure> {
  const keys = await trustedKeys(agency);
  if (!keys || keys.length === 0)
    return refuse('unknown_sender', `${agency} is not a trusted peer`, messageId);
  const trusted = keys.find((key) => key.jwk.kid === kid);
  if (!trusted) return refuse('untrusted_key', `key ${kid} is not a trusted key of ${agency}`, messageId);
  try {
    await compactVerify(jws, trusted.jwk, { algorithms: [SIGNING_ALG] });
  } catch (error) {
    if (error instanceof errors.JWSSignatureVerificationFailed) {
      return refuse('bad_signature', `the signature does not verify with key ${kid} of ${agency}`, messageId);
    }
    if (error instanceof errors.JWSInvalid)
      return refuse('malformed', 'the JWS is not well formed', messageId);
    throw error;
  }
  if (trusted.revokedAt !== undefined && Date.parse(trusted.revokedAt) <= keyValidAt) {
    return refuse('revoked_key', `key ${kid} of ${agency} was revoked at ${trusted.revokedAt}`, messageId);
  }
  return { ok: true };
}
