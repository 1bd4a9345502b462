import { makeToken, type NameToken, type NormalisedName } from './normalise.js';

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

const rowA = new Int32Array(SCRATCH + 1);
const rowB = new Int32Array(SCRATCH + 1);
const rowC = new Int32Array(SCRATCH + 1);

/** Optimal-string-alignment distance: edits where swapping two neighbours counts as one. */
export const editDistance = (a: string, b: string): number => {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (la === 0) return lb;
  if (lb === 0) return la;
  const big = lb > SCRATCH;
  let twoBack = big ? new Int32Array(lb + 1) : rowA;
  let previous = big ? new Int32Array(lb + 1) : rowB;
  let current = big ? new Int32Array(lb + 1) : rowC;
  for (let j = 0; j <= lb; j++) previous[j] = j;
  for (let i = 1; i <= la; i++) {
    current[0] = i;
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
        best = Math.min(best, (twoBack[j - 2] as number) + 1);
      }
      current[j] = best;
    }
    [twoBack, previous, current] = [previous, current, twoBack];
  }
  return previous[lb] as number;
};

/** Jaro-Winkler tempered by edit distance: JW alone rates short unrelated names (Olga/Oleg) too high. */
const stringSimilarity = (a: string, b: string): number => {
  if (a === b) return 1;
  const jw = jaroWinkler(a, b);
  if (jw < 0.6) return jw * 0.8;
  const edits = editDistance(a, b);
  return 0.5 * jw + 0.5 * (1 - edits / Math.max(a.length, b.length));
};

/** Phonetic agreement is slightly weaker evidence than identical spelling. */
const SOUND_DISCOUNT = 0.96;

/** Similarity of two name parts, from spelling, sound skeleton and (for abjad sources) consonants. */
export const tokenSimilarity = (a: NameToken, b: NameToken): number => {
  if (a.text === b.text) return 1;
  if (a.text.length === 1 || b.text.length === 1) {
    const [short, long] = a.text.length <= b.text.length ? [a, b] : [b, a];
    return long.text.startsWith(short.text) ? 0.9 : 0;
  }
  const spelling = stringSimilarity(a.text, b.text);
  if (spelling >= SOUND_DISCOUNT) return spelling;
  let sound = stringSimilarity(a.skeleton, b.skeleton);
  if (a.altSkeleton) sound = Math.max(sound, stringSimilarity(a.altSkeleton, b.skeleton));
  if (b.altSkeleton) sound = Math.max(sound, stringSimilarity(a.skeleton, b.altSkeleton));
  sound *= SOUND_DISCOUNT;
  const consonantal = a.abjad || b.abjad ? 0.92 * stringSimilarity(a.consonants, b.consonants) : 0;
  return Math.max(spelling, sound, consonantal);
};

/** A run of one or two adjacent tokens treated as one part ("Jin Ping" against "Jinping"). */
interface Unit {
  readonly token: NameToken;
  readonly covers: readonly number[];
}

const joinable = (token: NameToken | undefined): token is NameToken =>
  token !== undefined && token.text.length > 1;

const UNITS = new WeakMap<NormalisedName, Unit[]>();

/** Single tokens plus runs of adjacent tokens joined (two, or three for syllabic scripts); computed once per name. */
const unitsOf = (name: NormalisedName): Unit[] => {
  const cached = UNITS.get(name);
  if (cached) return cached;
  const units = buildUnits(name);
  UNITS.set(name, units);
  return units;
};

const buildUnits = (name: NormalisedName): Unit[] => {
  const tokens = name.tokens;
  const units: Unit[] = tokens.map((token, i) => ({ token, covers: [i] }));
  const longest = name.syllabic ? 3 : 2;
  for (let size = 2; size <= longest; size++) {
    for (let i = 0; i + size <= tokens.length; i++) {
      const run = tokens.slice(i, i + size);
      if (!run.every(joinable)) continue;
      const text = run.map((token) => token.text).join('');
      const covers = run.map((_, k) => i + k);
      units.push({
        token: makeToken(
          text,
          run.some((token) => token.abjad),
        ),
        covers,
      });
    }
  }
  return units;
};

/** Below this, two parts are not the same name part: they are left unpaired. */
const PAIRING_FLOOR = 0.55;
/** An extra name part on one side only (a middle name one record lacks) costs this share of its weight. */
const EXTRA_PART_COST = 0.35;

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

const collectCandidates = (qUnits: readonly Unit[], eUnits: readonly Unit[]): Candidate[] => {
  const candidates: Candidate[] = [];
  for (const q of qUnits) {
    for (const e of eUnits) {
      if (q.covers.length > 1 && e.covers.length > 1) continue;
      const similarity = tokenSimilarity(q.token, e.token);
      if (similarity >= PAIRING_FLOOR) candidates.push({ q, e, similarity });
    }
  }
  // prefer better pairs; at equal similarity prefer the pair covering more tokens (joined spellings)
  return candidates.sort(
    (x, y) =>
      y.similarity - x.similarity ||
      y.q.covers.length + y.e.covers.length - x.q.covers.length - x.e.covers.length,
  );
};

const sumWeights = (tokens: readonly NameToken[], used: readonly boolean[]): number =>
  tokens.reduce((sum, token, i) => (used[i] ? sum : sum + token.weight), 0);

const align = (
  query: NormalisedName,
  entry: NormalisedName,
  qUnits: readonly Unit[],
  eUnits: readonly Unit[],
) => {
  const qTokens = query.tokens;
  const eTokens = entry.tokens;
  const qUsed = new Array<boolean>(qTokens.length).fill(false);
  const eUsed = new Array<boolean>(eTokens.length).fill(false);
  const pairs: AlignedPart[] = [];
  let agreed = 0;
  let total = 0;
  let weakest = 1;
  for (const { q, e, similarity } of collectCandidates(qUnits, eUnits)) {
    if (q.covers.some((i) => qUsed[i]) || e.covers.some((i) => eUsed[i])) continue;
    for (const i of q.covers) qUsed[i] = true;
    for (const i of e.covers) eUsed[i] = true;
    const weight = (q.token.weight + e.token.weight) / 2;
    agreed += similarity * weight;
    total += weight;
    weakest = Math.min(weakest, similarity);
    pairs.push({ query: q.token.text, entry: e.token.text, similarity });
  }
  const qLeft = sumWeights(qTokens, qUsed);
  const eLeft = sumWeights(eTokens, eUsed);
  // parts left on both sides contradict each other; parts left on one side only are merely missing there
  const conflicting = Math.min(qLeft, eLeft);
  const extra = Math.max(qLeft, eLeft) - conflicting;
  total += conflicting * 2 + extra * EXTRA_PART_COST;
  const complete = qUsed.every(Boolean) || eUsed.every(Boolean);
  return { score: total === 0 ? 0 : agreed / total, pairs, settled: complete && weakest >= 0.9 };
};

const singlesOf = (units: readonly Unit[]): Unit[] => units.filter((unit) => unit.covers.length === 1);

/** Token-set alignment of two names: order-free, tolerant of joined or split parts and of extra middle names. */
export const compareNames = (query: NormalisedName, entry: NormalisedName): NameComparison => {
  if (query.tokens.length === 0 || entry.tokens.length === 0) return { score: 0, pairs: [] };
  const qUnits = unitsOf(query);
  const eUnits = unitsOf(entry);
  // joined parts are only worth trying when the parts one by one leave something unexplained
  const simple = align(query, entry, singlesOf(qUnits), singlesOf(eUnits));
  if (simple.settled || (qUnits.length === query.tokens.length && eUnits.length === entry.tokens.length)) {
    return { score: simple.score, pairs: simple.pairs };
  }
  const joined = align(query, entry, qUnits, eUnits);
  const best = joined.score > simple.score ? joined : simple;
  return { score: best.score, pairs: best.pairs };
};
