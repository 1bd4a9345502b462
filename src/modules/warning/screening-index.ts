import type { Db } from '../../core/db/database.js';
import {
  type CrossingIdentity,
  createWatchlistIndex,
  DEFAULT_THRESHOLDS,
  type FieldEvidence,
  type MatchThresholds,
  type Sex,
  type Verdict,
  verdictOf,
  type WatchlistIdentity,
} from './matcher/index.js';
import * as store from './warning.store.js';
import type { WatchlistEntryRow } from './warning.tables.js';

/** The best entry in force on the crossing's day, and how well it matched. */
export interface IdentityMatch {
  readonly verdict: Verdict;
  readonly score: number;
  readonly entryId: string | null;
  readonly explanation: readonly FieldEvidence[];
}

/** What screening needs to know about an entry besides its identity. */
export interface EntryMeta {
  readonly from: string;
  readonly until: string;
  readonly sourceAgency: string;
  readonly sourceEntryId: string;
}

/** This process's in-memory copy of the watchlist, kept current with the table. */
export interface ScreeningIndex {
  readonly size: number;
  put(rows: readonly WatchlistEntryRow[]): void;
  remove(ids: readonly string[]): void;
  /** Screens an identity; `day` (YYYY-MM-DD) selects the entries in force. */
  screen(identity: CrossingIdentity, day: string): IdentityMatch;
  meta(entryId: string): EntryMeta | undefined;
  /** Loads every live entry from the table, replacing what was there. */
  load(db: Db, today: string): Promise<void>;
  /** Applies changes other processes made since the last sync. */
  sync(db: Db): Promise<void>;
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

/** Creates an empty index; `load` fills it. */
export function createScreeningIndex(thresholds: MatchThresholds = DEFAULT_THRESHOLDS): ScreeningIndex {
  const index = createWatchlistIndex([], { thresholds });
  const validity = new Map<string, EntryMeta>();
  let syncedFrom = new Date().toISOString();

  const put = (rows: readonly WatchlistEntryRow[]) => {
    for (const row of rows) {
      index.add(identityOfEntry(row), { from: row.valid_from, until: row.valid_until });
      validity.set(row.id, {
        from: row.valid_from,
        until: row.valid_until,
        sourceAgency: row.source_agency,
        sourceEntryId: row.source_entry_id,
      });
    }
  };
  const remove = (ids: readonly string[]) => {
    for (const id of ids) {
      index.remove(id);
      validity.delete(id);
    }
  };

  const screen = (identity: CrossingIdentity, day: string): IdentityMatch => {
    // entries not in force are left out before candidates are chosen, so they cannot crowd out one that is
    const inForce = index.screen(identity, day).candidates[0];
    if (!inForce) return { verdict: 'clear', score: 0, entryId: null, explanation: [] };
    const verdict = verdictOf(inForce.score, thresholds);
    return {
      verdict,
      score: inForce.score,
      entryId: verdict === 'clear' ? null : inForce.entryId,
      explanation: inForce.explanation,
    };
  };

  return {
    get size() {
      return index.size;
    },
    put,
    remove,
    screen,
    meta: (entryId) => validity.get(entryId),
    async load(db, today) {
      remove([...validity.keys()]);
      syncedFrom = new Date(Date.now() - SYNC_OVERLAP_MS).toISOString();
      let after = '';
      for (;;) {
        const rows = await store.listLiveEntries(db, today, after, LOAD_PAGE);
        put(rows);
        const last = rows[rows.length - 1];
        if (!last || rows.length < LOAD_PAGE) return;
        after = last.id;
      }
    },
    async sync(db) {
      const since = syncedFrom;
      syncedFrom = new Date(Date.now() - SYNC_OVERLAP_MS).toISOString();
      put(await store.entriesChangedSince(db, since));
      remove((await store.tombstonesSince(db, since)).map((row) => row.entry_id));
    },
  };
}
