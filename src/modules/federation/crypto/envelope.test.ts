import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors.js';
import { decryptBody, encryptBodyForRecipients, signEnvelope, verifyEnvelope } from './envelope.js';
import { signReceipt } from './receipt.js';
import {
  buildEnvelope,
  buildNode,
  recipientKeyOf,
  secondsAfter,
  secondsBefore,
  type TestNode,
  tamperPayload,
  trustListOf,
} from './test-factories.js';

let sender: TestNode;
let receiver: TestNode;
let other: TestNode;
let outsider: TestNode;

beforeAll(async () => {
  [sender, receiver, other, outsider] = await Promise.all([
    buildNode('CN-NIA'),
    buildNode('MN-GABP'),
    buildNode('RU-FSB'),
    buildNode('KZ-SBS'),
  ]);
});

const receiverOptions = () => ({ trustedKeys: trustListOf(sender, other), self: receiver.agency });

describe('envelopes', () => {
  it('verifies an envelope signed by a trusted peer and returns it with the signing kid', async () => {
    const envelope = buildEnvelope({ from: sender.agency, to: [receiver.agency, other.agency] });
    const jws = await signEnvelope(envelope, sender.keys.signing);
    const result = await verifyEnvelope(jws, receiverOptions());
    expect(result).toEqual({ ok: true, envelope, kid: sender.keys.signing.kid });
  });

  it('refuses an envelope whose payload was changed after signing', async () => {
    const jws = await signEnvelope(buildEnvelope({ from: sender.agency }), sender.keys.signing);
    const tampered = tamperPayload(jws, (payload) => {
      payload.body = { subject: 'Port hours', text: 'Erenhot is closed.' };
    });
    const result = await verifyEnvelope(tampered, receiverOptions());
    expect(result).toMatchObject({ ok: false, reason: 'bad_signature' });
  });

  it("refuses an envelope signed with another node's key as untrusted", async () => {
    const jws = await signEnvelope(buildEnvelope({ from: sender.agency }), other.keys.signing);
    const result = await verifyEnvelope(jws, receiverOptions());
    expect(result).toMatchObject({ ok: false, reason: 'untrusted_key' });
  });

  it("refuses a forgery that names the sender's kid but is signed with another key", async () => {
    const forged = await signEnvelope(buildEnvelope({ from: sender.agency }), {
      ...outsider.keys.signing,
      kid: sender.keys.signing.kid,
    });
    const result = await verifyEnvelope(forged, receiverOptions());
    expect(result).toMatchObject({ ok: false, reason: 'bad_signature' });
  });

  it('refuses an envelope from an agency that is not a peer', async () => {
    const jws = await signEnvelope(buildEnvelope({ from: outsider.agency }), outsider.keys.signing);
    const result = await verifyEnvelope(jws, receiverOptions());
    expect(result).toMatchObject({ ok: false, reason: 'unknown_sender' });
  });

  it('refuses an envelope addressed to other agencies only', async () => {
    const envelope = buildEnvelope({ from: sender.agency, to: [other.agency] });
    const result = await verifyEnvelope(await signEnvelope(envelope, sender.keys.signing), receiverOptions());
    expect(result).toMatchObject({ ok: false, reason: 'not_addressed_to_us', messageId: envelope.id });
  });

  it('accepts an envelope created days ago but refuses one created ahead of our clock', async () => {
    const now = new Date('2025-03-01T12:00:00.000Z');
    const old = buildEnvelope({ from: sender.agency }, secondsBefore(now, 10 * 24 * 3600));
    const oldResult = await verifyEnvelope(await signEnvelope(old, sender.keys.signing), {
      ...receiverOptions(),
      now,
    });
    expect(oldResult.ok).toBe(true);
    const ahead = buildEnvelope({ from: sender.agency }, secondsAfter(now, 301));
    const aheadJws = await signEnvelope(ahead, sender.keys.signing);
    expect(await verifyEnvelope(aheadJws, { ...receiverOptions(), now })).toMatchObject({
      reason: 'from_future',
    });
    const withinSkew = buildEnvelope({ from: sender.agency }, secondsAfter(now, 299));
    const skewJws = await signEnvelope(withinSkew, sender.keys.signing);
    expect((await verifyEnvelope(skewJws, { ...receiverOptions(), now })).ok).toBe(true);
  });

  it('reports an envelope already stored as a replay', async () => {
    const envelope = buildEnvelope({ from: sender.agency });
    const jws = await signEnvelope(envelope, sender.keys.signing);
    const stored = new Set<string>();
    const seen = (id: string) => stored.has(id);
    expect((await verifyEnvelope(jws, { ...receiverOptions(), seen })).ok).toBe(true);
    stored.add(envelope.id);
    const again = await verifyEnvelope(jws, { ...receiverOptions(), seen });
    expect(again).toMatchObject({ ok: false, reason: 'replay', messageId: envelope.id });
  });

  it('refuses an envelope signed with a key the peer has revoked', async () => {
    const now = new Date();
    const trustedKeys = () => [
      { jwk: sender.keys.signing.publicJwk, revokedAt: secondsBefore(now, 1).toISOString() },
    ];
    const jws = await signEnvelope(buildEnvelope({ from: sender.agency }), sender.keys.signing);
    const result = await verifyEnvelope(jws, { trustedKeys, self: receiver.agency, now });
    expect(result).toMatchObject({ ok: false, reason: 'revoked_key' });
  });

  it('refuses input that is not an envelope JWS as malformed', async () => {
    const receipt = await signReceipt(
      {
        messageId: 'x',
        from: sender.agency,
        to: receiver.agency,
        status: 'delivered',
        receivedAt: new Date().toISOString(),
      },
      sender.keys.signing,
    );
    const withoutBody = tamperPayload(await signEnvelope(buildEnvelope(), sender.keys.signing), (payload) => {
      delete payload.body;
    });
    for (const input of ['', 'a.b.c', 'not a jws', receipt, withoutBody]) {
      expect(await verifyEnvelope(input, receiverOptions())).toMatchObject({
        ok: false,
        reason: 'malformed',
      });
    }
  });

  it('refuses to sign an envelope that does not match protocol v1', async () => {
    const envelope = { ...buildEnvelope(), id: 'not-a-uuid' };
    await expect(signEnvelope(envelope, sender.keys.signing)).rejects.toThrow(AppError);
    const bothBodies = {
      ...buildEnvelope(),
      bodyJwe: await encryptBodyForRecipients({}, [recipientKeyOf(receiver)]),
    };
    await expect(signEnvelope(bothBodies, sender.keys.signing)).rejects.toThrow(/protocol v1/);
  });
});

describe('encrypted bodies', () => {
  const personalData = { persons: [{ name: 'BATBAYAR Dorj', document: 'E1234567' }] };

  it('can be read by every recipient and by no other node', async () => {
    const bodyJwe = await encryptBodyForRecipients(personalData, [
      recipientKeyOf(receiver),
      recipientKeyOf(other),
    ]);
    const envelope = buildEnvelope({
      from: sender.agency,
      to: [receiver.agency, other.agency],
      type: 'persons.movement',
      body: undefined,
      bodyJwe,
    });
    const jws = await signEnvelope(envelope, sender.keys.signing);
    const atReceiver = await verifyEnvelope(jws, receiverOptions());
    if (!atReceiver.ok) throw new Error(atReceiver.message);
    expect(JSON.stringify(atReceiver.envelope)).not.toContain('BATBAYAR');
    expect(await decryptBody(atReceiver.envelope, [receiver.keys.encryption])).toEqual(personalData);
    expect(await decryptBody(atReceiver.envelope, [other.keys.encryption])).toEqual(personalData);
    await expect(decryptBody(atReceiver.envelope, [outsider.keys.encryption])).rejects.toThrow(
      /not encrypted to any of our keys/,
    );
  });

  it('is not readable with the right kid on the wrong key', async () => {
    const envelope = buildEnvelope({
      body: undefined,
      bodyJwe: await encryptBodyForRecipients(personalData, [recipientKeyOf(receiver)]),
    });
    const impostor = { ...outsider.keys.encryption, kid: receiver.keys.encryption.kid };
    await expect(decryptBody(envelope, [impostor])).rejects.toThrow(AppError);
  });

  it('returns a plain body unchanged', async () => {
    const envelope = buildEnvelope();
    expect(await decryptBody(envelope, [receiver.keys.encryption])).toEqual(envelope.body);
  });

  it('refuses to encrypt to a signing key or to nobody', async () => {
    await expect(encryptBodyForRecipients(personalData, [])).rejects.toThrow(AppError);
    await expect(
      encryptBodyForRecipients(personalData, [
        { agency: receiver.agency, jwk: receiver.keys.signing.publicJwk },
      ]),
    ).rejects.toThrow(/X25519/);
  });
});
