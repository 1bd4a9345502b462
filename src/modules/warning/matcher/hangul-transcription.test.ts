import { describe, expect, it } from 'vitest';
import { hangulTranscriptionReading, looksLikeKoreanPersonalName } from './hangul-transcription.js';
import { skeletonOf } from './normalise.js';
import { transcriptionDistance } from './transcription-alignment.js';

const distance = (latin: string, hangul: string): number => {
  const reading = hangulTranscriptionReading(hangul);
  if (!reading) throw new Error(`${hangul} is not Hangul`);
  return transcriptionDistance(skeletonOf(latin), reading);
};

describe('hangul loanword reading', () => {
  it('reads 이 closing an open syllable as the offglide of a diphthong', () => {
    expect(distance('beiker', '베이커')).toBeLessThanOrEqual(0.2);
    expect(distance('maikl', '마이클')).toBeLessThan(0.2);
  });

  it('lets the second vowel of a hiatus go cheaply (라오 Rao, 사리예프 Sariyev)', () => {
    expect(distance('rao', '라오')).toBeLessThan(0.2);
    expect(distance('sariyev', '사리예프')).toBeLessThan(0.5);
  });

  it('does not read ㅊ as a plain t', () => {
    expect(distance('tatar', '처칠')).toBeGreaterThan(1);
  });

  it('reads word-final ㄹ as l or r and 으 after a consonant as nothing', () => {
    expect(distance('kal', '칼')).toBeLessThan(0.05);
    expect(distance('smis', '스미스')).toBeLessThan(0.2);
  });
});

describe('Korean personal name shape', () => {
  it('reads a surname-first word holding a syllable no Sino-Korean reading has as a loanword', () => {
    // 마 and 서 are surnames, but 르, 켈 and the final ㅅ of 맛 write foreign sounds
    expect(looksLikeKoreanPersonalName(['마르친'])).toBe(false);
    expect(looksLikeKoreanPersonalName(['맥켈비'])).toBe(false);
    expect(looksLikeKoreanPersonalName(['서맛스'])).toBe(false);
  });

  it('still takes names written with Sino-Korean syllables as Korean personal names', () => {
    expect(looksLikeKoreanPersonalName(['김정식'])).toBe(true);
    expect(looksLikeKoreanPersonalName(['박지은'])).toBe(true);
    expect(looksLikeKoreanPersonalName(['지은', '이'])).toBe(true);
  });
});
