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
  withGemination,
  withVowelRuns,
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
  'XC',
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
const YU_I = 20;
/** Vowels that 이 (ㅏ ㅓ ㅔ ㅗ ㅜ) and 우 (ㅗ) follow as the offglide of one diphthong. */
const DIPHTHONG_OFFGLIDES: Readonly<Record<number, ReadonlySet<number>>> = {
  [YU_I]: new Set([0, 4, 5, 8, 13]),
  13: new Set([8]),
};

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

/** Finals a Sino-Korean reading can have (ㄱ ㄴ ㄹ ㅁ ㅂ ㅇ); ㅅ ㅈ ㅊ ㅋ ㅌ ㅍ ㅎ ㄲ ㅆ and clusters write loanwords. */
const SINO_KOREAN_FINALS = new Set([0, 1, 4, 8, 16, 17, 21]);
const KHIEUKH = 15;
const EO = 4;
const E = 5;
/** Sino-Korean readings with ㅓ start with ㄱ ㅅ ㅇ ㅈ ㅊ ㅎ (거 서 어 저 처 허), with ㅔ with ㅅ ㅈ ㅊ (세 제 체). */
const SINO_KOREAN_EO_INITIALS = new Set([0, 9, 11, 12, 14, 18]);
const SINO_KOREAN_E_INITIALS = new Set([9, 12, 14]);

/**
 * A syllable no Sino-Korean reading has, so that a word holding one is a loanword rather than a Korean
 * personal name: an epenthetic 으 after a consonant (스, 트, 르), an initial ㅋ, a final outside the
 * Sino-Korean set (맛, 꼿), or ㅓ and ㅔ after consonants no Sino-Korean reading puts before them (퍼, 터, 레).
 */
const isLoanwordSyllable = (code: number): boolean => {
  const index = code - 0xac00;
  const initial = Math.floor(index / 588);
  const vowelIndex = Math.floor((index % 588) / 28);
  const final = index % 28;
  return (
    (vowelIndex === EU && final === 0 && initial !== SILENT_INITIAL) ||
    initial === KHIEUKH ||
    !SINO_KOREAN_FINALS.has(final) ||
    (vowelIndex === EO && !SINO_KOREAN_EO_INITIALS.has(initial)) ||
    (vowelIndex === E && !SINO_KOREAN_E_INITIALS.has(initial))
  );
};
const hasLoanwordSyllable = (word: string): boolean => {
  for (let i = 0; i < word.length; i++) if (isLoanwordSyllable(word.charCodeAt(i))) return true;
  return false;
};

/**
 * True when Hangul words look like a Korean personal name: a surname syllable standing apart from given names
 * in either order (정식 김, 김 정식, 정식 지은 이), or one word of a surname and two syllables (김정식).
 */
export const looksLikeKoreanPersonalName = (words: readonly string[]): boolean => {
  if (words.some(hasLoanwordSyllable)) return false;
  return words.length > 1
    ? words.some((word) => word.length === 1 && SURNAMES.has(word))
    : words[0]?.length === 3 && SURNAMES.has(words[0].charAt(0));
};

/** The loanword-orthography reading of a Hangul word, or undefined when it is not Hangul syllables only. */
export const hangulTranscriptionReading = (text: string): TranscriptionReading | undefined => {
  if (!isHangulWord(text)) return undefined;
  const slots: Slot[] = [];
  let previousFinal = 0;
  let previousVowel = -1;
  for (let i = 0; i < text.length; i++) {
    const index = text.charCodeAt(i) - 0xac00;
    const initial = Math.floor(index / 588);
    const vowelIndex = Math.floor((index % 588) / 28);
    const final = index % 28;
    const letters = INITIALS[initial] ?? '';
    // ㄹㄹ writes one l (밀리 Milli): the second ㄹ is nearly free
    if (initial === RIEUL && previousFinal === FINAL_RIEUL) slots.push(consonant('lr', 0.1));
    else if (initial !== SILENT_INITIAL) slots.push(consonant(letters));
    // 이 and 우 closing an open syllable write the second half of an English diphthong (베이커 Baker, 마이클
    // Michael, 오우 for o): the Latin spelling often has one vowel letter there
    const offglide =
      initial === SILENT_INITIAL &&
      previousFinal === 0 &&
      i > 0 &&
      DIPHTHONG_OFFGLIDES[vowelIndex]?.has(previousVowel);
    const vowels = offglide ? [glide(vowelIndex === YU_I ? 'i' : 'u')] : (VOWELS[vowelIndex]?.() ?? []);
    // a word-final 으 after ㅅ, ㅈ, ㅊ is the consonant alone too, as everywhere; a word-initial one is a vowel
    slots.push(...(vowelIndex === EU && i === 0 && initial === SILENT_INITIAL ? [vowel('iu')] : vowels));
    slots.push(...(FINALS[final]?.() ?? []));
    previousFinal = final;
    previousVowel = vowelIndex;
  }
  return readingOf(withGemination(withVowelRuns(slots)));
};
