import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase, openTestDatabase } from '../../../test/support/databases.js';
import { CROSS_PROCESS_BOUND_MS, FreshValue, WriteLog, writtenTable } from './changes.js';
import { changeSourceOf, openDatabase } from './database.js';

describe('which table a statement writes', () => {
  it('reads the target of inserts, updates and deletes as Kysely and hand-written SQL spell them', () => {
    expect(writtenTable('insert into "warning_crossings" ("id") values (?)')).toBe('warning_crossings');
    expect(writtenTable('update "public"."ports" set "name" = $1')).toBe('ports');
    expect(writtenTable('delete from warning_rules where rule = ?')).toBe('warning_rules');
    expect(writtenTable('INSERT OR REPLACE INTO Audit_Log values (1)')).toBe('audit_log');
  });

  it('takes selects, pragmas and transaction control for reads', () => {
    for (const text of [
      'select 1',
      '  SELECT pg_advisory_xact_lock(1)',
      'pragma data_version',
      'begin',
      'commit',
    ]) {
      expect(writtenTable(text)).toBeNull();
    }
  });

  it('counts statements whose target it cannot tell as writes to everything', () => {
    expect(writtenTable('with moved as (delete from a returning *) insert into b select * from moved')).toBe(
      '*',
    );
    expect(writtenTable('create table probe (id integer)')).toBe('*');
  });
});

describe('the write log', () => {
  it('leaves out the ignored tables but never a write of unknown target', () => {
    const log = new WriteLog();
    log.record(['warning_crossings', 'audit_log']);
    expect(log.writesExcept(['warning_crossings', 'audit_log'])).toBe(0);
    log.record(['ports']);
    log.record(['*']);
    expect(log.writesExcept(['warning_crossings', 'audit_log'])).toBe(2);
  });
});

describeEachDatabase('counting writes through a database handle', (dialect) => {
  let handle: Awaited<ReturnType<typeof openTestDatabase>>;
  const writes = () => changeSourceOf(handle.db)?.writes.writesExcept([]) ?? Number.NaN;

  beforeAll(async () => {
    handle = await openTestDatabase(dialect, { migrated: false });
    await sql`create table probe (id integer primary key, label text)`.execute(handle.db);
  });
  afterAll(() => handle.close());

  it('counts a statement outside a transaction once it has run', async () => {
    const before = writes();
    await sql`insert into probe (id, label) values (1, 'a')`.execute(handle.db);
    expect(writes()).toBe(before + 1);
  });

  it('counts the tables a transaction wrote only when it commits', async () => {
    const before = writes();
    await handle.db.transaction().execute(async (trx) => {
      await sql`insert into probe (id, label) values (2, 'b')`.execute(trx);
      await sql`update probe set label = 'c' where id = 2`.execute(trx);
      await trx
        .selectFrom('probe' as never)
        .selectAll()
        .execute();
      expect(writes()).toBe(before);
    });
    expect(writes()).toBe(before + 1);
  });

  it('counts a rolled-back transaction too, so no reader is left guessing', async () => {
    const before = writes();
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await sql`insert into probe (id, label) values (3, 'd')`.execute(trx);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(writes()).toBe(before + 1);
  });

  it('holds back the writes of a transaction opened by hand until it ends', async () => {
    const before = writes();
    await handle.db.connection().execute(async (connection) => {
      await sql`begin`.execute(connection);
      await sql`insert into probe (id, label) values (4, 'by hand')`.execute(connection);
      await sql`savepoint inner_step`.execute(connection);
      await sql`rollback to savepoint inner_step`.execute(connection);
      expect(writes()).toBe(before);
      await sql`commit`.execute(connection);
    });
    expect(writes()).toBe(before + 1);
  });

  it('reloads a fresh value after a write through this handle, and not after a write it ignores', async () => {
    let loads = 0;
    const value = new FreshValue(changeSourceOf(handle.db), ['probe_ignored'], async () => ++loads);
    await sql`create table probe_ignored (id integer)`.execute(handle.db);
    expect(await value.get('k')).toBe(1);
    expect(await value.get('k')).toBe(1);
    await sql`insert into probe_ignored (id) values (1)`.execute(handle.db);
    expect(await value.get('k')).toBe(1);
    await sql`update probe set label = 'e' where id = 1`.execute(handle.db);
    expect(await value.get('k')).toBe(2);
    expect(await value.get('other key')).toBe(3);
  });

  it('sees a commit made by another connection within the stated bound', async () => {
    let now = 0;
    let loads = 0;
    const value = new FreshValue(
      changeSourceOf(handle.db),
      [],
      async () => ++loads,
      () => now,
    );
    const other = openDatabase({
      databaseUrl: handle.testDb.databaseUrl,
      dataDir: handle.testDb.dataDir,
      sqliteFile: handle.testDb.sqliteFile,
    });
    try {
      expect(await value.get('k')).toBe(1);
      await sql`insert into probe (id, label) values (10, 'from the CLI')`.execute(other.db);
      if (dialect === 'sqlite') {
        // SQLite tells at once (data_version).
        expect(await value.get('k')).toBe(2);
      } else {
        now += CROSS_PROCESS_BOUND_MS - 1;
        expect(await value.get('k')).toBe(1);
        now += 1;
        expect(await value.get('k')).toBe(2);
      }
    } finally {
      await other.close();
    }
  });

  it('does not keep a failed load', async () => {
    let calls = 0;
    const value = new FreshValue(changeSourceOf(handle.db), [], async () => {
      calls += 1;
      if (calls === 1) throw new Error('database busy');
      return calls;
    });
    await expect(value.get('k')).rejects.toThrow('database busy');
    expect(await value.get('k')).toBe(2);
  });
});
