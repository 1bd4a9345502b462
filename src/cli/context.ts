import { userInfo } from 'node:os';
import { type Actor, SYSTEM_ACTOR } from '../core/auth/roles.js';
import { type Config, loadConfig } from '../core/config.js';
import { type DatabaseHandle, openDatabase } from '../core/db/database.js';
import { migrateToLatest } from '../core/db/migrate.js';
import { ensureOwnAgency } from '../modules/directory/directory.service.js';

/** The actor CLI commands are audited as: the operating-system user at the node's console. */
export function cliActor(): Actor {
  return { userId: null, name: `cli:${userInfo().username}`, ip: null, requestId: null };
}

/** Opens the node's database (migrated) for a command, and closes it however the command ends. */
export async function withDatabase<T>(
  work: (handle: DatabaseHandle, config: Config) => Promise<T>,
  options: { migrate: boolean } = { migrate: true },
): Promise<T> {
  const config = loadConfig();
  const handle = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    if (options.migrate) {
      await migrateToLatest(handle.db);
      // Users and messages need the node's own agency, as on a first `serve`.
      await ensureOwnAgency(handle.db, SYSTEM_ACTOR, config.nodeCode, {
        codeIsDefault: !process.env.BORDERLINK_NODE_CODE,
      });
    }
    return await work(handle, config);
  } finally {
    await handle.close();
  }
}

/** Prints to stdout; commands that print a secret print nothing else there. */
export const out = (line: string) => process.stdout.write(`${line}\n`);
export const err = (line: string) => process.stderr.write(`${line}\n`);
