import { addDays, type CountyDay } from '../county-day.js';
import { SITUATION_CSV_COLUMNS } from '../import-columns.js';

/** A plausible county day; override what the test is about. */
export function buildCountyDay(overrides: Partial<CountyDay> = {}): CountyDay {
  return {
    countyCode: 'CN-5331',
    date: '2024-03-10',
    confirmed: 100,
    newLocal: 2,
    newImported: 1,
    asymptomatic: 0,
    deaths: 0,
    underObservation: 40,
    tests: 500,
    ...overrides,
  };
}

/** Consecutive days from `start` with the given new local cases and a cumulative count that agrees with them. */
export function buildCountySeries(
  start: string,
  newLocalPerDay: readonly number[],
  overrides: Partial<CountyDay> = {},
): CountyDay[] {
  let confirmed = overrides.confirmed ?? 0;
  return newLocalPerDay.map((newLocal, index) => {
    confirmed += newLocal;
    return buildCountyDay({ ...overrides, date: addDays(start, index), newLocal, newImported: 0, confirmed });
  });
}

/** One CSV line per cell list, with quoting where a cell needs it. */
export function csvLines(rows: readonly (readonly string[])[], delimiter = ','): string {
  const quote = (cell: string) => (/[",;\t\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
  return rows.map((cells) => cells.map(quote).join(delimiter)).join('\n');
}

export const ALL_COLUMN_NAMES: string[] = SITUATION_CSV_COLUMNS.map((column) => column.name);

/** The cells of a county day in the order of `columns` (all columns by default). */
export function countyDayCells(day: CountyDay, columns: readonly string[] = ALL_COLUMN_NAMES): string[] {
  return columns.map((name) => {
    const column = SITUATION_CSV_COLUMNS.find((candidate) => candidate.name === name);
    const value = column ? day[column.field] : undefined;
    return value === undefined ? '' : String(value);
  });
}
