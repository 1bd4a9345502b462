import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import type { ApiClient } from '../../../test/support/http-client.js';
import { useTestNode } from '../../../test/support/nodes.js';
import { listAudit } from '../../core/audit/audit.js';
import type { ListedHit } from './hit-list.schema.js';
import { purgeExpired } from './maintenance.js';
import { addTestPort, buildCrossing, buildEntry } from './test-support/factories.js';
import { DEFAULT_WARNING_OPTIONS } from './warning.runtime.js';

const HITS = '/api/v1/warning/hits?status=open&limit=500';

describeEachDatabase('the desk list of hits names the traveller', (dialect) => {
  const testNode = useTestNode(dialect, { code: 'CN-NIA' });
  let officerClient: ApiClient | undefined;
  const officer = async () => {
    officerClient ??= await testNode().userWith(['port_officer'], { personalData: true });
    return officerClient;
  };
  const identity = {
    surname: 'SOKOLOVA',
    givenNames: 'IRINA PAVLOVNA',
    nativeName: 'Ирина Павловна Соколова',
    birthDate: '1979-11-02',
    nationality: 'RUS',
    documentNumber: '753300112',
  };
  const hitOn = async (overrides: Parameters<typeof buildCrossing>[0]) => {
    const recorded = await (await officer()).post<{ crossingId: string; hitId: string | null }>(
      '/api/v1/warning/crossings',
      buildCrossing(overrides),
    );
    expect(recorded.status, recorded.text).toBe(201);
    expect(recorded.body.hitId).toEqual(expect.any(String));
    return { crossingId: recorded.body.crossingId, hitId: recorded.body.hitId ?? '' };
  };
  const listed = async (hitId: string) => {
    const page = await (await officer()).get<{ items: ListedHit[] }>(HITS);
    expect(page.status, page.text).toBe(200);
    return page.body.items.find((item) => item.id === hitId);
  };

  beforeAll(async () => {
    await addTestPort(await testNode().admin());
    const entry = await (await officer()).post(
      '/api/v1/warning/watchlist',
      buildEntry({ ...identity, category: 'confirmed_case' }),
    );
    expect(entry.status, entry.text).toBe(201);
  });

  it('refuses the list without a session, without the desk role and without the personal-data grant', async () => {
    const node = testNode();
    expect((await node.anonymous().get(HITS)).status).toBe(401);
    const analyst = await node.userWith(['analyst'], { personalData: true });
    expect((await analyst.get(HITS)).status).toBe(403);
    const uncleared = await node.userWith(['port_officer']);
    const refused = await uncleared.get(HITS);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('auth.personal_data_required');
    expect((await (await officer()).get('/api/v1/warning/hits?status=pending')).status).toBe(400);
  });

  it('gives each hit the name on its crossing and the entry category, and audits hit and crossing ids only', async () => {
    const { crossingId, hitId } = await hitOn({ identity });
    expect(await listed(hitId)).toMatchObject({
      crossingId,
      traveller: {
        surname: 'SOKOLOVA',
        givenNames: 'IRINA PAVLOVNA',
        nativeName: 'Ирина Павловна Соколова',
      },
      entryCategory: 'confirmed_case',
    });
    const audit = await listAudit(testNode().node.context.db, { limit: 10, targetType: 'hit' });
    const read = audit.find(
      (item) => item.action === 'hit.list' && JSON.stringify(item.details).includes(hitId),
    );
    expect(read?.details).toMatchObject({ crossings: expect.arrayContaining([crossingId]) });
    const written = JSON.stringify(read);
    for (const value of ['SOKOLOVA', 'Ирина', '753300112']) expect(written).not.toContain(value);
  });

  it('says a purged crossing has no traveller any more, keeping the hit and its category', async () => {
    const longAgo = new Date(Date.now() - 200 * 86_400_000).toISOString();
    const { hitId } = await hitOn({ identity, crossedAt: longAgo });
    expect((await listed(hitId))?.traveller).not.toBeNull();
    await purgeExpired(testNode().node.context.db, DEFAULT_WARNING_OPTIONS);
    expect(await listed(hitId)).toMatchObject({ traveller: null, entryCategory: 'confirmed_case' });
  });

  it('gives a rule hit the traveller and no entry category', async () => {
    const client = await officer();
    const flagged = await client.post('/api/v1/warning/flagged-conveyances', {
      conveyance: 'MN-7788',
      reason: 'driver tested positive',
    });
    expect(flagged.status, flagged.text).toBe(201);
    const recorded = await client.post<{ warnings: { hitId: string }[] }>(
      '/api/v1/warning/crossings',
      buildCrossing({ conveyance: 'MN-7788' }),
    );
    const ruleHit = recorded.body.warnings[0]?.hitId ?? '';
    expect(await listed(ruleHit)).toMatchObject({
      kind: 'rule',
      traveller: { surname: 'BATBAYAR', givenNames: 'TEMUJIN', nativeName: null },
      entryCategory: null,
    });
  });
});
