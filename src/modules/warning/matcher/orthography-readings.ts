/**
 * How a Latin-script name sounds depends on the language whose spelling it follows: Russian, Chinese and Korean
 * transcribe the sound (Schulz → Шульц, Giorgio → Джорджо, Jahn → Ян), so a Latin name is compared with a
 * transcription under each of the common European spelling conventions. Each reading rewrites the name into
 * English-like spelling, which the phonetic skeleton then reduces. Rules follow the orthographies' documented
 * letter values (as also used by the Russian practical transcription of foreign names); all patterns are
 * compiled once, at module load.
 */
type Rule = readonly [RegExp, string];

const rules = (pairs: ReadonlyArray<readonly [string, string]>): readonly Rule[] =>
  pairs.map(([pattern, replacement]) => [new RegExp(pattern, 'g'), replacement] as const);

const V = '[aeiouy]';

/** German: sch/tsch, z as ts, w as v, v as f, ei as ai, eu/äu as oi, ie as i, j as y, st/sp as sht/shp. */
const GERMAN = rules([
  ['tsch', 'ch'],
  ['sch', 'sh'],
  ['^s(?=[tp])', 'sh'],
  ['^s(?=[aeiou])', 'z'],
  ['chs', 'ks'],
  ['ch', 'kh'],
  ['tz', 'ts'],
  ['z', 'ts'],
  ['ie', 'i'],
  ['e[iy]|a[iy]', 'ai'],
  ['eu|au(?=e)', 'oi'],
  ['v', 'f'],
  ['w', 'v'],
  ['j', 'y'],
  [`(?<=${V})h(?!${V})`, ''],
  ['dt$', 't'],
]);

/** English: silent final e lengthening the vowel before it (Lyme, Rhind), ee/ea as i, oo as u, w as u, short u. */
const ENGLISH = rules([
  ['^wh', 'u'],
  ['^w', 'u'],
  ['(?<=[aeiou])w', 'u'],
  ['ee|ea|ie$', 'i'],
  ['oo', 'u'],
  ['igh', 'ai'],
  ['^([^aeiou]*)y(?=[^aeiou]e?$)', '$1ai'],
  ['i(?=[^aeiouy]e?s?$)', 'ai'],
  ['a(?=[^aeiouy]es?$)', 'ei'],
  ['o(?=[^aeiouy]es?$)', 'ou'],
  ['u(?=[^aeiouy]{2})', 'a'],
  ['(?<=[^aeiou])e$', ''],
  ['ey$|y$', 'i'],
]);

/** Italian: c and g soft before e and i (ci, gi before a vowel are only the soft consonant), ch and gh hard. */
const ITALIAN = rules([
  ['gli', 'li'],
  ['gn', 'ny'],
  ['sc(?=[ei])', 'sh'],
  ['sch', 'sk'],
  ['c+i(?=[aou])', 'ch'],
  ['c+(?=[ei])', 'ch'],
  ['ch', 'k'],
  ['g+i(?=[aou])', 'j'],
  ['g+(?=[ei])', 'j'],
  ['gh', 'g'],
  ['z+', 'ts'],
  ['^h', ''],
]);

/** Spanish and Portuguese: j and g before e/i as kh, ll as y, qu/gu as k/g, nh/lh, z and c before e/i as s. */
const IBERIAN = rules([
  ['ll', 'y'],
  ['nh', 'ny'],
  ['lh', 'ly'],
  ['qu(?=[ei])', 'k'],
  ['gu(?=[ei])', 'g'],
  ['g(?=[ei])', 'kh'],
  ['j', 'kh'],
  ['z', 's'],
  ['c(?=[ei])', 's'],
  ['^h', ''],
]);

/** Polish, Czech, Slovak: w as v, sz/cz/rz, c as ts, ch as kh, j as y. */
const WEST_SLAVIC = rules([
  ['szcz', 'shch'],
  ['sz', 'sh'],
  ['cz', 'ch'],
  ['rz', 'zh'],
  ['ch', 'kh'],
  ['c', 'ts'],
  ['w', 'v'],
  ['j', 'y'],
  ['ie', 'ye'],
]);

/** Hungarian: s as sh, sz as s, cs, zs, gy, c as ts. */
const HUNGARIAN = rules([
  ['cs', 'ch'],
  ['zs', 'zh'],
  ['sz', '§'],
  ['s', 'sh'],
  ['§', 's'],
  ['gy', 'dy'],
  ['c', 'ts'],
  ['j', 'y'],
]);

/** Scandinavian and Dutch: j as y, sj/skj/stj as sh, kj as ch, oe as u, ij as ei, g as kh (Dutch). */
const NORTHERN = rules([
  ['s[kt]?j', 'sh'],
  ['kj|tj', 'ch'],
  ['hj|gj', 'y'],
  ['j', 'y'],
  ['oe', 'u'],
  ['ij', 'ei'],
  ['aa', 'o'],
  ['w', 'v'],
]);

const ORTHOGRAPHIES: readonly (readonly Rule[])[] = [
  GERMAN,
  ENGLISH,
  ITALIAN,
  IBERIAN,
  WEST_SLAVIC,
  HUNGARIAN,
  NORTHERN,
];

const apply = (text: string, chain: readonly Rule[]): string => {
  let out = text;
  for (const [pattern, replacement] of chain) out = out.replace(pattern, replacement);
  return out;
};

/** The spellings a Latin name part reads as under each common European orthography (and pinyin). */
export const orthographyReadings = (text: string): string[] =>
  ORTHOGRAPHIES.map((chain) => apply(text, chain)).filter((reading) => reading !== text);

/** Pinyin syllables: an initial and a final from the Hanyu Pinyin table (checked loosely: any pairing). */
const PINYIN_WORD = new RegExp(
  '^(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?' +
    '(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ao|an|ei|en|er|ia|ie|in|iu|ou|ua|uo|ui|un|ue|ve|a|e|i|o|u|v))+$',
);

/**
 * Pinyin respelled as Palladius' Cyrillic transcription of Chinese reads in BGN/PCGN (Zhiqiang → Чжицян →
 * chzhitsyan, Hongchen → Хунчэнь → khunchen): j/z as tsz, q/c as ts, x as s, r as zh, -ong as -un, -ng as -n.
 */
const PALLADIUS = rules([
  ['zh', 'Ž'],
  ['ch', 'Č'],
  ['sh', 'Š'],
  ['iong', 'yun'],
  ['ong', 'un'],
  ['iang|ian', 'yan'],
  ['ia', 'ya'],
  ['ie', 'e'],
  ['iu', 'yu'],
  ['(?<=[jqxy])u', 'yu'],
  ['ng', 'n'],
  ['uo', 'o'],
  ['ui', 'uy'],
  ['ei', 'ey'],
  ['^yi|^yy', 'i'],
  ['[jz]', 'tsz'],
  ['[qc]', 'ts'],
  ['x', 's'],
  ['r(?!$)', 'zh'],
  ['h', 'kh'],
  ['^w', 'v'],
  ['Ž', 'chzh'],
  ['Č', 'ch'],
  ['Š', 'sh'],
]);

/** A name part that is a run of pinyin syllables, read as Palladius' Cyrillic spells it; undefined otherwise. */
export const palladiusReading = (text: string): string | undefined =>
  text.length > 1 && PINYIN_WORD.test(text) ? apply(text, PALLADIUS) : undefined;

/** Russian practical transcription of foreign names read back: Г for h, ю after a consonant for ü, й closing a syllable as i. */
const RUSSIAN_FOREIGN = rules([
  ['^g', 'h'],
  ['(?<=[^aeiouy])yu', 'u'],
  ['(?<=[aeiou])y(?=[^aeiou]|$)', 'i'],
]);

/** Readings of a Cyrillic name transliterated by BGN/PCGN: the foreign spellings it may transcribe. */
export const cyrillicReadings = (text: string): string[] =>
  [apply(text, RUSSIAN_FOREIGN)].filter((reading) => reading !== text);
