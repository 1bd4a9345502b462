/** One border county's figures for one reporting day, as the reporting agency states them. */
export interface CountyDay {
  countyCode: string;
  /** The reporting agency's local date, `YYYY-MM-DD`. */
  date: string;
  /** Cumulative confirmed cases up to and including this day. */
  confirmed: number;
  newLocal: number;
  newImported: number;
  asymptomatic: number;
  deaths: number;
  underObservation: number;
  tests: number;
  /** Share of the population vaccinated, 0..100. */
  vaccinationCoverage?: number;
  remarks?: string;
  /** Why the cumulative count went down (a reclassification, a duplicate removed); required for such a drop. */
  correctionNote?: string;
}

/** The whole-number count fields of a county day, in the order forms and files show them. */
export const COUNTY_DAY_COUNT_FIELDS = [
  'confirmed',
  'newLocal',
  'newImported',
  'asymptomatic',
  'deaths',
  'underObservation',
  'tests',
] as const satisfies readonly (keyof CountyDay)[];

export type CountyDayCountField = (typeof COUNTY_DAY_COUNT_FIELDS)[number];

const DAY_MS = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a real calendar date written `YYYY-MM-DD` (rejects 2024-02-30). */
export function isCalendarDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [, year, month, day] = match;
  const parsed = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return parsed.toISOString().slice(0, 10) === value;
}

/** The `YYYY-MM-DD` date `days` calendar days after `date` (negative goes back). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** New cases of the day: local and imported together. */
export function newCases(day: Pick<CountyDay, 'newLocal' | 'newImported'>): number {
  return day.newLocal + day.newImported;
}
