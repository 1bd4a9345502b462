import { base64url, calculateJwkThumbprint, type JWK } from 'jose';
import { AppError } from '../../../core/errors.js';
import type { PublishedJwks } from './keys.js';

/**
 * A node's fingerprint in two spellings of the same 32 bytes:
 * - `canonical`: the RFC 7638 JWK thumbprint (SHA-256, base64url, 43 chars), for `--json` and storage;
 * - `display`: the same bytes in RFC 4648 base32, in dash-separated groups of 4, for reading over the phone.
 *   Base32 is case-insensitive and has no 0 or 1 to mistake for O, I or l, which base64url would force people to spell out.
 */
export type NodeFingerprint = { canonical: string; display: string };

export type FingerprintParse = { ok: true; fingerprint: string } | { ok: false; message: string };

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const THUMBPRINT_BYTES = 32;
const CANONICAL_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const BASE32_LENGTH = Math.ceil((THUMBPRINT_BYTES * 8) / 5);
const DISPLAY_GROUP = 4;

/** The RFC 7638 thumbprint of a public JWK (SHA-256, base64url); private members are ignored by definition. */
export const keyFingerprint = (publicJwk: JWK): Promise<string> =>
  calculateJwkThumbprint(publicJwk, 'sha256');

/** The fingerprint of the current signing key of a published JWKS (the key without `retires_at`). */
export async function nodeFingerprint(jwks: PublishedJwks): Promise<NodeFingerprint> {
  const current = jwks.keys.find((key) => key.use === 'sig' && key.retires_at === undefined);
  if (!current) {
    throw new AppError('invalid', 'federation.no_signing_key', 'the key set has no current signing key');
  }
  const canonical = await keyFingerprint(current);
  return { canonical, display: formatFingerprint(canonical) };
}

/** The human spelling of a canonical fingerprint: base32 in groups of 4, e.g. `MFRG-GZDF-…`. */
export function formatFingerprint(canonical: string): string {
  const groups = toBase32(base64url.decode(canonical)).match(new RegExp(`.{1,${DISPLAY_GROUP}}`, 'g')) ?? [];
  return groups.join('-');
}

/**
 * Accepts either spelling (as `keys show` prints it, with or without `--json`) and returns the canonical one.
 * For the display form, case, spaces, dashes and colons are ignored, so a fingerprint typed from dictation works.
 */
export function normaliseFingerprint(input: string): FingerprintParse {
  const trimmed = input.trim();
  // A canonical thumbprint may itself contain '-', so it is recognised before separators are stripped.
  if (CANONICAL_PATTERN.test(trimmed) && base64url.decode(trimmed).length === THUMBPRINT_BYTES) {
    return { ok: true, fingerprint: trimmed };
  }
  const compact = trimmed.replace(/[\s:-]/g, '').toUpperCase();
  if (compact.length !== BASE32_LENGTH || [...compact].some((char) => !BASE32_ALPHABET.includes(char))) {
    return {
      ok: false,
      message: `a fingerprint is 43 base64url characters or ${BASE32_LENGTH} base32 characters (A-Z, 2-7) in groups`,
    };
  }
  const bytes = fromBase32(compact);
  if (toBase32(bytes) !== compact) {
    return {
      ok: false,
      message: 'the last group of the fingerprint is not valid; check it was read correctly',
    };
  }
  return { ok: true, fingerprint: base64url.encode(bytes) };
}

/** Whether two fingerprints, in either spelling, name the same key. */
export function sameFingerprint(a: string, b: string): boolean {
  const left = normaliseFingerprint(a);
  const right = normaliseFingerprint(b);
  return left.ok && right.ok && left.fingerprint === right.fingerprint;
}

function toBase32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += BASE32_ALPHABET[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32_ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

function fromBase32(text: string): Uint8Array {
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of text) {
    buffer = ((buffer << 5) | BASE32_ALPHABET.indexOf(char)) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((buffer >> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Uint8Array.from(bytes);
}
