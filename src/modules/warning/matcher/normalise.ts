import { isAbjad, isSyllabic, transliterate } from './transliterate.js';

/** One name part, in the forms the scorer compares. */
export interface NameToken {
  /** Latin letters a–z only. */
  readonly text: string;
  /** Phonetic skeleton: transliteration variants of the same sound map to the same symbols. */
  readonly skeleton: string;
  /** A second reading where "x" stands for the kh sound (GOST 7.79, Wade-Giles) rather than "ks". */
  readonly altSkeleton?: string;
  /** The skeleton without vowels, for scripts that do not write vowels. */
  readonly consonants: string;
  /** How much this part counts toward identity: particles and initials count little. */
  readonly weight: number;
  /** Came from a script without written vowels: compare on consonants. */
  readonly abjad: boolean;
}

/** A full name broken into comparable parts. */
export interface NormalisedName {
  readonly tokens: readonly NameToken[];
  /** Came from Han or Hangul syllables, which Latin spellings often join ("Jin Ping" / "Jinping"). */
  readonly syllabic: boolean;
}

/** Titles and honorifics that say nothing about who the person is (Western, Burmese, Thai, Lao, Vietnamese). */
const HONORIFICS = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mister',
  'dr',
  'prof',
  'sir',
  'madam',
  'mme',
  'mlle',
  'herr',
  'frau',
  'u',
  'daw',
  'maung',
  'mg',
  'ko',
  'ma',
  'naw',
  'saw',
  'khun',
  'nai',
  'nang',
  'nangsao',
  'thao',
  'ong',
  'ba',
]);

/** Honorifics unambiguous enough to drop wherever they appear, not only in front. */
const ANYWHERE_HONORIFICS = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'mister']);

/** Connecting particles: kept, but they weigh little because they are shared by unrelated people. */
const PARTICLES = new Set([
  'bin',
  'ibn',
  'ben',
  'bint',
  'binti',
  'al',
  'el',
  'ul',
  'ad',
  'ud',
  'van',
  'von',
  'der',
  'den',
  'de',
  'da',
  'di',
  'du',
  'del',
  'della',
  'la',
  'le',
  'dos',
  'das',
  'do',
  'y',
  'ter',
  'ten',
  'zu',
  'ap',
  'bar',
  'ould',
  'oglu',
  'uulu',
  'kyzy',
  'qizi',
  'ogly',
]);

/** Digits OCR and leetspeak put in names, read back as the letters they stand for. */
const DIGIT_LETTERS: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '6': 'g',
  '7': 't',
  '8': 'b',
  '9': 'g',
};

/**
 * Sound-alike rewrites, applied in order. Uppercase letters are temporary symbols for phonemes that
 * transliteration systems spell differently (sh, ch, zh/j, ts); they are the skeleton's alphabet.
 */
const SKELETON_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/x/g, 'ks'],
  [/shch|sch|sh|sz|ş/g, 'S'],
  [/tsch|tch|cz|ch/g, 'X'],
  [/dzh|dj|zh|j/g, 'J'],
  [/ts|tz/g, 'C'],
  [/kh/g, 'h'],
  [/gh/g, 'g'],
  [/ph/g, 'f'],
  [/th/g, 't'],
  [/ck|q/g, 'k'],
  [/c(?=[eiy])/g, 's'],
  [/c/g, 'k'],
  [/w/g, 'v'],
  [/ou|oo/g, 'u'],
  [/ue/g, 'u'],
  [/[ao]/g, 'a'],
  [/[eiy]/g, 'i'],
  [/(.)\1+/g, '$1'],
];

/** Phonetic skeleton of one latin token (see SKELETON_RULES). */
export const skeletonOf = (token: string): string => {
  let out = token;
  for (const [pattern, replacement] of SKELETON_RULES) out = out.replace(pattern, replacement);
  // an initial vowel-glide ("ye", "ya", "yu" vs "e", "a", "u") is the commonest Cyrillic spelling split
  if (out.length > 2 && out[0] === 'i' && /[au]/.test(out[1] ?? '')) out = out.slice(1);
  return out;
};

const consonantsOf = (skeleton: string): string => skeleton.replace(/[aiu]/g, '').replace(/(.)\1+/g, '$1');

const tokenWeight = (text: string): number => {
  if (PARTICLES.has(text)) return 0.2;
  if (text.length === 1) return 0.3;
  return Math.min(1.5, 0.6 + text.length * 0.1);
};

/** Interned tokens: a large watchlist repeats the same name parts, and sharing them keeps the index small. */
const TOKEN_CACHE = new Map<string, NameToken>();
const TOKEN_CACHE_LIMIT = 2_000_000;

/** Builds (or reuses) the comparable form of one latin token. */
export const makeToken = (text: string, abjad = false): NameToken => {
  const key = abjad ? `#${text}` : text;
  const cached = TOKEN_CACHE.get(key);
  if (cached) return cached;
  const skeleton = skeletonOf(text);
  const token = Object.freeze({
    text,
    skeleton,
    consonants: consonantsOf(skeleton),
    weight: tokenWeight(text),
    abjad,
  });
  if (TOKEN_CACHE.size >= TOKEN_CACHE_LIMIT) TOKEN_CACHE.clear();
  TOKEN_CACHE.set(key, token);
  return token;
};

const stripHonorifics = (parts: string[]): string[] => {
  const kept = parts.filter((part) => !ANYWHERE_HONORIFICS.has(part));
  let start = 0;
  while (start < kept.length - 1 && HONORIFICS.has(kept[start] ?? '')) start++;
  return kept.slice(start);
};

/** Latin, lowercase, letters only: the spelling-level normal form of a name (before phonetics). */
export const latinise = (raw: string): string =>
  transliterate(raw.replace(/[0-9]/g, (digit) => DIGIT_LETTERS[digit] ?? ' '))
    .replace(/['’ʼ`‘ʻ]/g, '')
    .replace(/[^a-z]+/g, ' ')
    .trim();

/** Splits, transliterates and cleans a name written in any supported script. */
export const normaliseName = (raw: string): NormalisedName => {
  const abjad = isAbjad(raw);
  const parts = stripHonorifics(latinise(raw).split(' ').filter(Boolean));
  return { tokens: parts.map((part) => makeToken(part, abjad)), syllabic: isSyllabic(raw) };
};
