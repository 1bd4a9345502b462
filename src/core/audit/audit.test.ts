import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDatabase, useTestDatabase } from '../../../test/support/databases.js';
import { SYSTEM_ACTOR } from '../auth/roles.js';
import { isPostgres } from '../db/dialect.js';
import { appendAudit, listAudit, verifyAuditChain } from './audit.js';

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
