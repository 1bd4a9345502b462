import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors.js';
import { isStale, type PortStatusVersion, portStatusAsOf } from './port-status.js';

const buildVersion = (overrides: Partial<PortStatusVersion> & { id: string }) => ({
  status: 'open' as const,
  measures: { testRequired: 'none' as const },
  effectiveFrom: '2024-01-01',
  recordedAt: '2024-01-01T08:00:00Z',
  ...overrides,
});

describe('portStatusAsOf', () => {
  const open = buildVersion({ id: 'open' });
  const closure = buildVersion({
    id: 'closure',
    status: 'closed',
    effectiveFrom: '2024-03-01',
    effectiveTo: '2024-03-15',
    recordedAt: '2024-02-28T10:00:00Z',
  });
  const cargoOnly = buildVersion({
    id: 'cargo',
    status: 'cargo_only',
    measures: { testRequired: 'pcr', quarantineDays: 7, openingHours: '08:00-18:00' },
    effectiveFrom: '2024-03-10',
    recordedAt: '2024-03-09T16:00:00Z',
  });
  const versions = [cargoOnly, open, closure];

  it('gives the version in force before, during and after a temporary closure', () => {
    expect(portStatusAsOf([open, closure], '2024-02-29')?.id).toBe('open');
    expect(portStatusAsOf([open, closure], '2024-03-01')?.id).toBe('closure');
    expect(portStatusAsOf([open, closure], '2024-03-15')?.id).toBe('closure');
    expect(portStatusAsOf([open, closure], '2024-03-16')?.id).toBe('open');
  });

  it('prefers the version recorded last among those in force', () => {
    expect(portStatusAsOf(versions, '2024-03-09')?.id).toBe('closure');
    expect(portStatusAsOf(versions, '2024-03-10')?.id).toBe('cargo');
    expect(portStatusAsOf(versions, '2024-04-01')?.id).toBe('cargo');
    expect(portStatusAsOf(versions, '2024-04-01')?.measures).toEqual({
      testRequired: 'pcr',
      quarantineDays: 7,
      openingHours: '08:00-18:00',
    });
  });

  it('compares recording instants, not their text', () => {
    const earlierInBeijing = buildVersion({
      id: 'beijing',
      status: 'closed',
      recordedAt: '2024-01-02T09:00:00+08:00',
    });
    const laterInUtc = buildVersion({ id: 'utc', status: 'open', recordedAt: '2024-01-02T02:00:00Z' });
    expect(portStatusAsOf([laterInUtc, earlierInBeijing], '2024-01-05')?.id).toBe('utc');
  });

  it('breaks a tie in recording time by the later effective date', () => {
    const a = buildVersion({ id: 'a', effectiveFrom: '2024-01-01' });
    const b = buildVersion({ id: 'b', effectiveFrom: '2024-01-03' });
    expect(portStatusAsOf([b, a], '2024-01-05')?.id).toBe('b');
  });

  it('gives null before the first version takes effect or with no versions', () => {
    expect(portStatusAsOf(versions, '2023-12-31')).toBeNull();
    expect(portStatusAsOf([], '2024-03-01')).toBeNull();
  });
});

describe('isStale', () => {
  const now = new Date('2024-03-10T12:00:00Z');

  it('is stale once more than the allowed days have passed since the last update', () => {
    expect(isStale('2024-03-03T12:00:00Z', now, 7)).toBe(false);
    expect(isStale('2024-03-03T11:59:59Z', now, 7)).toBe(true);
    // 10 March 08:00 in Beijing is midnight UTC, twelve hours before now; 9 March 19:00 there is 25 hours before.
    expect(isStale('2024-03-10T08:00:00+08:00', now, 1)).toBe(false);
    expect(isStale('2024-03-09T19:00:00+08:00', now, 1)).toBe(true);
  });

  it('is stale when the port was never updated', () => {
    expect(isStale(null, now, 7)).toBe(true);
    expect(isStale(undefined, now, 7)).toBe(true);
  });

  it('refuses a timestamp that is not ISO 8601', () => {
    expect(() => isStale('last tuesday', now, 7)).toThrow(AppError);
  });
});
