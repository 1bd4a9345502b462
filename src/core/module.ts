import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { Database, DialectName } from './db/database.js';
import type { EventBus } from './events.js';

/** What every module gets from the composition root. */
export interface NodeContext {
  readonly config: Config;
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
  readonly log: Logger;
  readonly events: EventBus;
}

/** Background work a module runs while the node is up (outbox delivery, retention purge). */
export interface Worker {
  readonly name: string;
  start(): void;
  /** Resolves once in-flight work has finished. */
  stop(): Promise<void>;
}
