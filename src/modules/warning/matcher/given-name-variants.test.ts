import { describe, expect, it } from 'vitest';
import { fullGivenNames, isGivenNameVariant } from './given-name-variants.js';

describe('isGivenNameVariant', () => {
  it('links a familiar form to its full name and to the full name’s other familiar forms', () => {
    expect(isGivenNameVariant('bob', 'robert')).toBe(true);
    expect(isGivenNameVariant('bob', 'rob')).toBe(true);
    expect(isGivenNameVariant('sasha', 'aleksandr')).toBe(true);
  });

  it('does not link forms of different names, nor a name to itself', () => {
    expect(isGivenNameVariant('bob', 'ted')).toBe(false);
    expect(isGivenNameVariant('robert', 'robert')).toBe(false);
    expect(isGivenNameVariant('zorro', 'robert')).toBe(false);
  });

  it('lists every full name an ambiguous form may stand for', () => {
    expect(fullGivenNames('pat')).toEqual(expect.arrayContaining(['patricia', 'patrick']));
    expect(fullGivenNames('zorro')).toEqual([]);
  });
});
