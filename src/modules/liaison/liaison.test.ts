import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import type { ApiClient } from '../../../test/support/http-client.js';
import { useTestNode } from '../../../test/support/nodes.js';
import type { LiaisonContact } from './liaison.schema.js';
import { countLiaisonContacts } from './liaison.service.js';

type Page = { items: LiaisonContact[]; nextCursor: string | null };

function buildContact(overrides: Record<string, unknown> = {}) {
  return {
    occurredOn: '2026-03-10',
    channel: 'letter',
    direction: 'incoming',
    parties: [{ name: 'Director General', kind: 'counterpart', agencyCode: 'MN-GABP' }],
    subject: 'Joint patrols in the spring',
    summary: 'Proposes weekly non-contact patrols on section S1.',
    assessment: 'Fully affirms the cooperation',
    commitments: [
      {
        description: 'Reply with patrol dates',
        owner: 'Liaison office',
        dueDate: '2026-03-20',
        status: 'open',
      },
    ],
    attachments: ['9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'],
    ...overrides,
  };
}

describeEachDatabase('liaison log', (dialect) => {
  const t = useTestNode(dialect, { code: 'CN-NIA' });
  let officer: ApiClient;
  let analyst: ApiClient;
  let portOfficer: ApiClient;

  beforeAll(async () => {
    officer = await t().userWith(['liaison_officer']);
    analyst = await t().userWith(['analyst']);
    portOfficer = await t().userWith(['port_officer']);
  });

  it('lets liaison officers write, analysts read, and keeps port officers and strangers out', async () => {
    expect((await t().anonymous().get('/api/v1/liaison/contacts')).status).toBe(401);
    expect((await portOfficer.get('/api/v1/liaison/contacts')).status).toBe(403);
    expect((await analyst.post('/api/v1/liaison/contacts', buildContact())).status).toBe(403);
    expect((await officer.post('/api/v1/liaison/contacts', buildContact({ channel: 'fax' }))).status).toBe(
      400,
    );
    const created = await officer.post<LiaisonContact>('/api/v1/liaison/contacts', buildContact());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      followUpStatus: 'open',
      commitments: [{ owner: 'Liaison office' }],
    });
    expect((await analyst.get(`/api/v1/liaison/contacts/${created.body.id}`)).body.subject).toBe(
      'Joint patrols in the spring',
    );
  });

  it('filters by period, channel, party kind and agency', async () => {
    await officer.post(
      '/api/v1/liaison/contacts',
      buildContact({ occurredOn: '2026-03-12', channel: 'video' }),
    );
    await officer.post(
      '/api/v1/liaison/contacts',
      buildContact({
        occurredOn: '2026-03-15',
        channel: 'meeting',
        direction: 'mutual',
        parties: [{ name: 'RATS Executive Committee', kind: 'international' }],
        commitments: [],
      }),
    );
    const video = await analyst.get<Page>('/api/v1/liaison/contacts?channel=video');
    expect(video.body.items.map((item) => item.occurredOn)).toEqual(['2026-03-12']);
    const international = await analyst.get<Page>('/api/v1/liaison/contacts?partyKind=international');
    expect(international.body.items).toHaveLength(1);
    expect(international.body.items[0]?.followUpStatus).toBe('none');
    const agency = await analyst.get<Page>(
      '/api/v1/liaison/contacts?agencyCode=MN-GABP&from=2026-03-11&to=2026-03-31',
    );
    expect(agency.body.items.map((item) => item.channel)).toEqual(['video']);
    const paged = await analyst.get<Page>('/api/v1/liaison/contacts?limit=2');
    expect(paged.body.items.map((item) => item.occurredOn)).toEqual(['2026-03-15', '2026-03-12']);
    const next = await analyst.get<Page>(`/api/v1/liaison/contacts?limit=2&cursor=${paged.body.nextCursor}`);
    expect(next.body.items.map((item) => item.occurredOn)).toEqual(['2026-03-10']);
    const backwards = await analyst.get('/api/v1/liaison/contacts?from=2026-03-20&to=2026-03-01');
    expect(backwards.body.code).toBe('liaison.period_ends_before_start');
  });

  it('updates follow-up as commitments are met, and deletes', async () => {
    const created = await officer.post<LiaisonContact>(
      '/api/v1/liaison/contacts',
      buildContact({ occurredOn: '2026-04-01' }),
    );
    const done = await officer.patch<LiaisonContact>(`/api/v1/liaison/contacts/${created.body.id}`, {
      commitments: [{ description: 'Reply with patrol dates', owner: 'Liaison office', status: 'done' }],
    });
    expect(done.body.followUpStatus).toBe('none');
    expect((await analyst.delete(`/api/v1/liaison/contacts/${created.body.id}`)).status).toBe(403);
    expect((await officer.delete(`/api/v1/liaison/contacts/${created.body.id}`)).status).toBe(204);
    expect((await analyst.get(`/api/v1/liaison/contacts/${created.body.id}`)).status).toBe(404);
  });

  it('counts contacts by channel and party kind for reports', async () => {
    const counts = await countLiaisonContacts(t().node.context.db, {
      from: '2026-03-01T00:00:00Z',
      to: '2026-04-01T00:00:00Z',
    });
    expect(counts).toEqual({
      total: 3,
      byChannel: { letter: 1, video: 1, meeting: 1 },
      byPartyKind: { counterpart: 2, international: 1 },
    });
    const viaApi = await analyst.get('/api/v1/liaison/contacts/counts?from=2026-03-01&to=2026-04-01');
    expect(viaApi.body).toEqual(counts);
  });
});
