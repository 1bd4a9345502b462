import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, openTestDatabase } from '../../../test/support/databases.js';
import { groupCommit } from './group-commit.js';

describeEachDatabase('group commit', (dialect) => {
  let handle: Awaited<ReturnType<typeof openTestDatabase>>;
  const batches: number[][] = [];
  let submit: (id: number) => Promise<void>;
  const stored = async () =>
    (await sql<{ id: number }>`select id from grouped order by id`.execute(handle.db)).rows.map((row) =>
      Number(row.id),
    );

  beforeAll(async () => {
    handle = await openTestDatabase(dialect, { migrated: false });
    await sql`create table grouped (id integer primary key)`.execute(handle.db);
    submit = groupCommit(handle.db, async (trx, ids) => {
      batches.push([...ids]);
      for (const id of ids) {
        // 13 stands for an item the database refuses.
        if (id === 13) throw new Error('refused item 13');
        await sql`insert into grouped (id) values (${id})`.execute(trx);
      }
    });
  });
  afterAll(() => handle.close());

  it('writes items submitted together in one transaction and answers each after the commit', async () => {
    batches.length = 0;
    await Promise.all(
      [1, 2, 3].map(async (id) => {
        await submit(id);
        expect(await stored()).toContain(id);
      }),
    );
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('fails only the item the database refuses, writing the others of its batch alone', async () => {
    batches.length = 0;
    const results = await Promise.allSettled([11, 12, 13, 14].map((id) => submit(id)));
    expect(results.map((result) => result.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect(await stored()).toEqual([1, 2, 3, 11, 12, 14]);
    expect(batches[0]).toEqual([11, 12, 13, 14]);
  });

  it('gathers what arrives while a batch is being written into the next batch', async () => {
    batches.length = 0;
    const first = submit(21);
    await new Promise((resolve) => setImmediate(resolve));
    await Promise.all([first, submit(22), submit(23)]);
    expect(batches).toEqual([[21], [22, 23]]);
  });
});
