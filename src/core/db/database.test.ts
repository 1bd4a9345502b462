import SQLite from 'better-sqlite3';
import { type Generated, Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cachingStatements } from './database.js';

interface Tables {
  crossings: { id: Generated<number>; port: string };
}

describe('the SQLite statement cache', () => {
  let sqlite: SQLite.Database;
  let db: Kysely<Tables>;
  let prepared: ReturnType<typeof vi.spyOn>;

  const open = async (capacity: number) => {
    db = new Kysely<Tables>({
      dialect: new SqliteDialect({ database: cachingStatements(sqlite, capacity) }),
    });
    await sql`create table crossings (id integer primary key, port text not null)`.execute(db);
    for (const port of ['CN-EREN', 'CN-MANZ', 'CN-ALSK']) {
      await db.insertInto('crossings').values({ port }).execute();
    }
    prepared = vi.spyOn(sqlite, 'prepare');
  };
  const byPort = (port: string) => db.selectFrom('crossings').select('id').where('port', '=', port);

  beforeEach(() => {
    sqlite = new SQLite(':memory:');
  });
  afterEach(() => {
    // Closing the file is all Kysely's destroy would do for SQLite.
    if (sqlite.open) sqlite.close();
  });

  it('prepares a query once and reuses the statement with other parameters', async () => {
    await open(500);
    expect(await byPort('CN-EREN').execute()).toEqual([{ id: 1 }]);
    expect(await byPort('CN-MANZ').execute()).toEqual([{ id: 2 }]);
    expect(await byPort('CN-ALSK').execute()).toEqual([{ id: 3 }]);
    expect(prepared).toHaveBeenCalledTimes(1);
  });

  it('forgets the least recently used statement beyond its capacity', async () => {
    await open(2);
    const everyId = () => db.selectFrom('crossings').select('id').orderBy('id').execute();
    const count = () =>
      db
        .selectFrom('crossings')
        .select((eb) => eb.fn.countAll().as('n'))
        .execute();
    await byPort('CN-EREN').execute();
    await everyId();
    await byPort('CN-EREN').execute();
    await count();
    await byPort('CN-MANZ').execute();
    expect(prepared).toHaveBeenCalledTimes(3);
    // everyId was the least recently used when count came in, so it is prepared again and pushes count out.
    await everyId();
    await byPort('CN-ALSK').execute();
    expect(prepared).toHaveBeenCalledTimes(4);
  });

  it('hands out a fresh statement while the cached one is being iterated', () => {
    const database = cachingStatements(sqlite, 500);
    sqlite.exec(
      "create table crossings (id integer primary key, port text); insert into crossings (port) values ('a'), ('b')",
    );
    const text = 'select id from crossings order by id';
    const pairs: unknown[][] = [];
    for (const outer of database.prepare(text).iterate([])) {
      for (const inner of database.prepare(text).iterate([])) pairs.push([outer, inner]);
      expect(database.prepare(text).all([])).toHaveLength(2);
    }
    expect(pairs).toEqual([
      [{ id: 1 }, { id: 1 }],
      [{ id: 1 }, { id: 2 }],
      [{ id: 2 }, { id: 1 }],
      [{ id: 2 }, { id: 2 }],
    ]);
  });

  it('streams two queries of the same SQL started together, and reuses the statement after them', async () => {
    await open(500);
    const everyId = () => db.selectFrom('crossings').select('id').orderBy('id');
    const collect = async () => {
      const ids: number[] = [];
      for await (const row of everyId().stream()) ids.push(row.id);
      return ids;
    };
    expect(await Promise.all([collect(), collect()])).toEqual([
      [1, 2, 3],
      [1, 2, 3],
    ]);
    expect(await everyId().execute()).toHaveLength(3);
    expect(prepared).toHaveBeenCalledTimes(1);
  });
});
