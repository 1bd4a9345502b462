import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { FederationConfig } from '../../core/config.js';
import type { Database } from '../../core/db/database.js';
import type { MessageHandlers } from './federation.contract.js';
import type { NodeIdentity } from './node-identity.js';

/** What the federation use cases share; built once per node (or per CLI command). */
export interface FederationDeps {
  readonly db: Kysely<Database>;
  readonly agency: string;
  readonly publicUrl: string;
  readonly dataDir: string;
  readonly log: Logger;
  readonly identity: NodeIdentity;
  readonly settings: FederationConfig;
  /** Read on every use, so exchange may register its handlers after federation was created. */
  handlers(): MessageHandlers;
}

/** Handlers used until a module registers its own: federation's inbox and outbox tables are the only record. */
export const RECORD_ONLY_HANDLERS: MessageHandlers = {
  incoming: async () => {},
  deliveryChanged: async () => {},
};
