import { describe, expect, it } from 'vitest';
import { buildCountyDay, buildCountySeries } from './test-support/county-days.js';
import { hasErrors, SITUATION_RULES, type Violation, validateCountyDay } from './validation.js';

const today = '2024-03-20';
const rules = (violations: readonly Violation[]) => violations.map((violation) => violation.rule);

describe('SITUATION_RULES', () => {
  it('lists each rule once with a severity and a description in English, Chinese and Russian', () => {
    const codes = SITUATION_RULES.map((rule) => rule.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const rule of SITUATION_RULES) {
      expect(rule.code).toMatch(/^situation\.rule\.[a-z0-9_]+$/);
      expect(['error', 'warning']).toContain(rule.severity);
      expect(rule.description.en.length).toBeGreaterThan(10);
      expect(rule.description.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(rule.description.ru).toMatch(/[а-яё]/i);
    }
  });

  it('flags outliers and cumulative mismatches as warnings, and refuses the rest', () => {
    const warnings = SITUATION_RULES.filter((rule) => rule.severity === 'warning').map((rule) => rule.code);
    expect(warnings.sort()).toEqual([
      'situation.rule.new_matches_cumulative_change',
      'situation.rule.outlier_7day_median',
    ]);
  });
});

describe('validateCountyDay', () => {
  const history = buildCountySeries('2024-03-03', [2, 3, 2, 4, 3, 2, 3], { confirmed: 80 });
  const consistentNextDay = () =>
    buildCountyDay({ date: '2024-03-10', confirmed: 99 + 3, newLocal: 3, newImported: 0 });

  it('accepts a day that agrees with its history', () => {
    expect(history.at(-1)?.confirmed).toBe(99);
    expect(validateCountyDay(consistentNextDay(), history, { today })).toEqual([]);
  });

  it('refuses negative counts, naming each field', () => {
    const violations = validateCountyDay(buildCountyDay({ deaths: -1, tests: -5 }), [], { today });
    expect(violations).toEqual([
      expect.objectContaining({ rule: 'situation.rule.non_negative', severity: 'error', field: 'deaths' }),
      expect.objectContaining({ rule: 'situation.rule.non_negative', severity: 'error', field: 'tests' }),
    ]);
    expect(violations[0]?.details).toEqual({ value: -1 });
    expect(hasErrors(violations)).toBe(true);
  });

  it('refuses counts that are not whole numbers', () => {
    const violations = validateCountyDay(buildCountyDay({ underObservation: 2.5 }), [], { today });
    expect(violations).toEqual([
      expect.objectContaining({ rule: 'situation.rule.whole_number', field: 'underObservation' }),
    ]);
  });

  it('refuses a vaccination coverage outside 0..100 and accepts the bounds', () => {
    for (const coverage of [-0.1, 100.5]) {
      const violations = validateCountyDay(buildCountyDay({ vaccinationCoverage: coverage }), [], { today });
      expect(violations).toEqual([
        expect.objectContaining({
          rule: 'situation.rule.coverage_range',
          severity: 'error',
          field: 'vaccinationCoverage',
        }),
      ]);
    }
    for (const coverage of [0, 100, undefined]) {
      expect(validateCountyDay(buildCountyDay({ vaccinationCoverage: coverage }), [], { today })).toEqual([]);
    }
  });

  it("refuses a day after the reporting agency's today and accepts today itself", () => {
    const tomorrow = validateCountyDay(buildCountyDay({ date: '2024-03-21' }), [], { today });
    expect(tomorrow).toEqual([
      expect.objectContaining({
        rule: 'situation.rule.date_not_future',
        field: 'date',
        details: { value: '2024-03-21', today },
      }),
    ]);
    expect(validateCountyDay(buildCountyDay({ date: today }), [], { today })).toEqual([]);
  });

  it('refuses a date that is not on the calendar and skips the checks that need one', () => {
    const violations = validateCountyDay(buildCountyDay({ date: '2024-02-30', confirmed: 1 }), history, {
      today,
    });
    expect(rules(violations)).toEqual(['situation.rule.valid_date']);
  });

  it('refuses a drop in cumulative confirmed since the latest earlier report, even across a gap', () => {
    const day = buildCountyDay({ date: '2024-03-12', confirmed: 90, newLocal: 0, newImported: 0 });
    const violations = validateCountyDay(day, history, { today });
    expect(violations).toEqual([
      expect.objectContaining({
        rule: 'situation.rule.cumulative_not_decreasing',
        severity: 'error',
        field: 'confirmed',
        details: { previousDate: '2024-03-09', previous: 99, current: 90 },
      }),
    ]);
  });

  it('accepts a drop in cumulative confirmed that carries a correction note, but not a blank one', () => {
    const drop = { date: '2024-03-10', confirmed: 97, newLocal: 0, newImported: 0 };
    const noted = buildCountyDay({ ...drop, correctionNote: 'two cases reclassified as imported elsewhere' });
    expect(rules(validateCountyDay(noted, history, { today }))).not.toContain(
      'situation.rule.cumulative_not_decreasing',
    );
    const blank = buildCountyDay({ ...drop, correctionNote: '  ' });
    expect(rules(validateCountyDay(blank, history, { today }))).toContain(
      'situation.rule.cumulative_not_decreasing',
    );
  });

  it('refuses a backdated day whose cumulative exceeds a later report', () => {
    const backdated = buildCountyDay({ date: '2024-03-02', confirmed: 85, newLocal: 0, newImported: 0 });
    const violations = validateCountyDay(backdated, history, { today });
    expect(violations).toEqual([
      expect.objectContaining({
        rule: 'situation.rule.cumulative_not_decreasing',
        details: { nextDate: '2024-03-03', next: 82, current: 85 },
      }),
    ]);
  });

  it('warns when new cases differ from the change in cumulative since the day before, giving both numbers', () => {
    const day = buildCountyDay({ date: '2024-03-10', confirmed: 104, newLocal: 2, newImported: 1 });
    const violations = validateCountyDay(day, history, { today });
    expect(violations).toEqual([
      expect.objectContaining({
        rule: 'situation.rule.new_matches_cumulative_change',
        severity: 'warning',
        details: { reportedNew: 3, cumulativeChange: 5, previousDate: '2024-03-09', previous: 99 },
      }),
    ]);
    expect(violations[0]?.message).toContain('3');
    expect(violations[0]?.message).toContain('5');
    expect(hasErrors(violations)).toBe(false);
  });

  it('does not compare new cases with the cumulative change across a missing day', () => {
    const day = buildCountyDay({ date: '2024-03-11', confirmed: 110, newLocal: 3, newImported: 0 });
    expect(validateCountyDay(day, history, { today })).toEqual([]);
  });

  it('flags new cases above 5 times the 7-day median as an outlier warning', () => {
    // Median of 2, 3, 2, 4, 3, 2, 3 is 3, so 15 is the most that passes.
    const atLimit = buildCountyDay({ date: '2024-03-10', confirmed: 99 + 15, newLocal: 15, newImported: 0 });
    expect(validateCountyDay(atLimit, history, { today })).toEqual([]);
    const above = buildCountyDay({ date: '2024-03-10', confirmed: 99 + 16, newLocal: 10, newImported: 6 });
    expect(validateCountyDay(above, history, { today })).toEqual([
      expect.objectContaining({
        rule: 'situation.rule.outlier_7day_median',
        severity: 'warning',
        field: 'newLocal',
        details: { reportedNew: 16, median7: 3, factor: 5, daysInBaseline: 7 },
      }),
    ]);
  });

  it('uses the configured outlier factor', () => {
    const day = buildCountyDay({ date: '2024-03-10', confirmed: 99 + 16, newLocal: 16, newImported: 0 });
    expect(validateCountyDay(day, history, { today, outlierFactor: 10 })).toEqual([]);
    expect(rules(validateCountyDay(day, history, { today, outlierFactor: 2 }))).toEqual([
      'situation.rule.outlier_7day_median',
    ]);
  });

  it('needs more than 5 cases after a week without any to call it an outlier', () => {
    const quietWeek = buildCountySeries('2024-03-03', [0, 0, 0, 0, 0, 0, 0], { confirmed: 10 });
    const five = buildCountyDay({ date: '2024-03-10', confirmed: 15, newLocal: 5, newImported: 0 });
    const six = buildCountyDay({ date: '2024-03-10', confirmed: 16, newLocal: 0, newImported: 6 });
    expect(validateCountyDay(five, quietWeek, { today })).toEqual([]);
    expect(validateCountyDay(six, quietWeek, { today })).toEqual([
      expect.objectContaining({ rule: 'situation.rule.outlier_7day_median', field: 'newImported' }),
    ]);
  });

  it('does not judge outliers on fewer than 4 reported days', () => {
    const shortHistory = history.slice(-3);
    const day = buildCountyDay({ date: '2024-03-10', confirmed: 99 + 50, newLocal: 50, newImported: 0 });
    expect(validateCountyDay(day, shortHistory, { today })).toEqual([]);
    expect(rules(validateCountyDay(day, shortHistory, { today, outlierMinHistoryDays: 3 }))).toEqual([
      'situation.rule.outlier_7day_median',
    ]);
  });

  it('ignores other counties and the earlier version of the same day in the history', () => {
    const otherCounty = buildCountySeries('2024-03-03', [50, 50, 50, 50, 50, 50, 50], {
      countyCode: 'MN-0101',
      confirmed: 5000,
    });
    const earlierVersion = buildCountyDay({ date: '2024-03-10', confirmed: 200 });
    const violations = validateCountyDay(consistentNextDay(), [earlierVersion, ...otherCounty, ...history], {
      today,
    });
    expect(violations).toEqual([]);
  });

  it('reads the history in any order', () => {
    const shuffled = [...history].reverse();
    const day = buildCountyDay({ date: '2024-03-10', confirmed: 104, newLocal: 2, newImported: 1 });
    expect(rules(validateCountyDay(day, shuffled, { today }))).toEqual([
      'situation.rule.new_matches_cumulative_change',
    ]);
  });
});
