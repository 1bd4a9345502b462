import { describe, expect, it } from 'vitest';
import { hasExpired, readMrzDate } from './mrz-dates.js';

const now = new Date('2026-06-15T08:00:00Z');

describe('readMrzDate', () => {
  it('keeps birth dates out of the future, today included', () => {
    expect(readMrzDate('260615', 'birth', now, 50)).toMatchObject({ ok: true, value: '2026-06-15' });
    expect(readMrzDate('260616', 'birth', now, 50)).toMatchObject({ ok: true, value: '1926-06-16' });
    expect(readMrzDate('2606<<', 'birth', now, 50)).toMatchObject({ ok: true, value: '2026-06' });
    expect(readMrzDate('2607<<', 'birth', now, 50)).toMatchObject({ ok: true, value: '1926-07' });
  });

  it('reads expiry years within the window either side of the current year', () => {
    expect(readMrzDate('751231', 'expiry', now, 50)).toMatchObject({ value: '2075-12-31' });
    expect(readMrzDate('760101', 'expiry', now, 50)).toMatchObject({ value: '1976-01-01' });
    expect(readMrzDate('400101', 'expiry', now, 10)).toMatchObject({ value: '1940-01-01' });
  });

  it('reads leap days by the century chosen', () => {
    expect(readMrzDate('000229', 'birth', now, 50)).toMatchObject({ ok: true, value: '2000-02-29' });
    expect(readMrzDate('270229', 'expiry', now, 50)).toMatchObject({ ok: false });
  });

  it('gives null for a date of fillers only and refuses letters', () => {
    expect(readMrzDate('<<<<<<', 'expiry', now, 50)).toEqual({ ok: true, value: null, lastDay: null });
    expect(readMrzDate('74O812', 'birth', now, 50)).toMatchObject({ ok: false });
  });

  it('treats a partial expiry date as running to the end of its month or year', () => {
    const month = readMrzDate('2606<<', 'expiry', now, 50);
    expect(month.ok && month.lastDay !== null && hasExpired(month.lastDay, now)).toBe(false);
    const lastYear = readMrzDate('25<<<<', 'expiry', now, 50);
    expect(lastYear.ok && lastYear.lastDay !== null && hasExpired(lastYear.lastDay, now)).toBe(true);
  });
});
