import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDatabase, useTestDatabase } from '../../../test/support/databases.js';
import { migrateToLatest, migrationsPending } from './migrate.js';

describeEachDatabase('migrations', (dialect) => {
  const database = useTestDatabase(dialect);

  it('leaves nothing pending and is idempotent', async () => {
    const { db } = database();
    expect(await migrationsPending(db)).toBe(0);
    expect(await migrateToLatest(db)).toEqual([]);
  });

  it('creates the audit log as append-only', async () => {
    const { db } = database();
    await sql`insert into audit_log (at, actor_name, action, target_type, details, prev_hash, hash)
      values ('2026-01-01T00:00:00.000Z', 'x', 'test', 'test', '{}', '', 'h')`.execute(db);
    await expect(sql`update audit_log set action = 'forged'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(db)).rejects.toThrow(/append-only/);
  });
});
