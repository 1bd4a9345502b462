import type { Logger } from 'pino';
import { appendAudit } from '../../core/audit/audit.js';
import { SYSTEM_ACTOR } from '../../core/auth/roles.js';
import type { Db } from '../../core/db/database.js';
import { inTransaction } from '../../core/db/transaction.js';
import { periodicWorker } from '../../core/housekeeping.js';
import type { Worker } from '../../core/module.js';
import { PERSONAL_DATA_RETENTION_DAYS } from '../exchange/bodies/index.js';
import * as store from './operations.store.js';

/** Identities of intercepted and handed-over persons live as long as a handover request's personal data. */
export const DEFAULT_RETENTION_DAYS = PERSONAL_DATA_RETENTION_DAYS['handover.request'];

export interface PurgeResult {
  interceptions: number;
  handovers: number;
}

/**
 * Deletes the identities of interceptions and handovers older than the retention period; the events and
 * their counts stay for statistics.
 */
export async function purgePersonalData(
  db: Db,
  options: { retentionDays: number; now?: Date },
): Promise<PurgeResult> {
  const now = options.now ?? new Date();
  const cutoff = new Date(now.getTime() - options.retentionDays * 86_400_000).toISOString();
  return inTransaction(db, async (trx) => {
    const interceptionIds = (await store.interceptionsWithPersonsBefore(trx, cutoff)).map((row) => row.id);
    const handoverIds = (await store.handoversWithPersonBefore(trx, cutoff)).map((row) => row.id);
    const at = now.toISOString();
    // Batches keep the IN lists well below the parameter limits of both databases.
    for (let i = 0; i < interceptionIds.length; i += 500) {
      const batch = interceptionIds.slice(i, i + 500);
      await store.deletePersonsOf(trx, batch);
      await trx
        .updateTable('interceptions')
        .set({ persons_purged_at: at })
        .where('id', 'in', batch)
        .execute();
    }
    for (let i = 0; i < handoverIds.length; i += 500) {
      await store.purgeHandoverPersons(trx, handoverIds.slice(i, i + 500), at);
    }
    if (interceptionIds.length + handoverIds.length > 0) {
      await appendAudit(trx, SYSTEM_ACTOR, {
        action: 'operations.personal_data_purged',
        targetType: 'operations',
        details: { cutoff, interceptions: interceptionIds.length, handovers: handoverIds.length },
      });
    }
    return { interceptions: interceptionIds.length, handovers: handoverIds.length };
  });
}

/** Runs the purge at start and then every `intervalMs` (hourly by default). */
export function retentionWorker(
  db: Db,
  log: Logger,
  options: { retentionDays?: number; intervalMs?: number } = {},
): Worker {
  return periodicWorker('operations-retention', options.intervalMs ?? 3_600_000, log, async () => {
    const result = await purgePersonalData(db, {
      retentionDays: options.retentionDays ?? DEFAULT_RETENTION_DAYS,
    });
    if (result.interceptions + result.handovers > 0) log.info(result, 'operations personal data purged');
  });
}
