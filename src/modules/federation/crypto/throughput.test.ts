import { describe, expect, it } from 'vitest';
import { signDelivery, verifyDelivery } from './delivery.js';
import { signEnvelope, verifyEnvelope } from './envelope.js';
import { buildEnvelope, buildNode, trustListOf } from './test-factories.js';

// A figure for the log, not a budget: timings are judged by benchmarks, never asserted in tests.
const ROUNDS = 300;

describe('signing throughput', () => {
  it('measures envelope and delivery sign+verify per second', async () => {
    const [sender, receiver] = await Promise.all([buildNode('CN-NIA'), buildNode('MN-GABP')]);
    const options = { trustedKeys: trustListOf(sender), self: receiver.agency };
    const envelope = buildEnvelope({ from: sender.agency, to: [receiver.agency] });

    let accepted = 0;
    const envelopeStart = performance.now();
    for (let round = 0; round < ROUNDS; round += 1) {
      const jws = await signEnvelope(envelope, sender.keys.signing);
      if ((await verifyEnvelope(jws, options)).ok) accepted += 1;
    }
    const envelopeMs = performance.now() - envelopeStart;

    const envelopeJws = await signEnvelope(envelope, sender.keys.signing);
    const deliveryStart = performance.now();
    for (let round = 0; round < ROUNDS; round += 1) {
      const jws = await signDelivery({ envelopeJws, attempt: round + 1 }, sender.keys.signing);
      if ((await verifyDelivery(jws, options)).ok) accepted += 1;
    }
    const deliveryMs = performance.now() - deliveryStart;

    const perSecond = (ms: number) => Math.round((ROUNDS * 1000) / ms);
    console.log(
      `federation crypto: envelope sign+verify ${perSecond(envelopeMs)}/s, ` +
        `delivery sign+verify (2 signatures checked) ${perSecond(deliveryMs)}/s over ${ROUNDS} rounds`,
    );
    expect(accepted).toBe(2 * ROUNDS);
  });
});
