import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { describeEachDatabase, openTestDatabase } from '../../../test/support/databases.js';
import type { Database } from './database.js';
import { PrecompiledQueries } from './precompiled.js';

interface Probe {
  id: number;
  port: string;
  note: string | null;
}
type ProbeDb = Kysely<{ probe: Probe }>;

describeEachDatabase('precompiled queries', (dialect) => {
  let handle: Awaited<ReturnType<typeof openTestDatabase>>;
  let db: ProbeDb;
  const queries = new PrecompiledQueries();
  const insert = (rows: Probe[]) =>
    queries.run(
      handle.db,
      `insert:${rows.length}`,
      rows.flatMap((row) => [row.id, row.port, row.note]),
      (v) =>
        db
          .insertInto('probe')
          .values(rows.map((_, r) => ({ id: v[r * 3], port: v[r * 3 + 1], note: v[r * 3 + 2] }) as Probe)),
    );
  const byPort = (port: string) =>
    queries.run<Probe>(handle.db, 'by-port', [port], ([value]) =>
      db
        .selectFrom('probe')
        .selectAll()
        .where('port', '=', value as string)
        .orderBy('id')
        .limit(2),
    );

  beforeAll(async () => {
    handle = await openTestDatabase(dialect, { migrated: false });
    db = handle.db as unknown as ProbeDb;
    await sql`create table probe (id integer primary key, port text not null, note text)`.execute(handle.db);
  });
  afterAll(() => handle.close());

  it('builds a shape once and runs it with each call’s values, keeping the builder’s own constants', async () => {
    const compile = vi.spyOn(db, 'selectFrom');
    await insert([
      { id: 1, port: 'ERLIAN', note: null },
      { id: 2, port: 'ERLIAN', note: 'x' },
    ]);
    await insert([
      { id: 3, port: 'ERLIAN', note: 'y' },
      { id: 4, port: 'ZAMYN', note: null },
    ]);
    expect((await byPort('ERLIAN')).rows).toEqual([
      { id: 1, port: 'ERLIAN', note: null },
      { id: 2, port: 'ERLIAN', note: 'x' },
    ]);
    expect((await byPort('ZAMYN')).rows).toEqual([{ id: 4, port: 'ZAMYN', note: null }]);
    expect(compile).toHaveBeenCalledTimes(1);
  });

  it('refuses an undefined value, which Kysely would have left out of the SQL', async () => {
    await expect(
      queries.run(handle.db, 'by-port', [undefined], ([value]) =>
        db
          .selectFrom('probe')
          .selectAll()
          .where('port', '=', value as string),
      ),
    ).rejects.toThrow('value 0 is undefined');
  });

  it('refuses a query that writes a value into the SQL instead of binding it', async () => {
    await expect(
      new PrecompiledQueries().run(handle.db as Kysely<Database>, 'inlined', ['ERLIAN'], ([value]) =>
        db
          .selectFrom('probe')
          .selectAll()
          .where('port', '=', sql.lit(value as string)),
      ),
    ).rejects.toThrow('must bind every value');
  });
});
