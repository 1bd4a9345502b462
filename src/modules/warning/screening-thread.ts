import { parentPort } from 'node:worker_threads';
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

/** The best entry in force on the crossing's day, and how well it matched. */
export interface IdentityMatch {
  readonly verdict: Verdict;
  readonly score: number;
  readonly entryId: string | null;
  readonly explanation: readonly FieldEvidence[];
}

/** An entry as the thread files it: its identity and the days it is in force (YYYY-MM-DD, both included). */
export interface FiledEntry {
  readonly identity: WatchlistIdentity;
  readonly from: string;
  readonly until: string;
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

/**
 * What the thread tells the node's thread: the answer to a `screen` command (a match per request, in order, or
 * why screening failed), or an entry it could not file (it is left out; the others are filed).
 */
export type ThreadMessage =
  | { readonly kind: 'matches'; readonly ticket: number; readonly matches: readonly IdentityMatch[] }
  | { readonly kind: 'failed'; readonly ticket: number; readonly error: string }
  | { readonly kind: 'refused'; readonly entryId: string; readonly error: string };

/** The thread's start-up data. */
export interface ScreeningThreadData {
  readonly thresholds: MatchThresholds;
}

const CLEAR: IdentityMatch = Object.freeze({ verdict: 'clear', score: 0, entryId: null, explanation: [] });

/** The best candidate among the entries in force (they are left out before candidates are chosen). */
function bestMatch(
  index: WatchlistIndex,
  request: ScreeningRequest,
  thresholds: MatchThresholds,
): IdentityMatch {
  const best = index.screen(request.identity, request.day).candidates[0];
  if (!best) return CLEAR;
  const verdict = verdictOf(best.score, thresholds);
  return {
    verdict,
    score: best.score,
    entryId: verdict === 'clear' ? null : best.entryId,
    explanation: best.explanation,
  };
}

/** Serves one index: the node's whole watchlist, or a retrospective round's new entries. */
function serve(port: NonNullable<typeof parentPort>, thresholds: MatchThresholds): void {
  let index = createWatchlistIndex([], { thresholds });
  port.on('message', (command: IndexCommand) => {
    switch (command.kind) {
      case 'put':
        for (const entry of command.entries) file(port, index, entry);
        return;
      case 'remove':
        for (const id of command.ids) index.remove(id);
        return;
      case 'clear':
        index = createWatchlistIndex([], { thresholds });
        return;
      case 'screen':
        port.postMessage(answer(index, command.ticket, command.requests, thresholds));
    }
  });
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

// An entry or a crossing the matcher cannot read fails on its own, not the thread and everything waiting in it.
function file(port: NonNullable<typeof parentPort>, index: WatchlistIndex, entry: FiledEntry): void {
  try {
    index.add(entry.identity, entry);
  } catch (error) {
    port.postMessage({
      kind: 'refused',
      entryId: entry.identity.id,
      error: describe(error),
    } satisfies ThreadMessage);
  }
}

function answer(
  index: WatchlistIndex,
  ticket: number,
  requests: readonly ScreeningRequest[],
  thresholds: MatchThresholds,
): ThreadMessage {
  try {
    return {
      kind: 'matches',
      ticket,
      matches: requests.map((request) => bestMatch(index, request, thresholds)),
    };
  } catch (error) {
    return { kind: 'failed', ticket, error: describe(error) };
  }
}

if (parentPort) serve(parentPort, threadData<ScreeningThreadData>().thresholds);
