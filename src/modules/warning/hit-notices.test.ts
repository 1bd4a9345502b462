import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { listAudit } from '../../core/audit/audit.js';
import { eventually } from '../federation/test-support/federation-nodes.js';
import { replyOf } from './hit.service.js';
import { buildCrossing, buildEntry, COUNTERPART_TEST_PORT } from './test-support/factories.js';
import { useLinkedDesks } from './test-support/linked-desks.js';

interface Outcome {
  verdict: string;
  hitId: string | null;
  entry: { id: string; sourceAgency: string } | null;
}
interface HitView {
  status: string;
  action: string | null;
  replyBy: string | null;
}
interface ReceivedNotice {
  id: string;
  fromAgency: string;
  entryId: string;
  entry: { id: string; surname: string | null } | null;
  crossing: { portCode: string; direction: string };
  actionTaken: string;
  replyBy: string | null;
  notificationId: string | null;
  reply: { state: string; acknowledgedAt: string | null } | null;
}

/** B's reply window, set in its configuration rather than left at the default 24 hours. */
const REPLY_HOURS = 6;

describeEachDatabase('hit workflow on an entry a counterpart shared', (dialect) => {
  const linked = useLinkedDesks(dialect, { BORDERLINK_HIT_REPLY_HOURS: String(REPLY_HOURS) });
  let entryAtA = '';
  let entryAtB = '';
  const entry = buildEntry({
    surname: 'SHAREDHIT',
    givenNames: 'LING',
    documentNumber: 'E55500011',
    sharingScope: 'counterparts',
    shareWith: ['MN-GABP'],
  });
  const traveller = {
    surname: entry.surname,
    givenNames: entry.givenNames,
    birthDate: entry.birthDate,
    nationality: entry.nationality,
    documentNumber: entry.documentNumber,
  };
  const crossAtB = async (direction: 'entry' | 'exit') => {
    const crossing = await linked.deskB.post<Outcome>(
      '/api/v1/warning/crossings',
      buildCrossing({ direction, portCode: COUNTERPART_TEST_PORT, identity: traveller }),
    );
    expect(crossing.status, crossing.text).toBe(201);
    return crossing.body;
  };
  const confirmedHitAtB = async (direction: 'entry' | 'exit') => {
    const { hitId } = await crossAtB(direction);
    const before = Date.now();
    const confirmed = await linked.deskB.post<HitView>(`/api/v1/warning/hits/${hitId}/confirm`, {
      reason: 'documents match',
    });
    expect(confirmed.status, confirmed.text).toBe(200);
    const replyIn = Date.parse(confirmed.body.replyBy ?? '') - before;
    expect(replyIn).toBeGreaterThanOrEqual(REPLY_HOURS * 3_600_000 - 1_000);
    expect(replyIn).toBeLessThanOrEqual(REPLY_HOURS * 3_600_000 + (Date.now() - before));
    return { hitId: hitId ?? '', replyBy: confirmed.body.replyBy };
  };

  beforeAll(async () => {
    const shared = await linked.deskA.post<{ id: string }>('/api/v1/warning/watchlist', entry);
    expect(shared.status, shared.text).toBe(201);
    entryAtA = shared.body.id;
    // The entry travels by federation, then joins B's in-memory index at its next sync.
    await eventually(async () => {
      const outcome = await crossAtB('entry');
      expect(outcome).toMatchObject({ verdict: 'hit', entry: { sourceAgency: 'CN-NIA' } });
      entryAtB = outcome.entry?.id ?? '';
    }, 30_000);
  }, 60_000);

  it('refuses deleting an entry a counterpart shared as it refuses changing it, and the person still hits', async () => {
    const url = `/api/v1/warning/watchlist/${entryAtB}`;
    const changed = await linked.deskB.patch(url, { reason: 'no longer' });
    const deleted = await linked.deskB.delete(url);
    expect(deleted.status).toBe(409);
    expect(changed.status).toBe(409);
    expect(deleted.body).toMatchObject({ code: 'warning.entry_not_own', details: { agency: 'CN-NIA' } });
    expect(deleted.body.details).toEqual(changed.body.details);
    expect((await linked.deskB.get(url)).status).toBe(200);
    expect(await crossAtB('entry')).toMatchObject({ verdict: 'hit', entry: { id: entryAtB } });
  });

  it('sends the confirmation as flash and each action as urgent, all with the reply deadline set at confirmation', async () => {
    const { hitId, replyBy } = await confirmedHitAtB('entry');
    expect(replyBy).toEqual(expect.any(String));
    for (const action of ['secondary_health_check', 'quarantine']) {
      const acted = await linked.deskB.post<HitView>(`/api/v1/warning/hits/${hitId}/action`, { action });
      expect(acted.status, acted.text).toBe(200);
      expect(acted.body.replyBy).toBe(replyBy);
    }
    const hit = await linked.deskB.get<HitView & { noticeNotificationId: string }>(
      `/api/v1/warning/hits/${hitId}`,
    );
    const outbox = await linked.deskB.get<{ items: Array<{ id: string }> }>(
      '/api/v1/notifications?box=outbox&type=hit.notice&limit=100',
    );
    const notices = await Promise.all(
      outbox.body.items.map(
        async (item) =>
          (
            await linked.deskB.get<{ priority: string; body: { actionTaken: string; replyBy?: string } }>(
              `/api/v1/notifications/${item.id}`,
            )
          ).body,
      ),
    );
    const ofThisHit = notices.filter((notice) => notice.body.replyBy === replyBy);
    expect(ofThisHit.map((notice) => [notice.priority, notice.body.actionTaken]).sort()).toEqual([
      ['flash', 'none'],
      ['urgent', 'quarantine'],
      ['urgent', 'secondary_health_check'],
    ]);
    expect(outbox.body.items.map((item) => item.id)).toContain(hit.body.noticeNotificationId);
  });

  it('refuses recording refused entry for a traveller leaving the country', async () => {
    const { hitId } = await confirmedHitAtB('exit');
    const refused = await linked.deskB.post(`/api/v1/warning/hits/${hitId}/action`, {
      action: 'refused_entry',
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: 'warning.action_direction',
      details: { action: 'refused_entry', direction: 'exit' },
    });
    expect((await linked.deskB.get<HitView>(`/api/v1/warning/hits/${hitId}`)).body.action).toBeNull();
    const handed = await linked.deskB.post<HitView>(`/api/v1/warning/hits/${hitId}/action`, {
      action: 'handed_to_health_authority',
    });
    expect(handed.body.action).toBe('handed_to_health_authority');
    const atEntry = await confirmedHitAtB('entry');
    const refusedEntry = await linked.deskB.post<HitView>(`/api/v1/warning/hits/${atEntry.hitId}/action`, {
      action: 'refused_entry',
    });
    expect(refusedEntry.body.action).toBe('refused_entry');
  });

  it('lists at the sharing node the notices received about its entries, paged and audited', async () => {
    const path = '/api/v1/warning/hit-notices';
    expect((await linked.a.anonymous().get(path)).status).toBe(401);
    expect((await (await linked.a.userWith(['analyst'], { personalData: true })).get(path)).status).toBe(403);
    expect((await (await linked.a.userWith(['liaison_officer'])).get(path)).status).toBe(403);
    for (const bad of ['?cursor=not-a-cursor', '?limit=0', '?fromAgency=nobody']) {
      const refused = await linked.deskA.get<{ status: number }>(`${path}${bad}`);
      expect(refused.status, bad).toBe(400);
      expect(refused.headers.get('content-type'), bad).toContain('application/problem+json');
    }
    expect((await linked.deskA.get(`${path}?limit=0`)).status).toBe(400);

    let received: ReceivedNotice[] = [];
    await eventually(async () => {
      const page = await linked.deskA.get<{ items: ReceivedNotice[] }>(`${path}?limit=500`);
      expect(page.status, page.text).toBe(200);
      received = page.body.items;
      expect(received.map((notice) => notice.actionTaken)).toContain('quarantine');
    }, 30_000);
    const quarantine = received.find((notice) => notice.actionTaken === 'quarantine');
    expect(quarantine).toMatchObject({
      fromAgency: 'MN-GABP',
      entryId: entryAtA,
      entry: { id: entryAtA, surname: 'SHAREDHIT' },
      crossing: { portCode: COUNTERPART_TEST_PORT, direction: 'entry' },
      replyBy: expect.any(String),
    });
    const confirmation = received.find(
      (notice) => notice.actionTaken === 'none' && notice.replyBy === quarantine?.replyBy,
    );
    expect(confirmation).toBeDefined();

    const first = await linked.deskA.get<{ items: ReceivedNotice[]; nextCursor: string | null }>(
      `${path}?limit=1`,
    );
    expect(first.body.items).toHaveLength(1);
    const second = await linked.deskA.get<{ items: ReceivedNotice[] }>(
      `${path}?limit=1&cursor=${encodeURIComponent(first.body.nextCursor ?? '')}`,
    );
    expect(second.body.items[0]?.id).not.toBe(first.body.items[0]?.id);
    const [audited] = await listAudit(linked.a.node.context.db, { limit: 1, targetType: 'hit_notice' });
    expect(audited).toMatchObject({ action: 'hit_notice.list', details: { count: 1 } });
    expect(JSON.stringify(audited)).not.toContain('SHAREDHIT');
  });

  it('shows at the sharing node whether it answered each notice: acknowledging its notification answers it', async () => {
    const path = '/api/v1/warning/hit-notices?limit=500';
    const { replyBy } = await confirmedHitAtB('entry');
    let notice: ReceivedNotice | undefined;
    await eventually(async () => {
      const page = await linked.deskA.get<{ items: ReceivedNotice[] }>(path);
      notice = page.body.items.find((item) => item.replyBy === replyBy);
      expect(notice).toBeDefined();
    }, 30_000);
    expect(notice?.reply).toEqual({ state: 'awaited', acknowledgedAt: null });
    // the reply deadline passes unanswered (moved back in A's database, as the clock would move it on)
    await linked.a.node.context.db
      .updateTable('warning_hit_notices')
      .set({ reply_by: new Date(Date.now() - 60_000).toISOString() })
      .where('id', '=', notice?.id ?? '')
      .execute();
    const late = await linked.deskA.get<{ items: ReceivedNotice[] }>(path);
    expect(late.body.items.find((item) => item.id === notice?.id)?.reply).toEqual({
      state: 'overdue',
      acknowledgedAt: null,
    });
    const inbox = await linked.deskA.get<{ type: string }>(`/api/v1/notifications/${notice?.notificationId}`);
    expect(inbox.status, inbox.text).toBe(200);
    expect(inbox.body.type).toBe('hit.notice');

    const acked = await linked.deskA.post(`/api/v1/notifications/${notice?.notificationId}/ack`, {});
    expect(acked.status, acked.text).toBe(200);
    const after = await linked.deskA.get<{ items: ReceivedNotice[] }>(path);
    expect(after.body.items.find((item) => item.id === notice?.id)?.reply).toEqual({
      state: 'acknowledged',
      acknowledgedAt: expect.any(String),
    });
  });
});

describe('the reply to a hit notice', () => {
  const now = new Date('2026-11-27T12:00:00Z');
  const inbox = new Map([
    ['n-open', null],
    ['n-answered', '2026-11-27T10:00:00Z'],
  ]);
  const reply = (notificationId: string | null, replyBy: string | null) =>
    replyOf({ notification_id: notificationId, reply_by: replyBy }, inbox, now);
  it("is due by the notice's reply deadline, and answered once its notification is acknowledged", () => {
    expect(reply('n-open', '2026-11-28T09:00:00Z')).toEqual({ state: 'awaited', acknowledgedAt: null });
    expect(reply('n-open', '2026-11-27T11:59:59Z')).toEqual({ state: 'overdue', acknowledgedAt: null });
    expect(reply('n-open', null)).toEqual({ state: 'awaited', acknowledgedAt: null });
    expect(reply('n-answered', '2026-11-27T08:00:00Z')).toEqual({
      state: 'acknowledged',
      acknowledgedAt: '2026-11-27T10:00:00Z',
    });
  });

  it('is unknown for a notice received before its notification was kept, or no longer in the inbox', () => {
    expect(reply(null, '2026-11-28T09:00:00Z')).toBeNull();
    expect(reply('n-purged', '2026-11-28T09:00:00Z')).toBeNull();
  });
});
