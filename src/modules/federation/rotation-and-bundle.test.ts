import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { SYSTEM_ACTOR } from '../../core/auth/roles.js';
import { exportBundle, importBundle, parseBundle } from './bundle.js';
import { buildOutgoing, eventually, expectEachOnce, send } from './test-support/federation-nodes.js';
import { useLinkedNodes } from './test-support/linked-nodes.js';

describeEachDatabase('key rotation and offline transfer', (dialect) => {
  const linked = useLinkedNodes(dialect);

  it('reads its keys inside the caller transaction without waiting on another connection', async () => {
    const { a } = linked();
    const { identity } = a.node.federation.deps;
    const keys = await a.node.context.db.transaction().execute((trx) => identity.keys(trx, true));
    expect(keys.signing.use).toBe('sig');
  });

  it('keeps delivering after both nodes rotate their keys, the old ones published until the overlap ends', async () => {
    const { a, b, atB, deliveredTo } = linked();
    const before = await a.node.federation.ownKeys();
    const rotated = await a.node.federation.deps.identity.rotate(SYSTEM_ACTOR, 1);
    await b.node.federation.deps.identity.rotate(SYSTEM_ACTOR, 1);
    expect(rotated.canonical).not.toBe(before.fingerprint);
    const jwks = await a
      .anonymous()
      .get<{ keys: Array<{ retires_at?: string }> }>('/.well-known/borderlink/jwks.json');
    expect(jwks.body.keys).toHaveLength(4);
    expect(jwks.body.keys.filter((key) => key.retires_at !== undefined)).toHaveLength(2);

    const message = buildOutgoing();
    await send(a, message);
    await eventually(async () => expect(await deliveredTo([message.id])).toHaveLength(1));
    expectEachOnce(new Map([[message.id, atB.incoming.get(message.id) ?? []]]), [message.id]);
    const peerAtB = await (await b.admin()).get<{ items: Array<{ code: string; fingerprint: string }> }>(
      '/api/v1/federation/peers',
    );
    expect(peerAtB.body.items.find((peer) => peer.code === 'CN-NIA')?.fingerprint).toBe(rotated.canonical);
  });

  it('moves messages and receipts by bundle while the link is down, idempotently', async () => {
    const { a, b, proxy, atB, deliveredTo } = linked();
    proxy.plan(() => 'down');
    const messages = Array.from({ length: 5 }, () => buildOutgoing());
    await send(a, ...messages);
    const ids = messages.map((message) => message.id);
    await eventually(() => expect(proxy.seen.down).toBeGreaterThan(0));

    const outbound = parseBundle(JSON.stringify(await exportBundle(a.node.federation.deps, 'MN-GABP')));
    expect(outbound.deliveries).toHaveLength(5);
    const first = await importBundle(b.node.federation.deps, outbound);
    expect(first).toMatchObject({ new: 5, duplicate: 0, refused: 0 });
    const again = await importBundle(b.node.federation.deps, outbound);
    expect(again).toMatchObject({ new: 0, duplicate: 5, refused: 0 });
    expectEachOnce(new Map(ids.map((id) => [id, atB.incoming.get(id) ?? []])), ids);

    const inbound = await exportBundle(b.node.federation.deps, 'CN-NIA');
    const receipts = await importBundle(a.node.federation.deps, inbound);
    expect(receipts.receiptsApplied).toBe(5);
    expect(await deliveredTo(ids)).toHaveLength(5);
    proxy.plan(() => 'pass');
  });

  it('refuses a bundle meant for another node', async () => {
    const { a } = linked();
    const bundle = await exportBundle(a.node.federation.deps, 'MN-GABP');
    await expect(importBundle(a.node.federation.deps, bundle)).rejects.toMatchObject({
      code: 'federation.bundle_not_for_us',
    });
    expect(() => parseBundle('{"format":"zip"}')).toThrow(/not a Borderlink bundle/);
  });
});
