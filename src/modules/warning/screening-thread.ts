import { parentPort } from 'node:worker_threads';
import { reasonOf } from '../../core/errors.js';
import { threadData } from '../../core/threads.js';
import {
  type CrossingIdentity,
  createWatchlistIndex,
  type FieldEvidence,
  type MatchThresholds,
  type Verdict,
  verdictOf,
  type WatchlistIdentity,
  type WatchlistIndex,
} from './matcher/index.js';

/** The agency that shared an entry, and the entry's id there (our own for our own entries). */
export interface EntrySource {
  readonly agency: string;
  readonly entryId: string;
}

/** The best entry in force on the crossing's day, how well it matched, and where the entry came from. */
export interface IdentityMatch {
  readonly verdict: Verdict;
  readonly score: number;
  readonly entryId: string | null;
  readonly source: EntrySource | null;
  readonly explanation: readonly FieldEvidence[];
}

/**
 * An entry as the thread files it: its identity, the days it is in force (YYYY-MM-DD, both included) and its
 * source, kept here beside the index so the node's thread holds nothing per entry.
 */
export interface FiledEntry {
  readonly identity: WatchlistIdentity;
  readonly from: string;
  readonly until: string;
  readonly source: EntrySource;
}

/** A crossing to screen against the entries in force on `day`. */
export interface ScreeningRequest {
  readonly identity: CrossingIdentity;
  readonly day: string;
}

/** What the node's thread asks of the screening thread; messages are handled in the order they were sent. */
export type IndexCommand =
  | { readonly kind: 'put'; readonly entries: readonly FiledEntry[] }
  | { readonly kind: 'remove'; readonly ids: readonly string[] }
  | { readonly kind: 'clear' }
  | { readonly kind: 'screen'; readonly ticket: number; readonly requests: readonly ScreeningRequest[] };

/** Why the matcher could not screen one request (the others of its command are answered). */
export interface ScreeningFailure {
  readonly failed: string;
}

/** A request's answer: its match, or why it could not be screened. */
export type ScreeningOutcome = IdentityMatch | ScreeningFailure;

export const isFailure = (outcome: ScreeningOutcome): outcome is ScreeningFailure => 'failed' in outcome;

/**
 * What the thread tells the node's thread: the answer to a `screen` command (an outcome per request, in order),
 * or an entry it could not file (it is left out; the others are filed).
 */
export type ThreadMessage =
  | { readonly kind: 'outcomes'; readonly ticket: number; readonly outcomes: readonly ScreeningOutcome[] }
  | { readonly kind: 'refused'; readonly entryId: string; readonly error: string };

/** The thread's start-up data. */
export interface ScreeningThreadData {
  readonly thresholds: MatchThresholds;
}

const CLEAR: IdentityMatch = Object.freeze({
  verdict: 'clear',
  score: 0,
  entryId: null,
  source: null,
  explanation: [],
});

/** The index and the source of each entry in it. */
interface Filed {
  readonly index: WatchlistIndex;
  readonly sources: Map<string, EntrySource>;
}

/** The best candidate among the entries in force (they are left out before candidates are chosen). */
function bestMatch(filed: Filed, request: ScreeningRequest, thresholds: MatchThresholds): IdentityMatch {
  const best = filed.index.screen(request.identity, request.day).candidates[0];
  if (!best) return CLEAR;
  const verdict = verdictOf(best.score, thresholds);
  const entryId = verdict === 'clear' ? null : best.entryId;
  return {
    verdict,
    score: best.score,
    entryId,
    source: entryId === null ? null : (filed.sources.get(entryId) ?? null),
    explanation: best.explanation,
  };
}

/** Serves one index: the node's whole watchlist, or a retrospective round's new entries. */
function serve(port: NonNullable<typeof parentPort>, thresholds: MatchThresholds): void {
  const empty = (): Filed => ({ index: createWatchlistIndex([], { thresholds }), sources: new Map() });
  let filed = empty();
  port.on('message', (command: IndexCommand) => {
    switch (command.kind) {
      case 'put':
        for (const entry of command.entries) file(port, filed, entry);
        return;
      case 'remove':
        for (const id of command.ids) {
          filed.index.remove(id);
          filed.sources.delete(id);
        }
        return;
      case 'clear':
        filed = empty();
        return;
      case 'screen':
        port.postMessage(answer(filed, command.ticket, command.requests, thresholds));
    }
  });
}

// An entry or a crossing the matcher cannot read fails on its own, not the thread and everything waiting in it.
function file(port: NonNullable<typeof parentPort>, filed: Filed, entry: FiledEntry): void {
  try {
    filed.index.add(entry.identity, entry);
    filed.sources.set(entry.identity.id, entry.source);
  } catch (error) {
    filed.sources.delete(entry.identity.id);
    port.postMessage({
      kind: 'refused',
      entryId: entry.identity.id,
      error: reasonOf(error),
    } satisfies ThreadMessage);
  }
}

// Each crossing of a command is screened on its own: one the matcher cannot read must not fail the others, a
// retrospective page of thousands, every round again.
function answer(
  filed: Filed,
  ticket: number,
  requests: readonly ScreeningRequest[],
  thresholds: MatchThresholds,
): ThreadMessage {
  const outcomes = requests.map((request): ScreeningOutcome => {
    try {
      return bestMatch(filed, request, thresholds);
    } catch (error) {
      return { failed: reasonOf(error) };
    }
  });
  return { kind: 'outcomes', ticket, outcomes };
}

if (parentPort) serve(parentPort, threadData<ScreeningThreadData>().thresholds);
