import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import {
  type Database,
  type DatabaseHandle,
  type DialectName,
  openDatabase,
} from '../../src/core/db/database.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from './databases.js';

const MIGRATIONS = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'migrations');

/** The migrations folder as the node loads it (Kysely's own provider cannot import TypeScript under the runner). */
const migrations: MigrationProvider = {
  async getMigrations() {
    const found: Record<string, Migration> = {};
    for (const file of (await fs.readdir(MIGRATIONS)).sort()) {
      const name = /^(\d{12}_[a-z0-9_]+)\.ts$/.exec(file)?.[1];
      if (name) found[name] = (await import(pathToFileURL(path.join(MIGRATIONS, file)).href)) as Migration;
    }
    return found;
  },
};

/** Migrates a fresh database up to and including `name`, to lay down the data a later migration converts. */
export async function migrateUpTo<T>(db: Kysely<T>, name: string): Promise<void> {
  const migrator = new Migrator({ db, provider: migrations, allowUnorderedMigrations: true });
  const { error } = await migrator.migrateTo(name);
  if (error) throw error;
}

/**
 * A fresh database of the suite's dialect migrated up to `name`, opened before the suite and dropped after it:
 * the data a later migration converts is laid down in it, then `migrateToLatest` runs that migration.
 */
function useDatabaseMigratedTo(dialect: DialectName, name: string): () => Kysely<Database> {
  let testDb: TestDatabase | undefined;
  let handle: DatabaseHandle | undefined;
  beforeAll(async () => {
    testDb = await createTestDatabase(dialect);
    handle = openDatabase({
      databaseUrl: testDb.databaseUrl,
      dataDir: testDb.dataDir,
      sqliteFile: testDb.sqliteFile,
    });
    await migrateUpTo(handle.db, name);
  });
  afterAll(async () => {
    await handle?.close();
    await testDb?.drop();
  });
  return () => {
    if (!handle) throw new Error('database not open yet');
    return handle.db;
  };
}

/**
 * A suite run on each database about the migrations after `before`: `database()` is migrated up to `before`
 * when the suite starts, for its tests to lay down the old data and then migrate to the latest.
 */
export function describeMigrationsAfter(
  before: string,
  title: string,
  suite: (database: () => Kysely<Database>) => void,
): void {
  describeEachDatabase(title, (dialect) => suite(useDatabaseMigratedTo(dialect, before)));
}
