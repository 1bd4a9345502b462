import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  type Kysely,
  type Migration,
  type MigrationProvider,
  type MigrationResultSet,
  Migrator,
  sql,
} from 'kysely';
import type { Database } from './database.js';

const migrationFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'migrations');

/**
 * Loads `YYYYMMDDHHmm_name.(ts|js)` files from the migrations folder. Our own import() (not Kysely's
 * FileMigrationProvider) so the test runner can load the TypeScript sources the same way node loads dist.
 */
const folderProvider: MigrationProvider = {
  async getMigrations() {
    const migrations: Record<string, Migration> = {};
    for (const file of (await fs.readdir(migrationFolder)).sort()) {
      const match = /^(\d{12}_[a-z0-9_]+)\.(ts|js)$/.exec(file);
      if (!match?.[1]) continue;
      migrations[match[1]] = (await import(
        pathToFileURL(path.join(migrationFolder, file)).href
      )) as Migration;
    }
    return migrations;
  },
};

function migratorFor(db: Kysely<Database>): Migrator {
  return new Migrator({
    db,
    provider: folderProvider,
    // Modules evolve in parallel; a module's new migration may sort before one already applied elsewhere.
    allowUnorderedMigrations: true,
  });
}

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly results: MigrationResultSet['results'],
  ) {
    super(message);
    this.name = 'MigrationError';
  }
}

/** Applies every pending migration; returns the names applied in this run. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const { error, results } = await migratorFor(db).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationError(`migration ${failed} failed: ${String(error)}`, results);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** True when the database answers and no migration is pending (the readiness check). */
export async function migrationsPending(db: Kysely<Database>): Promise<number> {
  const migrations = await migratorFor(db).getMigrations();
  return migrations.filter((m) => m.executedAt === undefined).length;
}

export async function ping(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
}
