import { parse } from 'csv-parse/browser/esm/sync';

/** One data row of a pasted CSV, keyed by its header (snake_case turned camelCase), with its 1-based line. */
export interface CsvRow {
  readonly line: number;
  readonly values: Readonly<Record<string, string>>;
}

const camel = (column: string) =>
  column
    .trim()
    .toLowerCase()
    .replace(/_([a-z])/g, (_m, ch: string) => ch.toUpperCase());

/**
 * Reads a small CSV with a header line (as in an advance passenger list pasted from a carrier's manifest);
 * blank lines are skipped but counted, so line numbers match what the officer sees. Malformed CSV throws
 * csv-parse's error, which names the line.
 */
export function csvRows(text: string): CsvRow[] {
  const records = parse(text, {
    columns: (header: string[]) => header.map(camel),
    skip_empty_lines: true,
    trim: true,
    relax_column_count: true,
    info: true,
  }) as Array<{ record: Record<string, string>; info: { lines: number } }>;
  return records.map(({ record, info }) => ({
    line: info.lines,
    values: Object.fromEntries(Object.entries(record).filter(([, value]) => value !== '')),
  }));
}
