/**
 * Agreement in sound between a Latin name part and a foreign name transcribed into Han characters or Hangul,
 * read by the transcription conventions of each script (see han-transcription.ts, hangul-transcription.ts).
 * This reading is kept apart from the pinyin and Revised Romanization path: it applies only to Hangul and to a
 * run of two or more Han characters written with the transcription tables, in a name not shaped like a Chinese
 * or Korean personal name (normalise.ts keeps no native characters for those).
 */

import { hanTranscriptionReading } from './han-transcription.js';
import { hangulTranscriptionReading } from './hangul-transcription.js';
import { makeToken, type NameToken, skeletonOf } from './normalise.js';
import { orthographyReadings } from './orthography-readings.js';
import { type TranscriptionReading, transcriptionDistance } from './transcription-alignment.js';

const FOREIGN = new WeakMap<NameToken, TranscriptionReading | null>();

/** The transcription reading of a Han or Hangul token, computed once per token; null when it has none. */
const foreignReadingOf = (token: NameToken): TranscriptionReading | null => {
  const known = FOREIGN.get(token);
  if (known !== undefined) return known;
  const native = token.native;
  // one Han character alone is most often a Chinese name or word; a Hangul syllable spells a whole foreign
  // name (캠 Cam, 훅 Hooke), as the loanword rules write a closed syllable with its final consonant
  const reading =
    !native || (native.length < 2 && token.origin !== 'hangul')
      ? undefined
      : token.origin === 'han'
        ? hanTranscriptionReading(native)
        : token.origin === 'hangul'
          ? hangulTranscriptionReading(native)
          : undefined;
  FOREIGN.set(token, reading ?? null);
  return reading ?? null;
};

const SILENT_ES = /([^aeiouyscgxzh])es$/;

/** Skeletons of a Latin part; the first `plain` of them follow its spelling and the tables' own rules. */
interface LatinSkeletons {
  readonly skeletons: readonly string[];
  readonly plain: number;
}

const LATIN = new WeakMap<NameToken, LatinSkeletons>();

/**
 * How English sounds what it writes, as both tables follow it: th as the s they write (Martha 玛莎, Heath
 * 히스), wh as hw (White 화이트 怀特), and gh after a vowel as nothing (McNaughton 맥노턴, Willoughby 윌러비) —
 * except as Italian's hard g before e and i (Righetti).
 */
const SPOKEN_SPELLINGS: ReadonlyArray<(text: string) => string> = [
  (text) => text.replace(/th/g, 's'),
  (text) => text.replace(/^wh/, 'hw'),
  (text) => text.replace(/(?<=[aeiouy])gh(?![ei])/g, ''),
];

/** Spellings a transcriber may have heard in a Latin part under one language's rules: guesses, not readings. */
const GUESSED_SPELLINGS: ReadonlyArray<(text: string) => string> = [
  // a final ds may sound dz, which the tables write as one syllable (Edwards 爱德华兹 에드워즈)
  (text) => text.replace(/ds$/, 'z'),
  // Portuguese as Brazil speaks it: r at the start and rr as h (Ronaldo 호나우두, Serra 세하), -ão as a nasal
  // -ang (Sebastião 세바스티앙, Galvão 갈방)
  (text) => text.replace(/^r|rr/g, 'h').replace(/ao$/, 'ang'),
  // French final consonants not sounded after a nasal vowel (Cournand 쿠르낭, Clément 克莱芒) or an r
  // (Huppert 위페르, Gérard 热拉尔)
  (text) => text.replace(/(?<=[aeiouy][nmr])[dtcsg]+$/, ''),
  // Mc and Mac written with 麦 alone (麥當奴 McDonagh, 麥凱 McKay), as Hong Kong and Taiwan forms do
  (text) => text.replace(/^ma?c(?=[^aeiouyh])/, 'ma'),
];

/**
 * The skeletons a Latin part may sound as to a transcriber: its own and its English sound (see
 * `SPOKEN_SPELLINGS`); then, as guesses, its spellings under one language's rules, its French reading and its
 * readings under other European orthographies.
 */
const latinSkeletons = (token: NameToken): LatinSkeletons => {
  const known = LATIN.get(token);
  if (known) return known;
  const spoken = [token];
  for (const speak of SPOKEN_SPELLINGS) {
    const spelling = speak(token.text);
    if (spelling !== token.text) spoken.push(makeToken(spelling));
  }
  const skeletons = new Set(spoken.map((reading) => reading.skeleton));
  const plain = skeletons.size;
  for (const guess of GUESSED_SPELLINGS) {
    const spelling = guess(token.text);
    if (spelling !== token.text) skeletons.add(skeletonOf(spelling));
  }
  for (const reading of spoken) {
    if (reading.altSkeleton) skeletons.add(reading.altSkeleton);
    for (const spelling of orthographyReadings(reading.text)) {
      skeletons.add(skeletonOf(spelling));
      // the e of an English -es after a consonant is silent (James 제임스 詹姆斯, Hughes 휴스 休斯)
      if (SILENT_ES.test(spelling)) skeletons.add(skeletonOf(spelling.replace(SILENT_ES, '$1s')));
    }
  }
  const readings = { skeletons: [...skeletons], plain };
  LATIN.set(token, readings);
  return readings;
};

/** What each unit of alignment cost takes from the similarity, per skeleton letter of the Latin part. */
const COST_WEIGHT = 1;
/** Reading the Latin part by another orthography than its plain spelling is a guess that costs this much. */
const OTHER_ORTHOGRAPHY_COST = 0.15;
/** Below this a transcription reading is not worth ranking. */
const FLOOR = 0.7;

/**
 * Similarity (0..1) of a Latin name part with a Han or Hangul part read as a foreign name's transcription;
 * 0 when the foreign part is not written in transcription characters.
 */
export const transcriptionSimilarity = (latin: NameToken, foreign: NameToken): number => {
  const reading = foreignReadingOf(foreign);
  if (!reading) return 0;
  let best = 0;
  const { skeletons, plain } = latinSkeletons(latin);
  for (let i = 0; i < skeletons.length; i++) {
    const skeleton = skeletons[i] as string;
    const length = skeleton.length + 1;
    const penalty = i < plain ? 0 : OTHER_ORTHOGRAPHY_COST;
    const limit = ((1 - Math.max(best, FLOOR)) * length) / COST_WEIGHT - penalty;
    const distance = transcriptionDistance(skeleton, reading, limit) + penalty;
    best = Math.max(best, 1 - (COST_WEIGHT * distance) / length);
  }
  return best;
};

/** Slots a transcription may add freely (epenthetic vowels, the g of -ng, glides) are left out of its sound key. */
const KEY_SLOT_GAP = 0.3;

/**
 * One skeleton for a Han or Hangul token read as a transcription (each slot's first letter, optional slots
 * left out), for a candidate stage to index as a sound key so that a Latin query finds the entry; undefined
 * when the token has no transcription reading.
 */
export const transcriptionSkeleton = (token: NameToken): string | undefined => {
  const reading = foreignReadingOf(token);
  if (!reading) return undefined;
  let skeleton = '';
  for (const slot of reading.slots) if (slot.gap >= KEY_SLOT_GAP) skeleton += slot.letters.charAt(0);
  return skeleton;
};
