import type { Actor } from '../core/auth/roles.js';
import type { Db } from '../core/db/database.js';
import { EventBus } from '../core/events.js';
import type { NodeContext } from '../core/module.js';
import { createExchange } from '../modules/exchange/exchange.module.js';
import { createForModule, type ModuleNotification } from '../modules/exchange/exchange.service.js';
import { createFederation } from '../modules/federation/federation.js';

/** Exchange on the node's database for work done outside the running node (a CLI command, a benchmark). */
export interface OfflineExchange {
  /** Hands a module's notification to exchange inside the caller's transaction, as on the running node. */
  send(trx: Db, actor: Actor, input: ModuleNotification): Promise<{ id: string }>;
  /** Waits for copies being mailed to manual peers; call before closing the database. */
  settled(): Promise<void>;
}

/**
 * Builds exchange and federation without HTTP or workers: what is sent lands in the outbox, and the
 * node's outbox worker delivers it once the node runs, exactly as if it had been sent there.
 */
export async function createOfflineExchange(
  context: Pick<NodeContext, 'config' | 'db' | 'dialect' | 'log'>,
): Promise<OfflineExchange> {
  const federation = await createFederation(context);
  const exchange = createExchange({ ...context, events: new EventBus() }, federation);
  return {
    send: (trx, actor, input) => createForModule(exchange.deps, trx, actor, input),
    settled: () => exchange.settled(),
  };
}
