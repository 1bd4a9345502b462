import type { Kysely, Transaction } from 'kysely';
import type { Database } from './database.js';

/** Writes `items` inside the batch's transaction. */
export type BatchWrite<T> = (trx: Transaction<Database>, items: readonly T[]) => Promise<void>;

interface Waiting<T> {
  readonly item: T;
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Group commit: writes submitted while the event loop is busy elsewhere share one transaction, so a busy
 * desk pays one BEGIN/COMMIT (and, on SQLite, one WAL append) per batch instead of per request. `submit`
 * resolves only once its batch has committed, so a caller answers after its data is durable, as with a
 * transaction of its own. When a batch fails, each of its items is written again alone, so one bad item
 * fails only its own caller. One batch is in flight at a time; whatever arrives meanwhile forms the next.
 */
export function groupCommit<T>(
  db: Kysely<Database>,
  write: BatchWrite<T>,
  maxItems = 256,
): (item: T) => Promise<void> {
  let queue: Waiting<T>[] = [];
  let scheduled = false;
  let writing = false;

  const writeAlone = async (waiting: Waiting<T>) => {
    try {
      await db.transaction().execute((trx) => write(trx, [waiting.item]));
      waiting.resolve();
    } catch (error) {
      waiting.reject(error);
    }
  };

  const flush = async () => {
    scheduled = false;
    if (writing || queue.length === 0) return;
    writing = true;
    const batch = queue.slice(0, maxItems);
    queue = queue.slice(batch.length);
    try {
      await db.transaction().execute((trx) =>
        write(
          trx,
          batch.map((waiting) => waiting.item),
        ),
      );
      for (const waiting of batch) waiting.resolve();
    } catch (error) {
      if (batch.length === 1) batch[0]?.reject(error);
      else for (const waiting of batch) await writeAlone(waiting);
    } finally {
      writing = false;
      schedule();
    }
  };

  function schedule() {
    if (scheduled || queue.length === 0) return;
    scheduled = true;
    // setImmediate runs after the I/O callbacks of this loop turn: every request parsed in it joins the batch.
    setImmediate(() => void flush());
  }

  return (item) =>
    new Promise<void>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (!writing) schedule();
    });
}
