import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { otherEvidence, prepareIdentity, scorePrepared } from './score.js';
import { mayExceed, mayReach, scoreCeiling } from './score-ceiling.js';
import type { WatchlistIdentity } from './types.js';

const identityArb = fc.record({
  id: fc.constant('x'),
  surname: fc.constantFrom('Ivanov', 'Ivanova', 'Wang', 'Nguyen', 'Schneider', 'Иванов'),
  givenNames: fc.constantFrom('Sergei', 'Sergey', 'Wei', 'Van Dung', 'Anna', ''),
  birthDate: fc.constantFrom('1970-01-02', '1970-02-01', '1970', '1971-01-02', '1985-06', ''),
  documentNumber: fc.constantFrom('P1234567', 'P1234568', 'PI234567', 'X9999999', ''),
  nationality: fc.constantFrom('RUS', 'CHN', 'VNM', ''),
  sex: fc.constantFrom('M' as const, 'F' as const, 'X' as const),
}) as fc.Arbitrary<WatchlistIdentity>;

describe('scoreCeiling', () => {
  it('is never below the full score of a pair, whatever their names', () => {
    fc.assert(
      fc.property(identityArb, identityArb, (crossing, entry) => {
        const query = prepareIdentity(crossing);
        const prepared = prepareIdentity(entry);
        expect(scoreCeiling(otherEvidence(query, prepared))).toBeGreaterThanOrEqual(
          scorePrepared(query, prepared).score,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('falls below 1 when other fields disagree', () => {
    const query = prepareIdentity({ id: 'c', surname: 'Wang', birthDate: '1970-01-02', sex: 'M' });
    const entry = prepareIdentity({ id: 'e', surname: 'Wang', birthDate: '1988-05-06', sex: 'F' });
    expect(scoreCeiling(otherEvidence(query, entry))).toBeLessThan(0.95);
  });

  it('lets an entry whose ceiling is under half a thousandth above a score at most tie it', () => {
    expect(mayExceed(0.861 + 1e-9, 0.86)).toBe(true);
    expect(mayExceed(0.86 + 1e-9, 0.86)).toBe(false);
    expect(mayExceed(0.8604, 0.86)).toBe(false);
    expect(mayReach(0.86 + 1e-9, 0.86)).toBe(true);
    expect(mayReach(0.8594, 0.86)).toBe(false);
  });
});
