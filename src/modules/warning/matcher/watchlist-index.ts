import type { NameToken, NormalisedName } from './normalise.js';
import {
  DEFAULT_THRESHOLDS,
  type PreparedIdentity,
  prepareIdentity,
  scorePrepared,
  verdictOf,
} from './score.js';
import type {
  CrossingIdentity,
  FieldEvidence,
  MatchThresholds,
  Verdict,
  WatchlistIdentity,
} from './types.js';

/** A watchlist entry the crossing was compared with in full. */
export interface ScreeningCandidate {
  readonly entryId: string;
  readonly score: number;
  readonly explanation: readonly FieldEvidence[];
}

/** The verdict for one crossing, its best candidate and every candidate scored (best first). */
export interface ScreeningResult {
  readonly verdict: Verdict;
  readonly best?: ScreeningCandidate;
  readonly candidates: readonly ScreeningCandidate[];
}

/** Tuning of an index; the defaults suit watchlists up to a few million entries. */
export interface WatchlistIndexOptions {
  readonly thresholds?: MatchThresholds;
  /** How many of the best-voted candidates are scored in full. */
  readonly maxCandidates?: number;
  /** Posting lists longer than this are too unselective to be worth reading (for the weak key kinds). */
  readonly maxPosting?: number;
}

/** An in-memory watchlist that screens a crossing in time independent of the watchlist's size. */
export interface WatchlistIndex {
  readonly size: number;
  /** Adds an entry, replacing any entry with the same id. */
  add(entry: WatchlistIdentity): void;
  /** Removes an entry; false when there was none with that id. */
  remove(id: string): boolean;
  screen(crossing: CrossingIdentity): ScreeningResult;
}

/** Kinds of blocking key, each with the vote a shared key gives a candidate. */
const KEY = {
  name: { tag: 'n', vote: 3 },
  nameEdit: { tag: 'n', vote: 2 },
  consonants: { tag: 'c', vote: 1 },
  pair: { tag: 'p', vote: 4 },
  pairYear: { tag: 'q', vote: 6 },
  yearInitial: { tag: 'y', vote: 1 },
  document: { tag: 'd', vote: 8 },
  documentEdit: { tag: 'e', vote: 4 },
} as const;

type KeyKind = keyof typeof KEY;
/** Always read, however long: these keys are selective by construction. */
const STRONG_KEYS = new Set<KeyKind>(['pairYear', 'document', 'documentEdit']);

/** FNV-1a: keys are hashed to 32-bit numbers because number-keyed maps are far smaller than string-keyed ones. */
const hashKey = (tag: string, value: string): number => {
  let hash = 0x811c9dc5;
  const text = `${tag}:${value}`;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
};

const MAX_SKELETON = 10;
const MIN_VOTE_SHARE = 0.3;
const MAX_KEY_TOKENS = 4;

const isDistinctive = (token: NameToken): boolean => token.weight >= 0.6 && token.skeleton.length >= 2;

const joinedSyllables = (name: NormalisedName): string[] => {
  const joined: string[] = [];
  for (let i = 0; i + 1 < name.tokens.length; i++) {
    joined.push((name.tokens[i]?.skeleton ?? '') + (name.tokens[i + 1]?.skeleton ?? ''));
  }
  return joined;
};

const deletions = (text: string): string[] => {
  const out: string[] = [];
  for (let i = 0; i < text.length; i++) out.push(text.slice(0, i) + text.slice(i + 1));
  return out;
};

interface KeyRequest {
  readonly kind: KeyKind;
  readonly hash: number;
}

const nameKeys = (
  identity: PreparedIdentity,
  forQuery: boolean,
  push: (kind: KeyKind, value: string) => void,
): void => {
  for (const name of identity.names) {
    const skeletons = name.tokens.filter(isDistinctive).map((token) => token.skeleton.slice(0, MAX_SKELETON));
    if (name.syllabic || forQuery)
      skeletons.push(...joinedSyllables(name).map((s) => s.slice(0, MAX_SKELETON)));
    for (const skeleton of skeletons) {
      push('name', skeleton);
      if (forQuery && skeleton.length >= 4)
        for (const variant of deletions(skeleton)) push('nameEdit', variant);
    }
    for (const token of name.tokens)
      if (isDistinctive(token) && token.consonants.length >= 2) push('consonants', token.consonants);
    const heads = name.tokens.filter(isDistinctive).slice(0, MAX_KEY_TOKENS);
    for (let i = 0; i < heads.length; i++) {
      for (let j = i + 1; j < heads.length; j++) {
        const a = heads[i]?.skeleton ?? '';
        const b = heads[j]?.skeleton ?? '';
        const pair = a < b ? `${a}|${b}` : `${b}|${a}`;
        push('pair', pair);
        if (identity.birth) push('pairYear', `${pair}|${identity.birth.year}`);
      }
      const initial = heads[i]?.skeleton[0];
      if (identity.birth && initial) push('yearInitial', `${identity.birth.year}${initial}`);
    }
  }
};

const documentKeys = (
  identity: PreparedIdentity,
  forQuery: boolean,
  push: (kind: KeyKind, value: string) => void,
) => {
  const folded = identity.document?.folded;
  if (!folded) return;
  push('document', folded);
  if (folded.length < 6) return;
  for (const variant of deletions(folded)) {
    push('documentEdit', variant);
    // a character the query lacks: its full number equals a deletion variant of the entry's
    if (forQuery) push('document', variant);
  }
  if (forQuery) push('documentEdit', folded);
};

/** Blocking keys of an identity; an entry stores fewer variants than a query looks up. */
const blockingKeys = (identity: PreparedIdentity, forQuery: boolean): KeyRequest[] => {
  const seen = new Set<number>();
  const keys: KeyRequest[] = [];
  const push = (kind: KeyKind, value: string) => {
    const hash = hashKey(KEY[kind].tag, value);
    if (seen.has(hash)) return;
    seen.add(hash);
    keys.push({ kind, hash });
  };
  nameKeys(identity, forQuery, push);
  documentKeys(identity, forQuery, push);
  return keys;
};

/** A posting list is a bare slot number while it has one member, which most keys never outgrow. */
type Posting = number | number[];

const byScore = (a: ScreeningCandidate, b: ScreeningCandidate) => b.score - a.score;

/** Builds an index over watchlist entries; add and remove keep it current without a rebuild. */
export const createWatchlistIndex = (
  entries: Iterable<WatchlistIdentity> = [],
  options: WatchlistIndexOptions = {},
): WatchlistIndex => {
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const maxCandidates = options.maxCandidates ?? 16;
  const maxPosting = options.maxPosting ?? 5000;
  const slots: (PreparedIdentity | undefined)[] = [];
  const slotOfId = new Map<string, number>();
  const postings = new Map<number, Posting>();

  const addPosting = (hash: number, slot: number) => {
    const current = postings.get(hash);
    if (current === undefined) postings.set(hash, slot);
    else if (typeof current === 'number') postings.set(hash, [current, slot]);
    else current.push(slot);
  };

  const remove = (id: string): boolean => {
    const slot = slotOfId.get(id);
    if (slot === undefined) return false;
    // postings keep the stale slot: screening skips empty slots, which is cheaper than rewriting lists
    slots[slot] = undefined;
    slotOfId.delete(id);
    return true;
  };

  const add = (entry: WatchlistIdentity) => {
    remove(entry.id);
    const prepared = prepareIdentity(entry);
    const slot = slots.length;
    slots.push(prepared);
    slotOfId.set(entry.id, slot);
    for (const key of blockingKeys(prepared, false)) addPosting(key.hash, slot);
  };

  const collectVotes = (query: PreparedIdentity): Map<number, number> => {
    const votes = new Map<number, number>();
    for (const key of blockingKeys(query, true)) {
      const posting = postings.get(key.hash);
      if (posting === undefined) continue;
      const vote = KEY[key.kind].vote;
      if (typeof posting === 'number') {
        votes.set(posting, (votes.get(posting) ?? 0) + vote);
        continue;
      }
      if (posting.length > maxPosting && !STRONG_KEYS.has(key.kind)) continue;
      for (const slot of posting) votes.set(slot, (votes.get(slot) ?? 0) + vote);
    }
    return votes;
  };

  const topSlots = (votes: Map<number, number>): number[] => {
    const live = [...votes].filter(([slot]) => slots[slot] !== undefined);
    live.sort((a, b) => b[1] - a[1]);
    // a candidate sharing far fewer keys than the best one cannot outscore it on names
    const floor = (live[0]?.[1] ?? 0) * MIN_VOTE_SHARE;
    return live
      .filter(([, vote]) => vote >= floor)
      .slice(0, maxCandidates)
      .map(([slot]) => slot);
  };

  const screen = (crossing: CrossingIdentity): ScreeningResult => {
    const query = prepareIdentity(crossing);
    const candidates: ScreeningCandidate[] = [];
    for (const slot of topSlots(collectVotes(query))) {
      const entry = slots[slot];
      if (!entry) continue;
      const { score, explanation } = scorePrepared(query, entry);
      candidates.push({ entryId: entry.id, score, explanation });
    }
    candidates.sort(byScore);
    const best = candidates[0];
    if (!best) return { verdict: 'clear', candidates };
    return { verdict: verdictOf(best.score, thresholds), best, candidates };
  };

  for (const entry of entries) add(entry);
  return {
    get size() {
      return slotOfId.size;
    },
    add,
    remove,
    screen,
  };
};

/** Screens by scoring every entry: the reference the index must agree with, and the benchmark baseline. */
export const screenBruteForce = (
  entries: readonly WatchlistIdentity[],
  crossing: CrossingIdentity,
  thresholds: MatchThresholds = DEFAULT_THRESHOLDS,
): ScreeningResult => {
  const query = prepareIdentity(crossing);
  const candidates = entries
    .map((entry) => {
      const { score, explanation } = scorePrepared(query, prepareIdentity(entry));
      return { entryId: entry.id, score, explanation };
    })
    .filter((candidate) => candidate.score > 0)
    .sort(byScore);
  const best = candidates[0];
  if (!best) return { verdict: 'clear', candidates };
  return { verdict: verdictOf(best.score, thresholds), best, candidates };
};
