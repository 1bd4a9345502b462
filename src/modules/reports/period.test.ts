import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.js';
import { resolvePeriod } from './period.js';

const shanghai = (period: string) => resolvePeriod({ period }, 'Asia/Shanghai');

describe('report periods', () => {
  it('resolves a half-year to local dates and the UTC instants of local midnight', () => {
    expect(shanghai('2021-H1')).toEqual({
      kind: 'half_year',
      label: '2021-H1',
      from: '2021-01-01',
      to: '2021-06-30',
      timeZone: 'Asia/Shanghai',
      startsAt: '2020-12-31T16:00:00.000Z',
      endsAt: '2021-06-30T16:00:00.000Z',
    });
  });

  it('resolves quarters, months, days and years', () => {
    expect(shanghai('2021-Q2')).toMatchObject({ kind: 'quarter', from: '2021-04-01', to: '2021-06-30' });
    expect(shanghai('2021-02')).toMatchObject({ kind: 'month', from: '2021-02-01', to: '2021-02-28' });
    expect(shanghai('2020-02')).toMatchObject({ to: '2020-02-29' });
    expect(shanghai('2021-03-05')).toMatchObject({ kind: 'day', from: '2021-03-05', to: '2021-03-05' });
    expect(shanghai('2021')).toMatchObject({ kind: 'year', from: '2021-01-01', to: '2021-12-31' });
    expect(shanghai('2021-H2')).toMatchObject({ from: '2021-07-01', to: '2021-12-31' });
  });

  it('starts ISO weeks on the Monday of the week holding 4 January', () => {
    expect(shanghai('2021-W01')).toMatchObject({ kind: 'week', from: '2021-01-04', to: '2021-01-10' });
    expect(shanghai('2021-W05')).toMatchObject({ from: '2021-02-01', to: '2021-02-07' });
    expect(shanghai('2020-W53')).toMatchObject({ from: '2020-12-28', to: '2021-01-03' });
    expect(() => shanghai('2021-W53')).toThrow(AppError);
  });

  it('refuses a period outside the years 1900 to 2999, the years 0–99 included', () => {
    for (const period of ['0050', '0099-H1', '0001-03', '0000-03-05', '1899', '3000-W01']) {
      expect(() => shanghai(period), period).toThrow(/within the years 1900 to 2999/);
    }
    expect(() => resolvePeriod({ from: '0050-01-01', to: '0050-01-31' }, 'UTC')).toThrow(/1900 to 2999/);
    expect(() => resolvePeriod({ from: '2999-12-01', to: '3000-01-01' }, 'UTC')).toThrow(/1900 to 2999/);
    expect(shanghai('1900')).toMatchObject({ from: '1900-01-01', to: '1900-12-31' });
    expect(resolvePeriod({ from: '2999-12-01', to: '2999-12-31' }, 'UTC')).toMatchObject({
      to: '2999-12-31',
    });
  });

  it('takes a custom period from two inclusive dates', () => {
    expect(resolvePeriod({ from: '2021-01-01', to: '2021-06-30' }, 'UTC')).toEqual({
      kind: 'custom',
      label: '2021-01-01/2021-06-30',
      from: '2021-01-01',
      to: '2021-06-30',
      timeZone: 'UTC',
      startsAt: '2021-01-01T00:00:00.000Z',
      endsAt: '2021-07-01T00:00:00.000Z',
    });
  });

  it('follows daylight-saving changes of the agency time zone', () => {
    // Moscow kept +3 all year; Berlin moved from +1 to +2 on 28 March 2021.
    const march = resolvePeriod({ period: '2021-03' }, 'Europe/Berlin');
    expect(march.startsAt).toBe('2021-02-28T23:00:00.000Z');
    expect(march.endsAt).toBe('2021-03-31T22:00:00.000Z');
    expect(resolvePeriod({ period: '2021-03-05' }, 'Europe/Moscow').startsAt).toBe(
      '2021-03-04T21:00:00.000Z',
    );
  });

  it.each([
    [{ period: '2021-H3' }],
    [{ period: '2021-13' }],
    [{ period: '2021-02-30' }],
    [{ period: 'last-month' }],
    [{ from: '2021-06-30', to: '2021-01-01' }],
    [{ from: '2021-01-01' }],
    [{}],
    [{ period: '2021', from: '2021-01-01', to: '2021-02-01' }],
    [{ from: '2000-01-01', to: '2021-01-01' }],
  ])('refuses %j', (request) => {
    expect(() => resolvePeriod(request, 'UTC')).toThrow(AppError);
  });

  it('refuses an unknown time zone', () => {
    expect(() => resolvePeriod({ period: '2021' }, 'Mars/Olympus')).toThrow(/not a time zone/);
  });
});
