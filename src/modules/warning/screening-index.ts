import type { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { Db } from '../../core/db/database.js';
import { AppError, reasonOf } from '../../core/errors.js';
import { nowIso } from '../../core/ids.js';
import { startThread } from '../../core/threads.js';
import {
  type CrossingIdentity,
  DEFAULT_THRESHOLDS,
  type MatchThresholds,
  type Sex,
  type WatchlistIdentity,
} from './matcher/index.js';
import {
  type FiledEntry,
  type IdentityMatch,
  type IndexCommand,
  isFailure,
  type ScreeningOutcome,
  type ScreeningRequest,
  type ScreeningThreadData,
  type ThreadMessage,
} from './screening-thread.js';
import { dayOf } from './warning.runtime.js';
import * as store from './warning.store.js';
import type { WatchlistEntryRow } from './warning.tables.js';

export type { EntrySource, IdentityMatch, ScreeningOutcome, ScreeningRequest } from './screening-thread.js';
export { isFailure } from './screening-thread.js';

/**
 * This process's in-memory copy of the watchlist, kept current with the table. The matcher's index lives in a
 * thread of its own: screening a crossing costs a fraction of a millisecond of CPU, and on the node's thread
 * that time (and a retrospective round's seconds) would hold up every other request.
 */
export interface ScreeningIndex {
  put(rows: readonly WatchlistEntryRow[]): void;
  remove(ids: readonly string[]): void;
  /** Screens an identity; `day` (YYYY-MM-DD) selects the entries in force. */
  screen(identity: CrossingIdentity, day: string): Promise<IdentityMatch>;
  /**
   * Screens many identities in one exchange with the thread, each against the entries in force on its day; an
   * identity the matcher cannot read gets a failure of its own.
   */
  screenAll(requests: readonly ScreeningRequest[]): Promise<ScreeningOutcome[]>;
  /** Loads every live entry from the table, replacing what was there; resolves once the thread has filed them. */
  load(db: Db, today: string): Promise<void>;
  /** Applies changes other processes made since the last sync. */
  sync(db: Db): Promise<void>;
  /** Stops the thread; screening afterwards is refused. */
  close(): Promise<void>;
}

const orUndefined = <T>(value: T | null): T | undefined => (value === null ? undefined : value);

/** The matcher's view of a stored entry. */
export function identityOfEntry(row: WatchlistEntryRow): WatchlistIdentity {
  return {
    id: row.id,
    surname: orUndefined(row.surname),
    givenNames: orUndefined(row.given_names),
    nativeName: orUndefined(row.native_name),
    sex: orUndefined(row.sex) as Sex | undefined,
    birthDate: orUndefined(row.birth_date),
    nationality: orUndefined(row.nationality),
    documentNumber: orUndefined(row.document_number),
    issuingState: orUndefined(row.issuing_state),
    aliases: JSON.parse(row.aliases) as string[],
  };
}

const LOAD_PAGE = 5000;
// Rows committed by a slow transaction can carry an update time slightly before the last sync; re-reading
// a short overlap catches them, and putting an entry twice is harmless.
const SYNC_OVERLAP_MS = 10_000;

/**
 * The screening thread's young generation: each crossing leaves a few tens of kilobytes of garbage beside an
 * index of up to ~1.4 GB, and every collection of the young generation pauses screening for milliseconds
 * (over 10 ms under load with a million entries). A larger one collects several times less often.
 */
const SCREENING_YOUNG_GENERATION_MB = 192;
/**
 * Room for the index to grow into: near Node's default limit (about 4 GB) V8 collects the old generation
 * more often and compacts it to stay under, and a million entries already take over 1 GB.
 */
const SCREENING_OLD_GENERATION_MB = 8192;

/** The thread holding the matcher's index, and the screenings waiting for its answer. */
interface IndexThread {
  readonly worker: Worker;
  readonly waiting: Map<number, { resolve(outcomes: ScreeningOutcome[]): void; reject(error: Error): void }>;
}

/** How an index is set up; every part has a default. */
export interface ScreeningIndexOptions {
  readonly thresholds?: MatchThresholds;
  /** Told of entries the matcher could not file, and of a thread that stopped. */
  readonly log?: Pick<Logger, 'warn' | 'error'>;
  /** Starts the index's thread (tests wrap it to reach the thread). */
  readonly start?: () => Worker;
}

/** After a refill from the table failed, screening is refused at once for this long before one is tried again. */
const REFILL_RETRY_MS = 5000;

/**
 * Screening cannot be done now (the desk gets a 503 and may post again); `reason` says why, and
 * `retryAfterSeconds`, when known, how soon a new attempt can succeed (sent as Retry-After).
 */
const screeningUnavailable = (reason: string, retryAfterSeconds = 1) =>
  new AppError('unavailable', 'warning.screening_unavailable', `screening is unavailable: ${reason}`, {
    retryAfterSeconds,
  });

/** Creates an empty index; `load` fills it. Its thread starts on first use. */
export function createScreeningIndex(options: ScreeningIndexOptions = {}): ScreeningIndex {
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const startWorker =
    options.start ??
    (() =>
      startThread<ScreeningThreadData>(
        import.meta.url,
        './screening-thread',
        { thresholds },
        {
          maxYoungGenerationSizeMb: SCREENING_YOUNG_GENERATION_MB,
          maxOldGenerationSizeMb: SCREENING_OLD_GENERATION_MB,
        },
      ));
  let syncedFrom = new Date().toISOString();
  let thread: IndexThread | undefined;
  // threads started so far: a load whose thread was replaced meanwhile filled a thread that is gone
  let generation = 0;
  let nextTicket = 0;
  let closed = false;
  // A thread that died took its entries with it: screening waits until a new one is filled again from the
  // table, through the handle of the last load.
  let refillFrom: Db | undefined;
  let holdsEntries = false;
  let lost = false;
  let refilling: Promise<void> | undefined;
  let refillRefusedUntil = 0;

  // an entry the node's thread or the matcher could not read is left out; the others are screened
  const notScreenable = (entryId: string, reason: string) =>
    options.log?.warn({ entryId, reason }, 'watchlist entry not screenable');

  const start = (): IndexThread => {
    const worker = startWorker();
    generation++;
    // the node's own handles keep the process alive; a thread left open must not
    worker.unref();
    const started: IndexThread = { worker, waiting: new Map() };
    worker.on('message', (message: ThreadMessage) => {
      if (message.kind === 'refused') {
        notScreenable(message.entryId, message.error);
        return;
      }
      const waiting = started.waiting.get(message.ticket);
      started.waiting.delete(message.ticket);
      waiting?.resolve([...message.outcomes]);
    });
    const die = (error: Error) => {
      if (thread === started) {
        thread = undefined;
        lost ||= holdsEntries;
        holdsEntries = false;
        options.log?.error(
          { err: error },
          'screening thread stopped; a new one is filled from the watchlist table',
        );
      }
      for (const waiting of started.waiting.values()) waiting.reject(screeningUnavailable(error.message));
      started.waiting.clear();
    };
    worker.on('error', die);
    worker.on('exit', (code) => die(new Error(`the screening thread stopped (exit code ${code})`)));
    // an answer that cannot be read leaves its screening unanswered: a fresh thread is the way out
    worker.on('messageerror', () => void worker.terminate());
    return started;
  };

  const threadInUse = (): IndexThread => {
    if (closed) throw screeningUnavailable('the screening index is closed');
    thread ??= start();
    return thread;
  };
  const send = (command: IndexCommand) => threadInUse().worker.postMessage(command);

  /** Posts a screening to the thread; its answer comes after everything posted before it was handled. */
  const ask = (requests: readonly ScreeningRequest[]): Promise<ScreeningOutcome[]> => {
    const { worker, waiting } = threadInUse();
    const ticket = nextTicket++;
    const answered = new Promise<ScreeningOutcome[]>((resolve, reject) =>
      waiting.set(ticket, { resolve, reject }),
    );
    worker.postMessage({ kind: 'screen', ticket, requests } satisfies IndexCommand);
    return answered;
  };

  const put = (rows: readonly WatchlistEntryRow[]) => {
    if (closed) return;
    const entries: FiledEntry[] = [];
    for (const row of rows) {
      try {
        entries.push({
          identity: identityOfEntry(row),
          from: row.valid_from,
          until: row.valid_until,
          source: { agency: row.source_agency, entryId: row.source_entry_id },
        });
      } catch (error) {
        notScreenable(row.id, reasonOf(error));
      }
    }
    if (entries.length === 0) return;
    send({ kind: 'put', entries });
    holdsEntries = true;
  };
  const remove = (ids: readonly string[]) => {
    if (ids.length === 0 || closed) return;
    send({ kind: 'remove', ids });
  };

  const load = async (db: Db, today: string) => {
    refillFrom = db;
    // a thread not yet started is empty: an empty watchlist never starts one
    const threadBefore = thread;
    if (thread) send({ kind: 'clear' });
    holdsEntries = false;
    const generationBefore = generation;
    let after = '';
    for (;;) {
      if (closed) return;
      const rows = await store.listLiveEntries(db, today, after, LOAD_PAGE);
      put(rows);
      const last = rows[rows.length - 1];
      if (!last || rows.length < LOAD_PAGE) break;
      after = last.id;
    }
    // the thread files in order: once it answers an empty screening, every entry put before is filed (a
    // million entries take it tens of seconds), and the node starts answering with its whole watchlist
    if (holdsEntries) await ask([]);
    // the first put may start the thread; any other start means the one filled died on the way
    if (generation - generationBefore > (threadBefore ? 0 : 1) || (holdsEntries && !thread)) {
      lost = true;
      throw screeningUnavailable('the screening thread stopped while the watchlist was loaded');
    }
    lost = false;
  };

  const refill = (db: Db): Promise<void> => {
    const attempt: Promise<void> = load(db, dayOf(nowIso()))
      .catch((error: unknown) => {
        refillRefusedUntil = Date.now() + REFILL_RETRY_MS;
        throw error;
      })
      .finally(() => {
        if (refilling === attempt) refilling = undefined;
      });
    return attempt;
  };

  const screenAll = async (requests: readonly ScreeningRequest[]): Promise<ScreeningOutcome[]> => {
    if (requests.length === 0) return [];
    // posted at once when nothing is being refilled, so a put or remove made after this call reaches the
    // thread after this screening
    while (lost || refilling !== undefined) {
      if (refilling === undefined) {
        if (!refillFrom) throw screeningUnavailable('its entries cannot be read again');
        if (Date.now() < refillRefusedUntil)
          throw screeningUnavailable(
            'the watchlist could not be loaded again; retrying shortly',
            Math.ceil((refillRefusedUntil - Date.now()) / 1000),
          );
        refilling = refill(refillFrom);
      }
      await refilling;
    }
    return ask(requests);
  };

  return {
    put,
    remove,
    screenAll,
    async screen(identity, day) {
      const [outcome] = await screenAll([{ identity, day }]);
      if (!outcome) throw new Error('the screening thread answered without a match');
      if (isFailure(outcome)) throw new Error(`screening failed: ${outcome.failed}`);
      return outcome;
    },
    load,
    async sync(db) {
      const since = syncedFrom;
      syncedFrom = new Date(Date.now() - SYNC_OVERLAP_MS).toISOString();
      put(await store.entriesChangedSince(db, since));
      remove((await store.tombstonesSince(db, since)).map((row) => row.entry_id));
    },
    async close() {
      closed = true;
      const stopping = thread;
      thread = undefined;
      if (stopping) await stopping.worker.terminate();
    },
  };
}
