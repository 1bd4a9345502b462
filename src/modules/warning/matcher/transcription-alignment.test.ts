import { describe, expect, it } from 'vitest';
import {
  consonant,
  readingOf,
  reducedVowel,
  transcriptionDistance,
  vowel,
  withGemination,
  withVowelRuns,
} from './transcription-alignment.js';

describe('transcription alignment', () => {
  it('charges little for an r after a vowel that the transcription leaves out', () => {
    const hapa = readingOf([consonant('h'), vowel('a'), consonant('pb'), vowel('au')]);
    expect(transcriptionDistance('harpar', hapa)).toBeLessThan(0.25);
    // an r before a vowel is sounded: leaving it out costs more than two silent ones
    expect(transcriptionDistance('hrapa', hapa)).toBeGreaterThan(transcriptionDistance('harpar', hapa));
  });

  it('charges little for the g of ng or an l after a vowel that the transcription leaves out', () => {
    // 梅林 Melling: the velar nasal written with a plain n
    const meilin = readingOf([consonant('m'), vowel('i'), consonant('lr'), vowel('i'), consonant('nm', 0.4)]);
    expect(transcriptionDistance('miling', meilin)).toBeLessThan(0.25);
    // a g before a vowel is sounded
    expect(transcriptionDistance('mlinga', meilin)).toBeGreaterThan(transcriptionDistance('miling', meilin));
    // 马瓦尼 Mulvaney: the dark l before a consonant is not written
    const mawani = readingOf([
      consonant('m'),
      vowel('a'),
      consonant('v'),
      vowel('a'),
      consonant('n'),
      vowel('i'),
    ]);
    expect(transcriptionDistance('malvani', mawani)).toBeLessThan(0.3);
    expect(transcriptionDistance('mavlani', mawani)).toBeGreaterThan(0.4);
  });

  it('makes a vowel after a vowel cheap to leave out, but not one after a consonant', () => {
    const slots = withVowelRuns([consonant('r'), vowel('a'), vowel('au'), consonant('s'), vowel('i')]);
    expect(slots.map((slot) => slot.gap)).toEqual([1, 0.3, 0.15, 1, 0.3]);
  });

  it('counts a vowel after a glide that follows a vowel as part of the run', () => {
    const slots = withVowelRuns([vowel('i'), { letters: 'iJ', gap: 0.1 }, vowel('i'), reducedVowel()]);
    expect(slots[2]?.gap).toBe(0.15);
  });

  it('makes a closing consonant cheap where the next syllable opens with the same sound', () => {
    // 邦納 Bonner: the n closing 邦 (its g nearly free) and the n opening 納 write one Latin n
    const bangna = [
      consonant('b'),
      vowel('a'),
      consonant('nm', 0.4),
      consonant('g', 0.1),
      consonant('n'),
      vowel('a'),
    ];
    expect(withGemination(bangna).map((slot) => slot.gap)).toEqual([1, 0.3, 0.15, 0.1, 1, 0.3]);
    // 캠벨 Campbell: m before b is no double consonant
    const kaembel = [
      consonant('k'),
      vowel('a'),
      consonant('m'),
      consonant('bvp'),
      vowel('i'),
      consonant('lr', 0.5),
    ];
    expect(withGemination(kaembel)[2]?.gap).toBe(1);
  });

  it('stops early once every alignment costs more than the limit', () => {
    const reading = readingOf([consonant('k'), vowel('a')]);
    expect(transcriptionDistance('mirtu', reading, 0.5)).toBe(Number.POSITIVE_INFINITY);
  });
});
