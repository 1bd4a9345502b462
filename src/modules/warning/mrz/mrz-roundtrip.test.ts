import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MrzFields } from './mrz.types.js';
import { parseMrz } from './parse-mrz.js';
import { buildTd3, type MrzSpec } from './test-support/mrz-builder.js';

const now = new Date('2026-06-15T00:00:00Z');
const DAY = 86_400_000;

const word = fc.stringMatching(/^[A-Z]{1,8}$/);
const words = (max: number) =>
  fc.array(word, { minLength: 1, maxLength: max }).map((parts) => parts.join(' '));
const code = (pattern: RegExp) => fc.stringMatching(pattern);

// Any day in the century before `now` (birth) or within 49 years either side of it (expiry): the ranges
// where a two-digit year has a single reading.
const dayBetween = (from: Date, to: Date) =>
  fc
    .integer({ min: 0, max: Math.floor((to.getTime() - from.getTime()) / DAY) })
    .map((n) => new Date(from.getTime() + n * DAY));
const birth = dayBetween(new Date('1926-06-16T00:00:00Z'), now);
const expiry = dayBetween(new Date('1977-01-01T00:00:00Z'), new Date('2075-12-31T00:00:00Z'));

const yymmdd = (date: Date) => date.toISOString().slice(2, 10).replaceAll('-', '');
const iso = (date: Date) => date.toISOString().slice(0, 10);

const td3Data = fc
  .record({
    documentCode: code(/^P[A-Z]?$/),
    issuingState: code(/^[A-Z]{3}$/),
    surname: words(3),
    givenNames: words(3),
    documentNumber: code(/^[A-Z0-9]{1,9}$/),
    nationality: code(/^[A-Z]{3}$/),
    birth,
    sex: fc.constantFrom('M' as const, 'F' as const, '<' as const),
    expiry,
    optionalData: code(/^[A-Z0-9]{0,14}$/),
  })
  .filter((d) => d.surname.length + d.givenNames.length + 2 < 39);

describe('TD3 round trip', () => {
  it('parses a zone built from valid data back into the same fields', () => {
    fc.assert(
      fc.property(td3Data, (data) => {
        const spec: Partial<MrzSpec> = {
          ...data,
          birthDate: yymmdd(data.birth),
          expiryDate: yymmdd(data.expiry),
        };
        const result = parseMrz(buildTd3(spec).join('\n'), { now });
        expect(result.ok).toBe(true);
        expect(result.checks?.every((c) => c.valid)).toBe(true);
        const expected: MrzFields = {
          documentType: 'passport',
          documentCode: data.documentCode,
          issuingState: data.issuingState,
          documentNumber: data.documentNumber,
          surname: data.surname,
          givenNames: data.givenNames,
          nationality: data.nationality,
          birthDate: iso(data.birth),
          sex: data.sex === '<' ? 'X' : data.sex,
          expiryDate: iso(data.expiry),
          optionalData: data.optionalData,
          optionalData2: null,
          personalNumber: data.optionalData === '' ? null : data.optionalData,
        };
        expect(result.fields).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
