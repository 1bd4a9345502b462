import anyAscii from 'any-ascii';
import { pinyin } from 'pinyin-pro';
import { romaniseBurmese } from './burmese.js';
import { isIndic, romaniseIndic } from './indic.js';

/**
 * Script-to-Latin transliteration. Each table picks one conventional spelling (mostly BGN/PCGN or the
 * national romanisation); the spread between systems (ICAO vs GOST vs English habit) is absorbed later by
 * the phonetic skeleton, so the tables do not try to guess which system a given document used.
 */

const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  // Ukrainian and Belarusian
  є: 'ye',
  і: 'i',
  ї: 'yi',
  ґ: 'g',
  ў: 'u',
  // Serbian and Macedonian
  ђ: 'dj',
  ј: 'j',
  љ: 'lj',
  њ: 'nj',
  ћ: 'c',
  џ: 'dz',
  ѓ: 'gj',
  ќ: 'kj',
  ѕ: 'dz',
  // Kazakh, Mongolian, Kyrgyz, Tajik, Uzbek, Bashkir, Tatar
  ә: 'a',
  ғ: 'g',
  қ: 'k',
  ң: 'ng',
  ө: 'o',
  ұ: 'u',
  ү: 'u',
  һ: 'h',
  ҳ: 'h',
  ҷ: 'j',
  ӣ: 'i',
  ӯ: 'u',
  ҙ: 'z',
  ҫ: 's',
  ӝ: 'j',
  ӟ: 'z',
  ӧ: 'o',
  ӱ: 'u',
  ӓ: 'a',
  ӹ: 'y',
};

const GREEK: Record<string, string> = {
  α: 'a',
  β: 'v',
  γ: 'g',
  δ: 'd',
  ε: 'e',
  ζ: 'z',
  η: 'i',
  θ: 'th',
  ι: 'i',
  κ: 'k',
  λ: 'l',
  μ: 'm',
  ν: 'n',
  ξ: 'x',
  ο: 'o',
  π: 'p',
  ρ: 'r',
  σ: 's',
  ς: 's',
  τ: 't',
  υ: 'y',
  φ: 'f',
  χ: 'ch',
  ψ: 'ps',
  ω: 'o',
};

const ARABIC: Record<string, string> = {
  ا: 'a',
  أ: 'a',
  إ: 'i',
  آ: 'a',
  ٱ: 'a',
  ب: 'b',
  ت: 't',
  ث: 'th',
  ج: 'j',
  ح: 'h',
  خ: 'kh',
  د: 'd',
  ذ: 'dh',
  ر: 'r',
  ز: 'z',
  س: 's',
  ش: 'sh',
  ص: 's',
  ض: 'd',
  ط: 't',
  ظ: 'z',
  ع: '',
  غ: 'gh',
  ف: 'f',
  ق: 'q',
  ك: 'k',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  و: 'w',
  ي: 'y',
  ى: 'a',
  ة: 'a',
  ء: '',
  ئ: '',
  ؤ: '',
  پ: 'p',
  چ: 'ch',
  ژ: 'zh',
  گ: 'g',
  ک: 'k',
  ی: 'y',
};

const HEBREW: Record<string, string> = {
  א: 'a',
  ב: 'b',
  ג: 'g',
  ד: 'd',
  ה: 'h',
  ו: 'v',
  ז: 'z',
  ח: 'kh',
  ט: 't',
  י: 'y',
  כ: 'k',
  ך: 'kh',
  ל: 'l',
  מ: 'm',
  ם: 'm',
  נ: 'n',
  ן: 'n',
  ס: 's',
  ע: '',
  פ: 'p',
  ף: 'f',
  צ: 'ts',
  ץ: 'ts',
  ק: 'k',
  ר: 'r',
  ש: 'sh',
  ת: 't',
};

const GEORGIAN = 'აaბbგgდdეeვvზzთtიiკkლlმmნnოoპpჟzhრrსsტtუuფpქkღghყqშshჩchცtsძdzწtsჭchხkhჯjჰh';
const ARMENIAN = 'աaբbգgդdեeզzէeըeթtժzhիiլlխkhծtsկkհhձdzղghճchմmյyնnշshոoչchպpջjռrսsվvտtրrցtsւvփpքkօoֆf';

/** Thai (RTGS, simplified): consonants as they sound at the start of a syllable. */
const THAI_CONSONANTS: Record<string, string> = {
  ก: 'k',
  ข: 'kh',
  ฃ: 'kh',
  ค: 'kh',
  ฅ: 'kh',
  ฆ: 'kh',
  ง: 'ng',
  จ: 'ch',
  ฉ: 'ch',
  ช: 'ch',
  ซ: 's',
  ฌ: 'ch',
  ญ: 'y',
  ฎ: 'd',
  ฏ: 't',
  ฐ: 'th',
  ฑ: 'th',
  ฒ: 'th',
  ณ: 'n',
  ด: 'd',
  ต: 't',
  ถ: 'th',
  ท: 'th',
  ธ: 'th',
  น: 'n',
  บ: 'b',
  ป: 'p',
  ผ: 'ph',
  ฝ: 'f',
  พ: 'ph',
  ฟ: 'f',
  ภ: 'ph',
  ม: 'm',
  ย: 'y',
  ร: 'r',
  ฤ: 'rue',
  ล: 'l',
  ว: 'w',
  ศ: 's',
  ษ: 's',
  ส: 's',
  ห: 'h',
  ฬ: 'l',
  อ: '',
  ฮ: 'h',
};
const THAI_VOWELS: Record<string, string> = {
  ะ: 'a',
  'ั': 'a',
  า: 'a',
  ำ: 'am',
  'ิ': 'i',
  'ี': 'i',
  'ึ': 'ue',
  'ื': 'ue',
  'ุ': 'u',
  'ู': 'u',
  เ: 'e',
  แ: 'ae',
  โ: 'o',
  ใ: 'ai',
  ไ: 'ai',
};
const THAI_PREPOSED = new Set(['เ', 'แ', 'โ', 'ใ', 'ไ']);

const LAO_CONSONANTS: Record<string, string> = {
  ກ: 'k',
  ຂ: 'kh',
  ຄ: 'kh',
  ງ: 'ng',
  ຈ: 'ch',
  ສ: 's',
  ຊ: 'x',
  ຍ: 'gn',
  ດ: 'd',
  ຕ: 't',
  ຖ: 'th',
  ທ: 'th',
  ນ: 'n',
  ບ: 'b',
  ປ: 'p',
  ຜ: 'ph',
  ຝ: 'f',
  ພ: 'ph',
  ຟ: 'f',
  ມ: 'm',
  ຢ: 'y',
  ຣ: 'r',
  ລ: 'l',
  ວ: 'v',
  ຫ: 'h',
  ອ: '',
  ຮ: 'h',
  ໜ: 'n',
  ໝ: 'm',
};
const LAO_VOWELS: Record<string, string> = {
  ະ: 'a',
  'ັ': 'a',
  າ: 'a',
  ຳ: 'am',
  'ິ': 'i',
  'ີ': 'i',
  'ຶ': 'u',
  'ື': 'u',
  'ຸ': 'ou',
  'ູ': 'ou',
  'ົ': 'o',
  ຽ: 'ia',
  ເ: 'e',
  ແ: 'ae',
  ໂ: 'o',
  ໃ: 'ai',
  ໄ: 'ai',
};
const LAO_PREPOSED = new Set(['ເ', 'ແ', 'ໂ', 'ໃ', 'ໄ']);

const tableOf = (pairs: string): Record<string, string> => {
  const table: Record<string, string> = {};
  const chars = [...pairs];
  let key = '';
  let value = '';
  for (const ch of chars) {
    if (/[a-z]/.test(ch)) value += ch;
    else {
      if (key) table[key] = value;
      key = ch;
      value = '';
    }
  }
  if (key) table[key] = value;
  return table;
};

const SIMPLE_TABLES: Record<string, string> = {
  ...CYRILLIC,
  ...GREEK,
  ...ARABIC,
  ...HEBREW,
  ...tableOf(GEORGIAN),
  ...tableOf(ARMENIAN),
};

const HANGUL_INITIALS = [
  'g',
  'kk',
  'n',
  'd',
  'tt',
  'r',
  'm',
  'b',
  'pp',
  's',
  'ss',
  '',
  'j',
  'jj',
  'ch',
  'k',
  't',
  'p',
  'h',
];
const HANGUL_VOWELS = [
  'a',
  'ae',
  'ya',
  'yae',
  'eo',
  'e',
  'yeo',
  'ye',
  'o',
  'wa',
  'wae',
  'oe',
  'yo',
  'u',
  'wo',
  'we',
  'wi',
  'yu',
  'eu',
  'ui',
  'i',
];
const HANGUL_FINALS = [
  '',
  'k',
  'k',
  'k',
  'n',
  'n',
  'n',
  't',
  'l',
  'k',
  'm',
  'l',
  'l',
  'l',
  'p',
  'l',
  'm',
  'p',
  'p',
  't',
  't',
  'ng',
  't',
  't',
  'k',
  't',
  'p',
  't',
];

/** Revised Romanization of one Hangul syllable (no cross-syllable sound changes). */
const romaniseHangul = (code: number): string => {
  const index = code - 0xac00;
  const initial = HANGUL_INITIALS[Math.floor(index / 588)] ?? '';
  const vowel = HANGUL_VOWELS[Math.floor((index % 588) / 28)] ?? '';
  const final = HANGUL_FINALS[index % 28] ?? '';
  return initial + vowel + final;
};

const HIRAGANA =
  'あaいiうuえeおoかkaきkiくkuけkeこkoがgaぎgiぐguげgeごgoさsaしshiすsuせseそsoざzaじjiずzuぜzeぞzo' +
  'たtaちchiつtsuてteとtoだdaぢjiづzuでdeどdoなnaにniぬnuねneのnoはhaひhiふfuへheほho' +
  'ばbaびbiぶbuべbeぼboぱpaぴpiぷpuぺpeぽpoまmaみmiむmuめmeもmoやyaゆyuよyoらraりriるruれreろro' +
  'わwaをoんnゃyaゅyuょyoぁaぃiぅuぇeぉoっ';
const KANA = tableOf(HIRAGANA);

/** Hepburn for kana; katakana is read through its hiragana twin. */
const romaniseKana = (code: number): string => {
  const hiragana = code >= 0x30a1 && code <= 0x30f6 ? code - 0x60 : code;
  return KANA[String.fromCharCode(hiragana)] ?? '';
};

const isHan = (code: number): boolean =>
  (code >= 0x4e00 && code <= 0x9fff) ||
  (code >= 0x3400 && code <= 0x4dbf) ||
  (code >= 0xf900 && code <= 0xfaff);

/** Thai consonants closing a syllable collapse onto a few sounds. */
const THAI_FINAL: Record<string, string> = Object.fromEntries([
  ...[...'กขคฆ'].map((ch) => [ch, 'k']),
  ...[...'จชซศษสฎฏฐฑฒดตถทธ'].map((ch) => [ch, 't']),
  ...[...'บปพฟภ'].map((ch) => [ch, 'p']),
  ...[...'ญณนรลฬ'].map((ch) => [ch, 'n']),
  ['ย', 'i'],
  ['ว', 'o'],
]);
const THAI_CLUSTER_HEADS = new Set([...'กขคตปพผ']);
const THAI_CLUSTER_TAILS = new Set([...'รลว']);
const THAI_SILENCER = '\u0e4c';

const isThaiVowel = (ch: string): boolean => THAI_VOWELS[ch] !== undefined || THAI_PREPOSED.has(ch);

/**
 * Thai (RTGS, simplified): preposed vowels move after their consonant, syllable-final consonants take
 * their final sound, an unwritten "o" closes C-C syllables and an unwritten "a" separates non-clusters.
 */
const romaniseThai = (word: string): string => {
  const chars = [...word].filter((ch) => !/[\u0e48-\u0e4b\u0e47]/.test(ch));
  let out = '';
  let pendingVowel = '';
  let lastConsonantAt = 0;
  let vowelBefore = false;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? '';
    if (ch === THAI_SILENCER) {
      out = out.slice(0, lastConsonantAt);
      continue;
    }
    if (THAI_PREPOSED.has(ch)) {
      pendingVowel = THAI_VOWELS[ch] ?? '';
      continue;
    }
    const consonant = THAI_CONSONANTS[ch];
    if (consonant === undefined) {
      out += THAI_VOWELS[ch] ?? '';
      vowelBefore = true;
      continue;
    }
    lastConsonantAt = out.length;
    const next = chars[i + 1] ?? '';
    const afterNext = chars[i + 2] ?? '';
    const closesSyllable =
      vowelBefore && !pendingVowel && (next === '' || (!isThaiVowel(next) && next !== THAI_SILENCER));
    if (closesSyllable) {
      out += THAI_FINAL[ch] ?? consonant;
      vowelBefore = false;
      continue;
    }
    out += consonant;
    if (pendingVowel) {
      if (THAI_CLUSTER_HEADS.has(ch) && THAI_CLUSTER_TAILS.has(next)) {
        out += THAI_CONSONANTS[next] ?? '';
        i++;
      }
      out += pendingVowel;
      pendingVowel = '';
      vowelBefore = true;
      continue;
    }
    if (next === '' || isThaiVowel(next) || next === THAI_SILENCER) {
      vowelBefore = false;
      continue;
    }
    if (isThaiVowel(afterNext)) {
      const cluster = THAI_CLUSTER_HEADS.has(ch) && THAI_CLUSTER_TAILS.has(next);
      const silentHead = ch === 'ห' || ch === 'อ';
      if (!cluster && !silentHead) out += 'a';
      vowelBefore = false;
      continue;
    }
    out += 'o';
    vowelBefore = true;
  }
  return out + pendingVowel;
};

const romaniseLao = (word: string): string => {
  const chars = [...word];
  let out = '';
  let pendingVowel = '';
  for (const ch of chars) {
    if (LAO_PREPOSED.has(ch)) {
      pendingVowel = LAO_VOWELS[ch] ?? '';
      continue;
    }
    const consonant = LAO_CONSONANTS[ch];
    if (consonant !== undefined) {
      out += consonant + pendingVowel;
      pendingVowel = '';
      continue;
    }
    out += LAO_VOWELS[ch] ?? '';
  }
  return out + pendingVowel;
};

/**
 * Thai and Lao write a title joined to the given name (นายสมชาย Mr Somchai, ນາງແສງ Ms Saeng): it is set apart so
 * that it reads as the honorific it is, which name normalisation then drops.
 */
const THAI_TITLE = /^(นางสาว|นาง|นาย)(?=\S{2})/u;
const LAO_TITLE = /^(ທ້າວ|ນາງ|ທ່ານ)(?=\S{2})/u;
const separateTitle = (text: string, title: RegExp): string => text.replace(title, '$1 ');

type Run = { kind: 'han' | 'thai' | 'lao' | 'burmese' | 'indic' | 'abugida' | 'other'; text: string };

/**
 * Scripts we keep no table of our own for, whose letters change sound with the marks around them (Sinhala,
 * Tibetan, Khmer, traditional Mongolian): read a whole run at a time by any-ascii.
 */
const isAbugida = (code: number): boolean =>
  (code >= 0x0d80 && code <= 0x0dff) ||
  (code >= 0x0f00 && code <= 0x0fff) ||
  (code >= 0x1780 && code <= 0x18af);

const runKind = (code: number): Run['kind'] => {
  if (isHan(code)) return 'han';
  if (code >= 0x0e00 && code <= 0x0e7f) return 'thai';
  if (code >= 0x0e80 && code <= 0x0eff) return 'lao';
  if (code >= 0x1000 && code <= 0x109f) return 'burmese';
  if (isIndic(code)) return 'indic';
  if (isAbugida(code)) return 'abugida';
  return 'other';
};

const splitRuns = (text: string): Run[] => {
  const runs: Run[] = [];
  for (const ch of text) {
    const kind = runKind(ch.codePointAt(0) ?? 0);
    const last = runs[runs.length - 1];
    if (last && last.kind === kind) last.text += ch;
    else runs.push({ kind, text: ch });
  }
  return runs;
};

/** Han characters as toneless pinyin syllables separated by spaces, reading the first as a surname. */
const hanToPinyin = (text: string): string =>
  pinyin(text, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'removed', v: true }).join(' ');

/**
 * Latin letters whose diacritic changes the sound, read as their usual English-style digraph (Czech, Slovak,
 * Croatian, Serbian Latin, Polish, Romanian, Turkish, Latvian, Lithuanian, Spanish orthographies) so that they
 * meet the Cyrillic and English spellings of the same name. Other diacritics only mark stress or vowel quality
 * and fall back to their base letter.
 */
const LATIN_SPECIAL: Record<string, string> = {
  č: 'ch',
  ć: 'ch',
  š: 'sh',
  ž: 'zh',
  ż: 'zh',
  ř: 'rzh',
  ş: 'sh',
  ș: 'sh',
  ț: 'ts',
  ţ: 'ts',
  ñ: 'ny',
  ņ: 'n',
  ļ: 'l',
  ķ: 'k',
  ģ: 'g',
  đ: 'd',
  ð: 'd',
  ß: 'ss',
  æ: 'ae',
  ø: 'o',
  œ: 'oe',
  ł: 'l',
  ı: 'i',
  þ: 'th',
  ŋ: 'ng',
  ħ: 'h',
};

const transliterateOther = (text: string): string => {
  let out = '';
  // the Arabic article is written joined to the name it precedes
  for (const ch of text.toLowerCase().replace(/(^|\s)ال(?=\S{2})/g, '$1al ')) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) {
      out += ch;
      continue;
    }
    const mapped = SIMPLE_TABLES[ch] ?? LATIN_SPECIAL[ch];
    if (mapped !== undefined) out += mapped;
    else if (code >= 0xac00 && code <= 0xd7a3) out += ` ${romaniseHangul(code)} `;
    else if ((code >= 0x3041 && code <= 0x3096) || (code >= 0x30a1 && code <= 0x30fa))
      out += romaniseKana(code);
    else if (code === 0x30fc) out += '';
    else {
      // Latin letters with diacritics (Vietnamese, Turkish, Polish...) keep their base letter; letters of other
      // scripts get any-ascii's reading
      const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      out +=
        LATIN_SPECIAL[base] ??
        SIMPLE_TABLES[base] ??
        (/^[a-z]+$/.test(base) ? base : anyAscii(ch).toLowerCase());
    }
  }
  return out;
};

/** Latin-letter rendering of a name in any supported script; separators become spaces, case is folded. */
export const transliterate = (text: string): string =>
  splitRuns(text.normalize('NFC'))
    .map((run) => {
      switch (run.kind) {
        case 'han':
          return ` ${hanToPinyin(run.text)} `;
        case 'thai':
          return separateTitle(run.text, THAI_TITLE).split(/\s+/).map(romaniseThai).join(' ');
        case 'lao':
          return separateTitle(run.text, LAO_TITLE).split(/\s+/).map(romaniseLao).join(' ');
        case 'burmese':
          return ` ${romaniseBurmese(run.text)} `;
        case 'indic':
          return ` ${romaniseIndic(run.text)} `;
        case 'abugida':
          return anyAscii(run.text).toLowerCase();
        case 'other':
          return transliterateOther(run.text);
      }
      return '';
    })
    .join('');

/** True when the text contains a script without written vowels (Arabic, Hebrew), so only consonants are reliable. */
export const isAbjad = (text: string): boolean => /[\u0590-\u05ff\u0600-\u06ff]/.test(text);

/** True when the text has Han or Hangul, transliterated syllable by syllable though Latin spellings join them. */
export const isSyllabic = (text: string): boolean =>
  /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7a3]/.test(text);
