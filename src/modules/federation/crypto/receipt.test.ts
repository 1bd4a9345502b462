import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors.js';
import { type Receipt, signReceipt, verifyReceipt } from './receipt.js';
import { buildNode, secondsAfter, type TestNode, tamperPayload, trustListOf } from './test-factories.js';

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

const buildReceipt = (overrides: Partial<Omit<Receipt, 'v'>> = {}): Omit<Receipt, 'v'> => ({
  messageId: '01959a6e-7b10-7cc3-9d2e-3f3c1b2a4d5e',
  from: receiver.agency,
  to: sender.agency,
  status: 'delivered',
  receivedAt: now.toISOString(),
  ...overrides,
});

// The sender of the message checks receipts coming back from the receiver.
const senderOptions = () => ({ trustedKeys: trustListOf(receiver, other), self: sender.agency, now });

describe('receipts', () => {
  it('round-trips a delivered and a rejected receipt', async () => {
    const delivered = await verifyReceipt(
      await signReceipt(buildReceipt(), receiver.keys.signing),
      senderOptions(),
    );
    expect(delivered).toEqual({
      ok: true,
      receipt: { v: 1, ...buildReceipt() },
      kid: receiver.keys.signing.kid,
    });
    const rejected = buildReceipt({ status: 'rejected', reason: 'stale' });
    const result = await verifyReceipt(await signReceipt(rejected, receiver.keys.signing), senderOptions());
    expect(result).toMatchObject({ ok: true, receipt: { status: 'rejected', reason: 'stale' } });
  });

  it('refuses a receipt whose status was changed on the wire', async () => {
    const jws = await signReceipt(buildReceipt({ status: 'rejected' }), receiver.keys.signing);
    const flipped = tamperPayload(jws, (payload) => {
      payload.status = 'delivered';
    });
    expect(await verifyReceipt(flipped, senderOptions())).toMatchObject({
      ok: false,
      reason: 'bad_signature',
    });
  });

  it('refuses receipts from another key, another sender or for another agency', async () => {
    const otherKey = await signReceipt(buildReceipt(), other.keys.signing);
    expect(await verifyReceipt(otherKey, senderOptions())).toMatchObject({ reason: 'untrusted_key' });
    const stranger = await signReceipt(buildReceipt({ from: 'KZ-SBS' }), receiver.keys.signing);
    expect(await verifyReceipt(stranger, senderOptions())).toMatchObject({ reason: 'unknown_sender' });
    const forOther = await signReceipt(buildReceipt({ to: other.agency }), receiver.keys.signing);
    expect(await verifyReceipt(forOther, senderOptions())).toMatchObject({ reason: 'not_addressed_to_us' });
  });

  it('refuses a receipt received ahead of our clock', async () => {
    const ahead = buildReceipt({ receivedAt: secondsAfter(now, 3600).toISOString() });
    const result = await verifyReceipt(await signReceipt(ahead, receiver.keys.signing), senderOptions());
    expect(result).toMatchObject({ ok: false, reason: 'from_future' });
  });

  it('refuses to sign a receipt without a valid instant', async () => {
    await expect(
      signReceipt(buildReceipt({ receivedAt: 'yesterday' }), receiver.keys.signing),
    ).rejects.toThrow(AppError);
  });
});
