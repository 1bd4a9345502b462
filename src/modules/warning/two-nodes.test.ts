import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import type { ApiClient } from '../../../test/support/http-client.js';
import { startTestNode, type TestNode } from '../../../test/support/nodes.js';
import { linkNodes } from '../exchange/test-support/exchange-nodes.js';
import { eventually } from '../federation/test-support/federation-nodes.js';
import { addTestPort, buildCrossing, buildEntry } from './test-support/factories.js';

describeEachDatabase('early warning between two nodes', (dialect) => {
  let a: TestNode;
  let b: TestNode;
  let deskA: ApiClient;
  let deskB: ApiClient;

  beforeAll(async () => {
    [a, b] = await Promise.all([
      startTestNode(dialect, { code: 'CN-NIA' }),
      startTestNode(dialect, { code: 'MN-GABP' }),
    ]);
    await linkNodes(a, b);
    await Promise.all([addTestPort(await a.admin()), addTestPort(await b.admin())]);
    deskA = await a.userWith(['port_officer', 'liaison_officer'], { personalData: true });
    deskB = await b.userWith(['port_officer', 'liaison_officer'], { personalData: true });
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  it('screens crossings at B against an entry A shared, and A learns of the confirmed hit', async () => {
    const entry = buildEntry({ sharingScope: 'counterparts', shareWith: ['MN-GABP'] });
    const shared = await deskA.post<{ id: string }>('/api/v1/warning/watchlist', entry);
    expect(shared.status, shared.text).toBe(201);

    const traveller = {
      surname: entry.surname,
      givenNames: entry.givenNames,
      birthDate: entry.birthDate,
      nationality: entry.nationality,
      documentNumber: entry.documentNumber,
    };
    let hitId = '';
    // The entry travels by federation, then joins B's in-memory index at its next sync.
    await eventually(async () => {
      const crossing = await deskB.post<{
        verdict: string;
        hitId: string | null;
        entry: { sourceAgency: string } | null;
      }>('/api/v1/warning/crossings', buildCrossing({ identity: traveller }));
      expect(crossing.status, crossing.text).toBe(201);
      expect(crossing.body.verdict).toBe('hit');
      expect(crossing.body.entry?.sourceAgency).toBe('CN-NIA');
      hitId = crossing.body.hitId ?? '';
    }, 30_000);

    const confirmed = await deskB.post(`/api/v1/warning/hits/${hitId}/confirm`, {
      reason: 'documents match',
    });
    expect(confirmed.status, confirmed.text).toBe(200);
    await eventually(async () => {
      const inbox = await deskA.get<{ items: Array<{ type: string; senderAgency: string }> }>(
        '/api/v1/notifications?box=inbox&type=hit.notice',
      );
      expect(inbox.body.items).toEqual([
        expect.objectContaining({ type: 'hit.notice', senderAgency: 'MN-GABP' }),
      ]);
    }, 30_000);
  });
});
