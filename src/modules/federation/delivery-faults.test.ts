import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import type { Fault } from '../../../test/support/fault-proxy.js';
import {
  buildOutgoing,
  eventually,
  expectEachOnce,
  outboxOf,
  send,
} from './test-support/federation-nodes.js';
import { useLinkedNodes } from './test-support/linked-nodes.js';

const FAULT_CYCLE: Fault[] = ['drop', 'duplicate', 'hold', 'pass', 'delay', 'cut', 'duplicate', 'hold'];

describeEachDatabase('delivery through an unreliable link', (dialect) => {
  const linked = useLinkedNodes(dialect, {
    env: {
      BORDERLINK_OUTBOX_CONCURRENCY: '4',
      // Small batch requests, so the faults hit many requests, single and batched alike.
      BORDERLINK_OUTBOX_PER_REQUEST: '2',
    },
    proxyDelayMs: 150,
  });

  it('stores each message once despite drops, duplicates, reordering, delays and cut connections', async () => {
    const { a, proxy, atA, atB, deliveredTo } = linked();
    proxy.plan(({ index, path }) =>
      path.startsWith('/federation/') && index < 60
        ? (FAULT_CYCLE[index % FAULT_CYCLE.length] ?? 'pass')
        : 'pass',
    );
    const messages = Array.from({ length: 24 }, (_, i) =>
      buildOutgoing({ body: { subject: `m${i}`, text: 'x' } }),
    );
    await send(a, ...messages);
    const ids = messages.map((message) => message.id);
    await eventually(async () => expect(await deliveredTo(ids)).toHaveLength(ids.length), 20_000);
    expectEachOnce(new Map(ids.map((id) => [id, atB.incoming.get(id) ?? []])), ids);
    for (const fault of ['drop', 'duplicate', 'hold', 'delay', 'cut'] as const) {
      expect(proxy.seen[fault]).toBeGreaterThan(0);
    }
    const changes = atA.changes.filter(
      (change) => ids.includes(change.messageId) && change.status === 'delivered',
    );
    expect(changes).toHaveLength(ids.length);
  });

  it('catches a peer up on everything once it comes back after being down', async () => {
    const { a, proxy, atB, deliveredTo } = linked();
    proxy.plan(() => 'down');
    const messages = Array.from({ length: 20 }, () => buildOutgoing());
    await send(a, ...messages);
    const ids = messages.map((message) => message.id);
    await eventually(() => expect(proxy.seen.down).toBeGreaterThan(2));
    const during = await outboxOf(a);
    expect(during.filter((row) => ids.includes(row.message_id) && row.status === 'delivered')).toHaveLength(
      0,
    );
    expect(during.some((row) => ids.includes(row.message_id) && row.attempts > 0)).toBe(true);
    proxy.plan(() => 'pass');
    await eventually(async () => expect(await deliveredTo(ids)).toHaveLength(ids.length));
    expectEachOnce(new Map(ids.map((id) => [id, atB.incoming.get(id) ?? []])), ids);
  });

  it('delivers what was committed before the sender stopped, once it runs again', async () => {
    const { a, atB, deliveredTo } = linked();
    await a.node.federation.worker.stop();
    const messages = Array.from({ length: 5 }, () => buildOutgoing());
    await send(a, ...messages);
    const ids = messages.map((message) => message.id);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await deliveredTo(ids)).toHaveLength(0);
    a.node.federation.worker.start();
    await eventually(async () => expect(await deliveredTo(ids)).toHaveLength(ids.length));
    expectEachOnce(new Map(ids.map((id) => [id, atB.incoming.get(id) ?? []])), ids);
  });

  it('takes over rows whose claim was left by a process that died mid-delivery', async () => {
    const { a, atB, deliveredTo } = linked();
    await a.node.federation.worker.stop();
    const messages = Array.from({ length: 3 }, () => buildOutgoing());
    await send(a, ...messages);
    const ids = messages.map((message) => message.id);
    await a.node.context.db
      .updateTable('federation_outbox')
      .set({ claimed_until: new Date(Date.now() + 400).toISOString() })
      .where('message_id', 'in', ids)
      .execute();
    a.node.federation.worker.start();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await deliveredTo(ids)).toHaveLength(0);
    await eventually(async () => expect(await deliveredTo(ids)).toHaveLength(ids.length));
    expectEachOnce(new Map(ids.map((id) => [id, atB.incoming.get(id) ?? []])), ids);
  });
});
