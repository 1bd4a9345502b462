import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { parseBirthDate } from './score.js';
import type { CrossingIdentity, MatchThresholds, Sex, Verdict, WatchlistIdentity } from './types.js';
import { createWatchlistIndex } from './watchlist-index.js';

/** What an MRZ parser returns; the matcher only reads these identity fields. */
export interface MrzParseResult {
  readonly ok: boolean;
  readonly fields: {
    readonly surname?: string;
    readonly givenNames?: string;
    readonly documentNumber?: string;
    readonly nationality?: string;
    readonly birthDate?: string;
    readonly sex?: string;
  };
}

/** The MRZ parser is injected so the matcher does not depend on the MRZ module. */
export type MrzParser = (text: string) => MrzParseResult;

/** CSV text or a byte/text stream of it. */
export type CsvSource = string | AsyncIterable<string | Uint8Array>;

/** One output line of `borderlink screen`. */
export interface ScreenedCrossing {
  readonly crossing_id: string;
  readonly verdict: Verdict;
  readonly entry_id: string | null;
  readonly score: number;
}

/** A row that could not be read; the other rows go on. */
export interface CsvRowError {
  readonly file: 'watchlist' | 'crossings';
  /** 1-based line of the row in its file, the header being line 1. */
  readonly line: number;
  readonly code: string;
  readonly message: string;
}

/** Options of `screenCsv`. */
export interface ScreenCsvOptions {
  readonly parseMrz?: MrzParser;
  readonly thresholds?: MatchThresholds;
  readonly onRowError?: (error: CsvRowError) => void;
}

type Row = Record<string, string | undefined>;
type RowResult<T> = { ok: true; value: T } | { ok: false; code: string; message: string };

const fail = (code: string, message: string): RowResult<never> => ({ ok: false, code, message });

const clean = (value: string | undefined): string | undefined => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

const readSex = (value: string | undefined): RowResult<Sex | undefined> => {
  const sex = clean(value)?.toUpperCase();
  if (sex === undefined || sex === '<') return { ok: true, value: undefined };
  if (sex === 'M' || sex === 'F' || sex === 'X') return { ok: true, value: sex };
  return fail('warning.csv_bad_sex', `sex must be M, F, X or empty, not ${JSON.stringify(value)}`);
};

const readBirthDate = (value: string | undefined): RowResult<string | undefined> => {
  const text = clean(value);
  if (text === undefined) return { ok: true, value: undefined };
  if (parseBirthDate(text)) return { ok: true, value: text };
  return fail(
    'warning.csv_bad_birth_date',
    `birth_date must be YYYY, YYYY-MM or YYYY-MM-DD, not ${JSON.stringify(value)}`,
  );
};

const identityFromColumns = (row: Row): RowResult<CrossingIdentity> => {
  const id = clean(row.id);
  if (!id) return fail('warning.csv_missing_id', 'id is empty');
  const sex = readSex(row.sex);
  if (!sex.ok) return sex;
  const birthDate = readBirthDate(row.birth_date);
  if (!birthDate.ok) return birthDate;
  const fields = {
    surname: clean(row.surname),
    givenNames: clean(row.given_names),
    nativeName: clean(row.native_name),
    sex: sex.value,
    birthDate: birthDate.value,
    nationality: clean(row.nationality)?.toUpperCase(),
    documentNumber: clean(row.document_number),
  };
  const present = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  return { ok: true, value: { id, ...present } };
};

const identityFromMrz = (row: Row, parseMrz: MrzParser | undefined): RowResult<CrossingIdentity> => {
  const mrz = row.mrz ?? '';
  if (!parseMrz) return fail('warning.csv_mrz_unsupported', 'the row has an mrz but no MRZ parser was given');
  const parsed = parseMrz(mrz.replace(/\\n/g, '\n'));
  if (!parsed.ok) return fail('warning.csv_bad_mrz', 'the MRZ could not be read');
  const { fields } = parsed;
  return identityFromColumns({
    id: row.id,
    surname: fields.surname,
    given_names: fields.givenNames,
    sex: fields.sex,
    birth_date: fields.birthDate && parseBirthDate(fields.birthDate) ? fields.birthDate : undefined,
    nationality: fields.nationality,
    document_number: fields.documentNumber ?? row.document_number,
  });
};

/** The columns `borderlink screen` reads from each file; unknown columns are ignored. */
export const SCREEN_CSV_COLUMNS = {
  watchlist: [
    'id',
    'surname',
    'given_names',
    'native_name',
    'sex',
    'birth_date',
    'nationality',
    'document_number',
  ],
  crossings: [
    'id',
    'surname',
    'given_names',
    'native_name',
    'sex',
    'birth_date',
    'nationality',
    'document_number',
    'mrz',
  ],
} as const;

/** A file whose header lacks what screening needs: refused before any row, not reported on every row. */
export class CsvHeaderError extends Error {
  constructor(
    readonly file: CsvRowError['file'],
    message: string,
  ) {
    super(`${file} file: ${message} (expected: ${SCREEN_CSV_COLUMNS[file].join(', ')})`);
    this.name = 'CsvHeaderError';
  }
}

function checkHeader(file: CsvRowError['file'], header: readonly string[]): void {
  if (!header.includes('id')) throw new CsvHeaderError(file, 'missing column id');
  const identifying = SCREEN_CSV_COLUMNS[file].filter(
    (c) => !['id', 'sex', 'birth_date', 'nationality'].includes(c),
  );
  if (!identifying.some((column) => header.includes(column))) {
    throw new CsvHeaderError(file, `no identifying column (one of ${identifying.join(', ')})`);
  }
}

async function* csvRows(
  source: CsvSource,
  file: CsvRowError['file'],
): AsyncGenerator<{ row: Row; line: number }> {
  const input = typeof source === 'string' ? Readable.from([source]) : Readable.from(source);
  const parser = input.pipe(
    parse({
      columns: (header: string[]) => {
        const names = header.map((h) => h.trim().toLowerCase());
        checkHeader(file, names);
        return names;
      },
      bom: true,
      trim: true,
      relax_column_count: true,
      info: true,
    }),
  );
  for await (const record of parser as AsyncIterable<{ record: Row; info: { lines: number } }>) {
    yield { row: record.record, line: record.info.lines };
  }
}

const hasNames = (row: Row): boolean =>
  Boolean(clean(row.surname) || clean(row.given_names) || clean(row.native_name));

/** Screens every crossing of a CSV file against a CSV watchlist, in input order (`borderlink screen`). */
export async function* screenCsv(
  watchlist: CsvSource,
  crossings: CsvSource,
  options: ScreenCsvOptions = {},
): AsyncGenerator<ScreenedCrossing> {
  const report = options.onRowError ?? (() => {});
  const index = createWatchlistIndex([], options.thresholds ? { thresholds: options.thresholds } : {});
  for await (const { row, line } of csvRows(watchlist, 'watchlist')) {
    const result = identityFromColumns(row);
    if (result.ok) index.add(result.value as WatchlistIdentity);
    else report({ file: 'watchlist', line, code: result.code, message: result.message });
  }
  for await (const { row, line } of csvRows(crossings, 'crossings')) {
    const result =
      clean(row.mrz) && !hasNames(row) ? identityFromMrz(row, options.parseMrz) : identityFromColumns(row);
    if (!result.ok) {
      report({ file: 'crossings', line, code: result.code, message: result.message });
      continue;
    }
    const screened = index.screen(result.value);
    yield {
      crossing_id: result.value.id,
      verdict: screened.verdict,
      entry_id: screened.verdict === 'clear' ? null : (screened.best?.entryId ?? null),
      score: screened.best?.score ?? 0,
    };
  }
}
