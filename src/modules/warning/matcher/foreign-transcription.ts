/**
 * Agreement in sound between a Latin name part and a foreign name transcribed into Han characters or Hangul,
 * read by the transcription conventions of each script (see han-transcription.ts, hangul-transcription.ts).
 * This reading is kept apart from the pinyin and Revised Romanization path: it applies only to a run of two
 * or more syllables written wholly in transcription characters, in a name not shaped like a Chinese or Korean
 * personal name (normalise.ts keeps no native characters for those).
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
  // one syllable alone says too little about a foreign name to be read as one
  const reading =
    !native || native.length < 2
      ? undefined
      : token.origin === 'han'
        ? hanTranscriptionReading(native)
        : token.origin === 'hangul'
          ? hangulTranscriptionReading(native)
          : undefined;
  FOREIGN.set(token, reading ?? null);
  return reading ?? null;
};

const LATIN = new WeakMap<NameToken, readonly string[]>();

/**
 * The skeletons a Latin part may sound as to a transcriber: its own, its French reading, its readings under
 * other European orthographies, and English th read as the s that both tables write for it (Martha 玛莎).
 */
const latinSkeletons = (token: NameToken): readonly string[] => {
  const known = LATIN.get(token);
  if (known) return known;
  const skeletons = new Set<string>();
  const addReadings = (reading: NameToken) => {
    skeletons.add(reading.skeleton);
    if (reading.altSkeleton) skeletons.add(reading.altSkeleton);
    for (const spelling of orthographyReadings(reading.text)) skeletons.add(skeletonOf(spelling));
  };
  addReadings(token);
  if (token.text.includes('th')) addReadings(makeToken(token.text.replace(/th/g, 's')));
  const list = [...skeletons];
  LATIN.set(token, list);
  return list;
};

/** What each unit of alignment cost takes from the similarity, per skeleton letter of the Latin part. */
const COST_WEIGHT = 1;
/** Reading the Latin part by another orthography than its plain spelling is a guess that costs this much. */
const OTHER_ORTHOGRAPHY_COST = 0.2;
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
  const skeletons = latinSkeletons(latin);
  for (let i = 0; i < skeletons.length; i++) {
    const skeleton = skeletons[i] as string;
    const length = skeleton.length + 1;
    const penalty = i === 0 ? 0 : OTHER_ORTHOGRAPHY_COST;
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
