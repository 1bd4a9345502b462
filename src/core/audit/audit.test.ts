import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDatabase, useTestDatabase } from '../../../test/support/databases.js';
import { SYSTEM_ACTOR } from '../auth/roles.js';
import type { Db } from '../db/database.js';
import { isPostgres } from '../db/dialect.js';
import { appendAudit, appendAudits, listAudit, verifyAuditChain } from './audit.js';

describeEachDatabase('audit log', (dialect) => {
  const database = useTestDatabase(dialect);

  it('chains every entry to the previous one and verifies intact', async () => {
    const { db } = database();
    for (let i = 0; i < 5; i += 1) {
      await appendAudit(db, SYSTEM_ACTOR, {
        action: 'test.write',
        targetType: 'thing',
        targetId: `t${i}`,
        details: { i },
      });
    }
    expect(await verifyAuditChain(db)).toEqual({ ok: true, entries: 5 });
    const newest = await listAudit(db, { limit: 2 });
    expect(newest.map((e) => e.targetId)).toEqual(['t4', 't3']);
  });

  it('appends a group of entries in order, chained to each other and to what came before', async () => {
    const { db } = database();
    await appendAudit(db, SYSTEM_ACTOR, { action: 'test.write', targetType: 'thing', targetId: 'single' });
    const desk = { userId: null, name: 'desk', ip: '10.0.0.7', requestId: 'r1' };
    await appendAudits(
      db,
      ['g1', 'g2', 'g3'].map((targetId) => ({
        actor: desk,
        event: { action: 'test.group', targetType: 'thing', targetId },
      })),
    );
    await appendAudit(db, SYSTEM_ACTOR, { action: 'test.write', targetType: 'thing', targetId: 'next' });
    const newest = await listAudit(db, { limit: 5 });
    expect(newest.map((e) => e.targetId)).toEqual(['next', 'g3', 'g2', 'g1', 'single']);
    expect(newest[1]).toMatchObject({ actorName: 'desk', ip: '10.0.0.7', requestId: 'r1' });
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  const write = (db: Db, targetId: string) =>
    appendAudit(db, SYSTEM_ACTOR, { action: 'test.write', targetType: 'thing', targetId });

  it('links to the true last entry after a transaction that appended was rolled back', async () => {
    const { db } = database();
    await write(db, 'before');
    await expect(
      db.transaction().execute(async (trx) => {
        await write(trx, 'rolled-back');
        throw new Error('the use case failed after auditing');
      }),
    ).rejects.toThrow('the use case failed');
    await write(db, 'after');
    const entries = await db
      .selectFrom('audit_log')
      .select(['target_id', 'prev_hash', 'hash'])
      .orderBy('seq')
      .execute();
    expect(entries.map((e) => e.target_id).slice(-2)).toEqual(['before', 'after']);
    expect(entries.at(-1)?.prev_hash).toBe(entries.at(-2)?.hash);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('links to an entry another process appended since this one last wrote', async () => {
    const { db } = database();
    await write(db, 'ours');
    const last = await db
      .selectFrom('audit_log')
      .select('hash')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('audit_log')
      .values({
        at: new Date().toISOString(),
        actor_id: null,
        actor_name: 'other-process',
        action: 'test.write',
        target_type: 'thing',
        target_id: 'theirs',
        ip: null,
        request_id: null,
        details: '{}',
        prev_hash: last.hash,
        hash: 'hash-written-by-another-process',
      })
      .execute();
    await write(db, 'ours-again');
    const newest = await db
      .selectFrom('audit_log')
      .select(['target_id', 'prev_hash'])
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(newest).toEqual({ target_id: 'ours-again', prev_hash: 'hash-written-by-another-process' });
  });

  it('finds the first entry someone altered behind the application', async () => {
    const { db } = database();
    // A tamperer with database access would first have to remove the append-only guard.
    if (isPostgres(db)) await sql`drop trigger audit_log_no_update on audit_log`.execute(db);
    else await sql`drop trigger audit_log_no_update`.execute(db);
    const target = await db
      .selectFrom('audit_log')
      .select('seq')
      .where('target_id', '=', 't2')
      .executeTakeFirstOrThrow();
    await db.updateTable('audit_log').set({ details: '{"i":99}' }).where('seq', '=', target.seq).execute();
    expect(await verifyAuditChain(db)).toEqual({
      ok: false,
      entries: 3,
      brokenAt: target.seq,
      reason: 'hash_mismatch',
    });
  });
});
