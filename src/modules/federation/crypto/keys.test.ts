import { compactVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors.js';
import {
  exportNodeKeys,
  generateNodeKeys,
  importNodeKeys,
  nodeKeys,
  publicJwks,
  rotateKeys,
} from './keys.js';
import { signJson } from './signed-object.js';
import { secondsAfter } from './test-factories.js';

const DAY = 24 * 60 * 60;

describe('node keys', () => {
  it('generates an Ed25519 signing key and an X25519 encryption key with kids under the prefix', async () => {
    const keys = await generateNodeKeys('CN-NIA');
    expect(keys.signing).toMatchObject({ use: 'sig', alg: 'EdDSA', status: 'active' });
    expect(keys.signing.publicJwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', use: 'sig', alg: 'EdDSA' });
    expect(keys.encryption.publicJwk).toMatchObject({
      kty: 'OKP',
      crv: 'X25519',
      use: 'enc',
      alg: 'ECDH-ES+A256KW',
    });
    expect(keys.signing.kid).toMatch(/^CN-NIA\.sig\./);
    expect(keys.encryption.kid).toMatch(/^CN-NIA\.enc\./);
    expect(keys.signing.kid).not.toBe(keys.encryption.kid);
  });

  it('survives a JSON round trip with private parts that still sign', async () => {
    const original = await generateNodeKeys('MN-GABP');
    const restored = importNodeKeys(JSON.parse(JSON.stringify(exportNodeKeys(original))));
    expect(restored.signing.kid).toBe(original.signing.kid);
    expect(restored.encryption.publicJwk).toEqual(original.encryption.publicJwk);
    const jws = await signJson({ hello: 'world' }, 'test+jws', restored.signing);
    await expect(compactVerify(jws, original.signing.publicJwk)).resolves.toBeTruthy();
  });

  it('refuses stored keys without an active signing key', async () => {
    const stored = exportNodeKeys(await generateNodeKeys('MN-GABP'));
    const broken = { ...stored, keys: stored.keys.filter((key) => key.jwk.use !== 'sig') };
    expect(() => importNodeKeys(broken)).toThrow(AppError);
    expect(() => importNodeKeys({ v: 1, keys: 'nope' })).toThrow(/stored keys/);
  });

  it('publishes public parts only, each with kid, use and alg', async () => {
    const jwks = publicJwks(nodeKeys(await generateNodeKeys('RU-FSB')));
    expect(jwks.keys).toHaveLength(2);
    for (const key of jwks.keys) {
      expect(key).not.toHaveProperty('d');
      expect(key.kid).toMatch(/^RU-FSB\./);
      expect(['sig', 'enc']).toContain(key.use);
    }
    expect(jwks.keys.map((key) => key.alg).sort()).toEqual(['ECDH-ES+A256KW', 'EdDSA']);
  });
});

describe('key rotation', () => {
  it('keeps the old keys as retiring and publishes both until the overlap ends', async () => {
    const now = new Date('2025-03-01T00:00:00.000Z');
    const before = await generateNodeKeys('CN-NIA', now);
    const after = await rotateKeys(before, { retiresAt: secondsAfter(now, 14 * DAY), now });
    expect(after.signing.kid).not.toBe(before.signing.kid);
    expect(after.retiring.map((key) => key.kid)).toEqual([before.signing.kid, before.encryption.kid]);
    expect(after.retiring.every((key) => key.status === 'retiring')).toBe(true);

    const during = publicJwks(nodeKeys(after), secondsAfter(now, DAY));
    expect(during.keys.map((key) => key.kid)).toContain(before.signing.kid);
    expect(during.keys.find((key) => key.kid === before.signing.kid)?.retires_at).toBe(
      '2025-03-15T00:00:00.000Z',
    );
    const afterOverlap = publicJwks(nodeKeys(after), secondsAfter(now, 15 * DAY));
    expect(afterOverlap.keys.map((key) => key.kid)).toEqual([after.signing.kid, after.encryption.kid]);
  });

  it('drops ended signing keys at the next rotation but keeps old encryption keys for late messages', async () => {
    const now = new Date('2025-03-01T00:00:00.000Z');
    const first = await generateNodeKeys('CN-NIA', now);
    const second = await rotateKeys(first, { retiresAt: secondsAfter(now, DAY), now });
    const later = secondsAfter(now, 30 * DAY);
    const third = await rotateKeys(second, { retiresAt: secondsAfter(later, DAY), now: later });
    const kids = third.retiring.map((key) => key.kid);
    expect(kids).not.toContain(first.signing.kid);
    expect(kids).toContain(first.encryption.kid);
    expect(kids).toContain(second.signing.kid);
    expect(third.signing.kid).toMatch(/^CN-NIA\.sig\./);
  });

  it('survives a JSON round trip in the middle of an overlap', async () => {
    const now = new Date('2025-03-01T00:00:00.000Z');
    const rotated = await rotateKeys(await generateNodeKeys('CN-NIA', now), {
      retiresAt: secondsAfter(now, DAY),
      now,
    });
    const restored = importNodeKeys(JSON.parse(JSON.stringify(exportNodeKeys(rotated))));
    expect(restored.retiring.map((key) => [key.kid, key.retiresAt])).toEqual(
      rotated.retiring.map((key) => [key.kid, key.retiresAt]),
    );
  });

  it('refuses an overlap that has already ended', async () => {
    const now = new Date('2025-03-01T00:00:00.000Z');
    const keys = await generateNodeKeys('CN-NIA', now);
    await expect(rotateKeys(keys, { retiresAt: now, now })).rejects.toThrow(/overlap/);
  });
});
