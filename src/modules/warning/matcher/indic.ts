/**
 * Names in the Brahmic scripts of India and Nepal (Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil,
 * Telugu, Kannada, Malayalam) read into the spellings their passports use. Unicode lays these nine blocks out
 * in parallel (from ISCII), so one table, written in Devanagari, serves them all. A consonant carries the
 * vowel a unless a vowel sign or a virama follows; the a is not spoken at the end of a word (राम Ram, not
 * Rama) except after a conjunct (श्रेष्ठ Shrestha, मिश्र Mishra).
 */

const FIRST_BLOCK = 0x0900;
const LAST_BLOCK = 0x0d7f;
const BLOCK_SIZE = 0x80;

/** Consonants, written as Devanagari (other blocks' letters are read by their place: see devanagariOf). */
const CONSONANTS: Record<string, string> = {
  क: 'k',
  ख: 'kh',
  ग: 'g',
  घ: 'gh',
  ङ: 'ng',
  च: 'ch',
  छ: 'chh',
  ज: 'j',
  झ: 'jh',
  ञ: 'ny',
  ट: 't',
  ठ: 'th',
  ड: 'd',
  ढ: 'dh',
  ण: 'n',
  त: 't',
  थ: 'th',
  द: 'd',
  ध: 'dh',
  न: 'n',
  ऩ: 'n',
  प: 'p',
  फ: 'ph',
  ब: 'b',
  भ: 'bh',
  म: 'm',
  य: 'y',
  र: 'r',
  ऱ: 'r',
  ल: 'l',
  ळ: 'l',
  ऴ: 'l',
  व: 'v',
  श: 'sh',
  ष: 'sh',
  स: 's',
  ह: 'h',
  क़: 'q',
  ख़: 'kh',
  ग़: 'gh',
  ज़: 'z',
  ड़: 'r',
  ढ़: 'rh',
  फ़: 'f',
  य़: 'y',
};

/** Vowels written as letters of their own (at the start of a syllable). */
const VOWELS: Record<string, string> = {
  अ: 'a',
  आ: 'a',
  इ: 'i',
  ई: 'i',
  उ: 'u',
  ऊ: 'u',
  ऋ: 'ri',
  ऌ: 'li',
  ऍ: 'e',
  ऎ: 'e',
  ए: 'e',
  ऐ: 'ai',
  ऑ: 'o',
  ऒ: 'o',
  ओ: 'o',
  औ: 'au',
  ॠ: 'ri',
  ॡ: 'li',
};

/** Vowel signs after a consonant. */
const VOWEL_SIGNS: Record<string, string> = {
  'ा': 'a',
  'ि': 'i',
  'ी': 'i',
  'ु': 'u',
  'ू': 'u',
  'ृ': 'ri',
  'ॄ': 'ri',
  'ॅ': 'e',
  'ॆ': 'e',
  'े': 'e',
  'ै': 'ai',
  'ॉ': 'o',
  'ॊ': 'o',
  'ो': 'o',
  'ौ': 'au',
  'ॢ': 'li',
  'ॣ': 'li',
};

const VIRAMA = '्';
const NUKTA = '़';
/** Candrabindu, anusvara, visarga, and Gurmukhi's tippi (in ॰'s place; a nasal like the anusvara: ਸਿੰਘ Singh). */
const MARKS: Record<string, string> = { 'ँ': 'n', 'ं': 'n', 'ः': 'h', '\u0970': 'n' };

/** True for a code point in one of the nine parallel Indic blocks. */
export const isIndic = (code: number): boolean => code >= FIRST_BLOCK && code <= LAST_BLOCK;

/** The Devanagari letter in the same place of its block: the tables above are written in Devanagari. */
const devanagariOf = (ch: string): string => {
  const code = ch.codePointAt(0) ?? 0;
  return isIndic(code) ? String.fromCodePoint(FIRST_BLOCK + ((code - FIRST_BLOCK) % BLOCK_SIZE)) : ch;
};

const romaniseWord = (word: string): string => {
  // a nukta only marks a borrowed sound its consonant's table entry already says (क़ q is listed whole)
  const letters = [...word].map(devanagariOf).filter((letter) => letter !== NUKTA);
  let out = '';
  letters.forEach((letter, i) => {
    const consonant = CONSONANTS[letter];
    if (consonant === undefined) {
      out += VOWELS[letter] ?? VOWEL_SIGNS[letter] ?? MARKS[letter] ?? '';
      return;
    }
    out += consonant;
    const next = letters[i + 1];
    if (next !== undefined && (next === VIRAMA || VOWEL_SIGNS[next] !== undefined)) return;
    // the inherent a, silent at the end of a word unless the last letter closes a conjunct
    if (next !== undefined || letters[i - 1] === VIRAMA) out += 'a';
  });
  return out;
};

/** An Indic-script name as Latin letters, word by word. */
export const romaniseIndic = (text: string): string =>
  text
    .split(/[\s\u0964\u0965]+/u)
    .map(romaniseWord)
    .filter(Boolean)
    .join(' ');
