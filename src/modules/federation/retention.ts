import type { Logger } from 'pino';
import type { Db } from '../../core/db/database.js';
import { inTransaction } from '../../core/db/transaction.js';
import { periodicWorker } from '../../core/housekeeping.js';
import type { Worker } from '../../core/module.js';
import { DEFAULT_MAX_AGE_SECONDS } from './crypto/index.js';
import * as store from './federation.store.js';

const DAY_MS = 86_400_000;

/**
 * The receiver must remember a message id for as long as a captured delivery of it could pass the freshness
 * check (`sentAt` up to DEFAULT_MAX_AGE_SECONDS old); a day more covers clock skew. Shorter retention would
 * let a replayed delivery be stored again, so it is never used, whatever the configuration says.
 */
export const MIN_RETENTION_DAYS = Math.ceil(DEFAULT_MAX_AGE_SECONDS / 86_400) + 1;

export interface FederationPurge {
  outbox: number;
  messages: number;
  inbox: number;
}

/**
 * Deletes outbox rows settled by a receipt and inbox rows older than the retention, and outgoing envelopes no
 * row needs any more. Rows still queued or sent (awaiting a receipt, retried forever) are never touched.
 */
export async function purgeSettled(
  db: Db,
  options: { retentionDays: number; now?: Date },
): Promise<FederationPurge> {
  const days = Math.max(options.retentionDays, MIN_RETENTION_DAYS);
  const cutoff = new Date((options.now ?? new Date()).getTime() - days * DAY_MS).toISOString();
  return inTransaction(db, async (trx) => {
    const outbox = await store.deleteSettledOutbox(trx, cutoff);
    const messages = await store.deleteOrphanMessages(trx, cutoff);
    const inbox = await store.deleteInboxBefore(trx, cutoff);
    return { outbox, messages, inbox };
  });
}

/** Runs the purge at start and then every `intervalMs` (hourly by default). */
export function federationRetentionWorker(
  db: Db,
  log: Logger,
  options: { retentionDays: number; intervalMs?: number },
): Worker {
  return periodicWorker('federation-retention', options.intervalMs ?? 3_600_000, log, async () => {
    const purged = await purgeSettled(db, { retentionDays: options.retentionDays });
    if (purged.outbox + purged.messages + purged.inbox > 0) {
      log.info(purged, 'settled federation rows past their retention purged');
    }
  });
}
