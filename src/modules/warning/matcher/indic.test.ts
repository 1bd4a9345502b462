import { describe, expect, it } from 'vitest';
import { romaniseIndic } from './indic.js';
import { scoreMatch } from './score.js';

const nameOnly = (id: string, name: string) => ({ id, givenNames: name });

describe('Indic-script names', () => {
  it('give each consonant its inherent a, silent at the end of a word unless a conjunct closes it', () => {
    expect(romaniseIndic('राम शर्मा')).toBe('ram sharma');
    expect(romaniseIndic('बहादुर थापा')).toBe('bahadur thapa');
    expect(romaniseIndic('श्रेष्ठ')).toBe('shreshtha');
    expect(romaniseIndic('मिश्र')).toBe('mishra');
    expect(romaniseIndic('संजय')).toBe('sanjay');
  });

  it('read the parallel Indic blocks with one table', () => {
    expect(romaniseIndic('প্রসাদ')).toBe('prasad');
    expect(romaniseIndic('ಪುತಿನ್')).toBe('putin');
    expect(romaniseIndic('குமார்')).toBe('kumar');
    expect(romaniseIndic('ਸਿੰਘ')).toBe('singh');
    expect(romaniseIndic('કૃષ્ણ')).toBe('krishna');
  });

  it('match a Nepali name written in Devanagari against its passport spelling in either order', () => {
    expect(scoreMatch(nameOnly('a', 'SHARMA RAM'), nameOnly('b', 'राम शर्मा')).score).toBeGreaterThanOrEqual(
      0.9,
    );
    expect(
      scoreMatch(nameOnly('a', 'Shrestha Bikash'), nameOnly('b', 'विकास श्रेष्ठ')).score,
    ).toBeGreaterThanOrEqual(0.8);
  });
});
