import { describe, expect, it } from 'vitest';
import { deriveCountySeries } from './derived-figures.js';
import { buildCountyDay, buildCountySeries } from './test-support/county-days.js';

// Two weeks from 1 March: one new case a day, then two a day.
const twoWeeks = buildCountySeries('2024-03-01', [1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2]);

describe('deriveCountySeries', () => {
  it('sums and averages new cases over the 7 days ending each day', () => {
    const series = deriveCountySeries(twoWeeks);
    expect(series).toHaveLength(14);
    expect(series[0]).toMatchObject({ date: '2024-03-01', new: 1, sum7: 1, reportedDays7: 1 });
    expect(series[6]).toMatchObject({ date: '2024-03-07', sum7: 7, avg7: 1, reportedDays7: 7 });
    // 2 to 7 March at one a day, 8 March at two.
    expect(series[7]).toMatchObject({ date: '2024-03-08', new: 2, sum7: 8, reportedDays7: 7 });
    expect(series[7]?.avg7).toBeCloseTo(8 / 7, 10);
    expect(series[13]).toMatchObject({ date: '2024-03-14', sum7: 14, avg7: 2 });
  });

  it('gives the 7-day incidence per 100,000 when the population is known, and null otherwise', () => {
    expect(deriveCountySeries(twoWeeks, 200_000)[13]?.incidence7Per100k).toBe(7);
    expect(deriveCountySeries(twoWeeks, 35_000)[13]?.incidence7Per100k).toBeCloseTo(40, 10);
    expect(deriveCountySeries(twoWeeks)[13]?.incidence7Per100k).toBeNull();
    expect(deriveCountySeries(twoWeeks, 0)[13]?.incidence7Per100k).toBeNull();
  });

  it('derives weekly growth and the doubling time from it', () => {
    const series = deriveCountySeries(twoWeeks);
    // 14 cases this week after 7 the week before: doubled in exactly one week.
    expect(series[13]?.growth7).toBe(2);
    expect(series[13]?.doublingTimeDays).toBeCloseTo(7, 10);
    // On 8 March: 8 cases against the single case reported in the week to 1 March; 8 = 2^3 in 7 days.
    expect(series[7]?.growth7).toBe(8);
    expect(series[7]?.doublingTimeDays).toBeCloseTo(7 / 3, 10);
  });

  it('has no growth before a previous week exists or when it had no case', () => {
    const series = deriveCountySeries(twoWeeks);
    expect(series[6]).toMatchObject({ growth7: null, doublingTimeDays: null });
    const quietThenCases = deriveCountySeries(buildCountySeries('2024-03-01', [0, 0, 0, 0, 0, 0, 0, 3]));
    expect(quietThenCases[7]).toMatchObject({ sum7: 3, growth7: null, doublingTimeDays: null });
  });

  it('has no doubling time when cases are flat or falling', () => {
    const falling = deriveCountySeries(
      buildCountySeries('2024-03-01', [4, 4, 4, 4, 4, 4, 4, 1, 1, 1, 1, 1, 1, 1]),
    );
    expect(falling[13]?.growth7).toBeCloseTo(7 / 28, 10);
    expect(falling[13]?.doublingTimeDays).toBeNull();
    const flat = deriveCountySeries(buildCountySeries('2024-03-01', Array(14).fill(3)));
    expect(flat[13]).toMatchObject({ growth7: 1, doublingTimeDays: null });
  });

  it('counts imported cases in new cases but only local ones in newLocal7', () => {
    const days = [
      buildCountyDay({ date: '2024-03-01', newLocal: 1, newImported: 4 }),
      buildCountyDay({ date: '2024-03-02', newLocal: 0, newImported: 2 }),
    ];
    expect(deriveCountySeries(days)[1]).toMatchObject({ new: 2, newLocal: 0, sum7: 7, newLocal7: 1 });
  });

  it('counts a day without a report as no cases and says how many days were reported', () => {
    const withGap = twoWeeks.filter((day) => day.date !== '2024-03-12');
    const series = deriveCountySeries(withGap);
    expect(series.map((figures) => figures.date)).not.toContain('2024-03-12');
    expect(series.at(-1)).toMatchObject({ date: '2024-03-14', sum7: 12, reportedDays7: 6 });
  });

  it('sorts the days and keeps the last of two reports for the same date', () => {
    const shuffled = [...twoWeeks].reverse();
    shuffled.push(buildCountyDay({ date: '2024-03-14', newLocal: 9, newImported: 0 }));
    const series = deriveCountySeries(shuffled);
    expect(series.map((figures) => figures.date)).toEqual(twoWeeks.map((day) => day.date));
    expect(series.at(-1)).toMatchObject({ new: 9, sum7: 21 });
  });

  it('gives an empty series for no days', () => {
    expect(deriveCountySeries([])).toEqual([]);
  });
});
