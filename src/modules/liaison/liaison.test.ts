import { createHash } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import type { ApiClient } from '../../../test/support/http-client.js';
import { useTestNode } from '../../../test/support/nodes.js';
import type { LiaisonContact, LiaisonFile } from './liaison.schema.js';
import { countLiaisonContacts } from './liaison.service.js';

type Page = { items: LiaisonContact[]; nextCursor: string | null };

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

/** Uploads with an API token: the test client sends no custom headers, and X-File-Name carries the name. */
async function upload(baseUrl: string, token: string, contactId: string, name: string, bytes: Buffer) {
  const response = await fetch(new URL(`/api/v1/liaison/contacts/${contactId}/files`, baseUrl), {
    method: 'POST',
    headers: {
      'content-type': 'application/octet-stream',
      'x-file-name': encodeURIComponent(name),
      authorization: `Bearer ${token}`,
    },
    body: bytes,
  });
  return { status: response.status, body: (await response.json()) as LiaisonFile & { code?: string } };
}

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
  let officerToken: string;

  beforeAll(async () => {
    officer = await t().userWith(['liaison_officer']);
    analyst = await t().userWith(['analyst']);
    portOfficer = await t().userWith(['port_officer']);
    await t().userWith(['liaison_officer'], { username: 'liaison-uploader' });
    const token = await (await t().admin()).post<{ token: string }>('/api/v1/tokens', {
      username: 'liaison-uploader',
      name: 'liaison tests',
    });
    officerToken = token.body.token;
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

  it('keeps a scanned letter with its contact, typed by its content, and removes it on request', async () => {
    const contact = await officer.post<LiaisonContact>(
      '/api/v1/liaison/contacts',
      buildContact({ occurredOn: '2025-12-01' }),
    );
    const id = contact.body.id;
    const stored = await upload(t().url, officerToken, id, '来函 2025-12.doc', PDF);
    expect(stored.status).toBe(201);
    expect(stored.body).toMatchObject({
      name: '来函 2025-12.doc',
      mediaType: 'application/pdf',
      size: PDF.length,
      sha256: createHash('sha256').update(PDF).digest('hex'),
      uploadedBy: 'liaison-uploader',
    });
    const listed = await analyst.get<LiaisonFile[]>(`/api/v1/liaison/contacts/${id}/files`);
    expect(listed.body.map((file) => file.id)).toEqual([stored.body.id]);
    expect((await analyst.get<LiaisonContact>(`/api/v1/liaison/contacts/${id}`)).body.files).toHaveLength(1);
    const page = await analyst.get<Page>('/api/v1/liaison/contacts?from=2025-12-01&to=2025-12-01');
    expect(page.body.items[0]?.files.map((file) => file.name)).toEqual(['来函 2025-12.doc']);

    const download = await analyst.get(`/api/v1/liaison/contacts/${id}/files/${stored.body.id}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('来函 2025-12.doc')}`,
    );
    expect(download.text).toBe(PDF.toString());

    expect((await analyst.delete(`/api/v1/liaison/contacts/${id}/files/${stored.body.id}`)).status).toBe(403);
    expect((await officer.delete(`/api/v1/liaison/contacts/${id}/files/${stored.body.id}`)).status).toBe(204);
    expect((await analyst.get(`/api/v1/liaison/contacts/${id}/files/${stored.body.id}`)).body.code).toBe(
      'liaison.file_not_found',
    );
    const audit = await t()
      .node.context.db.selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', id)
      .execute();
    expect(audit.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['liaison.file_attach', 'liaison.file_remove']),
    );
  });

  it('refuses files without a name, empty files and files for unknown contacts, and keeps others out', async () => {
    const contact = await officer.post<LiaisonContact>(
      '/api/v1/liaison/contacts',
      buildContact({ occurredOn: '2025-11-01' }),
    );
    const id = contact.body.id;
    expect((await upload(t().url, officerToken, id, '', PDF)).body.code).toBe('liaison.bad_file_name');
    expect((await upload(t().url, officerToken, id, 'a/b.pdf', PDF)).status).toBe(400);
    expect((await upload(t().url, officerToken, id, 'empty.txt', Buffer.alloc(0))).body.code).toBe(
      'liaison.empty_file',
    );
    const unknown = await upload(t().url, officerToken, '01890000-0000-7000-8000-000000000000', 'x.pdf', PDF);
    expect(unknown.status).toBe(404);
    expect((await t().anonymous().get(`/api/v1/liaison/contacts/${id}/files`)).status).toBe(401);
    expect((await portOfficer.get(`/api/v1/liaison/contacts/${id}/files`)).status).toBe(403);
    expect(
      (await analyst.raw('POST', `/api/v1/liaison/contacts/${id}/files`, PDF, 'application/octet-stream'))
        .status,
    ).toBe(403);
    expect((await analyst.get(`/api/v1/liaison/contacts/${id}/files/not-a-uuid`)).status).toBe(400);
  });

  it('deletes a contact together with its files', async () => {
    const contact = await officer.post<LiaisonContact>(
      '/api/v1/liaison/contacts',
      buildContact({ occurredOn: '2025-11-01' }),
    );
    const id = contact.body.id;
    const stored = await upload(t().url, officerToken, id, 'minutes.txt', Buffer.from('Minutes of the call'));
    expect(stored.body.mediaType).toBe('text/plain');
    expect((await officer.delete(`/api/v1/liaison/contacts/${id}`)).status).toBe(204);
    const left = await t()
      .node.context.db.selectFrom('liaison_attachments')
      .select('id')
      .where('contact_id', '=', id)
      .execute();
    expect(left).toEqual([]);
  });
});
