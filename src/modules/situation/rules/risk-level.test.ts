import { describe, expect, it } from 'vitest';
import { deriveCountySeries } from './derived-figures.js';
import { DEFAULT_RISK_THRESHOLDS, type RiskThresholds, riskChanges, riskLevel } from './risk-level.js';
import { buildCountySeries } from './test-support/county-days.js';

const figures = (incidence7Per100k: number | null, newLocal7 = 0) => ({ incidence7Per100k, newLocal7 });

describe('riskLevel with the default thresholds', () => {
  it('is high from 50 cases per 100,000 in 7 days', () => {
    expect(riskLevel(figures(50))).toBe('high');
    expect(riskLevel(figures(49.9))).toBe('medium');
  });

  it('is medium from 10 cases per 100,000 in 7 days', () => {
    expect(riskLevel(figures(10))).toBe('medium');
    expect(riskLevel(figures(9.99))).toBe('low');
  });

  it('is at least medium with any new local case in 7 days, even without a population', () => {
    expect(riskLevel(figures(2, 1))).toBe('medium');
    expect(riskLevel(figures(null, 1))).toBe('medium');
    expect(riskLevel(figures(80, 1))).toBe('high');
  });

  it('is low without local cases and without a known incidence', () => {
    expect(riskLevel(figures(null, 0))).toBe('low');
    expect(DEFAULT_RISK_THRESHOLDS.highNewLocal7).toBeNull();
  });
});

describe('riskLevel with configured thresholds', () => {
  const strict: RiskThresholds = {
    mediumIncidence7Per100k: 5,
    highIncidence7Per100k: 25,
    mediumNewLocal7: null,
    highNewLocal7: 20,
  };

  it('applies the configured marks and skips the ones set to null', () => {
    expect(riskLevel(figures(5), strict)).toBe('medium');
    expect(riskLevel(figures(25), strict)).toBe('high');
    expect(riskLevel(figures(1, 3), strict)).toBe('low');
    expect(riskLevel(figures(null, 20), strict)).toBe('high');
  });
});

describe('riskChanges', () => {
  it('lists the days on which the level changed, with the levels before and after', () => {
    // Population 100,000, so the 7-day sum is the incidence; all cases are imported except on 5 March.
    const days = buildCountySeries('2024-03-01', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]).map((day) => ({
      ...day,
    }));
    const imported = [0, 0, 3, 4, 0, 0, 45, 0, 0, 0, 0, 0];
    days.forEach((day, index) => {
      day.newImported = imported[index] ?? 0;
    });
    const fifth = days[4];
    if (fifth) fifth.newLocal = 1;
    const series = deriveCountySeries(days, 100_000);
    expect(series.map((day) => day.sum7)).toEqual([0, 0, 3, 7, 8, 8, 53, 53, 53, 50, 46, 45]);
    expect(riskChanges(series)).toEqual([
      { date: '2024-03-05', from: 'low', to: 'medium' },
      { date: '2024-03-07', from: 'medium', to: 'high' },
      { date: '2024-03-11', from: 'high', to: 'medium' },
    ]);
  });

  it('finds no change in a steady series or an empty one', () => {
    const steady = deriveCountySeries(buildCountySeries('2024-03-01', Array(10).fill(0)), 100_000);
    expect(riskChanges(steady)).toEqual([]);
    expect(riskChanges([])).toEqual([]);
  });

  it('uses the thresholds it is given', () => {
    const series = [
      { date: '2024-03-01', incidence7Per100k: 4, newLocal7: 0 },
      { date: '2024-03-02', incidence7Per100k: 6, newLocal7: 0 },
    ];
    expect(riskChanges(series)).toEqual([]);
    expect(riskChanges(series, { ...DEFAULT_RISK_THRESHOLDS, mediumIncidence7Per100k: 5 })).toEqual([
      { date: '2024-03-02', from: 'low', to: 'medium' },
    ]);
  });
});
