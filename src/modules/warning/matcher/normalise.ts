import { looksLikeChinesePersonalName } from './han-transcription.js';
import { looksLikeKoreanPersonalName } from './hangul-transcription.js';
import { cyrillicReadings, orthographyReadings, palladiusReading } from './orthography-readings.js';
import { isAbjad, isSyllabic, transliterate } from './transliterate.js';

/** One name part, in the forms the scorer compares. */
export interface NameToken {
  /** Identity of the interned token: equal ids mean equal tokens, so comparisons can be cached by id. */
  readonly id: number;
  /** Latin letters a–z only. */
  readonly text: string;
  /** Phonetic skeleton: transliteration variants of the same sound map to the same symbols. */
  readonly skeleton: string;
  /**
   * A second reading, compared only across a script boundary: a foreign name as transcribed into Han or Hangul,
   * Japanese in Polivanov Cyrillic read as Hepburn, a Latin name read by French spelling rules.
   */
  readonly altSkeleton?: string;
  /** The skeleton without vowels, for scripts that do not write vowels. */
  readonly consonants: string;
  /** How much this part counts toward identity: particles and initials count little. */
  readonly weight: number;
  /** Came from a script without written vowels: compare on consonants. */
  readonly abjad: boolean;
  /** Transliterated from a non-Latin script: its spelling is ours, so only its sound is evidence. */
  readonly transcribed: boolean;
  /** The script the token was read from. */
  readonly origin: TokenOrigin;
  /** The set of skeleton letters as bits, for a cheap similarity estimate before the full comparison. */
  readonly letters: number;
  /** Looks like a patronymic (Viktorovich, Ivanovna): often left out of a record, so its absence costs little. */
  readonly patronymic: boolean;
  /** The Han characters or Hangul syllables the token was read from, for reading them as a transcription. */
  readonly native?: string;
}

/** The script a token was read from, which decides how its spelling and sound are compared. */
export type TokenOrigin = 'latin' | 'cyrillic' | 'script' | 'abjad' | 'han' | 'hangul';

/** A full name broken into comparable parts. */
export interface NormalisedName {
  readonly tokens: readonly NameToken[];
  /** Came from Han or Hangul syllables, which Latin spellings often join ("Jin Ping" / "Jinping"). */
  readonly syllabic: boolean;
  /** The script the name was read from. */
  readonly origin: TokenOrigin;
  /**
   * For an Arabic-style name with a nasab ("Salman bin Muhammad"): per token, true when it names an ancestor
   * (after the first bin/ibn/bint), false when it is the person's own name. Absent for other names.
   */
  readonly ancestral?: readonly boolean[];
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
 * transliteration systems spell differently (sh, ch, zh/j, ts); they are the skeleton's alphabet. The third
 * field lists letters of which every match holds one: a rule is skipped when the text has none of them, since
 * running a regex that cannot match costs more than looking for a letter (most tokens meet few rules).
 */
const SKELETON_RULES: ReadonlyArray<readonly [RegExp, string, string]> = [
  // a doubled h first, so that after s, c, k (Shhah) it does not survive the digraphs as a stray h
  [/hh+/g, 'h', 'h'],
  [/x/g, 'ks', 'x'],
  [/shch|sch|sh|sz|ş/g, 'S', 'sş'],
  [/tsch|tch|cz|ch/g, 'X', 'c'],
  // English "dge" (Hodges, Patridge) is the j sound
  [/dg(?=[eiy])/g, 'J', 'd'],
  [/dzh|dj|zh|j/g, 'J', 'jz'],
  [/ts|tz/g, 'C', 't'],
  [/kh/g, 'h', 'k'],
  [/gh/g, 'g', 'g'],
  [/ph/g, 'f', 'p'],
  [/th/g, 't', 't'],
  [/ck|q/g, 'k', 'cq'],
  [/c(?=[eiy])/g, 's', 'c'],
  [/c/g, 'k', 'c'],
  [/w/g, 'v', 'w'],
  [/ou|oo/g, 'u', 'o'],
  [/ue/g, 'u', 'u'],
  [/[ao]/g, 'a', 'ao'],
  [/[eiy]/g, 'i', 'eiy'],
];

/** Whether `text` holds one of `letters`. */
const holdsAny = (text: string, letters: string): boolean => {
  for (let i = 0; i < letters.length; i++) if (text.includes(letters.charAt(i))) return true;
  return false;
};

/** Phonetic skeleton of one latin token (see SKELETON_RULES). */
export const skeletonOf = (token: string): string => {
  let out = token;
  for (const [pattern, replacement, trigger] of SKELETON_RULES) {
    if (holdsAny(out, trigger)) out = out.replace(pattern, replacement);
  }
  // then doubled letters, whichever they are
  out = out.replace(/(.)\1+/g, '$1');
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

/** East Slavic, South Slavic and Turkic patronymic endings (ICAO and national transliterations of them). */
const PATRONYMIC =
  /^[a-z]{3,}(ovich|evich|ovych|evych|ovitch|evitch|ovna|evna|ivna|ichna|ogly|oglu|uly|kyzy|qizi)$/;

/**
 * Foreign names written in Han characters or Hangul spell a lone consonant as a whole syllable (Xinhua's
 * transcription table: 斯 si for s, 克 ke for k, 尔 er for r; the Korean loanword rules: 스 seu, 드 deu). This
 * reads a joined run of such syllables the way the foreign name sounds, for comparison with its Latin form.
 */
const loanReading = (syllables: readonly string[], origin: TokenOrigin): string => {
  if (origin === 'hangul') {
    return syllables
      .map((syllable, i) => (i > 0 || syllables.length > 1 ? syllable.replace(/eu/g, '') : syllable))
      .join('')
      .replace(/eo|oe/g, 'o')
      .replace(/ae/g, 'e')
      .replace(/sy/g, 'sh')
      .replace(/lr/g, 'll');
  }
  // a lone consonant ends a word or closes a cluster: after the first syllable, or before an l-syllable (kl, fl)
  return syllables
    .map((syllable, i) =>
      (i > 0 || /^l/.test(syllables[i + 1] ?? '')) &&
      /^(si|shi|zi|ci|ke|ge|te|de|er|bu|pu|fu|mu|ku|gu|tu|du|su|he)$/.test(syllable)
        ? syllable.replace(/(e|i|u|er)$/, (vowel) => (vowel === 'er' ? 'r' : ''))
        : syllable,
    )
    .join('')
    .replace(/x/g, 'sh')
    .replace(/q/g, 'ch')
    .replace(/c(?!h)/g, 'ts')
    .replace(/uo/g, 'o')
    .replace(/ei/g, 'e');
};

/** Bit of each skeleton letter: a–z, then the phoneme symbols S, X, J and C. */
const letterSet = (skeleton: string): number => {
  let set = 0;
  for (let i = 0; i < skeleton.length; i++) {
    const code = skeleton.charCodeAt(i);
    const bit = code >= 97 ? code - 97 : 26 + 'SXJC'.indexOf(skeleton.charAt(i));
    if (bit >= 0 && bit < 30) set |= 1 << bit;
  }
  return set;
};

/** Polivanov's Cyrillic for Japanese (си, ти, дзи, ся) read as Hepburn (shi, chi, ji, sha). */
const hepburnOfPolivanov = (text: string): string =>
  text
    .replace(/dzi/g, 'ji')
    .replace(/dzy/g, 'j')
    .replace(/dz/g, 'z')
    .replace(/ti/g, 'chi')
    .replace(/ty/g, 'ch')
    .replace(/si/g, 'shi')
    .replace(/sy/g, 'sh');

/**
 * A Latin name read by French spelling (Reinaud, Goudreau, Chausson): silent h, final consonants and mute e,
 * eau/au as o, oi as wa (spelt ua), ch as sh, ill and gn as y and ny, qu as k.
 */
const frenchReading = (text: string): string =>
  text
    .replace(/^h/, '')
    .replace(/eaux?$/, 'o')
    .replace(/eau|au/g, 'o')
    .replace(/oi/g, 'ua')
    .replace(/ch/g, 'sh')
    .replace(/([aeiou])ill/g, '$1y')
    .replace(/gn/g, 'ny')
    .replace(/qu/g, 'k')
    .replace(/([aeiouy])(lt|ld|[stdxzp]|ts|ds)$/, '$1')
    .replace(/([^aeiouy])es?$/, '$1');

const alternativeReading = (text: string, origin: TokenOrigin, syllables?: readonly string[]): string => {
  if (syllables) return loanReading(syllables, origin);
  if (origin === 'cyrillic') return hepburnOfPolivanov(text);
  if (origin === 'latin' && text.length > 3) return frenchReading(text);
  return text;
};

/** Readings under other spelling conventions, for comparison with a transcription in another script. */
const otherReadings = (text: string, origin: TokenOrigin): string[] => {
  if (origin === 'cyrillic') return cyrillicReadings(text);
  if (origin !== 'latin' || text.length < 3) return [];
  const palladius = palladiusReading(text);
  const readings = orthographyReadings(text);
  return palladius ? [...readings, palladius] : readings;
};

const READINGS = new WeakMap<NameToken, readonly string[]>();

/**
 * Every skeleton a token may sound as across a script boundary: its alternative reading and its readings under
 * other orthographies or transcription conventions, the plain skeleton excluded. Computed on first use (only
 * cross-script comparisons need them) and remembered; a candidate stage may index them as sound keys.
 */
export const crossScriptReadings = (token: NameToken): readonly string[] => {
  const known = READINGS.get(token);
  if (known) return known;
  const readings = new Set(otherReadings(token.text, token.origin).map(skeletonOf));
  if (token.altSkeleton) readings.add(token.altSkeleton);
  readings.delete(token.skeleton);
  const list = Object.freeze([...readings]);
  READINGS.set(token, list);
  return list;
};

/** Interned tokens: a large watchlist repeats the same name parts, and sharing them keeps the index small. */
const TOKEN_CACHE = new Map<string, NameToken>();
const TOKEN_CACHE_LIMIT = 2_000_000;
let nextTokenId = 0;

/**
 * Builds (or reuses) the comparable form of one latin token; `syllables`, for a run of Han or Hangul syllables
 * joined into one part, adds the reading of a foreign name transcribed into that script; `native` keeps the
 * characters the token was read from.
 */
export const makeToken = (
  text: string,
  origin: TokenOrigin = 'latin',
  syllables?: readonly string[],
  native?: string,
): NameToken => {
  const key = `${origin}${syllables ? '+' : ':'}${text}${native ? `:${native}` : ''}`;
  const cached = TOKEN_CACHE.get(key);
  if (cached) return cached;
  const skeleton = skeletonOf(text);
  const alternative = skeletonOf(alternativeReading(text, origin, syllables));
  const token: NameToken = Object.freeze({
    id: nextTokenId++,
    text,
    skeleton,
    ...(alternative === skeleton ? {} : { altSkeleton: alternative }),
    consonants: consonantsOf(skeleton),
    weight: tokenWeight(text),
    abjad: origin === 'abjad',
    transcribed: origin !== 'latin',
    origin,
    letters: letterSet(skeleton),
    patronymic: PATRONYMIC.test(text),
    ...(native ? { native } : {}),
  });
  if (TOKEN_CACHE.size >= TOKEN_CACHE_LIMIT) TOKEN_CACHE.clear();
  TOKEN_CACHE.set(key, token);
  return token;
};

const stripHonorifics = (parts: string[]): string[] => {
  const kept = parts.filter((part) => !ANYWHERE_HONORIFICS.has(part));
  // many honorifics are also names (Thao, Ma, Ko, Ong): one is dropped only when two parts remain after it
  let start = 0;
  while (start < kept.length - 2 && HONORIFICS.has(kept[start] ?? '')) start++;
  return kept.slice(start);
};

/** Latin, lowercase, letters only: the spelling-level normal form of a name (before phonetics). */
export const latinise = (raw: string): string =>
  transliterate(
    raw
      .replace(/[0-9]/g, (digit) => DIGIT_LETTERS[digit] ?? ' ')
      // parts written together in camel case (WaiYinSandar, ThuraThantZaw) are separate parts
      .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2'),
  )
    .replace(/['’ʼ`‘ʻ]/g, '')
    .replace(/[^a-z]+/g, ' ')
    .trim();

/**
 * The interpunct Chinese and Japanese write between the words of a foreign name (弗拉基米尔·普京 Vladimir Putin,
 * ウラジーミル・プーチン): it says where each word's syllables end.
 */
const TRANSCRIPTION_DOT = /[·・•‧]/u;

/** A foreign name written in Han characters word by word: each word one part, read as its transcription. */
const dottedHanName = (raw: string): NormalisedName => ({
  tokens: raw
    .split(TRANSCRIPTION_DOT)
    .map((word) => word.replace(/\s+/g, ''))
    .filter(Boolean)
    .map((word) => {
      const syllables = latinise(word).split(' ').filter(Boolean);
      return makeToken(syllables.join(''), 'han', syllables, word);
    }),
  syllabic: true,
  origin: 'han',
});

/** Splits, transliterates and cleans a name written in any supported script. */
export const normaliseName = (raw: string): NormalisedName => {
  const origin = originOf(raw);
  if (origin === 'han' && TRANSCRIPTION_DOT.test(raw)) return dottedHanName(raw);
  const ordered = listOrderToNaturalOrder(raw);
  const words = latinise(ordered).split(' ').filter(Boolean);
  // Han and Hangul names carry no honorifics in front, and their syllables (Ma, Ko, Ong) are common surnames
  const parts = origin === 'han' || origin === 'hangul' ? words : stripHonorifics(words);
  const natives = nativeSyllablesOf(ordered, origin, parts.length);
  return internName(
    origin,
    parts.map((part, i) => makeToken(part, origin, undefined, natives?.[i])),
  );
};

/**
 * Interned names: namesakes on a watchlist share one name, and with it what the scorer derives from it. A name
 * is its script and its tokens (the nasab is read from the tokens' spelling).
 */
const NAME_CACHE = new Map<string, NormalisedName>();
const NAME_CACHE_LIMIT = 2_000_000;

const internName = (origin: TokenOrigin, tokens: readonly NameToken[]): NormalisedName => {
  let key: string = origin;
  for (const token of tokens) key += `,${token.id}`;
  const cached = NAME_CACHE.get(key);
  if (cached) return cached;
  const ancestral = nasabOf(tokens.map((token) => token.text));
  const name: NormalisedName = Object.freeze({
    tokens,
    syllabic: origin === 'han' || origin === 'hangul',
    origin,
    ...(ancestral ? { ancestral } : {}),
  });
  if (NAME_CACHE.size >= NAME_CACHE_LIMIT) NAME_CACHE.clear();
  NAME_CACHE.set(key, name);
  return name;
};

const HAN_CHARACTER = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/gu;
const HANGUL_SYLLABLE = /[\uac00-\ud7a3]/g;
const HANGUL_WORD = /[\uac00-\ud7a3]+/g;
const HAN_WORD = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/gu;

/**
 * The character behind each syllable of a Han or Hangul name (one syllable per character), so that the name can
 * also be read as a foreign name's transcription; undefined when the parts do not line up with the characters
 * (mixed scripts) and for a name shaped like a Chinese or Korean personal name, which is read only as one.
 */
const nativeSyllablesOf = (raw: string, origin: TokenOrigin, parts: number): string[] | undefined => {
  if (origin !== 'han' && origin !== 'hangul') return undefined;
  const text = raw.normalize('NFC');
  const characters = text.match(origin === 'han' ? HAN_CHARACTER : HANGUL_SYLLABLE) ?? [];
  if (characters.length !== parts) return undefined;
  const personal =
    origin === 'han'
      ? looksLikeChinesePersonalName(text.match(HAN_WORD) ?? [])
      : looksLikeKoreanPersonalName(text.match(HANGUL_WORD) ?? []);
  return personal ? undefined : characters;
};

/**
 * Lists write "SURNAME, Given names": the given names are put back in front, so that the structure of a name
 * (its nasab) reads the same either way. Only one comma is read so; more is a list of something else.
 */
const listOrderToNaturalOrder = (raw: string): string => {
  const comma = raw.indexOf(',');
  if (comma < 0 || raw.indexOf(',', comma + 1) >= 0) return raw;
  const given = raw.slice(comma + 1).trim();
  return given ? `${given} ${raw.slice(0, comma)}` : raw;
};

/** Particles of an Arabic nasab: what follows names the father, grandfather and so on. */
const NASAB_PARTICLES = new Set(['bin', 'ibn', 'ibnu', 'bint', 'binti', 'ben', 'ould']);

/**
 * Which parts of a name name an ancestor: everything after the first nasab particle, when one stands between
 * name parts (a leading "Ben" is a given name). Undefined when the name has no nasab.
 */
const nasabOf = (parts: readonly string[]): boolean[] | undefined => {
  const at = parts.findIndex((part, i) => i > 0 && i < parts.length - 1 && NASAB_PARTICLES.has(part));
  return at < 0 ? undefined : parts.map((_, i) => i > at);
};

const originOf = (raw: string): TokenOrigin => {
  if (isAbjad(raw)) return 'abjad';
  if (isSyllabic(raw)) return /[\uac00-\ud7a3]/.test(raw) ? 'hangul' : 'han';
  if (/[\u0400-\u04ff]/.test(raw)) return 'cyrillic';
  // anything past Latin Extended (Greek, Thai, kana...) is transliterated by us
  return /[^\u0020-\u024f\u1e00-\u1eff\s'’ʼ`‘ʻ]/.test(raw) ? 'script' : 'latin';
};
