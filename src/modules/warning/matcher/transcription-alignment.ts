/**
 * Alignment of a Latin name's phonetic skeleton with a foreign name as transcribed into Han characters or Hangul.
 * A transcription is read as a row of slots, each holding the skeleton letters (see `skeletonOf`) the written
 * syllable part may stand for: 克 is k followed by a vowel that is often not pronounced, 夫 is f or v, 스 is s.
 * The alignment is a weighted edit distance where a slot costs the least of its letters, and where the vowels a
 * transcription adds between consonants (Xinhua's 斯 si for s, the Korean epenthetic 으) cost almost nothing.
 */

/** One position of a transcription reading: the letters it may stand for and what leaving it out costs. */
export interface Slot {
  /** Skeleton letters this position may sound as (a, i, u for vowels; S, X, J, C for sh, ch, j, ts). */
  readonly letters: string;
  /** Cost of the Latin name having nothing here (an added vowel costs little, an added consonant much). */
  readonly gap: number;
  /** Letters this position renders in part of the language's speech or in one table only (see `ALIKE_COST`). */
  readonly alike?: string;
}

/** A transcription read as slots, with each slot's substitution costs against every skeleton letter. */
export interface TranscriptionReading {
  readonly slots: readonly Slot[];
  /** Row i × 128 + letter code: what aligning that Latin letter with slot i costs. */
  readonly costs: Float64Array;
  readonly gaps: Float64Array;
}

const ALPHABET = 128;
const VOWELS = 'aiu';

/**
 * Sounds transcription tables render by one another: voicing pairs (Chinese has no voiced stops, so 巴 ba
 * writes both b and p), the sibilants and affricates, l and r (Chinese has one liquid), m and n, w and v.
 */
const NEAR: ReadonlyArray<readonly [string, number]> = [
  ['aiu', 0.2],
  ['lr', 0.15],
  ['pb', 0.3],
  ['td', 0.3],
  ['kg', 0.3],
  ['fv', 0.15],
  ['fp', 0.35],
  ['bv', 0.3],
  ['vu', 0.3],
  ['sz', 0.25],
  ['sS', 0.3],
  ['sC', 0.3],
  ['zC', 0.25],
  ['zJ', 0.3],
  ['SX', 0.3],
  ['SJ', 0.35],
  ['XJ', 0.3],
  ['XC', 0.3],
  ['Jg', 0.3],
  ['Ji', 0.4],
  ['Xk', 0.4],
  ['hX', 0.35],
  ['hg', 0.4],
  ['hk', 0.4],
  ['mn', 0.3],
];

/**
 * Latin letters a transcription may leave unwritten: vowels of a diphthong or a cluster, h, a non-rhotic r
 * (Martha as 玛莎), a w-glide, and final consonants French and English do not sound.
 */
const LATIN_GAP: Readonly<Record<string, number>> = {
  a: 0.3,
  i: 0.3,
  u: 0.3,
  h: 0.2,
  r: 0.3,
  v: 0.5,
  n: 0.6,
  t: 0.5,
  d: 0.5,
  s: 0.6,
  l: 0.45,
};
const LATIN_GAP_DEFAULT = 0.85;
/**
 * An r after a vowel and before a consonant or the end is not sounded in British English, and both tables
 * follow the sound (Harper 哈珀, Windsor 温莎, Turner 터너): leaving it out costs little.
 */
const NON_RHOTIC_R_GAP = 0.1;
const R = 'r'.charCodeAt(0);
/**
 * The g of ng before a consonant or the end is no sound of its own but the velar nasal, which both tables may
 * write with a plain n final (Melling 梅林, Erving 厄文): leaving it out costs little.
 */
const VELAR_NASAL_G_GAP = 0.2;
const G = 'g'.charCodeAt(0);
const N = 'n'.charCodeAt(0);
/**
 * An l after a vowel and before a consonant or the end is the dark l, half a vowel in English and often left
 * unwritten (Mulvaney 马瓦尼, Holm 홈): leaving it out costs less than other consonants.
 */
const DARK_L_GAP = 0.25;
const L = 'l'.charCodeAt(0);
const isVowelCode = (code: number): boolean => code === 97 || code === 105 || code === 117;

const BASE = new Float64Array(ALPHABET * ALPHABET).fill(1);
for (let code = 0; code < ALPHABET; code++) BASE[code * ALPHABET + code] = 0;
for (const [letters, cost] of NEAR) {
  for (const x of letters) {
    for (const y of letters) {
      if (x !== y) BASE[x.charCodeAt(0) * ALPHABET + y.charCodeAt(0)] = cost;
    }
  }
}
const LATIN_GAPS = new Float64Array(ALPHABET).fill(LATIN_GAP_DEFAULT);
for (const [letter, cost] of Object.entries(LATIN_GAP)) LATIN_GAPS[letter.charCodeAt(0)] = cost;

/** A slot for a vowel the transcription adds or reduces (斯 si for s, 스 seu for s): nearly free to drop. */
export const reducedVowel = (letters = VOWELS): Slot => ({ letters, gap: 0.05 });
/** A full vowel: dropping it costs something, but vowel quality shifts cheaply. */
export const vowel = (letters: string, gap = 0.3): Slot => ({ letters, gap });
/** A consonant: the Latin name should have it. */
export const consonant = (letters: string, gap = 1): Slot => ({ letters, gap });

/** What a letter among a slot's `alike` letters costs: a rendering some transcriptions use, not the table's. */
const ALIKE_COST = 0.4;

/** Leaving out a vowel that follows another vowel or a glide costs at most this (see `withVowelRuns`). */
const VOWEL_RUN_GAP = 0.15;
const VOWEL_LETTERS = /^[aiu]+$/;
const GLIDE_LETTERS = /^[aiuvJ]+$/;

/**
 * Makes a vowel that follows a vowel (directly or through a glide) cheap to leave out: a transcription writes
 * every vowel of a hiatus or a diphthong (라오 Rao, 사리예프 Sariyev, 加布里埃尔 Gabriel), where the Latin
 * skeleton merges neighbouring vowel letters into one.
 */
export const withVowelRuns = (slots: readonly Slot[]): Slot[] => {
  let afterVowel = false;
  return slots.map((slot) => {
    const isVowel = slot.gap <= 0.3 && VOWEL_LETTERS.test(slot.letters);
    const isGlide = slot.gap <= 0.1 && GLIDE_LETTERS.test(slot.letters);
    const cheap = afterVowel && isVowel && slot.gap > VOWEL_RUN_GAP;
    if (!isGlide) afterVowel = isVowel;
    return cheap ? { letters: slot.letters, gap: VOWEL_RUN_GAP } : slot;
  });
};

const GEMINATE_GAP = 0.15;
const isConsonant = (slot: Slot): boolean =>
  !VOWEL_LETTERS.test(slot.letters) && !GLIDE_LETTERS.test(slot.letters);

/**
 * Makes a syllable-closing consonant cheap to leave out where the next syllable opens with the same sound:
 * both scripts write a Latin double consonant on both sides of the syllable boundary (邦納 Bonner, 안나 Anna,
 * 맥켈비 McKelvey), where the Latin skeleton has one letter. A slot the alignment already skips cheaply
 * (the g of -ng) may stand between them.
 */
export const withGemination = (slots: readonly Slot[]): Slot[] =>
  slots.map((slot, i) => {
    if (!isConsonant(slot) || slot.gap <= GEMINATE_GAP) return slot;
    let k = i + 1;
    while (slots[k] && isConsonant(slots[k] as Slot) && (slots[k] as Slot).gap <= 0.1) k++;
    const next = slots[k];
    if (!next || !isConsonant(next)) return slot;
    for (const letter of slot.letters) {
      if (next.letters.includes(letter)) return { letters: slot.letters, gap: GEMINATE_GAP };
    }
    return slot;
  });

/** Precomputes the substitution costs of each slot, so the alignment reads a table per cell. */
export const readingOf = (slots: readonly Slot[]): TranscriptionReading => {
  const costs = new Float64Array(slots.length * ALPHABET);
  const gaps = new Float64Array(slots.length);
  slots.forEach((slot, i) => {
    gaps[i] = slot.gap;
    for (let code = 0; code < ALPHABET; code++) {
      let best = slot.alike?.includes(String.fromCharCode(code)) ? ALIKE_COST : 1;
      for (let k = 0; k < slot.letters.length; k++) {
        best = Math.min(best, BASE[code * ALPHABET + slot.letters.charCodeAt(k)] as number);
      }
      costs[i * ALPHABET + code] = best;
    }
  });
  return { slots, costs, gaps };
};

/** What leaving out the Latin letter at `i` costs: a non-rhotic r, the g of ng and a dark l cost little. */
const latinGapAt = (skeleton: string, i: number, code: number): number => {
  if (i === 0 || isVowelCode(skeleton.charCodeAt(i + 1))) return LATIN_GAPS[code] as number;
  const before = skeleton.charCodeAt(i - 1);
  if (code === R && isVowelCode(before)) return NON_RHOTIC_R_GAP;
  if (code === G && before === N) return VELAR_NASAL_G_GAP;
  if (code === L && isVowelCode(before)) return DARK_L_GAP;
  return LATIN_GAPS[code] as number;
};

const SCRATCH = 64;
const previousRow = new Float64Array(SCRATCH + 1);
const currentRow = new Float64Array(SCRATCH + 1);

/**
 * Least cost of aligning a Latin skeleton with a transcription reading; Infinity once every alignment costs more
 * than `limit` (callers rank close pairs only).
 */
export const transcriptionDistance = (
  skeleton: string,
  reading: TranscriptionReading,
  limit = Number.POSITIVE_INFINITY,
): number => {
  const n = reading.gaps.length;
  const big = n > SCRATCH;
  let previous = big ? new Float64Array(n + 1) : previousRow;
  let current = big ? new Float64Array(n + 1) : currentRow;
  const { costs, gaps } = reading;
  previous[0] = 0;
  for (let j = 1; j <= n; j++) previous[j] = (previous[j - 1] as number) + (gaps[j - 1] as number);
  for (let i = 0; i < skeleton.length; i++) {
    const code = Math.min(skeleton.charCodeAt(i), ALPHABET - 1);
    const latinGap = latinGapAt(skeleton, i, code);
    current[0] = (previous[0] as number) + latinGap;
    let rowBest = current[0] as number;
    for (let j = 1; j <= n; j++) {
      const best = Math.min(
        (previous[j] as number) + latinGap,
        (current[j - 1] as number) + (gaps[j - 1] as number),
        (previous[j - 1] as number) + (costs[(j - 1) * ALPHABET + code] as number),
      );
      current[j] = best;
      if (best < rowBest) rowBest = best;
    }
    if (rowBest > limit) return Number.POSITIVE_INFINITY;
    [previous, current] = [current, previous];
  }
  return previous[n] as number;
};
