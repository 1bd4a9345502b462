import { makeToken, type NameToken, type NormalisedName } from './normalise.js';
import {
  type BirthDate,
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
  screen(crossing: CrossingIdentity): ScreeningResult;
}

/** Kinds of blocking key, each with the vote a shared key gives a candidate. */
const KEY = {
  name: { tag: 'n', vote: 3 },
  nameEdit: { tag: 'n', vote: 2 },
  consonants: { tag: 'c', vote: 1 },
  sound: { tag: 's', vote: 2 },
  pair: { tag: 'p', vote: 4 },
  pairYear: { tag: 'q', vote: 6 },
  partYear: { tag: 'y', vote: 4 },
  document: { tag: 'd', vote: 8 },
  documentEdit: { tag: 'e', vote: 4 },
} as const;

type KeyKind = keyof typeof KEY;
/** Always read, however long: these keys are selective by construction. */
const STRONG_KEYS = new Set<KeyKind>(['pairYear', 'partYear', 'document', 'documentEdit']);

/** FNV-1a: keys are hashed to 32-bit numbers because number-keyed maps are far smaller than string-keyed ones. */
const hashKey = (tag: string, value: string, skip = -1): number => {
  let hash = Math.imul(0x811c9dc5 ^ tag.charCodeAt(0), 0x01000193);
  hash = Math.imul(hash ^ 58, 0x01000193);
  // `skip` hashes the value with one character deleted without building that string
  for (let i = 0; i < value.length; i++) {
    if (i !== skip) hash = Math.imul(hash ^ value.charCodeAt(i), 0x01000193);
  }
  return hash >>> 0;
};

const MAX_SKELETON = 10;
const MIN_VOTE_SHARE = 0.5;
const MAX_KEY_TOKENS = 4;
/** At most this many candidates get the cheap name estimate (those with the most votes). */
const PRESCORE_LIMIT = 128;
/** The cheap name estimate is worth up to this many votes: less than one shared name key. */
const PRESCORE_VOTES = 2.5;

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
  for (const q of query) {
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

/** Cheap agreement of birth dates in votes: namesakes of a common name are told apart by when they were born. */
const birthAgreement = (query: BirthDate | undefined, entry: BirthDate | undefined): number => {
  if (!query || !entry || query.year !== entry.year) return 0;
  return query.month === entry.month && query.day === entry.day ? 2 : 1;
};

/** Consonant classes within which transcriptions swap letters (p/b/f/v, t/d, k/g, the sibilants, l/r, m/n). */
const SOUND_CLASS: Readonly<Record<string, string>> = Object.fromEntries(
  ['pbfvw', 'td', 'kgq', 'szSJCX', 'lr', 'mn'].flatMap((letters) =>
    [...letters].map((letter) => [letter, letters.charAt(0)]),
  ),
);
const MIN_SOUND_KEY = 3;

/** The consonant classes of a skeleton, vowels and h dropped: meets a name across scripts and readings. */
const soundKey = (skeleton: string): string => {
  let key = '';
  for (const letter of skeleton) {
    const sound = SOUND_CLASS[letter];
    if (sound !== undefined && sound !== key.charAt(key.length - 1)) key += sound;
  }
  return key;
};

const pushSound = (token: NameToken, push: PushKey) => {
  for (const skeleton of token.altSkeleton ? [token.skeleton, token.altSkeleton] : [token.skeleton]) {
    const key = soundKey(skeleton);
    if (key.length >= MIN_SOUND_KEY) push('sound', key);
  }
};

const isDistinctive = (token: NameToken): boolean => token.weight >= 0.6 && token.skeleton.length >= 2;

const joinedSyllables = (name: NormalisedName): string[] => {
  const joined: string[] = [];
  for (let i = 0; i + 1 < name.tokens.length; i++) {
    joined.push((name.tokens[i]?.skeleton ?? '') + (name.tokens[i + 1]?.skeleton ?? ''));
  }
  return joined;
};

/** Records one blocking key; `skip` deletes that character of the value first. */
type PushKey = (kind: KeyKind, value: string, skip?: number) => void;

interface KeyRequest {
  readonly kind: KeyKind;
  readonly hash: number;
}

const nameKeys = (identity: PreparedIdentity, forQuery: boolean, push: PushKey): void => {
  for (const name of identity.names) {
    for (const token of name.tokens) {
      if (!isDistinctive(token)) continue;
      const skeleton = token.skeleton.slice(0, MAX_SKELETON);
      push('name', skeleton);
      if (forQuery && skeleton.length >= 4)
        for (let skip = 0; skip < skeleton.length; skip++) push('nameEdit', skeleton, skip);
    }
    // joined neighbours meet syllabic spellings (Xiao Ming / Xiaoming); their typos are left to the single parts
    if (name.syllabic || forQuery) {
      for (const joined of joinedSyllables(name)) push('name', joined.slice(0, MAX_SKELETON));
    }
    for (const token of name.tokens) {
      if (!isDistinctive(token)) continue;
      if (token.consonants.length >= 2) push('consonants', token.consonants);
      pushSound(token, push);
    }
    // a foreign name written in Han or Hangul is one word: its syllables together, read as a transcription
    if (name.syllabic && name.tokens.length > 1) {
      const texts = name.tokens.map((token) => token.text);
      pushSound(makeToken(texts.join(''), name.origin, texts), push);
    }
    const heads = name.tokens.filter(isDistinctive).slice(0, MAX_KEY_TOKENS);
    for (let i = 0; i < heads.length; i++) {
      for (let j = i + 1; j < heads.length; j++) {
        const a = heads[i]?.skeleton ?? '';
        const b = heads[j]?.skeleton ?? '';
        const pair = a < b ? `${a}|${b}` : `${b}|${a}`;
        push('pair', pair);
        if (identity.birth) push('pairYear', `${pair}|${identity.birth.year}`);
      }
      // one part in full with another's initial and the year: still selective when a typo breaks the other part
      if (!identity.birth) continue;
      for (let j = 0; j < heads.length; j++) {
        if (j !== i)
          push('partYear', `${heads[i]?.skeleton}|${heads[j]?.skeleton[0]}|${identity.birth.year}`);
      }
    }
  }
};

const documentKeys = (identity: PreparedIdentity, forQuery: boolean, push: PushKey) => {
  const folded = identity.document?.folded;
  if (!folded) return;
  push('document', folded);
  if (folded.length < 6) return;
  for (let skip = 0; skip < folded.length; skip++) {
    push('documentEdit', folded, skip);
    // a character the query lacks: its full number equals a deletion variant of the entry's
    if (forQuery) push('document', folded, skip);
  }
  if (forQuery) push('documentEdit', folded);
};

/** Blocking keys of an identity; an entry stores fewer variants than a query looks up. */
const blockingKeys = (identity: PreparedIdentity, forQuery: boolean): KeyRequest[] => {
  const seen = new Set<number>();
  const keys: KeyRequest[] = [];
  const push: PushKey = (kind, value, skip = -1) => {
    const hash = hashKey(KEY[kind].tag, value, skip);
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
  const maxCandidates = options.maxCandidates ?? 8;
  const maxPosting = options.maxPosting ?? 1000;
  const readBudget = options.readBudget ?? 2000;
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
    ensureCapacity(slots.length);
    storeLetters(slot, partLetters(prepared));
    slotOfId.set(entry.id, slot);
    for (const key of blockingKeys(prepared, false)) addPosting(key.hash, slot);
  };

  // votes live in slot-indexed typed arrays stamped with the screening's epoch, so nothing is cleared or allocated
  let votes = new Int32Array(1024);
  let stamps = new Int32Array(1024);
  let ranks = new Float64Array(1024);
  // each slot's part letter sets, packed in one pool: read only for the few candidates of a common name
  let letterPool = new Int32Array(4096);
  let letterEnd = 0;
  let letterStart = new Int32Array(1024);
  let letterCount = new Uint8Array(1024);

  const storeLetters = (slot: number, letters: Int32Array) => {
    const count = Math.min(letters.length, 255);
    if (letterEnd + count > letterPool.length) {
      const grown = new Int32Array(Math.max(letterPool.length * 2, letterEnd + count));
      grown.set(letterPool);
      letterPool = grown;
    }
    letterPool.set(letters.subarray(0, count), letterEnd);
    letterStart[slot] = letterEnd;
    letterCount[slot] = count;
    letterEnd += count;
  };
  let epoch = 0;
  const touched: number[] = [];

  const ensureCapacity = (size: number) => {
    if (size <= votes.length) return;
    const grown = Math.max(size, votes.length * 2);
    const nextVotes = new Int32Array(grown);
    const nextStamps = new Int32Array(grown);
    nextVotes.set(votes);
    nextStamps.set(stamps);
    const nextStart = new Int32Array(grown);
    const nextCount = new Uint8Array(grown);
    nextStart.set(letterStart);
    nextCount.set(letterCount);
    letterStart = nextStart;
    letterCount = nextCount;
    votes = nextVotes;
    stamps = nextStamps;
    ranks = new Float64Array(grown);
  };

  const castVotes = (posting: Posting, vote: number) => {
    if (typeof posting === 'number') {
      castVote(posting, vote);
      return;
    }
    for (let i = 0; i < posting.length; i++) castVote(posting[i] as number, vote);
  };

  const castVote = (slot: number, vote: number) => {
    if (stamps[slot] === epoch) {
      votes[slot] = (votes[slot] as number) + vote;
      return;
    }
    stamps[slot] = epoch;
    votes[slot] = vote;
    touched.push(slot);
  };

  const postingLength = (posting: Posting): number => (typeof posting === 'number' ? 1 : posting.length);

  /** Reads the query's posting lists, rarest first, within a budget; strong keys are always read. */
  const collectVotes = (query: PreparedIdentity) => {
    epoch = (epoch + 1) | 0;
    if (epoch === 0) {
      stamps.fill(0);
      epoch = 1;
    }
    touched.length = 0;
    const found: { posting: Posting; kind: KeyKind; length: number }[] = [];
    for (const key of blockingKeys(query, true)) {
      const posting = postings.get(key.hash);
      if (posting !== undefined) found.push({ posting, kind: key.kind, length: postingLength(posting) });
    }
    found.sort((a, b) => a.length - b.length);
    let read = 0;
    for (const { posting, kind, length } of found) {
      if (!STRONG_KEYS.has(kind) && (length > maxPosting || read + length > readBudget)) continue;
      read += length;
      castVotes(posting, KEY[kind].vote);
    }
  };

  /**
   * The best candidates (at most maxCandidates), best first: by votes, and when more pass the vote floor than
   * can be scored (a common name), by a cheap estimate of name agreement as well.
   */
  const topSlots = (query: PreparedIdentity): number[] => {
    let bestVote = 0;
    for (const slot of touched) {
      if (slots[slot] !== undefined && (votes[slot] as number) > bestVote) bestVote = votes[slot] as number;
    }
    // a candidate sharing far fewer keys than the best one cannot outscore it on names
    const floor = Math.max(1, bestVote * MIN_VOTE_SHARE);
    const passing = strongestSlots(floor, bestVote);
    const byVote = (a: number, b: number) => (votes[b] as number) - (votes[a] as number);
    if (passing.length <= maxCandidates) return passing.sort(byVote);
    const queryLetters = partLetters(query);
    for (const slot of passing) {
      const letters = letterAgreement(
        queryLetters,
        letterPool,
        letterStart[slot] as number,
        letterCount[slot] as number,
      );
      ranks[slot] =
        (votes[slot] as number) + PRESCORE_VOTES * letters + birthAgreement(query.birth, slots[slot]?.birth);
    }
    return passing.sort((a, b) => (ranks[b] as number) - (ranks[a] as number)).slice(0, maxCandidates);
  };

  /** Live slots voted at least `floor`, the highest votes first kept when more than PRESCORE_LIMIT pass. */
  const strongestSlots = (floor: number, bestVote: number): number[] => {
    const counts = new Int32Array(bestVote + 1);
    let passingCount = 0;
    for (const slot of touched) {
      const vote = votes[slot] as number;
      if (vote >= floor && slots[slot] !== undefined) {
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
    for (const slot of touched) {
      const vote = votes[slot] as number;
      if (vote < cut || slots[slot] === undefined) continue;
      if (vote > cut) passing.push(slot);
      else if (atCut.length < PRESCORE_LIMIT) atCut.push(slot);
    }
    for (const slot of atCut) {
      if (passing.length >= PRESCORE_LIMIT) break;
      passing.push(slot);
    }
    return passing;
  };

  const screen = (crossing: CrossingIdentity): ScreeningResult => {
    const query = prepareIdentity(crossing);
    const candidates: ScreeningCandidate[] = [];
    collectVotes(query);
    for (const slot of topSlots(query)) {
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
