import { KeyBuffer, KIND_STRONG, KIND_VOTES } from './blocking-keys.js';
import { prepareCrossing } from './crossing-names.js';
import { PostingTable } from './posting-table.js';
import {
  type BirthDate,
  DEFAULT_THRESHOLDS,
  type PreparedIdentity,
  prepareIdentity,
  scorePrepared,
  verdictOf,
} from './score.js';
import { scoreCeiling, withoutNames } from './score-ceiling.js';
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
  /** How many postings of weak keys one screening reads at most (rarest keys first), bounding its cost. */
  readonly readBudget?: number;
}

/** An in-memory watchlist that screens a crossing in time independent of the watchlist's size. */
export interface WatchlistIndex {
  readonly size: number;
  /** Adds an entry, replacing any entry with the same id. */
  add(entry: WatchlistIdentity): void;
  /** Removes an entry; false when there was none with that id. */
  remove(id: string): boolean;
  /**
   * Screens a crossing; `eligible`, when given, leaves out entries it refuses (not in force that day) before
   * candidates are chosen, so they neither take a candidate's place nor hide a weaker eligible match.
   */
  screen(crossing: CrossingIdentity, eligible?: (entryId: string) => boolean): ScreeningResult;
}

const MIN_VOTE_SHARE = 0.5;
/** At most this many candidates get the cheap name estimate (those with the most votes). */
const PRESCORE_LIMIT = 128;
/** The cheap name estimate is worth up to this many votes: less than one shared name key. */
const PRESCORE_VOTES = 2.5;
/** Once this many slots are dead and they outnumber the live ones, the postings are rebuilt without them. */
const COMPACT_AFTER = 4096;
/** Keys of one crossing beyond this many are not looked up (a crossing has a few hundred at most). */
const KEY_SPAN = 4096;

const popcount = (bits: number): number => {
  let x = bits - ((bits >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
};

/** The letter sets (see NameToken.letters) of an identity's name parts, each once. */
const partLetters = (identity: PreparedIdentity): Int32Array => {
  const sets = new Set<number>();
  for (const name of identity.names) for (const token of name.tokens) sets.add(token.letters);
  return Int32Array.from(sets);
};

/**
 * Cheap agreement of two identities' names (0..1): how closely each query part's letters meet an entry part's.
 * The entry's letter sets are `count` values of `pool` from `start`.
 */
const letterAgreement = (query: Int32Array, pool: Int32Array, start: number, count: number): number => {
  if (query.length === 0) return 0;
  let agreed = 0;
  for (let i = 0; i < query.length; i++) {
    const q = query[i] as number;
    let closest = 0;
    for (let k = start; k < start + count; k++) {
      const e = pool[k] as number;
      const union = popcount(q | e);
      if (union > 0) closest = Math.max(closest, popcount(q & e) / union);
    }
    agreed += closest;
  }
  return agreed / query.length;
};

/** A birth date in one number (0 when unknown): year, month and day in bit fields, unknown parts 0. */
const packBirth = (birth: BirthDate | undefined): number =>
  birth ? (birth.year << 9) | ((birth.month ?? 0) << 5) | (birth.day ?? 0) : 0;

/** Cheap agreement of packed birth dates in votes: namesakes of a common name are told apart by when they were born. */
const birthAgreement = (query: number, entry: number): number => {
  if (query === 0 || entry === 0 || query >>> 9 !== entry >>> 9) return 0;
  return query === entry ? 2 : 1;
};

const byScore = (a: ScreeningCandidate, b: ScreeningCandidate) => b.score - a.score;

/** Grows a typed array to at least `size` elements, keeping its contents. */
const grown = <T extends Int32Array | Uint32Array | Uint8Array | Float64Array>(
  array: T,
  size: number,
  make: (n: number) => T,
) => {
  if (size <= array.length) return array;
  const next = make(Math.max(size, array.length * 2));
  next.set(array);
  return next;
};

/**
 * Builds an index over watchlist entries; add and remove keep it current without a rebuild.
 *
 * A crossing's blocking keys (name parts, their sounds and one-typo variants, pairs of parts with the birth
 * year, document number variants) vote for the entries filed under them, rarest keys first within a read
 * budget. The best-voted entries are ranked by a cheap estimate of name and birth agreement; the best few are
 * scored in full, skipping any whose score could not beat the best found so far whatever its names.
 */
export const createWatchlistIndex = (
  entries: Iterable<WatchlistIdentity> = [],
  options: WatchlistIndexOptions = {},
): WatchlistIndex => {
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const maxCandidates = options.maxCandidates ?? 8;
  const maxPosting = options.maxPosting ?? 1000;
  const readBudget = options.readBudget ?? 2000;
  const keys = new KeyBuffer();
  let slots: (PreparedIdentity | undefined)[] = [];
  const slotOfId = new Map<string, number>();
  let postings = new PostingTable();
  let dead = 0;

  // per slot: its part letter sets (packed in one pool) and birth date, read for the candidates of a common name
  let letterPool = new Int32Array(4096);
  let letterEnd = 0;
  let letterStart = new Int32Array(1024);
  let letterCount = new Uint8Array(1024);
  let births = new Int32Array(1024);
  // 1 for a slot holding a live entry: read for every voted slot, so kept apart from the entries themselves
  let alive = new Uint8Array(1024);
  // votes live in a slot-indexed array stamped with the screening's epoch, so nothing is cleared or allocated;
  // stamp (high 16 bits) and vote (low 16) share one 32-bit cell: a random slot of a large watchlist is one
  // memory access, and the array is small enough to stay in cache
  let tally = new Uint32Array(1024);
  let ranks = new Float64Array(1024);
  let epoch = 0;
  let touched = new Int32Array(1024);
  // the final votes of the touched slots, gathered once so the passes that follow read them in order
  let touchedVotes = new Int32Array(1024);
  let touchedCount = 0;

  const ensureCapacity = (size: number) => {
    if (size <= births.length) return;
    const next = Math.max(size, births.length * 2);
    letterStart = grown(letterStart, next, (n) => new Int32Array(n));
    letterCount = grown(letterCount, next, (n) => new Uint8Array(n));
    births = grown(births, next, (n) => new Int32Array(n));
    alive = grown(alive, next, (n) => new Uint8Array(n));
    tally = grown(tally, next, (n) => new Uint32Array(n));
    ranks = new Float64Array(next);
  };

  const storeLetters = (slot: number, letters: Int32Array) => {
    const count = Math.min(letters.length, 255);
    letterPool = grown(letterPool, letterEnd + count, (n) => new Int32Array(n));
    letterPool.set(letters.subarray(0, count), letterEnd);
    letterStart[slot] = letterEnd;
    letterCount[slot] = count;
    letterEnd += count;
  };

  const file = (prepared: PreparedIdentity) => {
    const slot = slots.length;
    slots.push(prepared);
    ensureCapacity(slots.length);
    storeLetters(slot, partLetters(prepared));
    births[slot] = packBirth(prepared.birth);
    alive[slot] = 1;
    slotOfId.set(prepared.id, slot);
    keys.fill(prepared, false);
    for (let i = 0; i < keys.count; i++) postings.add(keys.hashes[i] as number, slot);
  };

  /** Files the live entries afresh: postings of removed entries would otherwise be read for ever. */
  const compact = () => {
    const live = slots.filter((entry): entry is PreparedIdentity => entry !== undefined);
    slots = [];
    slotOfId.clear();
    postings = new PostingTable(postings.size);
    letterEnd = 0;
    dead = 0;
    for (const prepared of live) file(prepared);
  };

  const remove = (id: string): boolean => {
    const slot = slotOfId.get(id);
    if (slot === undefined) return false;
    // postings keep the stale slot until the next compaction: screening skips empty slots
    slots[slot] = undefined;
    alive[slot] = 0;
    slotOfId.delete(id);
    dead++;
    if (dead >= COMPACT_AFTER && dead > slotOfId.size) compact();
    return true;
  };

  const add = (entry: WatchlistIdentity) => {
    remove(entry.id);
    file(prepareIdentity(entry));
  };

  const castVote = (slot: number, vote: number) => {
    const cell = tally[slot] as number;
    if (cell >>> 16 === epoch) {
      if ((cell & 0xffff) + vote <= 0xffff) tally[slot] = cell + vote;
      return;
    }
    tally[slot] = epoch * 0x10000 + vote;
    if (touchedCount === touched.length) touched = grown(touched, touchedCount + 1, (n) => new Int32Array(n));
    touched[touchedCount++] = slot;
  };

  // the keys a crossing found, as postings × KEY_SPAN + key number, so one numeric sort puts the rarest first
  let order = new Float64Array(256);
  let where = new Int32Array(256);

  /** Reads the query's posting lists, rarest first, within a budget; strong keys are always read. */
  const collectVotes = (query: PreparedIdentity) => {
    epoch++;
    if (epoch > 0xffff) {
      tally.fill(0);
      epoch = 1;
    }
    touchedCount = 0;
    keys.fill(query, true);
    const count = Math.min(keys.count, KEY_SPAN);
    order = grown(order, count, (n) => new Float64Array(n));
    where = grown(where, count, (n) => new Int32Array(n));
    let found = 0;
    for (let k = 0; k < count; k++) {
      const length = postings.lookup(keys.hashes[k] as number);
      if (length === 0) continue;
      order[found++] = length * KEY_SPAN + k;
      where[k] = postings.found;
    }
    const sorted = order.subarray(0, found).sort();
    let read = 0;
    for (let i = 0; i < found; i++) {
      const packed = sorted[i] as number;
      const k = packed % KEY_SPAN;
      const length = (packed - k) / KEY_SPAN;
      const kind = keys.kinds[k] as number;
      if (KIND_STRONG[kind] === 0 && (length > maxPosting || read + length > readBudget)) continue;
      read += length;
      const vote = KIND_VOTES[kind] as number;
      const at = where[k] as number;
      if (length === 1) {
        castVote(at, vote);
        continue;
      }
      const pool = postings.pool;
      for (let p = at; p < at + length; p++) castVote(pool[p] as number, vote);
    }
    touchedVotes = grown(touchedVotes, touchedCount, (n) => new Int32Array(n));
    for (let i = 0; i < touchedCount; i++) touchedVotes[i] = (tally[touched[i] as number] as number) & 0xffff;
  };

  const isCandidate = (slot: number, eligible: ((entryId: string) => boolean) | undefined): boolean =>
    alive[slot] === 1 && (eligible === undefined || eligible((slots[slot] as PreparedIdentity).id));

  /**
   * The best candidates (at most maxCandidates), best first: by votes, and when more pass the vote floor than
   * can be scored (a common name), by a cheap estimate of name and birth agreement as well.
   */
  const topSlots = (
    query: PreparedIdentity,
    eligible: ((entryId: string) => boolean) | undefined,
  ): number[] => {
    let bestVote = 0;
    for (let i = 0; i < touchedCount; i++) {
      const vote = touchedVotes[i] as number;
      if (vote > bestVote && isCandidate(touched[i] as number, eligible)) bestVote = vote;
    }
    // a candidate sharing far fewer keys than the best one cannot outscore it on names
    const floor = Math.max(1, bestVote * MIN_VOTE_SHARE);
    const passing = strongestSlots(floor, bestVote, eligible);
    const voteOf = (slot: number) => (tally[slot] as number) & 0xffff;
    const byVote = (a: number, b: number) => voteOf(b) - voteOf(a);
    if (passing.length <= maxCandidates) return passing.sort(byVote);
    const queryLetters = partLetters(query);
    const queryBirth = packBirth(query.birth);
    for (const slot of passing) {
      const letters = letterAgreement(
        queryLetters,
        letterPool,
        letterStart[slot] as number,
        letterCount[slot] as number,
      );
      ranks[slot] =
        voteOf(slot) + PRESCORE_VOTES * letters + birthAgreement(queryBirth, births[slot] as number);
    }
    return highestRanked(passing);
  };

  /** The maxCandidates slots of highest rank, as a stable sort would order them, without sorting them all. */
  const highestRanked = (passing: readonly number[]): number[] => {
    const best: number[] = [];
    for (const slot of passing) {
      const rank = ranks[slot] as number;
      if (best.length === maxCandidates && rank <= (ranks[best[best.length - 1] as number] as number))
        continue;
      let at = best.length;
      while (at > 0 && (ranks[best[at - 1] as number] as number) < rank) at--;
      best.splice(at, 0, slot);
      if (best.length > maxCandidates) best.pop();
    }
    return best;
  };

  /** Candidates voted at least `floor`, the highest votes first kept when more than PRESCORE_LIMIT pass. */
  const strongestSlots = (
    floor: number,
    bestVote: number,
    eligible: ((entryId: string) => boolean) | undefined,
  ): number[] => {
    const counts = new Int32Array(bestVote + 1);
    let passingCount = 0;
    for (let i = 0; i < touchedCount; i++) {
      const slot = touched[i] as number;
      const vote = touchedVotes[i] as number;
      if (vote >= floor && isCandidate(slot, eligible)) {
        counts[vote] = (counts[vote] as number) + 1;
        passingCount++;
      }
    }
    // counting from the top vote down gives the lowest vote still kept without sorting every candidate
    let cut = floor;
    if (passingCount > PRESCORE_LIMIT) {
      let kept = 0;
      for (cut = bestVote; cut > floor && kept + (counts[cut] as number) < PRESCORE_LIMIT; cut--) {
        kept += counts[cut] as number;
      }
    }
    const passing: number[] = [];
    const atCut: number[] = [];
    for (let i = 0; i < touchedCount; i++) {
      const slot = touched[i] as number;
      const vote = touchedVotes[i] as number;
      if (vote < cut || !isCandidate(slot, eligible)) continue;
      if (vote > cut) passing.push(slot);
      else if (atCut.length < PRESCORE_LIMIT) atCut.push(slot);
    }
    for (const slot of atCut) {
      if (passing.length >= PRESCORE_LIMIT) break;
      passing.push(slot);
    }
    return passing;
  };

  const screen = (crossing: CrossingIdentity, eligible?: (entryId: string) => boolean): ScreeningResult => {
    const query = prepareCrossing(crossing);
    collectVotes(query);
    const chosen = topSlots(query, eligible);
    const bare = withoutNames(query);
    const candidates: ScreeningCandidate[] = [];
    let bestScore = -1;
    for (const slot of chosen) {
      const entry = slots[slot] as PreparedIdentity;
      // names add at most 1 to the other fields' evidence: an entry that cannot beat the best is not scored
      if (bestScore >= 0 && scoreCeiling(bare, entry) <= bestScore) continue;
      const { score, explanation } = scorePrepared(query, entry);
      candidates.push({ entryId: entry.id, score, explanation });
      if (score > bestScore) bestScore = score;
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
