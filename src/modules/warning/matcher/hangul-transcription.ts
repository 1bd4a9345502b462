/**
 * Foreign names written in Hangul under the loanword orthography (외래어 표기법, 국립국어원): the rules read in
 * reverse. A consonant without a vowel is written with the epenthetic 으 (스 s, 트 t, 드 d, 크 k, 프 p/f,
 * 브 b/v, 츠 ts), ㅍ writes p and f, ㅂ writes b and v, ㄹ writes r and l (ㄹㄹ a single l), ㅈ and ㅊ write
 * j, ch, z and ts, 위 writes wi and ü, 어 writes the English o, u and er, and voiceless stops of Japanese and
 * other languages fall on ㄱ, ㄷ, ㅂ at the start of a word. Each syllable becomes slots of the Latin sounds
 * it may render.
 */
import {
  consonant,
  readingOf,
  reducedVowel,
  type Slot,
  type TranscriptionReading,
  vowel,
} from './transcription-alignment.js';

const glide = (letters: string): Slot => ({ letters, gap: 0.1 });

/** Initial consonants in Unicode order (ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ), as skeleton letters. */
const INITIALS: readonly string[] = [
  'gk',
  'k',
  'n',
  'dt',
  't',
  'rl',
  'm',
  'bvp',
  'p',
  'sSz',
  's',
  '',
  'Jzg',
  'C',
  'XCt',
  'k',
  't',
  'pf',
  'h',
];
const SILENT_INITIAL = 11;
const RIEUL = 5;

/** Vowels in Unicode order (ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ). */
const VOWELS: ReadonlyArray<() => Slot[]> = [
  () => [vowel('a')],
  () => [vowel('ia')],
  () => [glide('iJ'), vowel('a')],
  () => [glide('iJ'), vowel('i')],
  // 어 renders the English and French o, u, er and the schwa
  () => [vowel('aui', 0.15)],
  () => [vowel('i')],
  () => [glide('iJ'), vowel('ai')],
  () => [glide('iJ'), vowel('i')],
  () => [vowel('au')],
  () => [glide('uv'), vowel('a')],
  () => [glide('uv'), vowel('i')],
  () => [vowel('iu')],
  () => [glide('iJ'), vowel('au')],
  () => [vowel('u')],
  () => [glide('uv'), vowel('au')],
  () => [glide('uv'), vowel('i')],
  // 위 renders wi, ui, uy and the front rounded ü of French and German
  () => [glide('uv'), vowel('iu')],
  () => [glide('iJ'), vowel('u')],
  // 으 is epenthetic: the Latin name has a consonant alone here
  () => [reducedVowel()],
  () => [vowel('ui')],
  () => [vowel('i')],
];
const EU = 18;

/** Final consonants in Unicode order (none, ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄹ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ ㅀ ㅁ ㅂ ㅄ ㅅ ㅆ ㅇ ㅈ ㅊ ㅋ ㅌ ㅍ ㅎ). */
const FINALS: ReadonlyArray<() => Slot[]> = [
  () => [],
  () => [consonant('kg')],
  () => [consonant('k')],
  () => [consonant('k'), consonant('s', 0.3)],
  () => [consonant('nm', 0.5)],
  () => [consonant('n'), consonant('J', 0.3)],
  () => [consonant('n', 0.5)],
  () => [consonant('td', 0.6)],
  () => [consonant('lr', 0.5)],
  () => [consonant('lr'), consonant('k', 0.3)],
  () => [consonant('lr'), consonant('m', 0.3)],
  () => [consonant('lr'), consonant('b', 0.3)],
  () => [consonant('lr'), consonant('s', 0.3)],
  () => [consonant('lr'), consonant('t', 0.3)],
  () => [consonant('lr'), consonant('p', 0.3)],
  () => [consonant('lr', 0.5)],
  () => [consonant('m')],
  () => [consonant('pb')],
  () => [consonant('p'), consonant('s', 0.3)],
  // 받침 ㅅ writes a final t or s before a consonant (맛스타 for Masstar, 캣 for cat)
  () => [consonant('ts', 0.6)],
  () => [consonant('s', 0.6)],
  () => [consonant('n'), consonant('g', 0.2)],
  () => [consonant('J')],
  () => [consonant('X')],
  () => [consonant('k')],
  () => [consonant('t')],
  () => [consonant('p')],
  () => [consonant('h', 0.3)],
];
const FINAL_RIEUL = 8;

const isHangulSyllable = (code: number): boolean => code >= 0xac00 && code <= 0xd7a3;

/** True when the text is Hangul syllables only. */
export const isHangulWord = (text: string): boolean => {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) if (!isHangulSyllable(text.charCodeAt(i))) return false;
  return true;
};

/**
 * The hundred commonest Korean surnames (Statistics Korea, 2015 census), each one syllable: a name of two or
 * three syllables beginning or ending with one is most likely a Korean personal name.
 */
const SURNAMES = new Set(
  '김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민진나지엄변채원천방공현함염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부',
);

/**
 * True when Hangul words look like a Korean personal name: a surname syllable standing apart from given names
 * in either order (정식 김, 김 정식, 정식 지은 이), or one word of a surname and two syllables (김정식).
 */
export const looksLikeKoreanPersonalName = (words: readonly string[]): boolean =>
  words.length > 1
    ? words.some((word) => word.length === 1 && SURNAMES.has(word))
    : words[0]?.length === 3 && SURNAMES.has(words[0].charAt(0));

/** The loanword-orthography reading of a Hangul word, or undefined when it is not Hangul syllables only. */
export const hangulTranscriptionReading = (text: string): TranscriptionReading | undefined => {
  if (!isHangulWord(text)) return undefined;
  const slots: Slot[] = [];
  let previousFinal = 0;
  for (let i = 0; i < text.length; i++) {
    const index = text.charCodeAt(i) - 0xac00;
    const initial = Math.floor(index / 588);
    const vowelIndex = Math.floor((index % 588) / 28);
    const final = index % 28;
    const letters = INITIALS[initial] ?? '';
    // ㄹㄹ writes one l (밀리 Milli): the second ㄹ is nearly free
    if (initial === RIEUL && previousFinal === FINAL_RIEUL) slots.push(consonant('lr', 0.1));
    else if (initial !== SILENT_INITIAL) slots.push(consonant(letters));
    const vowels = VOWELS[vowelIndex]?.() ?? [];
    // a word-final 으 after ㅅ, ㅈ, ㅊ is the consonant alone too, as everywhere; a word-initial one is a vowel
    slots.push(...(vowelIndex === EU && i === 0 && initial === SILENT_INITIAL ? [vowel('iu')] : vowels));
    slots.push(...(FINALS[final]?.() ?? []));
    previousFinal = final;
  }
  return readingOf(slots);
};
