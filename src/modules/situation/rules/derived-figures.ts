import { type CountyDay, daysBetween, newCases } from './county-day.js';

/** Trend figures of one county on one reported day, over the 7 calendar days ending that day. */
export interface CountyDayFigures {
  date: string;
  /** New local plus new imported cases that day. */
  new: number;
  newLocal: number;
  /** New cases over the 7 days ending this day; a day without a report counts as none. */
  sum7: number;
  /** New local cases over the same 7 days. */
  newLocal7: number;
  /** `sum7 / 7`. */
  avg7: number;
  /** How many of the 7 days have a report: below 7 the sums are lower bounds. */
  reportedDays7: number;
  /** `sum7` per 100,000 inhabitants; null without a population. */
  incidence7Per100k: number | null;
  /** This 7-day sum divided by the previous 7-day sum; null when the previous week had no case or no report. */
  growth7: number | null;
  /** Days for cases to double at the current weekly growth; null unless growing. */
  doublingTimeDays: number | null;
}

const WEEK = 7;

/** Derives the 7-day trend figures for each reported day of one county, oldest first (a later duplicate date wins). */
export function deriveCountySeries(days: readonly CountyDay[], population?: number): CountyDayFigures[] {
  const byDate = new Map<string, CountyDay>();
  for (const day of days) byDate.set(day.date, day);
  const dates = [...byDate.keys()].sort();
  const first = dates[0];
  if (first === undefined) return [];
  // Days as offsets from the first date, so the 7-day windows are array lookups.
  const byOffset: (CountyDay | undefined)[] = [];
  for (const [date, day] of byDate) byOffset[daysBetween(first, date)] = day;
  return dates.map((date) => {
    const day = byDate.get(date)!;
    const offset = daysBetween(first, date);
    const week = sumWindow(byOffset, offset);
    const previousWeek = sumWindow(byOffset, offset - WEEK);
    const growth7 =
      previousWeek.reported > 0 && previousWeek.total > 0 ? week.total / previousWeek.total : null;
    return {
      date,
      new: newCases(day),
      newLocal: day.newLocal,
      sum7: week.total,
      newLocal7: week.local,
      avg7: week.total / WEEK,
      reportedDays7: week.reported,
      incidence7Per100k: population && population > 0 ? (week.total * 100_000) / population : null,
      growth7,
      doublingTimeDays: growth7 !== null && growth7 > 1 ? (WEEK * Math.LN2) / Math.log(growth7) : null,
    };
  });
}

/** New cases over the 7 days ending at offset `end`. */
function sumWindow(byOffset: readonly (CountyDay | undefined)[], end: number) {
  const window = { total: 0, local: 0, reported: 0 };
  for (let offset = Math.max(0, end - WEEK + 1); offset <= end; offset++) {
    const day = byOffset[offset];
    if (!day) continue;
    window.total += newCases(day);
    window.local += day.newLocal;
    window.reported++;
  }
  return window;
}
