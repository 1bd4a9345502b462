import { base64url } from 'jose';
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

/** Inbox rows examined per transaction, so a first run over months of traffic never holds a long write lock. */
const EXAMINE_BATCH = 500;

export interface FederationPurge {
  outbox: number;
  messages: number;
  inbox: number;
  /** Inbox envelopes whose personal-data body was blanked in this run. */
  personalBodies: number;
}

/**
 * True when a stored envelope carries a body encrypted to us (personal data), or cannot be read at all: what
 * cannot be shown to be free of personal data is treated as holding it.
 */
export function carriesPersonalData(envelopeJws: string): boolean {
  try {
    const payload: unknown = JSON.parse(
      new TextDecoder().decode(base64url.decode(envelopeJws.split('.')[1] ?? '')),
    );
    return typeof payload !== 'object' || payload === null || 'bodyJwe' in payload;
  } catch {
    return true;
  }
}

/** Tells which message types carry personal data; the module owning the types supplies it (exchange). */
export type PersonalDataTypes = (type: string) => boolean;

/**
 * Blanks the stored envelope of every inbox row past the replay window whose body is personal data: encrypted,
 * unreadable, or of a personal-data type even though it arrived plain (refused, but stored with its envelope).
 * Each row was handed to its module (or rejected) in the transaction that stored it, and after the window a
 * replayed delivery is refused as stale, so only the row itself (id, status, receipt) is still needed.
 */
async function blankPersonalBodies(db: Db, before: string, personalType: PersonalDataTypes): Promise<number> {
  let blanked = 0;
  for (;;) {
    const rows = await store.unexaminedInbox(db, before, EXAMINE_BATCH);
    const personal = rows
      .filter((row) => personalType(row.type) || carriesPersonalData(row.envelope))
      .map((row) => row.message_id);
    const personalIds = new Set(personal);
    await inTransaction(db, async (trx) => {
      await store.blankInboxEnvelopes(trx, personal);
      await store.markInboxPlain(
        trx,
        rows.filter((row) => !personalIds.has(row.message_id)).map((row) => row.message_id),
      );
    });
    blanked += personal.length;
    if (rows.length < EXAMINE_BATCH) return blanked;
  }
}

/**
 * Deletes outbox rows settled by a receipt and inbox rows older than the retention, and outgoing envelopes no
 * row needs any more; then blanks received personal-data envelopes once the replay window has passed, well
 * before the shortest retention exchange gives personal data (28 days). Rows still queued or sent (awaiting a
 * receipt, retried forever) are never touched.
 */
export async function purgeSettled(
  db: Db,
  options: { retentionDays: number; isPersonalDataType: PersonalDataTypes; now?: Date },
): Promise<FederationPurge> {
  const now = (options.now ?? new Date()).getTime();
  const days = Math.max(options.retentionDays, MIN_RETENTION_DAYS);
  const cutoff = new Date(now - days * DAY_MS).toISOString();
  const deleted = await inTransaction(db, async (trx) => {
    const outbox = await store.deleteSettledOutbox(trx, cutoff);
    const messages = await store.deleteOrphanMessages(trx, cutoff);
    const inbox = await store.deleteInboxBefore(trx, cutoff);
    return { outbox, messages, inbox };
  });
  const pastReplayWindow = new Date(now - MIN_RETENTION_DAYS * DAY_MS).toISOString();
  return {
    ...deleted,
    personalBodies: await blankPersonalBodies(db, pastReplayWindow, options.isPersonalDataType),
  };
}

/** Runs the purge at start and then every `intervalMs` (hourly by default). */
export function federationRetentionWorker(
  db: Db,
  log: Logger,
  options: { retentionDays: number; isPersonalDataType: PersonalDataTypes; intervalMs?: number },
): Worker {
  return periodicWorker('federation-retention', options.intervalMs ?? 3_600_000, log, async () => {
    const purged = await purgeSettled(db, {
      retentionDays: options.retentionDays,
      isPersonalDataType: options.isPersonalDataType,
    });
    if (purged.outbox + purged.messages + purged.inbox + purged.personalBodies > 0) {
      log.info(purged, 'settled federation rows past their retention purged');
    }
  });
}
