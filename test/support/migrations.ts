import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';

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
