import { describe, expect, it } from 'vitest';
import { signEnvelope, verifyEnvelope } from './envelope.js';
import { generateNodeKeys, nodeKeys, publicJwks, rotateKeys } from './keys.js';
import { buildEnvelope, secondsAfter } from './test-factories.js';
import type { TrustedKey } from './verification.js';

const DAY = 24 * 60 * 60;

describe('verification across a key rotation', () => {
  it('accepts both keys during the overlap and refuses the old one once the peer marked it revoked', async () => {
    const rotatedAt = new Date('2025-03-01T00:00:00.000Z');
    const overlapEnds = secondsAfter(rotatedAt, 14 * DAY);
    const before = await generateNodeKeys('CN-NIA', rotatedAt);
    const after = await rotateKeys(before, { retiresAt: overlapEnds, now: rotatedAt });

    // The receiver trusts whatever signing keys the sender's JWKS lists during the overlap.
    const published = publicJwks(nodeKeys(after), secondsAfter(rotatedAt, DAY));
    const trusted: TrustedKey[] = published.keys.filter((jwk) => jwk.use === 'sig').map((jwk) => ({ jwk }));
    expect(trusted).toHaveLength(2);
    const options = (now: Date) => ({ trustedKeys: () => trusted, self: 'MN-GABP', now });

    const during = secondsAfter(rotatedAt, DAY);
    const byOld = await signEnvelope(buildEnvelope({}, during), before.signing);
    const byNew = await signEnvelope(buildEnvelope({}, during), after.signing);
    expect(await verifyEnvelope(byOld, options(during))).toMatchObject({ ok: true, kid: before.signing.kid });
    expect(await verifyEnvelope(byNew, options(during))).toMatchObject({ ok: true, kid: after.signing.kid });

    const oldEntry = trusted.find((entry) => entry.jwk.kid === before.signing.kid);
    if (!oldEntry) throw new Error('old key missing from the trust list');
    oldEntry.revokedAt = overlapEnds.toISOString();
    const later = secondsAfter(overlapEnds, 1);
    expect(await verifyEnvelope(byOld, options(later))).toMatchObject({ ok: false, reason: 'revoked_key' });
    expect(await verifyEnvelope(byNew, options(later))).toMatchObject({ ok: true });
  });
});
