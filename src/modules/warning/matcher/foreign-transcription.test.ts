import { describe, expect, it } from 'vitest';
import { transcriptionSimilarity, transcriptionSkeleton } from './foreign-transcription.js';
import {
  hanTranscriptionReading,
  isHanTranscription,
  looksLikeChinesePersonalName,
} from './han-transcription.js';
import { hangulTranscriptionReading, looksLikeKoreanPersonalName } from './hangul-transcription.js';
import { makeToken, type NameToken, normaliseName } from './normalise.js';
import { scoreMatch } from './score.js';
import { compareNames } from './similarity.js';
import { transcriptionDistance } from './transcription-alignment.js';

/** A Han or Hangul name joined into one part, as the scorer joins a transcribed foreign name. */
const foreignToken = (written: string): NameToken => {
  const tokens = normaliseName(written).tokens;
  const texts = tokens.map((token) => token.text);
  return makeToken(texts.join(''), normaliseName(written).origin, texts, written);
};
const latinToken = (text: string): NameToken => makeToken(text);

describe('Han transcription reading', () => {
  it('accepts names written with the transcription table characters, Simplified or Traditional', () => {
    expect(isHanTranscription('克鲁森')).toBe(true);
    expect(isHanTranscription('克魯森')).toBe(true);
    expect(isHanTranscription('习近平')).toBe(false);
  });

  it('reads a lone-consonant character as the consonant alone', () => {
    const reading = hanTranscriptionReading('斯');
    expect(reading && transcriptionDistance('s', reading)).toBeLessThan(0.1);
  });

  it('tells a surname-first two- or three-character name from a transcription', () => {
    expect(looksLikeChinesePersonalName(['林丹'])).toBe(true);
    expect(looksLikeChinesePersonalName(['玉华', '文', '李'])).toBe(true);
    expect(looksLikeChinesePersonalName(['巴拉巴诺夫'])).toBe(false);
  });
});

describe('Hangul transcription reading', () => {
  it('reads the epenthetic eu of a lone consonant as nothing', () => {
    const reading = hangulTranscriptionReading('스');
    expect(reading && transcriptionDistance('s', reading)).toBeLessThan(0.1);
    expect(hangulTranscriptionReading('abc')).toBeUndefined();
  });

  it('tells a Korean personal name from a transcription by its surname syllable', () => {
    expect(looksLikeKoreanPersonalName(['김정은'])).toBe(true);
    expect(looksLikeKoreanPersonalName(['정식', '김'])).toBe(true);
    expect(looksLikeKoreanPersonalName(['머피'])).toBe(false);
  });
});

describe('transcriptionSimilarity', () => {
  it('matches Western names with their Xinhua transcriptions', () => {
    for (const [latin, han] of [
      ['crewson', '克魯森'],
      ['martha', '瑪莎'],
      ['balabanov', '巴拉巴诺夫'],
      ['schwartz', '施瓦茨'],
    ] as const) {
      expect(transcriptionSimilarity(latinToken(latin), foreignToken(han))).toBeGreaterThan(0.91);
    }
  });

  it('matches Western names with their Korean loanword spellings', () => {
    for (const [latin, hangul] of [
      ['kuyt', '카위트'],
      ['thoreau', '소로'],
      ['schumacher', '슈마허'],
    ] as const) {
      expect(transcriptionSimilarity(latinToken(latin), foreignToken(hangul))).toBeGreaterThan(0.91);
    }
  });

  it('matches English names whose silent r, silent e or wh the tables follow', () => {
    for (const [latin, foreign] of [
      ['harper', '哈珀'],
      ['windsor', '温莎'],
      ['turner', '터너'],
      ['james', '제임스'],
      ['white', '화이트'],
      ['heath', '히스'],
    ] as const) {
      expect(transcriptionSimilarity(latinToken(latin), foreignToken(foreign))).toBeGreaterThan(0.91);
    }
  });

  it('matches English names whose gh after a vowel is not sounded', () => {
    expect(transcriptionSimilarity(latinToken('mcnaughton'), foreignToken('맥노턴'))).toBeGreaterThan(0.91);
    expect(transcriptionSimilarity(latinToken('willoughby'), foreignToken('윌러비'))).toBeGreaterThan(0.91);
  });

  it('matches names read by Brazilian Portuguese and French sounds the transcriptions follow', () => {
    for (const [latin, foreign] of [
      ['serra', '세하'],
      ['sebastiao', '세바스티앙'],
      ['cournand', '쿠르낭'],
      ['huppert', '위페르'],
    ] as const) {
      expect(transcriptionSimilarity(latinToken(latin), foreignToken(foreign))).toBeGreaterThan(0.91);
    }
  });

  it('matches Mc and Mac written with 麦 alone', () => {
    expect(transcriptionSimilarity(latinToken('mckay'), foreignToken('麥凱'))).toBeGreaterThan(0.91);
    expect(transcriptionSimilarity(latinToken('mcdonagh'), foreignToken('麥當奴'))).toBeGreaterThan(0.8);
  });

  it('keeps different names apart', () => {
    expect(transcriptionSimilarity(latinToken('kimura'), foreignToken('克恩斯'))).toBeLessThan(0.9);
    expect(transcriptionSimilarity(latinToken('murphy'), foreignToken('카위트'))).toBeLessThan(0.9);
  });

  it('gives nothing for Han written with characters outside the tables', () => {
    expect(transcriptionSimilarity(latinToken('xijinping'), foreignToken('习近平'))).toBe(0);
  });

  it('reads no single Han character as a foreign name', () => {
    expect(transcriptionSimilarity(latinToken('ke'), foreignToken('克'))).toBe(0);
  });

  it('reads a single Hangul syllable as a whole foreign name', () => {
    expect(transcriptionSimilarity(latinToken('cam'), foreignToken('캠'))).toBeGreaterThan(0.95);
    expect(transcriptionSimilarity(latinToken('hooke'), foreignToken('훅'))).toBeGreaterThan(0.95);
    expect(transcriptionSimilarity(latinToken('murphy'), foreignToken('캠'))).toBeLessThan(0.7);
  });
});

describe('transcriptionSkeleton', () => {
  it('gives the consonants a transcription renders, for a sound key that meets the Latin spelling', () => {
    expect(transcriptionSkeleton(foreignToken('克魯森'))?.replace(/[aiu]/g, '')).toBe('klsn');
    expect(transcriptionSkeleton(foreignToken('习近平'))).toBeUndefined();
  });
});

describe('names written in transcription', () => {
  it('leaves Chinese and Korean personal names to their own romanisation', () => {
    expect(normaliseName('林丹').tokens.some((token) => token.native)).toBe(false);
    expect(normaliseName('정식 김').tokens.some((token) => token.native)).toBe(false);
    expect(normaliseName('巴拉巴诺夫').tokens.every((token) => token.native)).toBe(true);
  });

  it('pairs a Latin name with the whole transcription, not with a piece of it that sounds alike', () => {
    expect(
      compareNames(normaliseName('Johnson'), normaliseName('约翰逊')).pairs.map((pair) => pair.entry),
    ).toEqual(['yuehanxun']);
    expect(compareNames(normaliseName('Rao'), normaliseName('라오')).score).toBeGreaterThan(0.9);
    // a syllable read alone (라 against Lao) does not take the place of the whole
    expect(compareNames(normaliseName('Lao'), normaliseName('라오')).score).toBeGreaterThan(0.9);
    expect(compareNames(normaliseName('Neill'), normaliseName('尼爾')).score).toBeGreaterThan(0.9);
    expect(compareNames(normaliseName('Roosevelt'), normaliseName('罗斯福')).score).toBeGreaterThan(0.8);
  });

  it('scores a Western surname against its Chinese and Korean transcriptions as the same name', () => {
    expect(compareNames(normaliseName('Balabanov'), normaliseName('巴拉巴诺夫')).score).toBeGreaterThan(0.9);
    expect(compareNames(normaliseName('Kuyt'), normaliseName('카위트')).score).toBeGreaterThan(0.9);
  });
});

describe('a foreign name written in Han characters word by word', () => {
  const nameOnly = (id: string, name: string) => ({ id, givenNames: name });

  it('takes the interpunct as the boundary between its words', () => {
    expect(normaliseName('弗拉基米尔·普京').tokens.map((token) => token.native)).toEqual([
      '弗拉基米尔',
      '普京',
    ]);
    expect(
      scoreMatch(nameOnly('a', 'Vladimir Putin'), nameOnly('b', '弗拉基米尔·普京')).score,
    ).toBeGreaterThanOrEqual(0.9);
  });

  it('still matches the pinyin a Chinese passport writes for a minority name', () => {
    expect(scoreMatch(nameOnly('a', 'AYIGULI MAIMAITI'), nameOnly('b', '阿依古丽·买买提')).score).toBe(1);
  });
});
