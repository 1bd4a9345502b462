import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import type { ApiClient } from '../../../test/support/http-client.js';
import { startTestNode, type TestNode } from '../../../test/support/nodes.js';
import { eventually, FAST_OUTBOX } from '../federation/test-support/federation-nodes.js';
import { buildSituationDaily } from './bodies/test-support/body-factories.js';
import { createOrThrow, linkNodes, newNotification } from './test-support/exchange-nodes.js';

interface Recipient {
  agency: string;
  status: string;
  deliveredAt: string | null;
  readAt: string | null;
  acknowledgedAt: string | null;
}
interface View {
  id: string;
  box: string;
  state: string;
  type: string;
  text: string | null;
  recipients: Recipient[];
  rendered: { language: string; title: string; text: string; senderText?: string } | null;
}

describeEachDatabase('notifications between two nodes', (dialect) => {
  let a: TestNode;
  let b: TestNode;
  let officerA: ApiClient;
  let officerB: ApiClient;
  let viewerA: ApiClient;

  beforeAll(async () => {
    [a, b] = await Promise.all([
      startTestNode(dialect, { code: 'CN-NIA', env: FAST_OUTBOX }),
      startTestNode(dialect, { code: 'MN-GABP', env: FAST_OUTBOX }),
    ]);
    await linkNodes(a, b);
    [officerA, officerB, viewerA] = await Promise.all([
      a.userWith(['liaison_officer'], { username: 'officer-a' }),
      b.userWith(['liaison_officer'], { username: 'officer-b' }),
      a.userWith(['viewer'], { username: 'viewer-a' }),
    ]);
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  it('refuses notifications without a session (401) and without a sending role (403)', async () => {
    expect((await a.anonymous().post('/api/v1/notifications', newNotification())).status).toBe(401);
    expect((await a.anonymous().get('/api/v1/notifications')).status).toBe(401);
    const refused = await viewerA.post('/api/v1/notifications', newNotification());
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('auth.role_required');
  });

  it('names the body field that does not match the type schema', async () => {
    const response = await officerA.post<{ code: string; errors: Array<{ path: string }> }>(
      '/api/v1/notifications',
      newNotification({
        type: 'situation.daily',
        body: buildSituationDaily({ counties: [{ countyCode: 'CN-152501' }] as never }),
      }),
    );
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('exchange.invalid_body');
    expect(response.body.errors.map((e) => e.path)).toContain('/body/counties/0/confirmed');
  });

  it('refuses a recipient that is not a counterpart and a reply to an unknown notification', async () => {
    const stranger = await officerA.post<{ code: string; errors: Array<{ path: string }> }>(
      '/api/v1/notifications',
      newNotification({ to: ['KZ-KNB'] }),
    );
    expect(stranger.status).toBe(400);
    expect(stranger.body.code).toBe('exchange.unknown_recipient');
    expect(stranger.body.errors[0]?.path).toBe('/to/0');
    const orphan = await officerA.post(
      '/api/v1/notifications',
      newNotification({ inReplyTo: '01907d3c-8a7e-7cc0-9a52-6b0f3f1e2a10' }),
    );
    expect(orphan.status).toBe(400);
    expect(orphan.body.code).toBe('exchange.unknown_thread');
  });

  it('delivers a notification to B rendered in the reader language, and the acknowledgement back to A', async () => {
    const id = await createOrThrow(
      officerA,
      newNotification({
        type: 'situation.daily',
        priority: 'urgent',
        body: buildSituationDaily(),
        text: 'Данные уточняются',
      }),
    );
    await eventually(async () => {
      const inbox = await officerB.get<{ items: Array<{ id: string }> }>('/api/v1/notifications?box=inbox');
      expect(inbox.body.items.map((item) => item.id)).toContain(id);
    });
    const russianReader = await b.userWith(['liaison_officer'], { username: 'reader-ru' });
    await (await b.admin()).patch(
      `/api/v1/users/${(await russianReader.get<{ user: { id: string } }>('/api/v1/auth/session')).body.user.id}`,
      { language: 'ru' },
    );
    const seen = await russianReader.get<View>(`/api/v1/notifications/${id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.rendered?.language).toBe('ru');
    expect(seen.body.rendered?.text).toMatch(/[а-яА-Я]/);
    expect(seen.body.rendered?.senderText).toBe('Данные уточняются');
    const english = await officerB.get<View>(`/api/v1/notifications/${id}?lang=en`);
    expect(english.body.rendered?.language).toBe('en');

    const acked = await officerB.post<View>(`/api/v1/notifications/${id}/ack`);
    expect(acked.status).toBe(200);
    expect(acked.body.recipients[0]?.status).toBe('acknowledged');
    await eventually(async () => {
      const atA = await officerA.get<View>(`/api/v1/notifications/${id}`);
      expect(atA.body.recipients).toEqual([
        expect.objectContaining({ agency: 'MN-GABP', status: 'acknowledged' }),
      ]);
      expect(atA.body.recipients[0]?.deliveredAt).not.toBeNull();
      expect(atA.body.recipients[0]?.readAt).not.toBeNull();
    });
  });

  it('keeps a draft editable until it is sent, then refuses changes', async () => {
    const id = await createOrThrow(officerA, newNotification({ draft: true }));
    const drafts = await officerA.get<{ items: Array<{ id: string; state: string }> }>(
      '/api/v1/notifications?box=drafts',
    );
    expect(drafts.body.items.map((item) => item.id)).toContain(id);
    const badEdit = await officerA.patch<{ errors: Array<{ path: string }> }>(`/api/v1/notifications/${id}`, {
      body: { subject: 'No text' },
    });
    expect(badEdit.status).toBe(400);
    expect(badEdit.body.errors.map((e) => e.path)).toContain('/body/text');
    expect(
      (await officerA.patch(`/api/v1/notifications/${id}`, { priority: 'flash', text: 'Corrected hours' }))
        .status,
    ).toBe(204);
    expect((await officerA.post(`/api/v1/notifications/${id}/send`)).status).toBe(204);
    const sent = await officerA.get<View & { priority: string }>(`/api/v1/notifications/${id}`);
    expect(sent.body).toMatchObject({
      state: 'sent',
      box: 'outbox',
      priority: 'flash',
      text: 'Corrected hours',
    });
    const late = await officerA.patch(`/api/v1/notifications/${id}`, { priority: 'routine' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('exchange.not_a_draft');
  });

  it('threads a reply from B to the notification A sent', async () => {
    const original = await createOrThrow(officerA, newNotification());
    await eventually(async () => {
      expect((await officerB.get(`/api/v1/notifications/${original}`)).status).toBe(200);
    });
    const reply = await createOrThrow(
      officerB,
      newNotification({
        to: ['CN-NIA'],
        inReplyTo: original,
        body: { subject: 'Re: hours', text: 'Noted.' },
      }),
    );
    await eventually(async () => {
      const atA = await officerA.get<View & { inReplyTo: string | null }>(`/api/v1/notifications/${reply}`);
      expect(atA.status).toBe(200);
      expect(atA.body.inReplyTo).toBe(original);
      expect(atA.body.box).toBe('inbox');
    });
  });

  it('sets deadlines from the counterpart settings and lists a missed one as overdue', async () => {
    const admin = await a.admin();
    const set = await admin.put('/api/v1/exchange/deadlines/MN-GABP', { routine: 72, urgent: 6, flash: 3 });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ flash: 3, custom: true });
    expect(
      (await officerA.put('/api/v1/exchange/deadlines/MN-GABP', { routine: 1, urgent: 1, flash: 1 })).status,
    ).toBe(403);
    const id = await createOrThrow(officerA, newNotification({ priority: 'flash' }));
    const view = await officerA.get<View & { sentAt: string; recipients: Array<{ dueAt: string }> }>(
      `/api/v1/notifications/${id}`,
    );
    const due = Date.parse(view.body.recipients[0]?.dueAt ?? '');
    expect(due - Date.parse(view.body.sentAt)).toBe(3 * 3_600_000);

    // Moving the deadline into the past is what the passing of three hours would do.
    await a.node.context.db
      .updateTable('notification_recipients')
      .set({ due_at: '2020-01-01T00:00:00.000Z' })
      .where('notification_id', '=', id)
      .execute();
    const overdue = await officerA.get<{
      items: Array<{ id: string; agency: string }>;
      counts: { outbox: number };
    }>('/api/v1/notifications/overdue');
    expect(overdue.status).toBe(200);
    expect(overdue.body.items).toContainEqual(expect.objectContaining({ id, agency: 'MN-GABP' }));
    expect(overdue.body.counts.outbox).toBeGreaterThanOrEqual(1);
    const filtered = await officerA.get<{ items: Array<{ id: string }> }>(
      '/api/v1/notifications?box=outbox&status=overdue',
    );
    expect(filtered.body.items.map((item) => item.id)).toEqual([id]);
    expect((await viewerA.get('/api/v1/notifications/overdue')).status).toBe(403);
  });

  it('counts overdue personal-data notifications only for supervisors cleared to see them', async () => {
    const cleared = await a.userWith(['analyst'], { username: 'analyst-cleared', personalData: true });
    const uncleared = await a.userWith(['analyst'], { username: 'analyst-uncleared' });
    type Overdue = { items: Array<{ id: string; box: string }>; counts: { outbox: number } };
    const before = await uncleared.get<Overdue>('/api/v1/notifications/overdue?limit=500');
    const id = await createOrThrow(officerA, newNotification());
    // Marking it personal and late stands in for a hit notice whose deadline passed.
    await a.node.context.db
      .updateTable('notifications')
      .set({ personal_data: 1 })
      .where('id', '=', id)
      .execute();
    await a.node.context.db
      .updateTable('notification_recipients')
      .set({ due_at: '2020-01-01T00:00:00.000Z' })
      .where('notification_id', '=', id)
      .execute();

    const hidden = await uncleared.get<Overdue>('/api/v1/notifications/overdue?limit=500');
    expect(hidden.body.items.map((item) => item.id)).not.toContain(id);
    expect(hidden.body.counts.outbox).toBe(before.body.counts.outbox);
    expect(hidden.body.counts.outbox).toBe(hidden.body.items.filter((item) => item.box === 'outbox').length);
    const shown = await cleared.get<Overdue>('/api/v1/notifications/overdue?limit=500');
    expect(shown.body.items.map((item) => item.id)).toContain(id);
    expect(shown.body.counts.outbox).toBe(hidden.body.counts.outbox + 1);
  });
});
