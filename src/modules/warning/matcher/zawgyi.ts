/**
 * Zawgyi: the font encoding most Burmese text was typed in until Myanmar adopted Unicode (2019). It reuses the
 * Myanmar block's code points with other meanings and stores marks in visual order, so names copied from older
 * records or typed on older phones must be converted before they can be read. Conversion follows the Zawgyi
 * font's glyph layout and the storage order of Unicode Technical Note #11.
 */

const CONSONANT = /[\u1000-\u1021\u1023-\u102a\u103f]/u;

/** Zawgyi code points that stand for other Unicode sequences (glyph variants, stacked consonants, ligatures). */
const ZAWGYI_GLYPHS: Record<string, string> = {
  '\u1033': '\u102f',
  '\u1034': '\u1030',
  '\u1039': '\u103a',
  '\u103a': '\u103b',
  '\u103b': '\u103c',
  '\u103c': '\u103d',
  '\u103d': '\u103e',
  '\u105a': '\u102b\u103a',
  '\u1060': '\u1039\u1000',
  '\u1061': '\u1039\u1001',
  '\u1062': '\u1039\u1002',
  '\u1063': '\u1039\u1003',
  '\u1065': '\u1039\u1005',
  '\u1066': '\u1039\u1006',
  '\u1067': '\u1039\u1006',
  '\u1068': '\u1039\u1007',
  '\u1069': '\u1039\u1008',
  '\u106a': '\u1009',
  '\u106b': '\u100a',
  '\u106c': '\u1039\u100b',
  '\u106d': '\u1039\u100c',
  '\u106e': '\u100d\u1039\u100d',
  '\u106f': '\u100d\u1039\u100e',
  '\u1070': '\u1039\u100f',
  '\u1071': '\u1039\u1010',
  '\u1072': '\u1039\u1010',
  '\u1073': '\u1039\u1011',
  '\u1074': '\u1039\u1011',
  '\u1075': '\u1039\u1012',
  '\u1076': '\u1039\u1013',
  '\u1077': '\u1039\u1014',
  '\u1078': '\u1039\u1015',
  '\u1079': '\u1039\u1016',
  '\u107a': '\u1039\u1017',
  '\u107b': '\u1039\u1018',
  '\u107c': '\u1039\u1019',
  '\u107d': '\u103b',
  '\u107e': '\u103c',
  '\u107f': '\u103c',
  '\u1080': '\u103c',
  '\u1081': '\u103c',
  '\u1082': '\u103c',
  '\u1083': '\u103c',
  '\u1084': '\u103c',
  '\u1085': '\u1039\u101c',
  '\u1086': '\u103f',
  '\u1087': '\u103e',
  '\u1088': '\u103e\u102f',
  '\u1089': '\u103e\u1030',
  '\u108a': '\u103d\u103e',
  '\u108e': '\u102d\u1036',
  '\u108f': '\u1014',
  '\u1090': '\u101b',
  '\u1091': '\u100f\u1039\u100d',
  '\u1092': '\u100b\u1039\u100c',
  '\u1093': '\u1039\u1018',
  '\u1094': '\u1037',
  '\u1095': '\u1037',
  '\u1097': '\u100b\u1039\u100b',
};

/** Kinzi (a syllable-final ng stacked over the next consonant): Zawgyi draws it after that consonant. */
const ZAWGYI_KINZI: Record<string, string> = {
  '\u1064': '',
  '\u108b': '\u102d',
  '\u108c': '\u102e',
  '\u108d': '\u1036',
};
const KINZI = '\u1004\u103a\u1039';

/** Storage rank of a mark after its consonant (UTN #11): medials, then vowels above/below/after, then tones. */
const MARK_RANK: Record<string, number> = {
  '\u103b': 1,
  '\u103c': 2,
  '\u103d': 3,
  '\u103e': 4,
  '\u1031': 5,
  '\u102d': 6,
  '\u102e': 6,
  '\u1032': 6,
  '\u102f': 7,
  '\u1030': 7,
  '\u102b': 8,
  '\u102c': 8,
  '\u1036': 9,
  '\u1037': 10,
  '\u103a': 11,
  '\u1038': 12,
};

/** The row of the Pali consonant table a letter belongs to: Unicode stacks only letters of the same row. */
const rowOf = (code: number): number => {
  if (code >= 0x1000 && code <= 0x1004) return 0;
  if (code >= 0x1005 && code <= 0x100a) return 1;
  if (code >= 0x100b && code <= 0x100f) return 2;
  if (code >= 0x1010 && code <= 0x1014) return 3;
  if (code >= 0x1015 && code <= 0x1019) return 4;
  return code;
};

/**
 * Zawgyi's killer is U+1039, Unicode's stacking sign, which Unicode only writes between two letters of one row
 * of the Pali table (or as kinzi after a killed ng). A U+1039 anywhere else is a Zawgyi killer.
 */
const hasZawgyiKiller = (text: string): boolean => {
  for (let at = text.indexOf('\u1039'); at >= 0; at = text.indexOf('\u1039', at + 1)) {
    const before = text.charCodeAt(at - 1);
    const after = text.charCodeAt(at + 1);
    if (!(after >= 0x1000 && after <= 0x1021)) return true;
    if (before === 0x1004 || rowOf(before) !== rowOf(after)) return true;
  }
  return false;
};

/**
 * True when Burmese text is in the Zawgyi encoding. Unicode stores the vowel sign e (U+1031) after its consonant
 * and medials, and the medial ra (Zawgyi U+103B and its variants) right after its consonant; Zawgyi stores both
 * before the consonant, so they follow a vowel sign, a tone, a killer or nothing. Zawgyi also kills consonants
 * with Unicode's stacking sign and uses code points Unicode leaves to other Myanmar-script languages. Text with
 * none of these signs spells the same in both encodings in its frequent syllables and is taken as Unicode, the
 * encoding Myanmar has required since 2019.
 */
export const isZawgyi = (text: string): boolean =>
  /(^|[^\u1000-\u1021\u103b-\u103e])[\u1031\u103b\u107e-\u1084]/u.test(text) ||
  /[\u1033\u1034\u105a\u1060-\u1097]/u.test(text) ||
  hasZawgyiKiller(text);

/** One consonant with its marks, or any other character on its own. */
interface Cluster {
  base: string;
  prefix: string;
  marks: string[];
}

const glyphsToUnicode = (text: string): string => {
  let out = '';
  for (const ch of text) out += ZAWGYI_GLYPHS[ch] ?? ch;
  // the independent vowel u with a long-i sign is the syllable ü (ဦ), and u with a killer is the letter nya
  return out.replace(/\u1025\u102e/gu, '\u1026').replace(/\u1025\u103a/gu, '\u1009\u103a');
};

/** Groups characters into consonant clusters, gathering the marks Zawgyi stores in front of their consonant. */
const clustersOf = (text: string): Cluster[] => {
  const clusters: Cluster[] = [];
  let pending: string[] = [];
  let current: Cluster | undefined;
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? '';
    const kinziVowel = ZAWGYI_KINZI[ch];
    if (ch === '\u1031' || ch === '\u103c') pending.push(ch);
    else if (CONSONANT.test(ch)) {
      current = { base: ch, prefix: '', marks: pending };
      pending = [];
      clusters.push(current);
    } else if (kinziVowel !== undefined && current) {
      current.prefix = KINZI;
      if (kinziVowel) current.marks.push(kinziVowel);
    } else if (ch === '\u1039' && current) {
      current.base += ch + (chars[++i] ?? '');
    } else if (MARK_RANK[ch] !== undefined && current) current.marks.push(ch);
    else {
      clusters.push({ base: pending.join('') + ch, prefix: '', marks: [] });
      pending = [];
      current = undefined;
    }
  }
  if (pending.length > 0) clusters.push({ base: pending.join(''), prefix: '', marks: [] });
  return clusters;
};

const rankOf = (mark: string): number => MARK_RANK[mark] ?? 0;

/** Converts Zawgyi-encoded Burmese to Unicode; text already in Unicode should not be passed (see `isZawgyi`). */
export const zawgyiToUnicode = (text: string): string =>
  clustersOf(glyphsToUnicode(text))
    .map(
      ({ base, prefix, marks }) =>
        prefix + base + [...new Set(marks)].sort((a, b) => rankOf(a) - rankOf(b)).join(''),
    )
    .join('');
