import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import type { ApiClient } from '../../../test/support/http-client.js';
import { useTestNode } from '../../../test/support/nodes.js';
import { listAudit } from '../../core/audit/audit.js';
import { purgeExpired } from './maintenance.js';
import { addTestPort, buildCrossing, buildEntry } from './test-support/factories.js';
import { DEFAULT_WARNING_OPTIONS } from './warning.runtime.js';
import type { Crossing } from './warning.schema.js';

const UNKNOWN_ID = '01890a5d-ac96-774b-bcce-b302099a8057';

describeEachDatabase('reading a crossing over HTTP', (dialect) => {
  const testNode = useTestNode(dialect, { code: 'CN-NIA' });
  beforeAll(async () => addTestPort(await testNode().admin()));
  let officerClient: ApiClient | undefined;
  const officer = async () => {
    officerClient ??= await testNode().userWith(['port_officer'], { personalData: true });
    return officerClient;
  };
  const record = async (overrides: Parameters<typeof buildCrossing>[0] = {}) => {
    const recorded = await (await officer()).post<{ crossingId: string; hitId: string | null }>(
      '/api/v1/warning/crossings',
      buildCrossing(overrides),
    );
    expect(recorded.status).toBe(201);
    return recorded.body;
  };

  it('refuses a crossing without a session, without the role and without the personal-data grant', async () => {
    const node = testNode();
    const { crossingId } = await record();
    const path = `/api/v1/warning/crossings/${crossingId}`;
    expect((await node.anonymous().get(path)).status).toBe(401);
    const analyst = await node.userWith(['analyst'], { personalData: true });
    expect((await analyst.get(path)).status).toBe(403);
    const uncleared = await node.userWith(['port_officer']);
    const refused = await uncleared.get(path);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('auth.personal_data_required');
    const audit = await listAudit(node.node.context.db, { limit: 10, targetId: crossingId });
    expect(audit.map((entry) => entry.action)).not.toContain('crossing.read');
  });

  it('refuses an id that is not a UUID and answers 404 for an unknown crossing', async () => {
    const client = await officer();
    expect((await client.get('/api/v1/warning/crossings/not-an-id')).status).toBe(400);
    const unknown = await client.get(`/api/v1/warning/crossings/${UNKNOWN_ID}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('warning.crossing_not_found');
  });

  it('shows the traveller behind a hit and audits the read by crossing id, never the identity', async () => {
    const node = testNode();
    const client = await officer();
    const identity = {
      surname: 'PETROVA',
      givenNames: 'ANNA',
      nativeName: 'Анна Петрова',
      sex: 'F' as const,
      birthDate: '1991-07-04',
      nationality: 'RUS',
      documentType: 'passport' as const,
      documentNumber: '751234567',
      issuingState: 'RUS',
    };
    const entry = await client.post('/api/v1/warning/watchlist', buildEntry(identity));
    expect(entry.status).toBe(201);
    const { crossingId, hitId } = await record({ identity, conveyance: 'K23', direction: 'exit' });
    const hit = await client.get<{ crossingId: string }>(`/api/v1/warning/hits/${hitId}`);
    expect(hit.body.crossingId).toBe(crossingId);

    const read = await client.get<Crossing>(`/api/v1/warning/crossings/${crossingId}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      id: crossingId,
      kind: 'actual',
      direction: 'exit',
      portCode: 'ERLIAN',
      conveyance: 'K23',
      verdict: 'hit',
      purgedAt: null,
      identity,
    });
    const audit = await listAudit(node.node.context.db, { limit: 10, targetId: crossingId });
    const reads = audit.filter((item) => item.action === 'crossing.read');
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ targetType: 'crossing', targetId: crossingId });
    const written = JSON.stringify(reads[0]);
    for (const value of ['PETROVA', 'Анна', '751234567', '1991-07-04', 'K23']) {
      expect(written).not.toContain(value);
    }
  });

  it('answers a purged crossing with where and when only, and when it was purged', async () => {
    const client = await officer();
    const longAgo = new Date(Date.now() - 200 * 86_400_000).toISOString();
    const { crossingId } = await record({ crossedAt: longAgo, conveyance: 'MN-1234' });
    await purgeExpired(testNode().node.context.db, DEFAULT_WARNING_OPTIONS);
    const read = await client.get<Crossing>(`/api/v1/warning/crossings/${crossingId}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      id: crossingId,
      portCode: 'ERLIAN',
      crossedAt: longAgo,
      identity: null,
      conveyance: null,
    });
    expect(read.body.purgedAt).toEqual(expect.any(String));
    expect(JSON.stringify(read.body)).not.toContain('BATBAYAR');
  });
});
