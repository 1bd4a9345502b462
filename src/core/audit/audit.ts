import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Actor } from '../auth/roles.js';
import type { Db } from '../db/database.js';
import { isPostgres } from '../db/dialect.js';
import { inTransaction } from '../db/transaction.js';
import { nowIso } from '../ids.js';

/** What happened to what; `details` must not repeat personal data, only ids and counts. */
export interface AuditEvent {
  readonly action: string;
  readonly targetType: string;
  readonly targetId?: string | null;
  readonly details?: Record<string, unknown>;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string;
  action: string;
  targetType: string;
  targetId: string | null;
  ip: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
}

type Fields = Omit<AuditEntry, 'seq'>;

const GENESIS = 'genesis';
// Any constant works; it only has to be the same for every process appending to one PostgreSQL.
const AUDIT_LOCK_KEY = 727_001;

function entryHash(prevHash: string, fields: Fields): string {
  const canonical = JSON.stringify([
    fields.at,
    fields.actorId,
    fields.actorName,
    fields.action,
    fields.targetType,
    fields.targetId,
    fields.ip,
    fields.requestId,
    fields.details,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

// The hash of the last entry this process appended. It is only a guess: the insert below checks it against the
// table in the same statement and the chain is read again when it does not hold (another process appended, or
// the transaction that wrote it rolled back), so a stale guess costs a retry, never a fork in the chain.
let lastHashGuess: string | null = null;

const readLastHash = async (trx: Db): Promise<string> =>
  (await trx.selectFrom('audit_log').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst())
    ?.hash ?? GENESIS;

/** Inserts the entry only if `prevHash` is still the chain's last hash; its hash when it was inserted. */
async function insertIfLast(trx: Db, fields: Fields, prevHash: string): Promise<string | null> {
  const hash = entryHash(prevHash, fields);
  const result = await sql`insert into audit_log
      (at, actor_id, actor_name, action, target_type, target_id, ip, request_id, details, prev_hash, hash)
    select ${fields.at}, ${fields.actorId}, ${fields.actorName}, ${fields.action}, ${fields.targetType},
      ${fields.targetId}, ${fields.ip}, ${fields.requestId}, ${JSON.stringify(fields.details)}, ${prevHash}, ${hash}
    where coalesce((select hash from audit_log order by seq desc limit 1), ${GENESIS}) = ${prevHash}`.execute(
    trx,
  );
  return Number(result.numAffectedRows ?? 0) === 1 ? hash : null;
}

/** Appends one entry to the hash chain, inside the caller's transaction when there is one. */
export async function appendAudit(db: Db, actor: Actor, event: AuditEvent): Promise<void> {
  await appendAudits(db, [{ actor, event }]);
}

const fieldsOf = (actor: Actor, event: AuditEvent, at: string): Fields => ({
  at,
  actorId: actor.userId,
  actorName: actor.name,
  action: event.action,
  targetType: event.targetType,
  targetId: event.targetId ?? null,
  ip: actor.ip,
  requestId: actor.requestId,
  details: event.details ?? {},
});

/**
 * Appends several entries to the hash chain in order, in one transaction (the caller's when there is one):
 * a group of requests committed together (group commit) costs one guarded statement and one plain insert.
 */
export async function appendAudits(
  db: Db,
  entries: readonly { actor: Actor; event: AuditEvent }[],
): Promise<void> {
  const at = nowIso();
  const [first, ...rest] = entries.map(({ actor, event }) => fieldsOf(actor, event, at));
  if (!first) return;
  await inTransaction(db, async (trx) => {
    // Serialises appenders across processes so two entries never claim the same predecessor.
    if (isPostgres(trx)) await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(trx);
    let last =
      (lastHashGuess === null ? null : await insertIfLast(trx, first, lastHashGuess)) ??
      // Under the lock (PostgreSQL) or the write transaction (SQLite) nobody appends between read and insert.
      (await insertIfLast(trx, first, await readLastHash(trx)));
    if (last === null) throw new Error('The audit chain changed while this process held the append lock');
    if (rest.length > 0) {
      // The guarded insert above took the chain for this transaction (the lock, or SQLite's write lock), so
      // the entries after it link to it without guards.
      const rows = rest.map((fields) => {
        const prevHash = last as string;
        last = entryHash(prevHash, fields);
        return sql`(${fields.at}, ${fields.actorId}, ${fields.actorName}, ${fields.action}, ${fields.targetType},
          ${fields.targetId}, ${fields.ip}, ${fields.requestId}, ${JSON.stringify(fields.details)}, ${prevHash}, ${last})`;
      });
      await sql`insert into audit_log
          (at, actor_id, actor_name, action, target_type, target_id, ip, request_id, details, prev_hash, hash)
        values ${sql.join(rows)}`.execute(trx);
    }
    lastHashGuess = last;
  });
}

export type AuditVerification =
  | { ok: true; entries: number }
  | { ok: false; entries: number; brokenAt: number; reason: 'hash_mismatch' | 'link_mismatch' };

/** Walks the chain in order and reports the first entry whose hash or link does not hold. */
export async function verifyAuditChain(db: Db, batchSize = 5000): Promise<AuditVerification> {
  let prevHash = GENESIS;
  let afterSeq = 0;
  let entries = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', afterSeq)
      .orderBy('seq')
      .limit(batchSize)
      .execute();
    if (rows.length === 0) return { ok: true, entries };
    for (const row of rows) {
      entries += 1;
      if (row.prev_hash !== prevHash)
        return { ok: false, entries, brokenAt: row.seq, reason: 'link_mismatch' };
      const expected = entryHash(prevHash, toEntry(row));
      if (row.hash !== expected) return { ok: false, entries, brokenAt: row.seq, reason: 'hash_mismatch' };
      prevHash = row.hash;
      afterSeq = row.seq;
    }
  }
}

function toEntry(row: {
  seq: number;
  at: string;
  actor_id: string | null;
  actor_name: string;
  action: string;
  target_type: string;
  target_id: string | null;
  ip: string | null;
  request_id: string | null;
  details: string;
}): AuditEntry {
  return {
    seq: row.seq,
    at: row.at,
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    ip: row.ip,
    requestId: row.request_id,
    details: JSON.parse(row.details) as Record<string, unknown>,
  };
}

export interface AuditQuery {
  afterSeq?: number;
  limit: number;
  actorId?: string;
  targetType?: string;
  targetId?: string;
}

/** Reads the log newest-first for administrators, filtered and paged by sequence number. */
export async function listAudit(db: Db, query: AuditQuery): Promise<AuditEntry[]> {
  let q = db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(query.limit);
  if (query.afterSeq !== undefined) q = q.where('seq', '<', query.afterSeq);
  if (query.actorId) q = q.where('actor_id', '=', query.actorId);
  if (query.targetType) q = q.where('target_type', '=', query.targetType);
  if (query.targetId) q = q.where('target_id', '=', query.targetId);
  return (await q.execute()).map(toEntry);
}
