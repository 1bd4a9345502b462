import { invalid } from '../../core/errors.js';
import { type Recurrence, WEEKDAYS } from './operations.schema.js';

const DAY_MS = 86_400_000;
/** Enough for a patrol several times a week for over a year; beyond that a schedule is a mistake. */
export const MAX_OCCURRENCES = 366;

export interface Occurrence {
  startsAt: string;
  endsAt: string;
}

/** ISO weekday index (MO = 0 … SU = 6) of a UTC instant. */
const weekdayOf = (ms: number) => (new Date(ms).getUTCDay() + 6) % 7;

/**
 * Expands a weekly rule from the first window: every chosen weekday of every `interval`-th week (weeks start
 * on Monday, counted from the first window's week), keeping the first window's time of day and duration,
 * up to and including `until`. Days are UTC days, like every stored instant.
 */
export function expandWeekly(first: Occurrence, rule: Recurrence): Occurrence[] {
  const start = Date.parse(first.startsAt);
  const duration = Date.parse(first.endsAt) - start;
  const until = Date.parse(rule.until);
  if (until < start) {
    throw invalid(
      'operations.recurrence_until_before_start',
      `The recurrence ends (${rule.until}) before the first window starts (${first.startsAt})`,
      { field: 'recurrence.until' },
    );
  }
  const interval = rule.interval ?? 1;
  const wanted = new Set(rule.byDay.map((day) => WEEKDAYS.indexOf(day)));
  const weekStart = start - weekdayOf(start) * DAY_MS;
  const occurrences: Occurrence[] = [];
  for (let day = start; day <= until; day += DAY_MS) {
    const week = Math.floor((day - weekStart) / (7 * DAY_MS));
    if (week % interval !== 0 || !wanted.has(weekdayOf(day))) continue;
    if (occurrences.length === MAX_OCCURRENCES) {
      throw invalid(
        'operations.too_many_occurrences',
        `The recurrence makes more than ${MAX_OCCURRENCES} occurrences; choose an earlier until`,
        { field: 'recurrence.until', maxOccurrences: MAX_OCCURRENCES },
      );
    }
    occurrences.push({
      startsAt: new Date(day).toISOString(),
      endsAt: new Date(day + duration).toISOString(),
    });
  }
  return occurrences;
}
