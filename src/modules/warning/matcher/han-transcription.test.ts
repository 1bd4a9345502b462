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
});

describe('Chinese personal name shape', () => {
  it('reads a surname-first name holding a lone-consonant character as a transcription', () => {
    expect(looksLikeChinesePersonalName(['罗斯福'])).toBe(false);
    expect(looksLikeChinesePersonalName(['史密斯'])).toBe(false);
  });

  it('still takes surname-first names without such a character as Chinese personal names', () => {
    expect(looksLikeChinesePersonalName(['罗明'])).toBe(true);
    expect(looksLikeChinesePersonalName(['马丁'])).toBe(true);
    expect(looksLikeChinesePersonalName(['德华', '刘'])).toBe(true);
  });
});
