import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { type DatabaseHandle, type DialectName, openDatabase } from '../../src/core/db/database.js';
import { migrateToLatest } from '../../src/core/db/migrate.js';
import { wantedDatabases } from './global-setup.js';

/** A fresh, migrated, empty database of the given dialect; `drop` removes it. */
export interface TestDatabase {
  readonly dialect: DialectName;
  /** DATABASE_URL for a node on this database (undefined for SQLite). */
  readonly databaseUrl: string | undefined;
  /** The SQLite file (undefined for PostgreSQL). */
  readonly sqliteFile: string | undefined;
  readonly dataDir: string;
  drop(): Promise<void>;
}

/** The databases of this run that are actually available (PostgreSQL only when the setup started one). */
export function testDialects(): DialectName[] {
  return wantedDatabases().filter((d) => d === 'sqlite' || inject('postgresUrl'));
}

/** Creates an empty database (not migrated) that a node or a store test can own. */
export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'borderlink-test-'));
  if (dialect === 'sqlite') {
    const sqliteFile = path.join(dataDir, 'borderlink.db');
    return {
      dialect,
      databaseUrl: undefined,
      sqliteFile,
      dataDir,
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const adminUrl = inject('postgresUrl');
  if (!adminUrl) throw new Error('PostgreSQL tests requested but no server was started');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    dialect,
    databaseUrl: url.toString(),
    sqliteFile: undefined,
    dataDir,
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Opens and migrates a test database; for store-level tests that need no HTTP server. `migrated: false` leaves
 * it empty, for tests of the database layer itself and of single migrations. `close` also drops it.
 */
export async function openTestDatabase(
  dialect: DialectName,
  { migrated = true }: { migrated?: boolean } = {},
): Promise<DatabaseHandle & { testDb: TestDatabase }> {
  const testDb = await createTestDatabase(dialect);
  const handle = openDatabase({
    databaseUrl: testDb.databaseUrl,
    dataDir: testDb.dataDir,
    sqliteFile: testDb.sqliteFile,
  });
  if (migrated) await migrateToLatest(handle.db);
  return {
    ...handle,
    testDb,
    close: async () => {
      await handle.close();
      await testDb.drop();
    },
  };
}

/**
 * Runs the same suite on every database of this run. Test names get `[sqlite]` or `[postgres]`,
 * which the reporter counts.
 */
export function describeEachDatabase(title: string, suite: (dialect: DialectName) => void): void {
  for (const dialect of testDialects()) {
    describe(`${title} [${dialect}]`, () => suite(dialect));
  }
}

/** A migrated database per suite, opened before its tests and dropped after. */
export function useTestDatabase(dialect: DialectName): () => DatabaseHandle {
  let handle: (DatabaseHandle & { testDb: TestDatabase }) | undefined;
  beforeAll(async () => {
    handle = await openTestDatabase(dialect);
  });
  afterAll(async () => {
    await handle?.close();
  });
  return () => {
    if (!handle) throw new Error('test database not open yet');
    return handle;
  };
}
