import { transcriptionSimilarity } from './foreign-transcription.js';
import { isGivenNameVariant } from './given-name-variants.js';
import { crossScriptReadings, makeToken, type NameToken, type NormalisedName } from './normalise.js';

const SCRATCH = 64;
const matchedA = new Uint8Array(SCRATCH);
const matchedB = new Uint8Array(SCRATCH);

/** Jaro-Winkler similarity (prefix scale 0.1, up to 4 characters). */
export const jaroWinkler = (a: string, b: string): number => {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  const flagsA = la <= SCRATCH ? matchedA : new Uint8Array(la);
  const flagsB = lb <= SCRATCH ? matchedB : new Uint8Array(lb);
  flagsA.fill(0, 0, la);
  flagsB.fill(0, 0, lb);
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(lb - 1, i + window);
    const code = a.charCodeAt(i);
    for (let j = from; j <= to; j++) {
      if (flagsB[j] === 0 && b.charCodeAt(j) === code) {
        flagsA[i] = 1;
        flagsB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (flagsA[i] === 0) continue;
    while (flagsB[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  const jaro = (matches / la + matches / lb + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
};

const rowA = new Float64Array(SCRATCH + 1);
const rowB = new Float64Array(SCRATCH + 1);
const rowC = new Float64Array(SCRATCH + 1);

/**
 * Optimal-string-alignment distance: edits where swapping two neighbours counts as one, or as
 * `transpositionCost` when the caller rates a swap (a typing slip) below a substitution. Once every alignment
 * costs more than `limit` it stops and answers Infinity.
 */
export const editDistance = (
  a: string,
  b: string,
  transpositionCost = 1,
  limit = Number.POSITIVE_INFINITY,
): number => {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return Math.max(la, lb) > limit ? Number.POSITIVE_INFINITY : Math.max(la, lb);
  const big = lb > SCRATCH;
  let twoBack = big ? new Float64Array(lb + 1) : rowA;
  let previous = big ? new Float64Array(lb + 1) : rowB;
  let current = big ? new Float64Array(lb + 1) : rowC;
  for (let j = 0; j <= lb; j++) previous[j] = j;
  let previousBest = 0;
  for (let i = 1; i <= la; i++) {
    current[0] = i;
    let rowBest = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let best = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        best = Math.min(best, (twoBack[j - 2] as number) + transpositionCost);
      }
      current[j] = best;
      if (best < rowBest) rowBest = best;
    }
    if (beyondLimit(rowBest, previousBest, limit)) return Number.POSITIVE_INFINITY;
    previousBest = rowBest;
    const spare = twoBack;
    twoBack = previous;
    previous = current;
    current = spare;
  }
  const distance = previous[lb] as number;
  return distance > limit ? Number.POSITIVE_INFINITY : distance;
};

/**
 * Whether two different strings are one edit apart (a substitution, an insertion or deletion, or two
 * neighbours swapped): editDistance(a, b, 1) === 1 in one pass, for the document number of every candidate.
 */
export const withinOneEdit = (a: string, b: string): boolean => {
  const short = a.length <= b.length ? a : b;
  const long = short === a ? b : a;
  if (long.length - short.length > 1 || a === b) return false;
  let i = 0;
  while (i < short.length && short.charCodeAt(i) === long.charCodeAt(i)) i++;
  // past the first difference the rest must agree once one character is dropped, replaced or swapped back
  if (short.length < long.length) return sameRest(short, i, long, i + 1);
  if (sameRest(short, i + 1, long, i + 1)) return true;
  return (
    short.charCodeAt(i) === long.charCodeAt(i + 1) &&
    short.charCodeAt(i + 1) === long.charCodeAt(i) &&
    sameRest(short, i + 2, long, i + 2)
  );
};

/** Whether `x` from `xFrom` on reads as `y` from `yFrom` on: a comparison of slices without making them. */
const sameRest = (x: string, xFrom: number, y: string, yFrom: number): boolean => {
  if (x.length - xFrom !== y.length - yFrom) return false;
  for (let k = 0; xFrom + k < x.length; k++)
    if (x.charCodeAt(xFrom + k) !== y.charCodeAt(yFrom + k)) return false;
  return true;
};

/**
 * Whether no alignment can stay within `limit` once two successive rows of the table exceed it: every path
 * passes through one of any two successive rows (a transposition steps over one row, never two).
 */
const beyondLimit = (rowBest: number, previousRowBest: number, limit: number): boolean =>
  rowBest > limit && previousRowBest > limit;

/**
 * Costs of the phonetic edit distance on skeletons. Letters that transliteration systems and foreign-name
 * transcription conventions swap for one another (voicing pairs, sibilants and affricates, vowel qualities,
 * h/g/kh, l/r, m/n, v/u) cost a fraction of an unrelated substitution; vowels and h come and go cheaply.
 */
const PHONETIC_NEAR: ReadonlyArray<readonly [string, number]> = [
  ['aiu', 0.4],
  ['sz', 0.4],
  ['kg', 0.4],
  ['td', 0.4],
  ['pb', 0.4],
  ['fv', 0.4],
  ['fp', 0.4],
  ['bv', 0.5],
  ['vu', 0.4],
  ['SJ', 0.4],
  ['Ss', 0.4],
  ['Cs', 0.4],
  ['Cz', 0.4],
  ['XS', 0.5],
  ['XJ', 0.5],
  ['XC', 0.5],
  ['Xk', 0.5],
  ['Xh', 0.5],
  ['Xt', 0.6],
  ['Jz', 0.5],
  ['Ji', 0.3],
  ['Jg', 0.6],
  ['hg', 0.5],
  ['hk', 0.5],
  ['lr', 0.4],
  ['mn', 0.5],
];
const GAP_COST: Readonly<Record<string, number>> = { a: 0.5, i: 0.5, u: 0.5, h: 0.4, J: 0.5, v: 0.7 };

/**
 * Across a script boundary the costs are lower: a transcription renders the sound of the other language, so
 * vowel quality (English u as а, a as э), reduced vowels, h as г or х, w as у and the affricates and sibilants
 * of the transcription tables (German z as ц, ch as х) shift routinely without a different name behind them.
 */
const CROSS_SCRIPT_NEAR: ReadonlyArray<readonly [string, number]> = [
  ['aiu', 0.2],
  ['sz', 0.25],
  ['kg', 0.35],
  ['td', 0.35],
  ['pb', 0.35],
  ['fv', 0.3],
  ['fp', 0.5],
  ['bv', 0.4],
  ['vu', 0.2],
  ['SJ', 0.35],
  ['Ss', 0.35],
  ['Cs', 0.35],
  ['Cz', 0.3],
  ['CX', 0.35],
  ['XS', 0.35],
  ['XJ', 0.35],
  ['Xk', 0.35],
  ['Xh', 0.35],
  ['Xt', 0.5],
  ['Jz', 0.3],
  ['Ji', 0.3],
  ['Jg', 0.4],
  ['Jh', 0.4],
  ['hg', 0.3],
  ['hk', 0.35],
  ['hf', 0.5],
  ['lr', 0.5],
  ['mn', 0.4],
];
const CROSS_SCRIPT_GAP: Readonly<Record<string, number>> = {
  a: 0.3,
  i: 0.25,
  u: 0.3,
  h: 0.25,
  J: 0.5,
  v: 0.5,
};

const ALPHABET = 128;

/** Substitution and gap costs of the phonetic edit distance, indexed by character code. */
interface PhoneticCosts {
  readonly substitution: Float64Array;
  readonly gap: Float64Array;
  /** Per letter, the other letters it is substituted by for less than an unrelated one (see leastDistance). */
  readonly near: readonly (readonly number[])[];
  /**
   * The distinct gap costs, cheapest first, and per letter the place of its own among them, the last entry for
   * every letter beyond the tables (see leastGaps).
   */
  readonly gapLevels: Float64Array;
  readonly gapLevel: Uint8Array;
}

const costTable = (
  near: ReadonlyArray<readonly [string, number]>,
  gaps: Readonly<Record<string, number>>,
): PhoneticCosts => {
  const substitution = new Float64Array(ALPHABET * ALPHABET).fill(1);
  const gap = new Float64Array(ALPHABET).fill(1);
  for (let code = 0; code < ALPHABET; code++) substitution[code * ALPHABET + code] = 0;
  for (const [letters, cost] of near) {
    for (const x of letters) {
      for (const y of letters) {
        if (x !== y) substitution[x.charCodeAt(0) * ALPHABET + y.charCodeAt(0)] = cost;
      }
    }
  }
  for (const [letter, cost] of Object.entries(gaps)) gap[letter.charCodeAt(0)] = cost;
  const nearLetters = Array.from({ length: ALPHABET }, (_, x) =>
    Array.from({ length: ALPHABET }, (_, y) => y).filter(
      (y) => y !== x && (substitution[x * ALPHABET + y] as number) < 1,
    ),
  );
  // letters beyond the tables gap at 1 (see gapCost)
  const gapLevels = Float64Array.from(new Set([...gap, 1])).sort();
  const gapLevel = Uint8Array.from([...gap, 1], (cost) => gapLevels.indexOf(cost));
  return { substitution, gap, near: nearLetters, gapLevels, gapLevel };
};

const SAME_SCRIPT_COSTS = costTable(PHONETIC_NEAR, GAP_COST);
export const CROSS_SCRIPT_COSTS = costTable(CROSS_SCRIPT_NEAR, CROSS_SCRIPT_GAP);

const costA = new Float64Array(SCRATCH + 1);
const costB = new Float64Array(SCRATCH + 1);
const costC = new Float64Array(SCRATCH + 1);
const substitutionCost = (table: Float64Array, x: number, y: number): number =>
  x < ALPHABET && y < ALPHABET ? (table[x * ALPHABET + y] as number) : x === y ? 0 : 1;
const gapCost = (table: Float64Array, x: number): number => (x < ALPHABET ? (table[x] as number) : 1);

/**
 * Weighted edit distance between two skeletons where phonetically close letters cost less (see PHONETIC_NEAR).
 * Once every alignment costs more than `limit` it stops and answers Infinity: callers only rank close pairs.
 */
export const phoneticDistance = (
  a: string,
  b: string,
  limit = Number.POSITIVE_INFINITY,
  costs: PhoneticCosts = SAME_SCRIPT_COSTS,
): number => {
  if (a === b) return 0;
  const substitutions = costs.substitution;
  const gaps = costs.gap;
  const la = a.length;
  const lb = b.length;
  const big = lb > SCRATCH;
  let twoBack = big ? new Float64Array(lb + 1) : costA;
  let previous = big ? new Float64Array(lb + 1) : costB;
  let current = big ? new Float64Array(lb + 1) : costC;
  previous[0] = 0;
  for (let j = 1; j <= lb; j++)
    previous[j] = (previous[j - 1] as number) + gapCost(gaps, b.charCodeAt(j - 1));
  let previousBest = 0;
  for (let i = 1; i <= la; i++) {
    const ca = a.charCodeAt(i - 1);
    const gapA = gapCost(gaps, ca);
    current[0] = (previous[0] as number) + gapA;
    let rowBest = current[0] as number;
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      let best = Math.min(
        (previous[j] as number) + gapA,
        (current[j - 1] as number) + gapCost(gaps, cb),
        (previous[j - 1] as number) + substitutionCost(substitutions, ca, cb),
      );
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb && ca !== cb) {
        best = Math.min(best, (twoBack[j - 2] as number) + 0.8);
      }
      current[j] = best;
      if (best < rowBest) rowBest = best;
    }
    if (beyondLimit(rowBest, previousBest, limit)) return Number.POSITIVE_INFINITY;
    previousBest = rowBest;
    const spare = twoBack;
    twoBack = previous;
    previous = current;
    current = spare;
  }
  const distance = previous[lb] as number;
  return distance > limit ? Number.POSITIVE_INFINITY : distance;
};

/**
 * Similarity from the phonetic edit distance, relative to the longer skeleton; exact from `floor` up, and
 * below it 0 or exact (there the figure does not matter: the pair is never paired, or a better reading won).
 */
const phoneticSimilarity = (
  a: string,
  b: string,
  costs: PhoneticCosts = SAME_SCRIPT_COSTS,
  floor = 0.5,
): number => {
  if (a === b) return 1;
  const longer = Math.max(a.length, b.length);
  const limit = (1 - floor) * (longer + 1) + ROUNDING_SLACK;
  if (longer === 0 || leastDistance(a, b, costs) > limit) return 0;
  return Math.max(0, 1 - phoneticDistance(a, b, limit, costs) / (longer + 1));
};

const countsA = new Int32Array(ALPHABET);
const countsB = new Int32Array(ALPHABET);
/** Letters already weighed by one call of leastUnmatchedCost (all copies of a letter are weighed at once). */
const weighed = new Uint8Array(ALPHABET);
/** What gapping each letter of one skeleton would add to its least cost, as values each shared by a count. */
// two values for each letter of the tables at most, and one for the letters beyond
const extraValues = new Float64Array(2 * ALPHABET + 1);
const extraCounts = new Int32Array(2 * ALPHABET + 1);

/**
 * A lower bound of phoneticDistance, cheap next to it. A letter of one skeleton is aligned with the same letter
 * of the other (free, for as many copies as the other holds; a transposition too moves letters both hold),
 * substituted for another letter or dropped: each copy beyond the other's costs at least its cheapest
 * substitution by a letter of the other, or its gap. And the longer skeleton drops at least as many letters as
 * it is longer: the cheapest such gaps are added.
 */
export const leastDistance = (a: string, b: string, costs: PhoneticCosts = SAME_SCRIPT_COSTS): number => {
  countLetters(a, countsA);
  countLetters(b, countsB);
  const bound = Math.max(
    leastUnmatchedCost(a, countsA, countsB, a.length - b.length, costs),
    leastUnmatchedCost(b, countsB, countsA, b.length - a.length, costs),
  );
  clearLetters(a, countsA);
  clearLetters(b, countsB);
  return bound;
};

/** How many letters of one string each gap cost level holds (see leastGaps). */
const levelCounts = new Int32Array(ALPHABET + 1);

/**
 * A lower bound of phoneticDistance from lengths: a string `dropped` letters longer than the other loses at
 * least that many of its letters, the cheapest to lose at best. No letter of the other is counted.
 */
export const leastGaps = (
  longer: string,
  dropped: number,
  costs: PhoneticCosts = SAME_SCRIPT_COSTS,
): number => {
  const levels = costs.gapLevels.length;
  for (let i = 0; i < longer.length; i++) {
    const level = costs.gapLevel[Math.min(longer.charCodeAt(i), ALPHABET)] as number;
    levelCounts[level] = (levelCounts[level] as number) + 1;
  }
  let cost = 0;
  let left = dropped;
  for (let level = 0; level < levels; level++) {
    const taken = Math.min(left, levelCounts[level] as number);
    cost += taken * (costs.gapLevels[level] as number);
    left -= taken;
    levelCounts[level] = 0;
  }
  return cost;
};

/** Counts the letters of `text` within the cost tables into `counts`. */
const countLetters = (text: string, counts: Int32Array): void => {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < ALPHABET) counts[code] = (counts[code] as number) + 1;
  }
};

const clearLetters = (text: string, counts: Int32Array | Uint8Array): void => {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < ALPHABET) counts[code] = 0;
  }
};

const leastUnmatchedCost = (
  from: string,
  fromCounts: Int32Array,
  otherCounts: Int32Array,
  dropped: number,
  costs: PhoneticCosts,
): number => {
  let total = 0;
  let extras = 0;
  // letters beyond the cost tables are compared by identity: count them as free, and gapping them as free too,
  // which keeps this a bound
  let beyond = 0;
  for (let i = 0; i < from.length; i++) {
    const x = from.charCodeAt(i);
    if (x >= ALPHABET) {
      beyond++;
      continue;
    }
    if (weighed[x] === 1) continue;
    weighed[x] = 1;
    const copies = fromCounts[x] as number;
    const aligned = Math.min(copies, otherCounts[x] as number);
    const gap = costs.gap[x] as number;
    if (copies > aligned) {
      let cheapest = gap;
      for (const y of costs.near[x] as readonly number[]) {
        if ((otherCounts[y] as number) > 0)
          cheapest = Math.min(cheapest, costs.substitution[x * ALPHABET + y] as number);
      }
      total += (copies - aligned) * cheapest;
      if (dropped <= 0) continue;
      extraValues[extras] = gap - cheapest;
      extraCounts[extras++] = copies - aligned;
    }
    if (aligned > 0 && dropped > 0) {
      extraValues[extras] = gap;
      extraCounts[extras++] = aligned;
    }
  }
  clearLetters(from, weighed);
  if (beyond > 0) {
    extraValues[extras] = 0;
    extraCounts[extras++] = beyond;
  }
  return dropped > 0 ? total + cheapestExtras(extras, dropped) : total;
};

/** The least `dropped` of the extras gathered (see leastUnmatchedCost) can add. */
const cheapestExtras = (extras: number, dropped: number): number => {
  // a few distinct values: sorted in place by insertion
  for (let i = 1; i < extras; i++) {
    const value = extraValues[i] as number;
    const count = extraCounts[i] as number;
    let at = i;
    for (; at > 0 && (extraValues[at - 1] as number) > value; at--) {
      extraValues[at] = extraValues[at - 1] as number;
      extraCounts[at] = extraCounts[at - 1] as number;
    }
    extraValues[at] = value;
    extraCounts[at] = count;
  }
  let added = 0;
  let left = dropped;
  for (let i = 0; i < extras && left > 0; i++) {
    const taken = Math.min(left, extraCounts[i] as number);
    added += taken * (extraValues[i] as number);
    left -= taken;
  }
  return added;
};

/** Limits derived from a floor are widened by this, so that rounding never cuts a pair right at the floor. */
const ROUNDING_SLACK = 1e-9;

/** Best agreement in sound of any reading of one token with any reading of the other, at cross-script costs. */
const crossScriptSimilarity = (a: NameToken, b: NameToken): number => {
  const aReadings = [a.skeleton, ...crossScriptReadings(a)];
  const bReadings = [b.skeleton, ...crossScriptReadings(b)];
  let best = 0;
  for (const x of aReadings) {
    for (const y of bReadings) {
      best = Math.max(best, phoneticSimilarity(x, y, CROSS_SCRIPT_COSTS, Math.max(best, PAIRING_FLOOR)));
    }
  }
  return best;
};

const TYPING_SWAP_COST = 0.5;

/**
 * Jaro-Winkler tempered by edit distance: JW alone rates short unrelated names (Olga/Oleg) too high. Exact
 * from `floor` up; below it 0 or exact, as the edits that would keep it above the floor are all counted.
 */
export const stringSimilarity = (a: string, b: string, floor = 0): number => {
  if (a === b) return 1;
  if (floor > 0 && stringSimilarityCeiling(a, b) < floor) return 0;
  const jw = jaroWinkler(a, b);
  if (jw < 0.6) return jw * 0.8;
  const longer = Math.max(a.length, b.length);
  // two neighbouring letters swapped is a typing slip, rated below a changed letter
  const edits = editDistance(a, b, TYPING_SWAP_COST, longer * (1 + jw - 2 * floor) + ROUNDING_SLACK);
  return edits === Number.POSITIVE_INFINITY ? 0 : 0.5 * jw + 0.5 * (1 - edits / longer);
};

const letterCounts = new Int32Array(ALPHABET);

/**
 * An upper bound of stringSimilarity from the letters two strings share, counted with repeats: Jaro-Winkler
 * matches no more letters than that, and every other letter of the longer string costs an edit.
 */
export const stringSimilarityCeiling = (a: string, b: string): number => {
  if (a === b) return 1;
  let shared = 0;
  for (let i = 0; i < a.length; i++) {
    const code = a.charCodeAt(i);
    if (code < ALPHABET) letterCounts[code] = (letterCounts[code] as number) + 1;
  }
  for (let i = 0; i < b.length; i++) {
    const code = b.charCodeAt(i);
    // letters beyond the table count as shared, which keeps this a bound
    if (code >= ALPHABET) shared++;
    else if ((letterCounts[code] as number) > 0) {
      letterCounts[code] = (letterCounts[code] as number) - 1;
      shared++;
    }
  }
  for (let i = 0; i < a.length; i++) {
    const code = a.charCodeAt(i);
    if (code < ALPHABET) letterCounts[code] = 0;
  }
  return ceilingWithShared(a, b, shared);
};

/**
 * stringSimilarityCeiling as if the strings shared as many letters as the shorter holds: a bound from their
 * lengths alone, which costs no counting.
 */
export const lengthCeiling = (a: string, b: string): number =>
  a === b ? 1 : ceilingWithShared(a, b, Math.min(a.length, b.length));

/** The bound of stringSimilarityCeiling for two different strings sharing `shared` letters; it grows with it. */
const ceilingWithShared = (a: string, b: string, shared: number): number => {
  const la = a.length;
  const lb = b.length;
  if (shared === 0 || la === 0 || lb === 0) return 0;
  let prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  const jaro = Math.min(1, (shared / la + shared / lb + 1) / 3);
  const jw = jaro + prefix * 0.1 * (1 - jaro);
  // under 0.6 Jaro-Winkler is discounted alone (see stringSimilarity), and may be, whatever the bound says
  return jw < 0.6 ? jw * 0.8 : Math.max(0.48, 0.5 * jw + 0.5 * (shared / Math.max(la, lb)));
};

/** A familiar form for the full name (Ted / Theodore): the same name part, though not the same spelling. */
const GIVEN_NAME_VARIANT = 0.9;
/** Consonants alone (for scripts that write no vowels) are weaker evidence than the full skeleton. */
const CONSONANT_SHARE = 0.92;
/** Phonetic agreement is slightly weaker evidence than identical spelling. */
const SOUND_DISCOUNT = 0.96;
/** Across scripts the Latin spelling is only our transliteration: agreeing in sound is nearly all there is. */
const SOUND_DISCOUNT_ACROSS_SCRIPTS = 0.99;

/**
 * Token pairs recur across crossings (common given names and surnames): their similarity is remembered in a
 * direct-mapped cache of typed arrays, which costs no allocation and no garbage per lookup.
 */
const PAIR_CACHE_BITS = 20;
/** Per slot, side by side so that a lookup reads one cache line: the lower token id, the higher, the similarity. */
const pairCache = new Float64Array(3 << PAIR_CACHE_BITS).fill(-1);

/**
 * Similarity of two name parts, from spelling, sound skeleton and (for abjad sources) consonants. Exact from
 * PAIRING_FLOOR up; below it some lower figure, as parts are only ever paired from there up.
 */
export const tokenSimilarity = (a: NameToken, b: NameToken): number => {
  if (a.id === b.id || a.text === b.text) return 1;
  const low = a.id < b.id ? a : b;
  const high = low === a ? b : a;
  const slot =
    3 * ((Math.imul(low.id, 0x9e3779b1) ^ Math.imul(high.id, 0x85ebca6b)) >>> (32 - PAIR_CACHE_BITS));
  if (pairCache[slot] === low.id && pairCache[slot + 1] === high.id) return pairCache[slot + 2] as number;
  const similarity = uncachedTokenSimilarity(low, high);
  pairCache[slot] = low.id;
  pairCache[slot + 1] = high.id;
  pairCache[slot + 2] = similarity;
  return similarity;
};

/** One letter stands for a name's initial, except in Han or Hangul where it is a whole syllable ("a", "i"). */
const isInitial = (token: NameToken): boolean =>
  token.text.length === 1 && token.origin !== 'han' && token.origin !== 'hangul';

const uncachedTokenSimilarity = (a: NameToken, b: NameToken): number => {
  if (isInitial(a) || isInitial(b)) {
    const [short, long] = a.text.length <= b.text.length ? [a, b] : [b, a];
    return long.text.startsWith(short.text) ? 0.9 : 0;
  }
  const discount = a.transcribed || b.transcribed ? SOUND_DISCOUNT_ACROSS_SCRIPTS : SOUND_DISCOUNT;
  const soundFloor = PAIRING_FLOOR / discount - ROUNDING_SLACK;
  // what every reading below would come to (see apartInLength)
  if (apartInLength(a, b, soundFloor)) return 0;
  // only similarities from the pairing floor up are used: each reading is computed exactly from there up
  const spelling = stringSimilarity(a.text, b.text, PAIRING_FLOOR);
  if (spelling >= SOUND_DISCOUNT) return spelling;
  if (isGivenNameVariant(a.text, b.text)) return GIVEN_NAME_VARIANT;
  let sound = Math.max(
    stringSimilarity(a.skeleton, b.skeleton, soundFloor),
    phoneticSimilarity(a.skeleton, b.skeleton, SAME_SCRIPT_COSTS, soundFloor),
  );
  // other readings belong to one script's conventions for names of another: only across that boundary
  if (a.transcribed !== b.transcribed) {
    if (a.origin === 'cyrillic' || b.origin === 'cyrillic')
      sound = Math.max(sound, crossScriptSimilarity(a, b));
    else {
      if (a.altSkeleton)
        sound = Math.max(sound, phoneticSimilarity(a.altSkeleton, b.skeleton, SAME_SCRIPT_COSTS, soundFloor));
      if (b.altSkeleton)
        sound = Math.max(sound, phoneticSimilarity(a.skeleton, b.altSkeleton, SAME_SCRIPT_COSTS, soundFloor));
      // a Latin part against Han or Hangul written with a transcription table's characters
      if (a.native && b.origin === 'latin') sound = Math.max(sound, transcriptionSimilarity(b, a));
      else if (b.native && a.origin === 'latin') sound = Math.max(sound, transcriptionSimilarity(a, b));
    }
  }
  sound *= discount;
  const consonantal =
    a.abjad || b.abjad
      ? CONSONANT_SHARE *
        stringSimilarity(a.consonants, b.consonants, PAIRING_FLOOR / CONSONANT_SHARE - ROUNDING_SLACK)
      : 0;
  return Math.max(spelling, sound, consonantal);
};

/**
 * Whether two parts of one script (so no reading across scripts) and not from an abjad are so far apart in
 * length that their spelling and their sound both stay below the pairing floor, and they are no given-name
 * variants of each other: then uncachedTokenSimilarity comes to 0, as every reading it computes is refused by
 * its own bound. Most pairs of parts a crossing's candidates bring are new (joined parts, compound surnames), and
 * lengths settle them without counting letters.
 */
const apartInLength = (a: NameToken, b: NameToken, soundFloor: number): boolean => {
  if (a.transcribed !== b.transcribed || a.abjad || b.abjad) return false;
  if (lengthCeiling(a.text, b.text) >= PAIRING_FLOOR) return false;
  if (lengthCeiling(a.skeleton, b.skeleton) >= soundFloor) return false;
  const longer = a.skeleton.length >= b.skeleton.length ? a.skeleton : b.skeleton;
  const dropped = Math.abs(a.skeleton.length - b.skeleton.length);
  // phoneticSimilarity's own limit, widened once more so that summing in another order never decides
  const limit = (1 - soundFloor) * (longer.length + 1) + 2 * ROUNDING_SLACK;
  return leastGaps(longer, dropped, SAME_SCRIPT_COSTS) > limit && !isGivenNameVariant(a.text, b.text);
};

/** A run of one or two adjacent tokens treated as one part ("Jin Ping" against "Jinping"). */
interface Unit {
  readonly token: NameToken;
  readonly covers: readonly number[];
}

const joinable = (token: NameToken | undefined): token is NameToken =>
  token !== undefined && token.text.length > 1;

/** A foreign name in Han or Hangul is joined whole up to this many syllables (longer runs are not one name). */
const MAX_JOINED_SYLLABLES = 8;

/** The units of a name: all of them, and the single tokens alone (what most comparisons pair). */
interface NameUnits {
  readonly all: readonly Unit[];
  readonly singles: readonly Unit[];
}

const UNITS = new WeakMap<NormalisedName, NameUnits>();

/**
 * Single tokens plus runs of adjacent tokens joined (two, or three for syllabic scripts, whose whole run is also
 * joined as one foreign name); computed once per name, the single tokens apart as well, so that comparing a
 * name allocates neither.
 */
const unitsOf = (name: NormalisedName): NameUnits => {
  const cached = UNITS.get(name);
  if (cached) return cached;
  const all = buildUnits(name);
  const units = { all, singles: all.filter((unit) => unit.covers.length === 1) };
  UNITS.set(name, units);
  return units;
};

/** Derives once what comparing a name needs (its joined parts): a watchlist does so for its entries when filed. */
export const prepareComparison = (name: NormalisedName): void => {
  unitsOf(name);
};

const buildUnits = (name: NormalisedName): Unit[] => {
  const tokens = name.tokens;
  const units: Unit[] = tokens.map((token, i) => ({ token, covers: [i] }));
  const longest = name.syllabic ? 3 : 2;
  const join = (i: number, size: number) => {
    const run = tokens.slice(i, i + size);
    // a one-letter Latin part is an initial, never half of a split name; a one-letter syllable ("a") is not
    if (!run.every(joinable) && !name.syllabic) return;
    const texts = run.map((token) => token.text);
    const native = run.every((token) => token.native) ? run.map((token) => token.native).join('') : undefined;
    const token = makeToken(texts.join(''), name.origin, name.syllabic ? texts : undefined, native);
    units.push({ token, covers: run.map((_, k) => i + k) });
  };
  for (let size = 2; size <= longest; size++) {
    for (let i = 0; i + size <= tokens.length; i++) join(i, size);
  }
  // a foreign name written in Han or Hangul is one word of many syllables
  if (name.syllabic && tokens.length > longest && tokens.length <= MAX_JOINED_SYLLABLES)
    join(0, tokens.length);
  return units;
};

/** Below this, two parts are not the same name part: they are left unpaired. */
const PAIRING_FLOOR = 0.7;
/** An extra name part on one side only (a middle name one record lacks) costs this share of its weight. */
const EXTRA_PART_COST = 0.35;
/** Pairs below this similarity are spelling variants at best. */
const CLEAR_AGREEMENT = 0.9;
/** How much of a partly agreeing part's disagreement counts again as contradiction (see align). */
const PARTIAL_PART_COST = 0.9;
/** A patronymic one record lacks costs this share of an ordinary missing part: many documents omit it. */
const PATRONYMIC_SHARE = 0.3;

/** One aligned pair of name parts, for the explanation. */
export interface AlignedPart {
  readonly query: string;
  readonly entry: string;
  readonly similarity: number;
}

/** How well two names agree, 0..1, with the parts that were paired. */
export interface NameComparison {
  readonly score: number;
  readonly pairs: readonly AlignedPart[];
}

interface Candidate {
  readonly q: Unit;
  readonly e: Unit;
  readonly similarity: number;
}

/** The person's own given name: the first part of a name with a nasab. */
const ownNameIn = (name: NormalisedName, other: NormalisedName): boolean => {
  const own = name.tokens[0];
  const line = other.ancestral;
  if (!own || !line) return false;
  return other.tokens.some((token, i) => line[i] === true && tokenSimilarity(own, token) >= CLEAR_AGREEMENT);
};

/**
 * Both names carry a nasab and one's own name is among the other's ancestors (Salman bin Muhammad /
 * Muhammad bin Salman): father and son, or two brothers' sons, not one person.
 */
const swapsGenerations = (query: NormalisedName, entry: NormalisedName): boolean =>
  query.ancestral !== undefined &&
  entry.ancestral !== undefined &&
  (ownNameIn(query, entry) || ownNameIn(entry, query));

/** Under swapped generations, an own name is never paired with the other's ancestor. */
const crossesGenerations = (query: NormalisedName, entry: NormalisedName, q: Unit, e: Unit): boolean =>
  (query.ancestral?.[q.covers[0] as number] ?? false) !== (entry.ancestral?.[e.covers[0] as number] ?? false);

/**
 * The similarity of each single part of the query to each single part of the entry (at query part × the
 * entry's part count + entry part), as the first alignment of two names found them. The alignments after it
 * pair the same single parts again beside the joined ones, and reading a pair back from the shared pair cache
 * misses the CPU caches: 29% of the pair reads of the quick benchmark were these.
 */
let singleSimilarities = new Float64Array(64);

/**
 * How the single-by-single similarities of one name comparison are found (see singleSimilarities): alignNames
 * alone passes 'reuse', and only after its 'record' pass of the same two names.
 */
type SinglePairs = 'record' | 'reuse';

const collectCandidates = (
  query: NormalisedName,
  entry: NormalisedName,
  qUnits: readonly Unit[],
  eUnits: readonly Unit[],
  singlePairs: SinglePairs,
): Candidate[] => {
  const candidates: Candidate[] = [];
  const generations = swapsGenerations(query, entry);
  const width = entry.tokens.length;
  if (singlePairs === 'record' && singleSimilarities.length < query.tokens.length * width)
    singleSimilarities = new Float64Array(query.tokens.length * width);
  for (const q of qUnits) {
    for (const e of eUnits) {
      if (q.covers.length > 1 && e.covers.length > 1) continue;
      const single = q.covers.length === 1 && e.covers.length === 1;
      if (generations && crossesGenerations(query, entry, q, e)) continue;
      const similarity = single
        ? singleSimilarity(q, e, width, singlePairs)
        : tokenSimilarity(q.token, e.token);
      if (similarity >= PAIRING_FLOOR) candidates.push({ q, e, similarity });
    }
  }
  return candidates.sort(byPairing);
};

const singleSimilarity = (q: Unit, e: Unit, width: number, singlePairs: SinglePairs): number => {
  const at = (q.covers[0] as number) * width + (e.covers[0] as number);
  if (singlePairs === 'reuse') return singleSimilarities[at] as number;
  const similarity = tokenSimilarity(q.token, e.token);
  singleSimilarities[at] = similarity;
  return similarity;
};

/** Better pairs first; at equal similarity the pair covering more tokens (joined spellings). */
const byPairing = (x: Candidate, y: Candidate): number =>
  y.similarity - x.similarity ||
  y.q.covers.length + y.e.covers.length - x.q.covers.length - x.e.covers.length;

const sumWeights = (tokens: readonly NameToken[], used: Uint8Array): number => {
  let sum = 0;
  for (let i = 0; i < tokens.length; i++) if (used[i] === 0) sum += (tokens[i] as NameToken).weight;
  return sum;
};

/**
 * What a part left unpaired costs when the other record has nothing left to set against it: patronymics and
 * the ancestors of a nasab are often left off a record, so they cost only a share.
 */
const missingWeight = (name: NormalisedName, used: Uint8Array): number => {
  let sum = 0;
  for (let i = 0; i < name.tokens.length; i++) {
    const token = name.tokens[i] as NameToken;
    if (used[i] === 0) sum += token.weight * (token.patronymic || name.ancestral?.[i] ? PATRONYMIC_SHARE : 1);
  }
  return sum;
};

const anyUsed = (covers: readonly number[], used: Uint8Array): boolean => {
  for (const i of covers) if (used[i] === 1) return true;
  return false;
};

const markUsed = (covers: readonly number[], used: Uint8Array): void => {
  for (const i of covers) used[i] = 1;
};

const allUsed = (count: number, used: Uint8Array): boolean => {
  for (let i = 0; i < count; i++) if (used[i] === 0) return false;
  return true;
};

/** Which tokens of each name one alignment has paired: reused, as alignments never nest. */
let queryUsed = new Uint8Array(32);
let entryUsed = new Uint8Array(32);

const align = (
  query: NormalisedName,
  entry: NormalisedName,
  qUnits: readonly Unit[],
  eUnits: readonly Unit[],
  singlePairs: SinglePairs,
) => {
  const qTokens = query.tokens;
  const eTokens = entry.tokens;
  const candidates = collectCandidates(query, entry, qUnits, eUnits, singlePairs);
  if (queryUsed.length < qTokens.length) queryUsed = new Uint8Array(qTokens.length);
  if (entryUsed.length < eTokens.length) entryUsed = new Uint8Array(eTokens.length);
  const qUsed = queryUsed.fill(0, 0, qTokens.length);
  const eUsed = entryUsed.fill(0, 0, eTokens.length);
  const pairs: AlignedPart[] = [];
  let agreed = 0;
  let total = 0;
  let weakest = 1;
  let doubt = 0;
  for (const { q, e, similarity } of candidates) {
    if (anyUsed(q.covers, qUsed) || anyUsed(e.covers, eUsed)) continue;
    markUsed(q.covers, qUsed);
    markUsed(e.covers, eUsed);
    const weight = (q.token.weight + e.token.weight) / 2;
    agreed += similarity * weight;
    total += weight;
    if (similarity < CLEAR_AGREEMENT) doubt += (1 - similarity) * weight;
    weakest = Math.min(weakest, similarity);
    pairs.push({ query: q.token.text, entry: e.token.text, similarity });
  }
  // beside parts that agree, a part that only half agrees (Castro/Castillo) marks a relative or a namesake:
  // its disagreement counts as a contradiction, as an unpaired part on both sides would
  if (pairs.length > 1) total += doubt * PARTIAL_PART_COST;
  const qLeft = sumWeights(qTokens, qUsed);
  const eLeft = sumWeights(eTokens, eUsed);
  // parts left on both sides contradict each other; parts left on one side only are merely missing there
  const conflicting = Math.min(qLeft, eLeft);
  const extra =
    qLeft > eLeft ? missingWeight(query, qUsed) - conflicting : missingWeight(entry, eUsed) - conflicting;
  total += conflicting * 2 + Math.max(0, extra) * EXTRA_PART_COST;
  const complete = allUsed(qTokens.length, qUsed) || allUsed(eTokens.length, eUsed);
  return { score: total === 0 ? 0 : agreed / total, pairs, settled: complete && weakest >= 0.9 };
};

/** Token-set alignment of two names: order-free, tolerant of joined or split parts and of extra middle names. */
export const compareNames = (query: NormalisedName, entry: NormalisedName): NameComparison => {
  if (query.tokens.length === 0 || entry.tokens.length === 0) return { score: 0, pairs: [] };
  const comparison = alignNames(query, entry);
  // initials alone ("N. N.") fit thousands of full names: they never make more than weak evidence
  if (onlyInitials(query) !== onlyInitials(entry))
    return { score: Math.min(comparison.score, INITIALS_ONLY_CAP), pairs: comparison.pairs };
  return comparison;
};

/** The most a name written only in initials can agree with a full name. */
const INITIALS_ONLY_CAP = 0.6;

const onlyInitials = (name: NormalisedName): boolean => name.tokens.every(isInitial);

const alignNames = (query: NormalisedName, entry: NormalisedName): NameComparison => {
  const qUnits = unitsOf(query);
  const eUnits = unitsOf(entry);
  // joined parts are only worth trying when the parts one by one leave something unexplained
  const simple = align(query, entry, qUnits.singles, eUnits.singles, 'record');
  let best = simple;
  if (
    !simple.settled &&
    (qUnits.all.length > query.tokens.length || eUnits.all.length > entry.tokens.length)
  ) {
    const joined = align(query, entry, qUnits.all, eUnits.all, 'reuse');
    if (joined.score > simple.score) best = joined;
  }
  // a foreign name written whole in Han or Hangul is one part, which a greedy pairing of its pieces passes over
  // when a piece happens to sound like the Latin name (约翰逊: 翰逊 against Johnson; 라 against Rao)
  const qWhole = wholeTranscriptionUnits(query, qUnits.all);
  const eWhole = wholeTranscriptionUnits(entry, eUnits.all);
  if (qWhole || eWhole) {
    const whole = align(query, entry, qWhole ?? qUnits.singles, eWhole ?? eUnits.singles, 'reuse');
    if (whole.score > best.score) best = whole;
  }
  return { score: best.score, pairs: best.pairs };
};

/** The whole run of a name read as one foreign name's transcription, as its only part; undefined otherwise. */
const wholeTranscriptionUnits = (name: NormalisedName, units: readonly Unit[]): Unit[] | undefined => {
  if (!name.syllabic) return undefined;
  const whole = units.find((unit) => unit.covers.length === name.tokens.length && unit.token.native);
  return whole && whole.covers.length > 1 ? [whole] : undefined;
};
