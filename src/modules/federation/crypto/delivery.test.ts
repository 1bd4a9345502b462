import { beforeAll, describe, expect, it } from 'vitest';
import { signDelivery, verifyDelivery } from './delivery.js';
import { signEnvelope } from './envelope.js';
import { rotateKeys } from './keys.js';
import {
  buildEnvelope,
  buildNode,
  secondsAfter,
  secondsBefore,
  type TestNode,
  tamperPayload,
  trustListOf,
} from './test-factories.js';
import type { TrustedKey } from './verification.js';

const DAY = 24 * 60 * 60;
const now = new Date('2025-03-10T08:00:00.000Z');

let sender: TestNode;
let receiver: TestNode;
let other: TestNode;

beforeAll(async () => {
  [sender, receiver, other] = await Promise.all([
    buildNode('CN-NIA'),
    buildNode('MN-GABP'),
    buildNode('RU-FSB'),
  ]);
});

const receiverOptions = () => ({ trustedKeys: trustListOf(sender, other), self: receiver.agency, now });

async function deliveryOf(sentAt: Date, created = secondsBefore(now, 60)) {
  const envelope = buildEnvelope({ from: sender.agency }, created);
  const envelopeJws = await signEnvelope(envelope, sender.keys.signing);
  const jws = await signDelivery(
    { envelopeJws, sentAt: sentAt.toISOString(), attempt: 3 },
    sender.keys.signing,
  );
  return { envelope, envelopeJws, jws };
}

describe('deliveries', () => {
  it('hands over the envelope exactly as signed, with sentAt and attempt', async () => {
    const { envelope, envelopeJws, jws } = await deliveryOf(now);
    const result = await verifyDelivery(jws, receiverOptions());
    expect(result).toEqual({
      ok: true,
      envelope,
      envelopeJws,
      envelopeKid: sender.keys.signing.kid,
      deliveryKid: sender.keys.signing.kid,
      sentAt: now.toISOString(),
      attempt: 3,
    });
  });

  it('accepts a message created ten days ago when it is sent now, as after an outage', async () => {
    const { jws } = await deliveryOf(now, secondsBefore(now, 10 * DAY));
    expect((await verifyDelivery(jws, receiverOptions())).ok).toBe(true);
  });

  it('refuses a delivery sent longer ago than the accepted age as stale', async () => {
    const { jws } = await deliveryOf(secondsBefore(now, 7 * DAY + 1), secondsBefore(now, 8 * DAY));
    expect(await verifyDelivery(jws, receiverOptions())).toMatchObject({ ok: false, reason: 'stale' });
    const tight = await verifyDelivery(jws, { ...receiverOptions(), maxAgeSeconds: 8 * DAY });
    expect(tight.ok).toBe(true);
  });

  it('refuses a delivery sent ahead of our clock beyond the skew', async () => {
    const ahead = await deliveryOf(secondsAfter(now, 301));
    expect(await verifyDelivery(ahead.jws, receiverOptions())).toMatchObject({ reason: 'from_future' });
    const withinSkew = await deliveryOf(secondsAfter(now, 299));
    expect((await verifyDelivery(withinSkew.jws, receiverOptions())).ok).toBe(true);
  });

  it('reports a second delivery of a stored message as a replay with its id', async () => {
    const { envelope, jws } = await deliveryOf(now);
    const seen = (id: string) => id === envelope.id;
    const result = await verifyDelivery(jws, { ...receiverOptions(), seen });
    expect(result).toMatchObject({ ok: false, reason: 'replay', messageId: envelope.id });
  });

  it('refuses a delivery whose sentAt was changed on the wire', async () => {
    const { jws } = await deliveryOf(secondsBefore(now, 8 * DAY));
    const refreshed = tamperPayload(jws, (payload) => {
      payload.sentAt = now.toISOString();
    });
    expect(await verifyDelivery(refreshed, receiverOptions())).toMatchObject({ reason: 'bad_signature' });
  });

  it('refuses a fresh wrapper around an envelope changed on the wire', async () => {
    const envelopeJws = tamperPayload(
      await signEnvelope(buildEnvelope({ from: sender.agency }), sender.keys.signing),
      (payload) => {
        payload.type = 'hit.notice';
      },
    );
    const jws = await signDelivery(
      { envelopeJws, sentAt: now.toISOString(), attempt: 1 },
      sender.keys.signing,
    );
    expect(await verifyDelivery(jws, receiverOptions())).toMatchObject({ reason: 'bad_signature' });
  });

  it("refuses a wrapper signed by another peer than the envelope's sender", async () => {
    const { envelopeJws } = await deliveryOf(now);
    const relayed = await signDelivery(
      { envelopeJws, sentAt: now.toISOString(), attempt: 1 },
      other.keys.signing,
    );
    expect(await verifyDelivery(relayed, receiverOptions())).toMatchObject({ reason: 'untrusted_key' });
  });

  it('refuses a delivery for other agencies and from strangers', async () => {
    const envelopeJws = await signEnvelope(
      buildEnvelope({ from: sender.agency, to: [other.agency] }),
      sender.keys.signing,
    );
    const misrouted = await signDelivery(
      { envelopeJws, sentAt: now.toISOString(), attempt: 1 },
      sender.keys.signing,
    );
    expect(await verifyDelivery(misrouted, receiverOptions())).toMatchObject({
      reason: 'not_addressed_to_us',
    });
    const { jws } = await deliveryOf(now);
    const strangers = await verifyDelivery(jws, { ...receiverOptions(), trustedKeys: trustListOf(other) });
    expect(strangers).toMatchObject({ reason: 'unknown_sender' });
  });

  it('refuses a bare envelope where a delivery is expected', async () => {
    const { envelopeJws } = await deliveryOf(now);
    expect(await verifyDelivery(envelopeJws, receiverOptions())).toMatchObject({ reason: 'malformed' });
  });
});

describe('deliveries across a key rotation', () => {
  it('delivers a message signed before the rotation once the old key is revoked, but not with the old key alone', async () => {
    const rotatedAt = secondsBefore(now, 20 * DAY);
    const revokedAt = secondsBefore(now, 6 * DAY);
    const oldKeys = sender.keys;
    const newKeys = await rotateKeys(oldKeys, { retiresAt: revokedAt, now: rotatedAt });
    const trustedKeys = (agency: string): TrustedKey[] | undefined =>
      agency === sender.agency
        ? [
            { jwk: oldKeys.signing.publicJwk, revokedAt: revokedAt.toISOString() },
            { jwk: newKeys.signing.publicJwk },
          ]
        : undefined;
    const options = { trustedKeys, self: receiver.agency, now };
    const envelope = buildEnvelope({ from: sender.agency }, secondsBefore(rotatedAt, DAY));
    const envelopeJws = await signEnvelope(envelope, oldKeys.signing);

    const retry = await signDelivery(
      { envelopeJws, sentAt: now.toISOString(), attempt: 40 },
      newKeys.signing,
    );
    expect(await verifyDelivery(retry, options)).toMatchObject({
      ok: true,
      envelopeKid: oldKeys.signing.kid,
      deliveryKid: newKeys.signing.kid,
    });
    const withOldKey = await signDelivery(
      { envelopeJws, sentAt: now.toISOString(), attempt: 40 },
      oldKeys.signing,
    );
    expect(await verifyDelivery(withOldKey, options)).toMatchObject({ ok: false, reason: 'revoked_key' });

    const backdatedAfterRevocation = await signEnvelope(
      buildEnvelope({ from: sender.agency }, secondsBefore(now, 60)),
      oldKeys.signing,
    );
    const smuggled = await signDelivery(
      { envelopeJws: backdatedAfterRevocation, sentAt: now.toISOString(), attempt: 1 },
      newKeys.signing,
    );
    expect(await verifyDelivery(smuggled, options)).toMatchObject({ ok: false, reason: 'revoked_key' });
  });
});
