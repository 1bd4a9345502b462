import { parentPort } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { threadData } from '../threads.js';

/** What the checkpoint thread is started with. */
export interface CheckpointThreadData {
  readonly file: string;
  readonly intervalMs: number;
}

/** One checkpoint's outcome, as SQLite reports it: frames in the log, and how many are back in the file. */
export interface CheckpointResult {
  readonly busy: number;
  readonly log: number;
  readonly checkpointed: number;
}

/** What the thread tells the node: each checkpoint's outcome. */
export interface CheckpointMessage {
  readonly kind: 'checkpointed';
  readonly result: CheckpointResult;
}

function run(port: NonNullable<typeof parentPort>, data: CheckpointThreadData): void {
  const sqlite = new SQLite(data.file, { fileMustExist: true });
  // PASSIVE copies what it can without waiting for any reader or writer: the node's connection never waits
  const checkpoint = sqlite.prepare('PRAGMA wal_checkpoint(PASSIVE)');
  const timer = setInterval(() => {
    const result = checkpoint.get() as CheckpointResult;
    port.postMessage({ kind: 'checkpointed', result } satisfies CheckpointMessage);
  }, data.intervalMs);
  port.on('message', (command: 'stop') => {
    if (command !== 'stop') return;
    clearInterval(timer);
    sqlite.close();
    port.close();
  });
}

if (parentPort) run(parentPort, threadData<CheckpointThreadData>());
