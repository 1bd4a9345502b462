import type { Transaction } from 'kysely';
import { appendAudit } from '../../core/audit/audit.js';
import type { Actor } from '../../core/auth/roles.js';
import type { Database, Db } from '../../core/db/database.js';
import { inTransaction } from '../../core/db/transaction.js';
import { conflict, notFound } from '../../core/errors.js';
import { decodeCursor, pageOf } from '../../core/http/pagination.js';
import { newId, nowIso } from '../../core/ids.js';
import type { HitNoticeBody } from '../exchange/bodies/index.js';
import type { HitTraveller, ListedHit } from './hit-list.schema.js';
import { listHitNotices } from './hit-notices.store.js';
import { entrySummary } from './screening.service.js';
import type { WarningRuntime } from './warning.runtime.js';
import type {
  Evidence,
  Hit,
  HitAction,
  HitNoticeQuery,
  HitQuery,
  ReceivedHitNotice,
} from './warning.schema.js';
import * as store from './warning.store.js';
import type { HitActionRow, HitNoticeRow, HitRow } from './warning.tables.js';

/** The API view of a stored hit, with the actions taken on it (oldest first). */
export function toHitView(row: HitRow, actions: readonly HitActionRow[]): Hit {
  return {
    id: row.id,
    kind: row.kind as Hit['kind'],
    rule: row.rule,
    crossingId: row.crossing_id,
    crossingKind: row.crossing_kind,
    portCode: row.port_code,
    direction: row.direction,
    crossedAt: row.crossed_at,
    entryId: row.entry_id,
    sourceAgency: row.source_agency,
    verdict: row.verdict,
    score: row.score,
    explanation: JSON.parse(row.explanation) as Evidence[],
    origin: row.origin as Hit['origin'],
    status: row.status as Hit['status'],
    decisionReason: row.decision_reason,
    decidedAt: row.decided_at,
    action: row.action,
    actionAt: row.action_at,
    actions: actions.map((taken) => ({ action: taken.action, by: taken.action_by, at: taken.action_at })),
    noticeNotificationId: row.notice_notification_id,
    replyBy: row.reply_by,
    createdAt: row.created_at,
  };
}

/**
 * Hits for the desk, newest first, each with the traveller's name from its crossing and the watchlisted entry's
 * category, so an alert says who it is about. The read is audited with the hit and crossing ids returned.
 */
export async function listHits(
  rt: WarningRuntime,
  actor: Actor,
  query: HitQuery,
): Promise<{ items: ListedHit[]; nextCursor: string | null }> {
  const limit = query.limit ?? 50;
  const before = decodeCursor(query.cursor, 1)?.[0] as string | undefined;
  const rows = await store.listHits(rt.db, { status: query.status, beforeId: before, limit: limit + 1 });
  const page = pageOf(rows, limit, (row) => [row.id]);
  const crossingIds = [...new Set(page.rows.map((row) => row.crossing_id))];
  const entryIds = [...new Set(page.rows.flatMap((row) => (row.entry_id ? [row.entry_id] : [])))];
  const [crossings, entries, actions] = await Promise.all([
    store.crossingNames(rt.db, crossingIds),
    store.findEntriesByIds(rt.db, entryIds),
    store.hitActionsOf(
      rt.db,
      page.rows.map((row) => row.id),
    ),
  ]);
  const travellers = new Map(crossings.map((row) => [row.id, travellerOf(row)]));
  const categories = new Map(entries.map((entry) => [entry.id, entry.category]));
  await appendAudit(rt.db, actor, {
    action: 'hit.list',
    targetType: 'hit',
    details: { count: page.rows.length, ids: page.rows.map((row) => row.id), crossings: crossingIds },
  });
  return {
    items: page.rows.map((row) => ({
      ...toHitView(row, actions.get(row.id) ?? []),
      traveller: travellers.get(row.crossing_id) ?? null,
      entryCategory: (row.entry_id && categories.get(row.entry_id)) || null,
    })),
    nextCursor: page.nextCursor,
  };
}

/** The name on a crossing; none once retention purged it (the purge blanks the columns, this says so). */
function travellerOf(row: {
  surname: string | null;
  given_names: string | null;
  native_name: string | null;
  purged_at: string | null;
}): HitTraveller | null {
  if (row.purged_at !== null) return null;
  return { surname: row.surname, givenNames: row.given_names, nativeName: row.native_name };
}

/** One hit; the read is audited. */
export async function getHit(rt: WarningRuntime, actor: Actor, id: string): Promise<Hit> {
  const row = await store.findHit(rt.db, id);
  if (!row) throw notFound('warning.hit_not_found', 'Hit', id);
  await appendAudit(rt.db, actor, { action: 'hit.read', targetType: 'hit', targetId: id });
  return toHitView(row, (await store.hitActionsOf(rt.db, [id])).get(id) ?? []);
}

async function openHit(db: Db, id: string): Promise<HitRow> {
  const row = await store.findHit(db, id);
  if (!row) throw notFound('warning.hit_not_found', 'Hit', id);
  if (row.status !== 'open') {
    throw conflict('warning.hit_decided', `The hit was already ${row.status}`, { status: row.status });
  }
  return row;
}

const plusHours = (instant: string, hours: number) =>
  new Date(new Date(instant).getTime() + hours * 3_600_000).toISOString();

/**
 * Which notice this is: the first, sent at confirmation, is flash and sets the reply deadline; each follow-up
 * (an action recorded) is urgent and repeats the deadline the hit already has, so the source's clock never moves.
 */
type NoticeStage = { readonly stage: 'confirmation'; readonly now: string } | { readonly stage: 'follow_up' };

/**
 * Tells the agency that shared the entry that its person was found (and later what was done), when the
 * hit is on a counterpart's entry. A source that is no longer a peer cannot be sent to; the caller must not
 * wait for that, so the notice stays a draft for a liaison officer and no reply deadline runs.
 */
async function noticeToSource(
  rt: WarningRuntime,
  trx: Transaction<Database>,
  actor: Actor,
  hit: HitRow,
  stage: NoticeStage,
): Promise<{ id: string; replyBy: string | null } | null> {
  const source = hit.source_agency;
  if (hit.kind !== 'identity' || !source || source === rt.ownAgency || !hit.source_entry_id) return null;
  const entry = hit.entry_id ? await store.findEntry(trx, hit.entry_id) : undefined;
  const reachable = await rt.peers.isActive(trx, source);
  const replyBy =
    stage.stage === 'follow_up'
      ? hit.reply_by
      : reachable
        ? plusHours(stage.now, rt.options.hitReplyHours)
        : null;
  const body: HitNoticeBody = {
    schemaVersion: 1,
    entryId: hit.source_entry_id,
    ...(entry?.shared_notification_id && { sharedNotificationId: entry.shared_notification_id }),
    crossing: {
      portCode: hit.port_code,
      direction: hit.direction as HitNoticeBody['crossing']['direction'],
      crossedAt: hit.crossed_at,
    },
    verdict: hit.verdict as HitNoticeBody['verdict'],
    score: hit.score,
    actionTaken: (hit.action ?? 'none') as HitNoticeBody['actionTaken'],
    ...(replyBy && { replyBy }),
  };
  const notice = await rt.notifier.send(trx, actor, {
    type: 'hit.notice',
    to: [source],
    priority: stage.stage === 'confirmation' ? 'flash' : 'urgent',
    body,
    draft: !reachable,
  });
  return { id: notice.id, replyBy };
}

/**
 * Confirms a hit. When the entry came from another agency, they get a flash `hit.notice` with a reply deadline,
 * written in the same transaction as the confirmation.
 */
export async function confirmHit(rt: WarningRuntime, actor: Actor, id: string, reason: string): Promise<Hit> {
  const updated = await inTransaction(rt.db, async (trx) => {
    const hit = await openHit(trx, id);
    const now = nowIso();
    const changes: Partial<HitRow> = {
      status: 'confirmed',
      decision_reason: reason,
      decided_by: actor.name,
      decided_at: now,
      updated_at: now,
    };
    const notice = await noticeToSource(rt, trx, actor, hit, { stage: 'confirmation', now });
    if (notice) Object.assign(changes, { notice_notification_id: notice.id, reply_by: notice.replyBy });
    await store.updateHit(trx, id, changes);
    await appendAudit(trx, actor, {
      action: 'hit.confirm',
      targetType: 'hit',
      targetId: id,
      details: { notice: changes.notice_notification_id ?? null },
    });
    return { ...hit, ...changes };
  });
  // an open hit has had no action: actions are taken on confirmed hits
  return toHitView(updated, []);
}

/** Dismisses a hit as not the person, with the officer's reason. */
export async function dismissHit(rt: WarningRuntime, actor: Actor, id: string, reason: string): Promise<Hit> {
  const updated = await inTransaction(rt.db, async (trx) => {
    const hit = await openHit(trx, id);
    const now = nowIso();
    const changes = {
      status: 'dismissed',
      decision_reason: reason,
      decided_by: actor.name,
      decided_at: now,
      updated_at: now,
    };
    await store.updateHit(trx, id, changes);
    await appendAudit(trx, actor, { action: 'hit.dismiss', targetType: 'hit', targetId: id });
    return { ...hit, ...changes };
  });
  return toHitView(updated, []);
}

/** Records what was done about a confirmed hit; entry is refused only to a traveller entering. */
export async function recordHitAction(
  rt: WarningRuntime,
  actor: Actor,
  id: string,
  action: HitAction,
): Promise<Hit> {
  const updated = await inTransaction(rt.db, async (trx) => {
    const hit = await store.findHit(trx, id);
    if (!hit) throw notFound('warning.hit_not_found', 'Hit', id);
    if (hit.status !== 'confirmed') {
      throw conflict('warning.hit_not_confirmed', 'Confirm the hit before recording an action', {
        status: hit.status,
      });
    }
    if (action === 'refused_entry' && hit.direction !== 'entry') {
      throw conflict(
        'warning.action_direction',
        `Entry can only be refused to a traveller entering; this crossing is an ${hit.direction}`,
        { action, direction: hit.direction },
      );
    }
    const now = nowIso();
    const changes = { action, action_by: actor.name, action_at: now, updated_at: now };
    await store.updateHit(trx, id, changes);
    await store.insertHitAction(trx, {
      id: newId(),
      hit_id: id,
      action,
      action_by: actor.name,
      action_at: now,
    });
    // The sharing agency learnt of the find at confirmation; this follow-up says what was done.
    const notice = await noticeToSource(rt, trx, actor, { ...hit, ...changes }, { stage: 'follow_up' });
    await appendAudit(trx, actor, {
      action: 'hit.action',
      targetType: 'hit',
      targetId: id,
      details: { action, notice: notice?.id ?? null },
    });
    const actions = (await store.hitActionsOf(trx, [id])).get(id) ?? [];
    return { row: { ...hit, ...changes }, actions };
  });
  return toHitView(updated.row, updated.actions);
}

/**
 * The hit notices counterparts sent about our entries, newest first, with the entry as we hold it; the read
 * is audited with the notice ids returned.
 */
export async function listReceivedHitNotices(
  rt: WarningRuntime,
  actor: Actor,
  query: HitNoticeQuery,
): Promise<{ items: ReceivedHitNotice[]; nextCursor: string | null }> {
  const limit = query.limit ?? 50;
  const before = decodeCursor(query.cursor, 1)?.[0] as string | undefined;
  const rows = await listHitNotices(rt.db, {
    fromAgency: query.fromAgency,
    beforeId: before,
    limit: limit + 1,
  });
  const page = pageOf(rows, limit, (row) => [row.id]);
  const entries = await store.findEntriesByIds(
    rt.db,
    page.rows.map((row) => row.entry_id),
  );
  // A notice names the entry by the id we shared it under, which is our own entry's id.
  const ours = new Map(entries.filter((e) => e.source_agency === rt.ownAgency).map((e) => [e.id, e]));
  await appendAudit(rt.db, actor, {
    action: 'hit_notice.list',
    targetType: 'hit_notice',
    details: { count: page.rows.length, ids: page.rows.map((row) => row.id) },
  });
  const acknowledged = await rt.inbox.acknowledgedAt(
    rt.db,
    page.rows.flatMap((row) => (row.notification_id ? [row.notification_id] : [])),
  );
  const now = new Date();
  return {
    items: page.rows.map((row) => {
      const entry = ours.get(row.entry_id);
      return {
        id: row.id,
        fromAgency: row.from_agency,
        entryId: row.entry_id,
        entry: entry ? entrySummary(entry) : null,
        crossing: { portCode: row.port_code, direction: row.direction, crossedAt: row.crossed_at },
        verdict: row.verdict,
        score: row.score,
        actionTaken: row.action_taken,
        replyBy: row.reply_by,
        receivedAt: row.received_at,
        notificationId: row.notification_id,
        reply: replyOf(row, acknowledged, now),
      };
    }),
    nextCursor: page.nextCursor,
  };
}

/**
 * Whether we answered a hit notice: acknowledging its notification is the answer the counterpart awaits, due
 * by the notice's own reply deadline (not the notification's acknowledgement deadline, an hour for a flash).
 */
export function replyOf(
  notice: Pick<HitNoticeRow, 'notification_id' | 'reply_by'>,
  acknowledged: ReadonlyMap<string, string | null>,
  now: Date,
): ReceivedHitNotice['reply'] {
  const acknowledgedAt =
    notice.notification_id === null ? undefined : acknowledged.get(notice.notification_id);
  // unknown: received before the notification id was kept, or the notification is no longer in the inbox
  if (acknowledgedAt === undefined) return null;
  if (acknowledgedAt !== null) return { state: 'acknowledged', acknowledgedAt };
  const overdue = notice.reply_by !== null && Date.parse(notice.reply_by) < now.getTime();
  return { state: overdue ? 'overdue' : 'awaited', acknowledgedAt: null };
}

/**
 * Stores a counterpart's `hit.notice` about one of the entries we shared. The exchange's incoming handler
 * calls it in its transaction.
 */
export async function recordIncomingHitNotice(
  trx: Db,
  fromAgency: string,
  body: HitNoticeBody,
  notificationId: string | null = null,
): Promise<{ id: string }> {
  const id = newId();
  await store.insertHitNotice(trx, {
    notification_id: notificationId,
    id,
    from_agency: fromAgency,
    entry_id: body.entryId,
    port_code: body.crossing.portCode,
    direction: body.crossing.direction,
    crossed_at: body.crossing.crossedAt,
    verdict: body.verdict,
    score: body.score,
    action_taken: body.actionTaken,
    reply_by: body.replyBy ?? null,
    received_at: nowIso(),
  });
  await appendAudit(
    trx,
    { userId: null, name: `agency:${fromAgency}`, ip: null, requestId: null },
    {
      action: 'hit_notice.receive',
      targetType: 'watchlist_entry',
      targetId: body.entryId,
      details: { noticeId: id },
    },
  );
  return { id };
}
