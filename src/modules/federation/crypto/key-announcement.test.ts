import { describe, expect, it } from 'vitest';
import { keyFingerprint } from './fingerprint.js';
import { signKeyAnnouncement, verifyKeyAnnouncement } from './key-announcement.js';
import { generateNodeKeys, rotateKeys } from './keys.js';
import { secondsAfter } from './test-factories.js';
import type { TrustedKey } from './verification.js';

const DAY = 24 * 60 * 60;
const rotatedAt = new Date('2025-03-01T00:00:00.000Z');

async function rotatedNode() {
  const before = await generateNodeKeys('CN-NIA', rotatedAt);
  const after = await rotateKeys(before, { retiresAt: secondsAfter(rotatedAt, 14 * DAY), now: rotatedAt });
  return { before, after };
}

const trusting =
  (...keys: TrustedKey[]) =>
  (agency: string) =>
    agency === 'CN-NIA' ? keys : undefined;

describe('key announcements', () => {
  it('lets a peer that pinned the old key adopt the new one during the overlap', async () => {
    const { before, after } = await rotatedNode();
    const now = secondsAfter(rotatedAt, DAY);
    const announcement = await signKeyAnnouncement(after, 'CN-NIA', now);
    const result = await verifyKeyAnnouncement(announcement, {
      trustedKeys: trusting({ jwk: before.signing.publicJwk }),
      now,
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.kid).toBe(before.signing.kid);
    const newSigning = result.announcement.keys.find(
      (key) => key.use === 'sig' && key.retires_at === undefined,
    );
    expect(newSigning && (await keyFingerprint(newSigning))).toBe(
      await keyFingerprint(after.signing.publicJwk),
    );
  });

  it('is verifiable by a peer that pinned the new key', async () => {
    const { after } = await rotatedNode();
    const now = secondsAfter(rotatedAt, DAY);
    const announcement = await signKeyAnnouncement(after, 'CN-NIA', now);
    const result = await verifyKeyAnnouncement(announcement, {
      trustedKeys: trusting({ jwk: after.signing.publicJwk }),
      now,
    });
    expect(result).toMatchObject({ ok: true, kid: after.signing.kid });
  });

  it('refuses an announcement signed only by keys we do not trust or have revoked', async () => {
    const { before, after } = await rotatedNode();
    const now = secondsAfter(rotatedAt, DAY);
    const impostor = await generateNodeKeys('CN-NIA', rotatedAt);
    const forged = await signKeyAnnouncement(impostor, 'CN-NIA', now);
    const options = { trustedKeys: trusting({ jwk: before.signing.publicJwk }), now };
    expect(await verifyKeyAnnouncement(forged, options)).toMatchObject({
      ok: false,
      reason: 'untrusted_key',
    });

    const revoked = trusting({ jwk: before.signing.publicJwk, revokedAt: rotatedAt.toISOString() });
    const genuine = await signKeyAnnouncement(after, 'CN-NIA', now);
    const result = await verifyKeyAnnouncement(genuine, { trustedKeys: revoked, now });
    expect(result).toMatchObject({ ok: false, reason: 'revoked_key' });
  });

  it('refuses an announcement whose key list was changed after signing', async () => {
    const { before, after } = await rotatedNode();
    const now = secondsAfter(rotatedAt, DAY);
    const announcement = await signKeyAnnouncement(after, 'CN-NIA', now);
    const payload = JSON.parse(Buffer.from(announcement.payload, 'base64url').toString()) as {
      keys: unknown[];
    };
    payload.keys.push({ ...(await generateNodeKeys('EVIL')).signing.publicJwk });
    const tampered = { ...announcement, payload: Buffer.from(JSON.stringify(payload)).toString('base64url') };
    const result = await verifyKeyAnnouncement(tampered, {
      trustedKeys: trusting({ jwk: before.signing.publicJwk }),
      now,
    });
    expect(result).toMatchObject({ ok: false, reason: 'bad_signature' });
  });
});
