import type { Logger } from 'pino';
import { purgeExpiredSessions } from './auth/auth.service.js';
import type { Db } from './db/database.js';
import type { Worker } from './module.js';

/**
 * Runs `task` at start and every `intervalMs` until stopped; a failed run is logged and retried next time,
 * and a run slower than the interval is never started twice.
 */
export function periodicWorker(
  name: string,
  intervalMs: number,
  log: Logger,
  task: () => Promise<void>,
): Worker {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const tick = () => {
    if (running !== undefined) return;
    running = task()
      .catch((error: unknown) => log.error({ err: error, worker: name }, 'worker run failed'))
      .finally(() => {
        running = undefined;
      });
  };
  return {
    name,
    start() {
      tick();
      timer = setInterval(tick, intervalMs);
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

/** Deletes expired sessions so the table holds only live logins. */
export const sessionPurgeWorker = (db: Db, log: Logger) =>
  periodicWorker('session-purge', 60 * 60 * 1000, log, () => purgeExpiredSessions(db));
