import { sql } from 'kysely';
import type { Db } from '../../core/db/database.js';
import { isPostgres } from '../../core/db/dialect.js';
import type {
  IdentityRow,
  InboxRow,
  MessageRow,
  OutboxRow,
  PeerRow,
  SeenDeliveryRow,
} from './federation.tables.js';

// ---- identity ----

export const findIdentity = (db: Db, agency: string) =>
  db.selectFrom('federation_identity').selectAll().where('agency', '=', agency).executeTakeFirst();

/** Inserts the first key set; a concurrent first start of another process wins harmlessly. */
export const insertIdentity = (db: Db, row: IdentityRow) =>
  db
    .insertInto('federation_identity')
    .values(row)
    .onConflict((oc) => oc.column('agency').doNothing())
    .execute();

export const updateIdentity = (db: Db, agency: string, keySet: string, at: string) =>
  db
    .updateTable('federation_identity')
    .set({ key_set: keySet, updated_at: at })
    .where('agency', '=', agency)
    .execute();

// ---- peers ----

export const findPeer = (db: Db, code: string) =>
  db.selectFrom('federation_peers').selectAll().where('code', '=', code).executeTakeFirst();

export const listPeers = (db: Db, status?: string) => {
  let q = db.selectFrom('federation_peers').selectAll().orderBy('code');
  if (status) q = q.where('status', '=', status);
  return q.execute();
};

export const insertPeer = (db: Db, row: PeerRow) => db.insertInto('federation_peers').values(row).execute();

export const updatePeer = (db: Db, code: string, changes: Partial<PeerRow>) =>
  db.updateTable('federation_peers').set(changes).where('code', '=', code).execute();

// ---- outgoing messages and the outbox ----

export const insertMessage = (db: Db, row: MessageRow) =>
  db.insertInto('federation_messages').values(row).execute();

export const insertOutboxRows = (db: Db, rows: OutboxRow[]) =>
  db.insertInto('federation_outbox').values(rows).execute();

export type ClaimedRow = OutboxRow & { envelope: string };

/**
 * Claims up to `limit` due rows of one peer, oldest first, by setting a lease. On PostgreSQL the candidate rows
 * are locked with SKIP LOCKED, so processes sharing the database never claim the same row; an expired lease
 * (a process that died mid-delivery) makes a row claimable again.
 */
export async function claimDue(
  db: Db,
  opts: { peer: string; now: string; leaseUntil: string; limit: number },
): Promise<ClaimedRow[]> {
  const candidates = db
    .selectFrom('federation_outbox')
    .select('id')
    .where('peer', '=', opts.peer)
    .where('status', 'in', ['queued', 'sent'])
    .where('next_attempt_at', '<=', opts.now)
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', opts.now)]))
    .orderBy('id')
    .limit(opts.limit)
    .$if(isPostgres(db), (qb) => qb.forUpdate().skipLocked());
  const claimed = await db
    .updateTable('federation_outbox')
    .set({ claimed_until: opts.leaseUntil })
    .where('id', 'in', candidates)
    .returningAll()
    .execute();
  if (claimed.length === 0) return [];
  const envelopes = await db
    .selectFrom('federation_messages')
    .select(['id', 'envelope'])
    .where(
      'id',
      'in',
      claimed.map((row) => row.message_id),
    )
    .execute();
  const byId = new Map(envelopes.map((row) => [row.id, row.envelope]));
  return claimed
    .map((row) => ({ ...row, envelope: byId.get(row.message_id) ?? '' }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

export const updateOutbox = (db: Db, id: string, changes: Partial<OutboxRow>) =>
  db.updateTable('federation_outbox').set(changes).where('id', '=', id).execute();

/** Updates a row only while it is pending; false when another process (or an offline receipt) settled it. */
export async function updatePending(db: Db, id: string, changes: Partial<OutboxRow>): Promise<boolean> {
  const result = await db
    .updateTable('federation_outbox')
    .set(changes)
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'sent'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export const findOutboxByMessage = (db: Db, messageId: string, peer: string) =>
  db
    .selectFrom('federation_outbox')
    .selectAll()
    .where('message_id', '=', messageId)
    .where('peer', '=', peer)
    .executeTakeFirst();

/** Pending rows of a peer with their envelopes, oldest first (offline export). */
export const pendingForPeer = (db: Db, peer: string, limit: number) =>
  db
    .selectFrom('federation_outbox as o')
    .innerJoin('federation_messages as m', 'm.id', 'o.message_id')
    .selectAll('o')
    .select('m.envelope')
    .where('o.peer', '=', peer)
    .where('o.status', 'in', ['queued', 'sent'])
    .orderBy('o.id')
    .limit(limit)
    .execute();

/** Outbox rows by peer and status, for operators and tests. */
export const outboxCounts = (db: Db) =>
  db
    .selectFrom('federation_outbox')
    .select(['peer', 'status', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy(['peer', 'status'])
    .execute();

// ---- inbox ----

export const findInbox = (db: Db, messageId: string) =>
  db.selectFrom('federation_inbox').selectAll().where('message_id', '=', messageId).executeTakeFirst();

/** Inserts the received message unless it is already there; true when this call stored it. */
export async function insertInboxOnce(db: Db, row: InboxRow): Promise<boolean> {
  const inserted = await db
    .insertInto('federation_inbox')
    .values(row)
    .onConflict((oc) => oc.column('message_id').doNothing())
    .returning('message_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export const inboxReceiptsFrom = (db: Db, sender: string, since: string) =>
  db
    .selectFrom('federation_inbox')
    .select('receipt')
    .where('sender', '=', sender)
    .where('received_at', '>=', since)
    .orderBy('received_at')
    .execute();

export const inboxCounts = (db: Db) =>
  db
    .selectFrom('federation_inbox')
    .select(['sender', 'status', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy(['sender', 'status'])
    .execute();

// ---- replay memory ----

/** Records a delivery wrapper; false when the very same signed request was seen before. */
export async function markDeliverySeen(db: Db, row: SeenDeliveryRow): Promise<boolean> {
  const inserted = await db
    .insertInto('federation_seen_deliveries')
    .values(row)
    .onConflict((oc) => oc.column('hash').doNothing())
    .returning('hash')
    .executeTakeFirst();
  return inserted !== undefined;
}

// ---- retention ----

/** Deletes outbox rows settled by a signed receipt (delivered or rejected) before `before`; never a pending row. */
export async function deleteSettledOutbox(db: Db, before: string): Promise<number> {
  const result = await db
    .deleteFrom('federation_outbox')
    .where('status', 'in', ['delivered', 'rejected'])
    .where('updated_at', '<', before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Deletes outgoing envelopes created before `before` that no outbox row refers to any more. */
export async function deleteOrphanMessages(db: Db, before: string): Promise<number> {
  const result = await db
    .deleteFrom('federation_messages')
    .where('created_at', '<', before)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('federation_outbox')
            .select('federation_outbox.id')
            .whereRef('federation_outbox.message_id', '=', 'federation_messages.id'),
        ),
      ),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Deletes inbox rows received before `before` (every inbox row is processed: stored with its receipt). */
export async function deleteInboxBefore(db: Db, before: string): Promise<number> {
  const result = await db.deleteFrom('federation_inbox').where('received_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Inbox rows received before `before` whose envelope the retention worker has not examined yet, oldest first. */
export const unexaminedInbox = (db: Db, before: string, limit: number) =>
  db
    .selectFrom('federation_inbox')
    .select(['message_id', 'type', 'envelope'])
    .where('body_state', 'is', null)
    .where('received_at', '<', before)
    .orderBy('received_at')
    .limit(limit)
    .execute();

/** Records that these inbox rows carry no personal data, so their envelopes stay for the retention. */
export async function markInboxPlain(db: Db, messageIds: readonly string[]): Promise<void> {
  if (messageIds.length === 0) return;
  await db
    .updateTable('federation_inbox')
    .set({ body_state: 'plain' })
    .where('message_id', 'in', messageIds)
    .execute();
}

/** Blanks the envelopes of these inbox rows, keeping each row (id, status, receipt) as the idempotency record. */
export async function blankInboxEnvelopes(db: Db, messageIds: readonly string[]): Promise<void> {
  if (messageIds.length === 0) return;
  await db
    .updateTable('federation_inbox')
    .set({ envelope: '', body_state: 'purged' })
    .where('message_id', 'in', messageIds)
    .execute();
}

export const purgeSeenDeliveries = (db: Db, before: string) =>
  db.deleteFrom('federation_seen_deliveries').where('seen_at', '<', before).execute();

/** Serialises key rotation across processes sharing PostgreSQL (SQLite has one writer anyway). */
export async function lockIdentity(db: Db): Promise<void> {
  if (isPostgres(db)) await sql`select pg_advisory_xact_lock(${727_201})`.execute(db);
}
