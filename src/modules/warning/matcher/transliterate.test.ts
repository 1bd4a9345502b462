import { describe, expect, it } from 'vitest';
import { scoreMatch } from './score.js';
import { transliterate } from './transliterate.js';

const nameOnly = (id: string, name: string) => ({ id, givenNames: name });

describe('scripts read by any-ascii', () => {
  it('matches names written in Nepali, Kannada (indic.ts) or Khmer (any-ascii) against their Latin spelling', () => {
    expect(
      scoreMatch(nameOnly('a', 'Vladimir Putin'), nameOnly('b', 'व्लादिमीर पुतिन')).score,
    ).toBeGreaterThanOrEqual(0.9);
    expect(
      scoreMatch(nameOnly('a', 'Vladimir Putin'), nameOnly('b', 'ವ್ಲಾದಿಮಿರ್ ಪುತಿನ್')).score,
    ).toBeGreaterThanOrEqual(0.9);
    expect(
      scoreMatch(nameOnly('a', 'Vladimir Putin'), nameOnly('b', 'វ៉្លាឌីមៀរ ពូទីន')).score,
    ).toBeGreaterThanOrEqual(0.8);
  });

  it('keeps a Tibetan name apart from an unrelated one', () => {
    expect(transliterate('བསྟན་འཛིན་རྒྱ་མཚོ')).toMatch(/^bstn.*mtsho$/);
    expect(scoreMatch(nameOnly('a', 'Tenzin Gyatso'), nameOnly('b', 'ཚེ་རིང་')).score).toBeLessThan(0.8);
  });
});

describe('titles joined to Thai and Lao names', () => {
  it('are set apart so that the name is compared without them', () => {
    expect(transliterate('นายสมชาย ใจดี')).toBe('nai somchai chaidi');
    expect(
      scoreMatch(nameOnly('a', 'SOMCHAI JAIDEE'), nameOnly('b', 'นายสมชาย ใจดี')).score,
    ).toBeGreaterThanOrEqual(0.9);
  });
});
