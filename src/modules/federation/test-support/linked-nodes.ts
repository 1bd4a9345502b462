import { afterAll, beforeAll } from 'vitest';
import { type FaultProxy, startFaultProxy } from '../../../../test/support/fault-proxy.js';
import { startTestNode, type TestNode } from '../../../../test/support/nodes.js';
import type { DialectName } from '../../../core/db/database.js';
import { FAST_OUTBOX, outboxOf, recordingHandlers, trustPeer } from './federation-nodes.js';

/** A (CN-NIA) sending to B (MN-GABP) through a fault proxy, each recording what federation told it. */
export interface LinkedNodes {
  readonly a: TestNode;
  readonly b: TestNode;
  /** Sits between A and B: A knows B by the proxy's URL; B reaches A directly. */
  readonly proxy: FaultProxy;
  readonly atA: ReturnType<typeof recordingHandlers>;
  readonly atB: ReturnType<typeof recordingHandlers>;
  /** A's outbox rows of these messages that B acknowledged with a `delivered` receipt. */
  deliveredTo(ids: readonly string[]): ReturnType<typeof outboxOf>;
}

/**
 * Starts A and B before the suite's tests (and stops them after), with recording handlers and mutual trust,
 * A's outbox tuned by `env` on top of the fast test timings.
 */
export function useLinkedNodes(
  dialect: DialectName,
  options: { env?: Record<string, string>; proxyDelayMs?: number } = {},
): () => LinkedNodes {
  let linked: LinkedNodes | undefined;
  let proxy: FaultProxy | undefined;
  let nodes: TestNode[] = [];
  beforeAll(async () => {
    const env = { ...FAST_OUTBOX, ...options.env };
    nodes = await Promise.all([
      startTestNode(dialect, { code: 'CN-NIA', env }),
      startTestNode(dialect, { code: 'MN-GABP', env }),
    ]);
    const [a, b] = nodes;
    if (!a || !b) throw new Error('nodes did not start');
    const atA = recordingHandlers();
    const atB = recordingHandlers();
    a.node.federation.useHandlers(atA.handlers);
    b.node.federation.useHandlers(atB.handlers);
    const started = await startFaultProxy(b.url, { delayMs: options.proxyDelayMs });
    proxy = started;
    await trustPeer(a, b, { url: started.url });
    await trustPeer(b, a);
    linked = {
      a,
      b,
      proxy: started,
      atA,
      atB,
      deliveredTo: async (ids) =>
        (await outboxOf(a)).filter((row) => ids.includes(row.message_id) && row.status === 'delivered'),
    };
  });
  afterAll(async () => {
    await proxy?.close();
    await Promise.all(nodes.map((node) => node.stop()));
  });
  return () => {
    if (!linked) throw new Error('linked nodes not started');
    return linked;
  };
}
