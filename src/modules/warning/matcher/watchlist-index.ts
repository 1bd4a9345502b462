import { KeyBuffer, KIND_STRONG, KIND_VOTES } from './blocking-keys.js';
import { prepareCrossing } from './crossing-names.js';
import { PostingTable } from './posting-table.js';
import {
  type BirthDate,
  DEFAULT_THRESHOLDS,
  otherEvidence,
  type PreparedIdentity,
  prepareIdentity,
  scorePrepared,
  scoreWithOthers,
  verdictOf,
} from './score.js';
import { mayExceed, mayReach, scoreCeiling } from './score-ceiling.js';
import { prepareComparison } from './similarity.js';
import type {
  CrossingIdentity,
  FieldEvidence,
  MatchThresholds,
  Verdict,
  WatchlistIdentity,
} from './types.js';
import { VoteTally } from './vote-tally.js';

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

/** The days (YYYY-MM-DD, both included) an entry is in force. */
export interface InForce {
  readonly from: string;
  readonly until: string;
}

/** An in-memory watchlist that screens a crossing in time independent of the watchlist's size. */
export interface WatchlistIndex {
  readonly size: number;
  /** Adds an entry, replacing any entry with the same id; without `inForce` it is in force every day. */
  add(entry: WatchlistIdentity, inForce?: InForce): void;
  /** Removes an entry; false when there was none with that id. */
  remove(id: string): boolean;
  /**
   * Screens a crossing; `day`, when given, leaves out entries not in force that day before candidates are
   * chosen, so they neither take a candidate's place nor hide a weaker match that is in force.
   */
  screen(crossing: CrossingIdentity, day?: string): ScreeningResult;
}

const MIN_VOTE_SHARE = 0.5;
/** At most this many candidates get the cheap name estimate (those with the most votes). */
const PRESCORE_LIMIT = 128;
/** The cheap name estimate is worth up to this many votes: less than one shared name key. */
const PRESCORE_VOTES = 2.5;
/** Once this many slots are dead and they outnumber the live ones, the postings are rebuilt without them. */
const COMPACT_AFTER = 4096;
/**
 * Fields of a slot's record: where its letter sets start in the pool, how many there are, its packed birth date,
 * then the letter sets themselves when few (see INLINE_AT).
 */
const SLOT_FIELDS = 8;
const LETTER_START = 0;
const LETTER_COUNT = 1;
const BIRTH = 2;
/**
 * A slot's letter sets, when it has no more than INLINE_LETTERS, lie in its record from INLINE_AT (the pool is
 * not read): prescoring the candidates of a common name then reads one record of 32 bytes per candidate.
 */
const INLINE_AT = 3;
const INLINE_LETTERS = SLOT_FIELDS - INLINE_AT;
/** Words of the set of slots met (see addToMet): 16 Kbit, few false positives for the slots a crossing meets. */
const MET_WORDS = 512;
const MET_MASK = MET_WORDS - 1;
/** Keys of one crossing beyond this many are not looked up (a crossing has a few hundred at most). */
const KEY_SPAN = 4096;

/** Day numbers of an entry in force every day, and of a screening for no particular day. */
const ALWAYS_FROM = 0;
const ALWAYS_UNTIL = 0x7fffffff;
const ANY_DAY = -1;

/**
 * A YYYY-MM-DD day as a number that orders as the text does (YYYYMMDD); `unreadable` for any other text, so a
 * malformed bound does not bound (an entry is better screened a day too long than missed).
 */
const dayNumber = (day: string, unreadable: number): number => {
  if (day.length !== 10 || day.charCodeAt(4) !== 45 || day.charCodeAt(7) !== 45) return unreadable;
  const value = Number(day.slice(0, 4)) * 10_000 + Number(day.slice(5, 7)) * 100 + Number(day.slice(8, 10));
  return Number.isInteger(value) && value >= 0 ? value : unreadable;
};

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

/** A chosen candidate with the evidence of its fields but the name, which bounds its score (see scoreCeiling). */
interface BoundedCandidate {
  /** Its place in the order candidates were chosen (best first), which settles ties of score. */
  readonly rank: number;
  readonly entry: PreparedIdentity;
  readonly others: readonly FieldEvidence[];
  readonly ceiling: number;
}

interface RankedCandidate extends ScreeningCandidate {
  readonly rank: number;
}

const byScoreThenRank = (a: RankedCandidate, b: RankedCandidate) => b.score - a.score || a.rank - b.rank;
const byCeilingThenRank = (a: BoundedCandidate, b: BoundedCandidate) =>
  b.ceiling - a.ceiling || a.rank - b.rank;

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
 * scored in full, those whose other fields agree best first, skipping any whose score could not beat the best
 * found so far whatever its names.
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

  // per slot: its part letter sets (in its record, or when many packed in one pool) and birth date, read for the
  // candidates of a common name; a slot's fields lie side by side (see SLOT_FIELDS) so that reading them costs
  // one memory access
  let letterPool = new Int32Array(4096);
  let letterEnd = 0;
  let slotFields = new Int32Array(1024 * SLOT_FIELDS);
  // a bit per slot, set for a slot holding a live entry: read for every voted slot, so kept apart from the
  // entries themselves, and as bits small enough to stay in cache
  let alive = new Int32Array(1024 / 32);
  // per slot, the first and last day in force as numbers (see dayNumber): checked for every voted slot when
  // screening for a day, where a lookup by entry id cost more than scoring the candidates
  let inForceDays = new Int32Array(1024 * 2);
  // the votes of one screening and the slots it touched (met), in the order first met
  const tally = new VoteTally();
  // the candidates passing the vote floor (see strongestSlots), their votes and prescores, by their place among them
  const passingSlots = new Int32Array(PRESCORE_LIMIT);
  const passingVotes = new Int32Array(PRESCORE_LIMIT);
  const ranks = new Float64Array(PRESCORE_LIMIT);
  // how many touched slots have each vote, for strongestSlots
  let voteCounts = new Int32Array(64);
  // the final votes of the touched slots, gathered once so the passes that follow read them in order
  let touchedVotes = new Int32Array(1024);

  const ensureCapacity = (size: number) => {
    if (size <= alive.length * 32) return;
    const next = Math.max(size, alive.length * 64);
    slotFields = grown(slotFields, next * SLOT_FIELDS, (n) => new Int32Array(n));
    alive = grown(alive, Math.ceil(next / 32), (n) => new Int32Array(n));
    inForceDays = grown(inForceDays, next * 2, (n) => new Int32Array(n));
  };

  const storeLetters = (slot: number, letters: Int32Array) => {
    const count = Math.min(letters.length, 255);
    slotFields[slot * SLOT_FIELDS + LETTER_COUNT] = count;
    if (count <= INLINE_LETTERS) {
      slotFields.set(letters.subarray(0, count), slot * SLOT_FIELDS + INLINE_AT);
      return;
    }
    letterPool = grown(letterPool, letterEnd + count, (n) => new Int32Array(n));
    letterPool.set(letters.subarray(0, count), letterEnd);
    slotFields[slot * SLOT_FIELDS + LETTER_START] = letterEnd;
    letterEnd += count;
  };

  const file = (prepared: PreparedIdentity, firstDay: number, lastDay: number) => {
    const slot = slots.length;
    slots.push(prepared);
    ensureCapacity(slots.length);
    for (const name of prepared.names) prepareComparison(name);
    storeLetters(slot, partLetters(prepared));
    slotFields[slot * SLOT_FIELDS + BIRTH] = packBirth(prepared.birth);
    alive[slot >>> 5] = (alive[slot >>> 5] as number) | (1 << (slot & 31));
    inForceDays[slot * 2] = firstDay;
    inForceDays[slot * 2 + 1] = lastDay;
    slotOfId.set(prepared.id, slot);
    keys.fill(prepared, false);
    for (let i = 0; i < keys.count; i++) postings.add(keys.hashes[i] as number, slot);
  };

  /** Files the live entries afresh: postings of removed entries would otherwise be read for ever. */
  const compact = () => {
    const live = slots.flatMap((entry, slot) =>
      entry
        ? [{ entry, first: inForceDays[slot * 2] as number, last: inForceDays[slot * 2 + 1] as number }]
        : [],
    );
    slots = [];
    slotOfId.clear();
    postings = new PostingTable(postings.size);
    letterEnd = 0;
    dead = 0;
    for (const { entry, first, last } of live) file(entry, first, last);
  };

  const remove = (id: string): boolean => {
    const slot = slotOfId.get(id);
    if (slot === undefined) return false;
    // postings keep the stale slot until the next compaction: screening skips empty slots
    slots[slot] = undefined;
    alive[slot >>> 5] = (alive[slot >>> 5] as number) & ~(1 << (slot & 31));
    slotOfId.delete(id);
    dead++;
    if (dead >= COMPACT_AFTER && dead > slotOfId.size) compact();
    return true;
  };

  const add = (entry: WatchlistIdentity, inForce?: InForce) => {
    remove(entry.id);
    file(
      prepareIdentity(entry),
      inForce ? dayNumber(inForce.from, ALWAYS_FROM) : ALWAYS_FROM,
      inForce ? dayNumber(inForce.until, ALWAYS_UNTIL) : ALWAYS_UNTIL,
    );
  };

  // the keys a crossing found, as postings × KEY_SPAN + key number, so one numeric sort puts the rarest first
  let order = new Float64Array(256);
  let where = new Int32Array(256);
  // the posting lists one screening reads, rarest first: where each starts (the slot itself for a list of one),
  // its length, the vote it gives and the most votes it and the lists after it can still give one slot
  let listAt = new Int32Array(256);
  let listLength = new Int32Array(256);
  let listVote = new Int32Array(256);
  let listRest = new Int32Array(256);
  let listCount = 0;
  // the slots one screening met, as bits by slot modulo the set's size (see addToMet)
  const met = new Int32Array(MET_WORDS);

  /** Reads the query's posting lists, rarest first, within a budget; strong keys are always read. */
  const collectVotes = (query: PreparedIdentity, day: number) => {
    tally.clear();
    chooseLists(query);
    // a slot first met in list l gets at most listRest[l] votes: once that is below the vote floor (half the
    // best vote, see topSlots) newcomers can never pass it, and the lists left only add to slots already met
    let best = 0;
    let l = 0;
    for (; l < listCount; l++) {
      if ((listRest[l] as number) < Math.max(1, best * MIN_VOTE_SHARE)) break;
      best = readList(l, best, day);
    }
    if (l < listCount) addToMet(l, best, day);
    touchedVotes = grown(touchedVotes, tally.count, (n) => new Int32Array(n));
    // a slot that cannot be a candidate (removed, or not in force that day) keeps no vote: the passes that
    // choose candidates then read no more than these votes
    for (let i = 0; i < tally.count; i++) {
      const slot = tally.touched[i] as number;
      touchedVotes[i] = isCandidate(slot, day) ? tally.votesOf(slot) : 0;
    }
  };

  /** Looks up the query's keys and lists the postings to read: rarest first, weak keys within the budget. */
  const chooseLists = (query: PreparedIdentity) => {
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
    listAt = grown(listAt, found, (n) => new Int32Array(n));
    listLength = grown(listLength, found, (n) => new Int32Array(n));
    listVote = grown(listVote, found, (n) => new Int32Array(n));
    listRest = grown(listRest, found, (n) => new Int32Array(n));
    listCount = 0;
    let read = 0;
    for (let i = 0; i < found; i++) {
      const packed = sorted[i] as number;
      const k = packed % KEY_SPAN;
      const length = (packed - k) / KEY_SPAN;
      const kind = keys.kinds[k] as number;
      if (KIND_STRONG[kind] === 0 && (length > maxPosting || read + length > readBudget)) continue;
      read += length;
      listAt[listCount] = where[k] as number;
      listLength[listCount] = length;
      listVote[listCount] = KIND_VOTES[kind] as number;
      listCount++;
    }
    let rest = 0;
    for (let i = listCount - 1; i >= 0; i--) {
      rest += listVote[i] as number;
      listRest[i] = rest;
    }
  };

  /** Votes for every slot of list `l`; the best vote of a candidate so far, `best` included. */
  const readList = (l: number, best: number, day: number): number => {
    const at = listAt[l] as number;
    const length = listLength[l] as number;
    const vote = listVote[l] as number;
    if (length === 1) {
      const total = tally.add(at, vote);
      return total > best && isCandidate(at, day) ? total : best;
    }
    const pool = postings.pool;
    let top = best;
    for (let p = at; p < at + length; p++) {
      const slot = pool[p] as number;
      const total = tally.add(slot, vote);
      if (total > top && isCandidate(slot, day)) top = total;
    }
    return top;
  };

  /**
   * Reads lists `from` on for the slots already met that can still pass the vote floor. A bit per slot in a
   * small set (by slot modulo its size, so it stays in the fastest cache) tells most postings of slots never met
   * apart without reading their tally: the long lists of common name parts cost little more than reading them.
   */
  const addToMet = (from: number, best: number, day: number) => {
    met.fill(0);
    for (let i = 0; i < tally.count; i++) {
      const slot = tally.touched[i] as number;
      met[(slot >>> 5) & MET_MASK] = (met[(slot >>> 5) & MET_MASK] as number) | (1 << (slot & 31));
    }
    let top = best;
    for (let l = from; l < listCount; l++) {
      const needed = Math.max(1, top * MIN_VOTE_SHARE) - (listRest[l] as number);
      const at = listAt[l] as number;
      const length = listLength[l] as number;
      const vote = listVote[l] as number;
      if (length === 1) top = addIfHopeful(at, vote, needed, top, day);
      else {
        const pool = postings.pool;
        for (let p = at; p < at + length; p++) top = addIfHopeful(pool[p] as number, vote, needed, top, day);
      }
    }
  };

  /**
   * Gives a met slot the list's vote when its votes with all the lists left could still reach the floor; the
   * best vote of a candidate so far, `top` included.
   */
  const addIfHopeful = (slot: number, vote: number, needed: number, top: number, day: number): number => {
    if (((met[(slot >>> 5) & MET_MASK] as number) & (1 << (slot & 31))) === 0) return top;
    const votes = tally.votesOf(slot);
    if (votes < 0 || votes < needed) return top;
    const added = tally.add(slot, vote);
    return added > top && isCandidate(slot, day) ? added : top;
  };

  const isCandidate = (slot: number, day: number): boolean =>
    (((alive[slot >>> 5] as number) >>> (slot & 31)) & 1) === 1 &&
    (day === ANY_DAY ||
      ((inForceDays[slot * 2] as number) <= day && day <= (inForceDays[slot * 2 + 1] as number)));

  /**
   * The best candidates (at most maxCandidates), best first: by votes, and when more pass the vote floor than
   * can be scored (a common name), by a cheap estimate of name and birth agreement as well.
   */
  const topSlots = (query: PreparedIdentity): number[] => {
    let bestVote = 0;
    for (let i = 0; i < tally.count; i++) bestVote = Math.max(bestVote, touchedVotes[i] as number);
    // a candidate sharing far fewer keys than the best one cannot outscore it on names
    const floor = Math.max(1, bestVote * MIN_VOTE_SHARE);
    const passing = strongestSlots(floor, bestVote);
    if (passing <= maxCandidates) return byVotes(passing);
    const queryLetters = partLetters(query);
    const queryBirth = packBirth(query.birth);
    for (let i = 0; i < passing; i++) {
      const fields = (passingSlots[i] as number) * SLOT_FIELDS;
      const count = slotFields[fields + LETTER_COUNT] as number;
      const letters =
        count <= INLINE_LETTERS
          ? letterAgreement(queryLetters, slotFields, fields + INLINE_AT, count)
          : letterAgreement(queryLetters, letterPool, slotFields[fields + LETTER_START] as number, count);
      const birth = birthAgreement(queryBirth, slotFields[fields + BIRTH] as number);
      ranks[i] = (passingVotes[i] as number) + PRESCORE_VOTES * letters + birth;
    }
    return highestRanked(passing);
  };

  /** The first `passing` passing slots, most votes first, in their order among equal votes (a stable sort). */
  const byVotes = (passing: number): number[] => {
    const sorted: number[] = [];
    for (let i = 0; i < passing; i++) {
      let at = sorted.length;
      while (at > 0 && (passingVotes[sorted[at - 1] as number] as number) < (passingVotes[i] as number)) at--;
      sorted.splice(at, 0, i);
    }
    return sorted.map((i) => passingSlots[i] as number);
  };

  /** The maxCandidates slots of highest rank, as a stable sort would order them, without sorting them all. */
  const highestRanked = (passing: number): number[] => {
    // places among the passing slots, best rank first
    const best: number[] = [];
    for (let i = 0; i < passing; i++) {
      const rank = ranks[i] as number;
      if (best.length === maxCandidates && rank <= (ranks[best[best.length - 1] as number] as number))
        continue;
      let at = best.length;
      while (at > 0 && (ranks[best[at - 1] as number] as number) < rank) at--;
      best.splice(at, 0, i);
      if (best.length > maxCandidates) best.pop();
    }
    return best.map((i) => passingSlots[i] as number);
  };

  /**
   * Gathers the candidates voted at least `floor` in passingSlots and their votes in passingVotes, the highest
   * votes first kept when more than PRESCORE_LIMIT pass; how many it gathered.
   */
  const strongestSlots = (floor: number, bestVote: number): number => {
    voteCounts = grown(voteCounts, bestVote + 1, (n) => new Int32Array(n));
    voteCounts.fill(0, 0, bestVote + 1);
    let passingCount = 0;
    for (let i = 0; i < tally.count; i++) {
      const vote = touchedVotes[i] as number;
      if (vote >= floor) {
        voteCounts[vote] = (voteCounts[vote] as number) + 1;
        passingCount++;
      }
    }
    // counting from the top vote down gives the lowest vote still kept without sorting every candidate
    let cut = floor;
    if (passingCount > PRESCORE_LIMIT) {
      let kept = 0;
      for (cut = bestVote; cut > floor && kept + (voteCounts[cut] as number) < PRESCORE_LIMIT; cut--) {
        kept += voteCounts[cut] as number;
      }
    }
    // those above the cut (fewer than PRESCORE_LIMIT), then those at it while there is room, each in the order met
    let passing = 0;
    for (let i = 0; i < tally.count; i++) {
      const vote = touchedVotes[i] as number;
      if (vote <= cut) continue;
      passingSlots[passing] = tally.touched[i] as number;
      passingVotes[passing++] = vote;
    }
    for (let i = 0; i < tally.count && passing < PRESCORE_LIMIT; i++) {
      if (touchedVotes[i] !== cut) continue;
      passingSlots[passing] = tally.touched[i] as number;
      passingVotes[passing++] = cut;
    }
    return passing;
  };

  const screen = (crossing: CrossingIdentity, onDay?: string): ScreeningResult => {
    const query = prepareCrossing(crossing);
    const day = onDay === undefined ? ANY_DAY : dayNumber(onDay, ANY_DAY);
    collectVotes(query, day);
    const chosen = topSlots(query);
    const bounded: BoundedCandidate[] = [];
    for (let rank = 0; rank < chosen.length; rank++) {
      const entry = slots[chosen[rank] as number] as PreparedIdentity;
      const others = otherEvidence(query, entry);
      bounded.push({ rank, entry, others, ceiling: scoreCeiling(others) });
    }
    // highest ceiling first: the best score is found early, and entries that cannot beat it are not scored
    bounded.sort(byCeilingThenRank);
    const scored: RankedCandidate[] = [];
    let best: RankedCandidate | undefined;
    for (const candidate of bounded) {
      if (best !== undefined && !mayExceed(candidate.ceiling, best.score)) {
        // ceilings only fall from here: once one cannot even tie the best, none can
        if (!mayReach(candidate.ceiling, best.score)) break;
        // it can at most tie, and a tie goes to the better-ranked candidate
        if (candidate.rank > best.rank) continue;
      }
      const { score, explanation } = scoreWithOthers(query, candidate.entry, candidate.others);
      const ranked = { entryId: candidate.entry.id, score, explanation, rank: candidate.rank };
      scored.push(ranked);
      if (best === undefined || score > best.score || (score === best.score && ranked.rank < best.rank))
        best = ranked;
    }
    scored.sort(byScoreThenRank);
    const candidates = scored.map(({ entryId, score, explanation }) => ({ entryId, score, explanation }));
    const first = candidates[0];
    if (!first) return { verdict: 'clear', candidates };
    return { verdict: verdictOf(first.score, thresholds), best: first, candidates };
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
