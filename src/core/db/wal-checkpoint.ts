import type SQLite from 'better-sqlite3';
import type { Logger } from 'pino';
import { reasonOf } from '../errors.js';
import { startThread } from '../threads.js';
import type { CheckpointMessage, CheckpointResult, CheckpointThreadData } from './wal-checkpoint-thread.js';

/** Checkpoints one SQLite database's write-ahead log from a thread of its own. */
export interface WalCheckpointer {
  /** Stops the thread and hands checkpointing back to the connection; call it before closing the database. */
  stop(): Promise<void>;
}

export interface WalCheckpointOptions {
  /** How often the thread checkpoints. */
  readonly intervalMs?: number;
  readonly log?: Pick<Logger, 'error'>;
  /** Called with each checkpoint's outcome (tests wait on it). */
  readonly onCheckpoint?: (result: CheckpointResult) => void;
}

/** SQLite's own default: a connection checkpoints once the log passes this many pages. */
const SQLITE_AUTOCHECKPOINT_PAGES = 1000;
const INTERVAL_MS = 1000;

/**
 * SQLite checkpoints its write-ahead log in whichever connection commits past 1,000 pages: the node's own,
 * which then answers nothing while the pages are copied back and the file synced (measured on a 2-core VM:
 * 5–10 ms every ~175 small commits, the node's longest waits besides garbage collection). So the node's
 * connection checkpoints no more, and a thread with a connection of its own does, every second, without
 * waiting for readers or writers. Should the thread stop, the connection checkpoints for itself again.
 */
export function checkpointInBackground(
  sqlite: SQLite.Database,
  file: string,
  options: WalCheckpointOptions = {},
): WalCheckpointer {
  const data: CheckpointThreadData = { file, intervalMs: options.intervalMs ?? INTERVAL_MS };
  const worker = startThread(import.meta.url, './wal-checkpoint-thread', data);
  // the node's own handles keep the process alive; this thread must not
  worker.unref();
  sqlite.pragma('wal_autocheckpoint = 0');
  let stopping = false;
  const handBack = () => {
    if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT_PAGES}`);
  };
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const failed = (error: unknown) => {
    if (stopping) return;
    stopping = true;
    handBack();
    options.log?.error(
      { reason: reasonOf(error) },
      'the checkpoint thread stopped; the database connection checkpoints for itself again',
    );
  };
  worker.on('error', failed);
  worker.on('exit', (code) => failed(new Error(`exit code ${code}`)));
  worker.on('message', (message: CheckpointMessage) => options.onCheckpoint?.(message.result));
  return {
    async stop() {
      if (!stopping) {
        stopping = true;
        worker.postMessage('stop');
      }
      await exited;
      handBack();
    },
  };
}
