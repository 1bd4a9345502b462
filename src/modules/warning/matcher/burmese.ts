import { isZawgyi, zawgyiToUnicode } from './zawgyi.js';

/**
 * Burmese names read syllable by syllable into the spellings Myanmar passports and name lists use (Aung, Kyaw,
 * Thein, Hlaing, Myint, Oo), not into MLCTS: a syllable's Latin spelling depends on its whole rhyme (vowel signs and
 * final consonant together), so letters cannot be mapped one by one. Burmese writes a name's syllables without
 * spaces while Latin spellings separate them, so each syllable comes out as its own part.
 */

const INITIALS: Record<string, string> = {
  က: 'k',
  ခ: 'kh',
  ဂ: 'g',
  ဃ: 'g',
  င: 'ng',
  စ: 's',
  ဆ: 's',
  ဇ: 'z',
  ဈ: 'z',
  ဉ: 'ny',
  ည: 'ny',
  ဋ: 't',
  ဌ: 'ht',
  ဍ: 'd',
  ဎ: 'd',
  ဏ: 'n',
  တ: 't',
  ထ: 'ht',
  ဒ: 'd',
  ဓ: 'd',
  န: 'n',
  ပ: 'p',
  ဖ: 'ph',
  ဗ: 'b',
  ဘ: 'b',
  မ: 'm',
  ယ: 'y',
  ရ: 'y',
  လ: 'l',
  ဝ: 'w',
  သ: 'th',
  ဟ: 'h',
  ဠ: 'l',
  အ: '',
  ဿ: 'th',
};

/** Independent vowels: a syllable of their own, without a consonant. */
const INDEPENDENT_VOWELS: Record<string, string> = {
  ဣ: 'i',
  ဤ: 'i',
  ဥ: 'u',
  ဦ: 'oo',
  ဧ: 'ay',
  ဩ: 'aw',
  ဪ: 'aw',
};

/** Consonants with medial ya or ra whose usual spelling is not the plain initial plus y. */
const WITH_MEDIAL_Y: Record<string, string> = { ခ: 'ch', သ: 'thy' };
/** Consonants with medial ha (voiceless) whose usual spelling is not h plus the plain initial. */
const WITH_MEDIAL_H: Record<string, string> = { ယ: 'sh', ရ: 'sh' };

type FinalClass = '' | 'k' | 'ng' | 'c' | 'ny' | 't' | 'n' | 'p' | 'm' | 'y';
const FINALS: Record<string, FinalClass> = {
  က: 'k',
  င: 'ng',
  စ: 'c',
  ည: 'ny',
  ဉ: 'ny',
  ဋ: 't',
  တ: 't',
  ဏ: 'n',
  န: 'n',
  ပ: 'p',
  မ: 'm',
  ယ: 'y',
};
const NASAL_FINALS: ReadonlySet<FinalClass> = new Set(['ng', 'n', 'm']);

/**
 * Rhymes by vowel (the vowel signs in storage order: '' inherent a, a, i, u, e, ai, aw = e+a, o = i+u) and final.
 * Missing combinations fall back to the vowel's open spelling plus the final's.
 */
const RHYMES: Record<string, Partial<Record<FinalClass, string>>> = {
  '': { '': 'a', k: 'et', ng: 'in', c: 'it', ny: 'i', t: 'at', n: 'an', p: 'at', m: 'an', y: 'e' },
  // the long a of the vowel sign is spelled ar, apart from the short inherent a: မာ Mar, သူဇာ Thuzar
  a: { '': 'ar' },
  i: { '': 'i', n: 'ein', m: 'ein', t: 'eik', p: 'eik' },
  u: { '': 'u', n: 'on', m: 'on', t: 'oke', p: 'oke' },
  e: { '': 'ay' },
  ai: { '': 'e' },
  aw: { '': 'aw', ng: 'aung', k: 'auk' },
  o: { '': 'o', ng: 'aing', k: 'aik' },
};
/** Vowels before a final the rhyme table does not list. */
const OPEN_VOWELS: Record<string, string> = {
  '': 'a',
  a: 'a',
  i: 'i',
  u: 'u',
  e: 'e',
  ai: 'e',
  aw: 'aw',
  o: 'o',
};
/** With medial wa and no vowel sign, the w becomes the vowel: ထွန်း Htun, ညွန့် Nyunt, နွယ် Nwe (but လွင် Lwin). */
const WA_RHYMES: Partial<Record<FinalClass, string>> = { n: 'un', m: 'un', t: 'ut', p: 'ut', y: 'we' };
const FINAL_SPELLING: Record<FinalClass, string> = {
  '': '',
  k: 'k',
  ng: 'ng',
  c: 't',
  ny: 'n',
  t: 't',
  n: 'n',
  p: 'p',
  m: 'n',
  y: '',
};

interface Syllable {
  initial: string;
  medials: string;
  vowels: string;
  final: FinalClass;
  creaky: boolean;
  high: boolean;
  /** The syllable as written. */
  source: string;
}

const VOWEL_SIGNS = /[\u102b-\u1032\u1036]/u;
const MEDIALS = /[\u103b-\u103e]/u;
const TONES = /[\u1037\u1038]/u;
const ASAT = '\u103a';
const VIRAMA = '\u1039';

const vowelOf = (signs: string): string => {
  const e = signs.includes('\u1031');
  const a = /[\u102b\u102c]/u.test(signs);
  const i = /[\u102d\u102e]/u.test(signs);
  const u = /[\u102f\u1030]/u.test(signs);
  if (e && a) return 'aw';
  if (i && u) return 'o';
  if (e) return 'e';
  if (a) return 'a';
  if (i) return 'i';
  if (u) return 'u';
  if (signs.includes('\u1032')) return 'ai';
  return '';
};

const initialOf = (syllable: Syllable): string => {
  const base = INDEPENDENT_VOWELS[syllable.initial] ?? INITIALS[syllable.initial] ?? '';
  const y = /[\u103b\u103c]/u.test(syllable.medials);
  const h = syllable.medials.includes('\u103e');
  let initial = y ? (WITH_MEDIAL_Y[syllable.initial] ?? `${base}y`) : base;
  if (h) initial = WITH_MEDIAL_H[syllable.initial] ?? `h${initial}`;
  return initial;
};

/**
 * Name words whose usual spelling is not what their letters give: ကြီး Gyi follows its voiced pronunciation,
 * စိုင်း Sai is the Shan title and name, spelled as in Shan.
 */
const USUAL_SPELLINGS: Record<string, string> = { ကြီး: 'gyi', စိုင်း: 'sai' };

const rhymeOf = (syllable: Syllable, vowel: string, final: FinalClass): string => {
  const wa = syllable.medials.includes('\u103d');
  if (wa && vowel === '') return WA_RHYMES[final] ?? `w${RHYMES['']?.[final] ?? 'a'}`;
  if (wa && vowel === 'e') return 'we';
  const withMedialY = /[\u103b\u103c]/u.test(syllable.medials);
  // a high-toned o is written oe (Soe, Moe, Toe) except after a medial y (Myo, Phyo)
  if (vowel === 'o' && final === '' && syllable.high && !withMedialY) return `${wa ? 'w' : ''}oe`;
  const rhyme = RHYMES[vowel]?.[final] ?? `${OPEN_VOWELS[vowel] ?? 'a'}${FINAL_SPELLING[final]}`;
  return (wa ? 'w' : '') + rhyme;
};

const spell = (syllable: Syllable, first: boolean): string => {
  if (syllable.initial === 'ဦ') return first ? 'u' : 'oo';
  const usual = USUAL_SPELLINGS[syllable.source];
  if (usual) return usual;
  const vowel = vowelOf(syllable.vowels);
  const final: FinalClass = syllable.final || (syllable.vowels.includes('\u1036') ? 'm' : '');
  const independent = INDEPENDENT_VOWELS[syllable.initial];
  if (independent !== undefined)
    return vowel === '' ? independent + FINAL_SPELLING[final] : rhymeOf(syllable, vowel, final);
  // vowel-initial e and i are written Aye (အေး) and Ei (အိ), as in English spelling
  if (syllable.initial === 'အ' && final === '' && (vowel === 'e' || vowel === 'i'))
    return vowel === 'e' ? 'aye' : 'ei';
  const rhyme = rhymeOf(syllable, vowel, final);
  // a creaky-toned nasal rhyme is conventionally closed with t: သန့် Thant, မြင့် Myint
  const creaky = syllable.creaky && NASAL_FINALS.has(final) ? 't' : '';
  return initialOf(syllable) + rhyme + creaky;
};

const markTone = (syllable: Syllable, mark: string): void => {
  if (mark === '\u1037') syllable.creaky = true;
  else syllable.high = true;
};

/** Splits a Unicode Burmese word into syllables: onset with marks, then a final consonant killed or stacked. */
const syllablesOf = (word: string): Syllable[] => {
  const chars = [...word];
  const syllables: Syllable[] = [];
  let i = 0;
  while (i < chars.length) {
    const ch = chars[i] ?? '';
    if (INITIALS[ch] === undefined && INDEPENDENT_VOWELS[ch] === undefined) {
      i++;
      continue;
    }
    const syllable: Syllable = {
      initial: ch,
      medials: '',
      vowels: '',
      final: '',
      creaky: false,
      high: false,
      source: '',
    };
    const start = i++;
    for (; i < chars.length; i++) {
      const mark = chars[i] ?? '';
      if (MEDIALS.test(mark)) syllable.medials += mark;
      else if (VOWEL_SIGNS.test(mark)) syllable.vowels += mark;
      else if (TONES.test(mark)) markTone(syllable, mark);
      else if (mark !== ASAT) break;
    }
    i = takeFinal(chars, i, syllable);
    syllable.source = chars.slice(start, i).join('');
    syllables.push(syllable);
  }
  return syllables;
};

/** Reads a final consonant (with its killer, tone marks, or stacked under it the next onset) into the syllable. */
const takeFinal = (chars: readonly string[], at: number, syllable: Syllable): number => {
  const consonant = chars[at] ?? '';
  let next = at + 1;
  while (next < chars.length && TONES.test(chars[next] ?? '')) markTone(syllable, chars[next++] ?? '');
  const killed = chars[next] === ASAT;
  const stacked = chars[at + 1] === VIRAMA;
  if (!killed && !stacked) return at;
  syllable.final = FINALS[consonant] ?? '';
  if (stacked) return at + 2;
  next++;
  while (next < chars.length && TONES.test(chars[next] ?? '')) markTone(syllable, chars[next++] ?? '');
  // kinzi: a killed ng stacked over the next consonant (မင်္ဂလာ Mingala)
  return chars[next] === VIRAMA ? next + 1 : next;
};

/** A Burmese name (Unicode or Zawgyi) as Latin syllables separated by spaces. */
export const romaniseBurmese = (text: string): string => {
  // u with a long-i sign is how many keyboards type the syllable ü (ဦ) in either encoding
  const unicode = (isZawgyi(text) ? zawgyiToUnicode(text) : text).replace(/\u1025\u102e/gu, '\u1026');
  return unicode
    .split(/[\s\u104a\u104b]+/u)
    .flatMap(syllablesOf)
    .map((syllable, i) => spell(syllable, i === 0))
    .join(' ');
};
