import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { eventually } from '../federation/test-support/federation-nodes.js';
import { buildCrossing, buildEntry, COUNTERPART_TEST_PORT } from './test-support/factories.js';
import { useLinkedDesks } from './test-support/linked-desks.js';

describeEachDatabase('early warning between two nodes', (dialect) => {
  const linked = useLinkedDesks(dialect);
  /** An entry A shares with B, and the traveller it describes. */
  const shareFromA = async (identity: Parameters<typeof buildEntry>[0]) => {
    const entry = buildEntry({ ...identity, sharingScope: 'counterparts', shareWith: ['MN-GABP'] });
    const shared = await linked.deskA.post<{ id: string }>('/api/v1/warning/watchlist', entry);
    expect(shared.status, shared.text).toBe(201);
    const traveller = {
      surname: entry.surname,
      givenNames: entry.givenNames,
      birthDate: entry.birthDate,
      nationality: entry.nationality,
      documentNumber: entry.documentNumber,
    };
    return { shared, traveller };
  };

  it('screens crossings at B against an entry A shared, and A learns of the confirmed hit', async () => {
    const { traveller } = await shareFromA({});
    let hitId = '';
    // The entry travels by federation, then joins B's in-memory index at its next sync.
    await eventually(async () => {
      const crossing = await linked.deskB.post<{
        verdict: string;
        hitId: string | null;
        entry: { sourceAgency: string } | null;
      }>(
        '/api/v1/warning/crossings',
        buildCrossing({ portCode: COUNTERPART_TEST_PORT, identity: traveller }),
      );
      expect(crossing.status, crossing.text).toBe(201);
      expect(crossing.body.verdict).toBe('hit');
      expect(crossing.body.entry?.sourceAgency).toBe('CN-NIA');
      hitId = crossing.body.hitId ?? '';
    }, 30_000);

    const confirmed = await linked.deskB.post(`/api/v1/warning/hits/${hitId}/confirm`, {
      reason: 'documents match',
    });
    expect(confirmed.status, confirmed.text).toBe(200);
    await eventually(async () => {
      const inbox = await linked.deskA.get<{ items: Array<{ type: string; senderAgency: string }> }>(
        '/api/v1/notifications?box=inbox&type=hit.notice',
      );
      expect(inbox.body.items).toEqual([
        expect.objectContaining({ type: 'hit.notice', senderAgency: 'MN-GABP' }),
      ]);
    }, 30_000);
  });

  it('stops finding the person at B once A deletes the entry it shared', async () => {
    const { shared, traveller } = await shareFromA({
      surname: 'WITHDRAWN',
      givenNames: 'PERSON',
      documentNumber: 'E99887766',
    });
    const verdictAtB = async () => {
      const crossing = await linked.deskB.post<{ verdict: string }>(
        '/api/v1/warning/crossings',
        buildCrossing({ portCode: COUNTERPART_TEST_PORT, identity: traveller }),
      );
      expect(crossing.status, crossing.text).toBe(201);
      return crossing.body.verdict;
    };
    await eventually(async () => expect(await verdictAtB()).toBe('hit'), 30_000);

    const deleted = await linked.deskA.delete(`/api/v1/warning/watchlist/${shared.body.id}`);
    expect(deleted.status, deleted.text).toBe(204);
    // the withdrawal travels by federation; B deletes its copy and drops it from its index at the next sync
    await eventually(async () => expect(await verdictAtB()).toBe('clear'), 30_000);
  });
});
