import { describe, expect, it } from 'vitest';
import {
  hanTranscriptionReading,
  isHanTranscription,
  looksLikeChinesePersonalName,
} from './han-transcription.js';
import { skeletonOf } from './normalise.js';
import { transcriptionDistance } from './transcription-alignment.js';

const distance = (latin: string, han: string): number => {
  const reading = hanTranscriptionReading(han);
  if (!reading) throw new Error(`${han} has no transcription reading`);
  return transcriptionDistance(skeletonOf(latin), reading);
};

describe('han transcription table', () => {
  it('holds the Russian table cells for мё, дя, ся and мянь', () => {
    for (const name of ['谢苗', '娜佳', '阿霞', '缅希科夫']) expect(isHanTranscription(name)).toBe(true);
  });

  it('holds the characters of long-established forms such as 华盛顿 and 爱迪生', () => {
    expect(isHanTranscription('华盛顿')).toBe(true);
    expect(isHanTranscription('爱迪生')).toBe(true);
  });

  it('reads the j row before i as k or g too, as the English table writes ki and gi', () => {
    expect(distance('kin', '金')).toBeLessThan(0.1);
    expect(distance('gibs', '吉布斯')).toBeLessThan(0.2);
  });

  it('lets the second vowel of a hiatus go cheaply where the Latin skeleton merges the vowels', () => {
    expect(distance('gabriel', '加布里埃尔')).toBeLessThan(0.4);
  });

  it('keeps a consonant the Latin name lacks expensive', () => {
    expect(distance('aba', '阿克巴')).toBeGreaterThan(0.5);
  });

  it('holds the Traditional forms of its Simplified characters and the Simplified of its Traditional ones', () => {
    for (const name of ['葉慈', '譚納', '當納', '邓肯', '梦露'])
      expect(hanTranscriptionReading(name)).toBeDefined();
  });

  it('reads one character in three outside the tables by its Mandarin syllable', () => {
    // 伽 of 伽利略 Galileo and 札 of 莫札特 Mozart are established forms outside the tables
    expect(isHanTranscription('伽利略')).toBe(true);
    expect(distance('galileo', '伽利略')).toBeLessThan(0.6);
    expect(distance('mozart', '莫札特')).toBeLessThan(0.5);
    // two of three outside: a Chinese name, not a transcription
    expect(isHanTranscription('习近平')).toBe(false);
    expect(isHanTranscription('近')).toBe(false);
  });

  it("reads n and l as one another, x as h, and the j and q rows as the Russian table's palatal d and t", () => {
    expect(distance('nani', '諾麗')).toBeLessThan(0.6);
    expect(distance('hifis', '西弗斯')).toBeLessThan(0.6);
    expect(distance('putin', '普京')).toBeLessThan(0.6);
    // as a lesser match than the table's own letters
    expect(distance('nani', '諾麗')).toBeGreaterThan(distance('nali', '諾麗'));
    expect(distance('putin', '普京')).toBeGreaterThan(distance('puJin', '普京'));
  });

  it('lets the hu row stand for w as in 華德 Ward and 华盛顿 Washington', () => {
    expect(distance('ward', '華德')).toBeLessThan(0.4);
    // the h of other characters is sounded
    expect(distance('ward', '哈德')).toBeGreaterThan(0.9);
  });
});

describe('Chinese personal name shape', () => {
  it('reads a surname-first name holding a lone-consonant character as a transcription', () => {
    expect(looksLikeChinesePersonalName(['罗斯福'])).toBe(false);
    expect(looksLikeChinesePersonalName(['史密斯'])).toBe(false);
  });

  it('reads a surname-first name holding a syllable given names avoid as a transcription', () => {
    expect(looksLikeChinesePersonalName(['崔勒'])).toBe(false);
    expect(looksLikeChinesePersonalName(['马拉'])).toBe(false);
    expect(looksLikeChinesePersonalName(['金塞'])).toBe(false);
    expect(looksLikeChinesePersonalName(['唐納'])).toBe(false);
  });

  it('still takes surname-first names without such a character as Chinese personal names', () => {
    expect(looksLikeChinesePersonalName(['罗明'])).toBe(true);
    expect(looksLikeChinesePersonalName(['马丁'])).toBe(true);
    expect(looksLikeChinesePersonalName(['德华', '刘'])).toBe(true);
  });
});
