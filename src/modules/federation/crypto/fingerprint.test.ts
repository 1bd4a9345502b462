import { describe, expect, it } from 'vitest';
import {
  formatFingerprint,
  keyFingerprint,
  nodeFingerprint,
  normaliseFingerprint,
  sameFingerprint,
} from './fingerprint.js';
import { generateNodeKeys, nodeKeys, publicJwks, rotateKeys } from './keys.js';

// RFC 8037 appendix A.2/A.3: the Ed25519 example key and its RFC 7638 thumbprint.
const RFC8037_KEY = { kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' };
const RFC8037_THUMBPRINT = 'kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k';

describe('fingerprints', () => {
  it('computes the RFC 7638 thumbprint of the RFC 8037 example key', async () => {
    expect(await keyFingerprint(RFC8037_KEY)).toBe(RFC8037_THUMBPRINT);
    expect(await keyFingerprint({ ...RFC8037_KEY, kid: 'x', use: 'sig', alg: 'EdDSA' })).toBe(
      RFC8037_THUMBPRINT,
    );
  });

  it('fingerprints a node by its current signing key, stable across calls', async () => {
    const keys = await generateNodeKeys('CN-NIA');
    const jwks = publicJwks(nodeKeys(keys));
    const first = await nodeFingerprint(jwks);
    expect(first.canonical).toBe(await keyFingerprint(keys.signing.publicJwk));
    expect(await nodeFingerprint(JSON.parse(JSON.stringify(jwks)))).toEqual(first);
  });

  it('prints the display form as 13 dash-separated groups of 4 base32 characters', () => {
    const display = formatFingerprint(RFC8037_THUMBPRINT);
    expect(display).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){12}$/);
  });

  it('names the new signing key after a rotation, not the retiring one', async () => {
    const now = new Date('2025-03-01T00:00:00.000Z');
    const before = await generateNodeKeys('CN-NIA', now);
    const after = await rotateKeys(before, { retiresAt: new Date('2025-03-15T00:00:00.000Z'), now });
    const fingerprint = await nodeFingerprint(publicJwks(nodeKeys(after), now));
    expect(fingerprint.canonical).toBe(await keyFingerprint(after.signing.publicJwk));
  });

  it('accepts what keys show prints, in either form, back to the canonical thumbprint', () => {
    const display = formatFingerprint(RFC8037_THUMBPRINT);
    expect(normaliseFingerprint(display)).toEqual({ ok: true, fingerprint: RFC8037_THUMBPRINT });
    expect(normaliseFingerprint(RFC8037_THUMBPRINT)).toEqual({ ok: true, fingerprint: RFC8037_THUMBPRINT });
    const dictated = ` ${display.toLowerCase().replaceAll('-', ' ')} `;
    expect(normaliseFingerprint(dictated)).toEqual({ ok: true, fingerprint: RFC8037_THUMBPRINT });
    expect(sameFingerprint(display, RFC8037_THUMBPRINT)).toBe(true);
  });

  it('refuses fingerprints of the wrong length or alphabet, and tells a one-character misreading apart', () => {
    const display = formatFingerprint(RFC8037_THUMBPRINT);
    expect(normaliseFingerprint(display.slice(0, -5)).ok).toBe(false);
    expect(normaliseFingerprint(`${display.slice(0, -1)}1`).ok).toBe(false);
    expect(normaliseFingerprint('').ok).toBe(false);
    const misread = `${display[0] === 'A' ? 'B' : 'A'}${display.slice(1)}`;
    expect(normaliseFingerprint(misread).ok).toBe(true);
    expect(sameFingerprint(misread, RFC8037_THUMBPRINT)).toBe(false);
  });
});
