import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';
import { checkpointInBackground } from './wal-checkpoint.js';
import type { CheckpointResult } from './wal-checkpoint-thread.js';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function walDatabase() {
  const dir = mkdtempSync(path.join(tmpdir(), 'borderlink-wal-'));
  made.push(dir);
  const file = path.join(dir, 'node.db');
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  return { dir, file, sqlite };
}

/** Rows of `t` in the database file alone: a copy without its log holds only what was checkpointed. */
function rowsInFileAlone(dir: string, file: string): number {
  const copy = path.join(dir, 'copy.db');
  copyFileSync(file, copy);
  const reader = new SQLite(copy, { readonly: true });
  try {
    const table = reader.prepare("select count(*) from sqlite_master where name = 't'").pluck().get();
    return table === 0 ? 0 : (reader.prepare('select count(*) from t').pluck().get() as number);
  } finally {
    reader.close();
  }
}

const autocheckpoint = (sqlite: SQLite.Database) => sqlite.pragma('wal_autocheckpoint', { simple: true });

describe('checkpointing the write-ahead log in the background', () => {
  it('copies the log back into the file from its own thread while the connection never checkpoints', async () => {
    const { dir, file, sqlite } = walDatabase();
    const results: CheckpointResult[] = [];
    const checkpointer = checkpointInBackground(sqlite, file, {
      intervalMs: 20,
      onCheckpoint: (result) => results.push(result),
    });
    expect(autocheckpoint(sqlite)).toBe(0);
    sqlite.exec('create table t (id integer primary key, body text)');
    const insert = sqlite.prepare('insert into t (body) values (?)');
    // past SQLite's own threshold of 1,000 pages, one commit each, as desk requests come
    for (let i = 0; i < 3000; i++) insert.run('x'.repeat(2000));
    const written = results.length;
    await expect
      .poll(() => results.slice(written).some((r) => r.log > 0 && r.checkpointed === r.log), {
        timeout: 5000,
      })
      .toBe(true);
    expect(rowsInFileAlone(dir, file)).toBe(3000);
    await checkpointer.stop();
    expect(autocheckpoint(sqlite)).toBe(1000);
    sqlite.close();
  });

  it('hands checkpointing back to the connection when the thread cannot work', async () => {
    const { dir, sqlite } = walDatabase();
    const errors: unknown[] = [];
    // a file that is not there: the thread fails as it starts
    const checkpointer = checkpointInBackground(sqlite, path.join(dir, 'missing.db'), {
      log: { error: (fields: unknown) => void errors.push(fields) },
    });
    await expect.poll(() => errors.length, { timeout: 5000 }).toBe(1);
    expect(autocheckpoint(sqlite)).toBe(1000);
    await checkpointer.stop();
    sqlite.close();
  });

  it('is what a node opens SQLite with, and stops when the database closes', async () => {
    const { dir } = walDatabase();
    const handle = openDatabase({ databaseUrl: undefined, dataDir: dir, checkpointInBackground: true });
    const { rows } = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(handle.db);
    expect(rows[0]?.wal_autocheckpoint).toBe(0);
    await handle.close();
  });
});
