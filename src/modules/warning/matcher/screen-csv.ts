import { type CsvError, type InfoRecord, type Options, parse } from 'csv-parse';
import { birthDateProblem } from '../identity-checks.js';
import { parseBirthDate } from './score.js';
import type { CrossingIdentity, MatchThresholds, Sex, Verdict, WatchlistIdentity } from './types.js';
import { createWatchlistIndex } from './watchlist-index.js';

/** One thing an MRZ parser found wrong in a zone; `line` and `position` are 1-based. */
export interface MrzFinding {
  readonly line: number;
  /** The field it is in, or `mrz` for the zone as a whole (its lines, their length). */
  readonly field: string;
  readonly code: string;
  readonly message: string;
  readonly position?: number;
}

/** What an MRZ parser returns; the matcher only reads these identity fields, and why a zone failed. */
export interface MrzParseResult {
  readonly ok: boolean;
  /** Why the zone could not be read, when it could not; each becomes a row error of its own. */
  readonly errors?: readonly MrzFinding[];
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

/**
 * A reason a row could not be read; the other rows go on. A row with several reasons is reported once for each,
 * every report naming the row's line, so the file can be corrected at once.
 */
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
  /** The day a birth date may not be after (YYYY-MM-DD, or an ISO timestamp); today in UTC, as the API. */
  readonly today?: string;
}

type Row = Record<string, string | undefined>;
/** One reason a row cannot be read. */
interface RowProblem {
  readonly code: string;
  readonly message: string;
}
/** A row's identity, or every reason it cannot be read (all of them, so the file is corrected at once). */
type RowResult<T> = { ok: true; value: T } | { ok: false; problems: readonly RowProblem[] };
type ValueResult<T> = { ok: true; value: T } | { ok: false; problem: RowProblem };

// These codes are the CLI's own, not the API's: they are made by `rowProblem`, never as `code:` literals, which
// test/web/problems-catalogue.test.ts would take for API codes the web app must word.
const rowProblem = (code: string, message: string): RowProblem => ({ code, message });

const fail = (code: string, message: string): ValueResult<never> => ({
  ok: false,
  problem: rowProblem(code, message),
});

const clean = (value: string | undefined): string | undefined => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

const readSex = (value: string | undefined): ValueResult<Sex | undefined> => {
  const sex = clean(value)?.toUpperCase();
  if (sex === undefined || sex === '<') return { ok: true, value: undefined };
  if (sex === 'M' || sex === 'F' || sex === 'X') return { ok: true, value: sex };
  return fail('warning.csv_bad_sex', `sex must be M, F, X or empty, not ${JSON.stringify(value)}`);
};

/** A birth date as the API takes it: YYYY, YYYY-MM or YYYY-MM-DD, a day of the calendar, not after today. */
const readBirthDate = (value: string | undefined, today: string): ValueResult<string | undefined> => {
  const text = clean(value);
  if (text === undefined) return { ok: true, value: undefined };
  if (!parseBirthDate(text))
    return fail(
      'warning.csv_bad_birth_date',
      `birth_date must be YYYY, YYYY-MM or YYYY-MM-DD, not ${JSON.stringify(value)}`,
    );
  const problem = birthDateProblem(text, today);
  if (problem) return fail('warning.csv_bad_birth_date', `birth_date: ${problem}`);
  return { ok: true, value: text };
};

const missingId = (): RowProblem => rowProblem('warning.csv_missing_id', 'id is empty');

const identityFromColumns = (row: Row, today: string): RowResult<CrossingIdentity> => {
  const id = clean(row.id);
  const sex = readSex(row.sex);
  const birthDate = readBirthDate(row.birth_date, today);
  if (!id || !sex.ok || !birthDate.ok) {
    const problems = [
      ...(id ? [] : [missingId()]),
      ...(sex.ok ? [] : [sex.problem]),
      ...(birthDate.ok ? [] : [birthDate.problem]),
    ];
    return { ok: false, problems };
  }
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

/** A finding of the MRZ parser as a row error, saying where it is: `MRZ line 2, field documentNumber: …`. */
const mrzProblem = (finding: MrzFinding): RowProblem => {
  const field = finding.field === 'mrz' ? '' : `, field ${finding.field}`;
  return rowProblem('warning.csv_bad_mrz', `MRZ line ${finding.line}${field}: ${finding.message}`);
};

const identityFromMrz = (
  row: Row,
  parseMrz: MrzParser | undefined,
  today: string,
): RowResult<CrossingIdentity> => {
  const mrz = row.mrz ?? '';
  const idProblems = clean(row.id) ? [] : [missingId()];
  if (!parseMrz) {
    const unsupported = rowProblem(
      'warning.csv_mrz_unsupported',
      'the row has an mrz but no MRZ parser was given',
    );
    return { ok: false, problems: [...idProblems, unsupported] };
  }
  const parsed = parseMrz(mrz.replace(/\\n/g, '\n'));
  if (!parsed.ok) {
    const findings = parsed.errors?.length
      ? parsed.errors.map(mrzProblem)
      : [rowProblem('warning.csv_bad_mrz', 'the MRZ could not be read')];
    return { ok: false, problems: [...idProblems, ...findings] };
  }
  const { fields } = parsed;
  return identityFromColumns(
    {
      id: row.id,
      surname: fields.surname,
      given_names: fields.givenNames,
      sex: fields.sex,
      birth_date: fields.birthDate && parseBirthDate(fields.birthDate) ? fields.birthDate : undefined,
      nationality: fields.nationality,
      document_number: fields.documentNumber ?? row.document_number,
    },
    today,
  );
};

const IDENTITY_COLUMNS = [
  'id',
  'surname',
  'given_names',
  'native_name',
  'sex',
  'birth_date',
  'nationality',
  'document_number',
] as const;

/** The columns `borderlink screen` reads from each file (a crossing may carry its MRZ); others are ignored. */
export const SCREEN_CSV_COLUMNS = {
  watchlist: IDENTITY_COLUMNS,
  crossings: [...IDENTITY_COLUMNS, 'mrz'],
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
  // the later of two columns of one name would silently replace the earlier's value, as uploads refuse too
  const repeated = header.find((column, i) => column !== '' && header.indexOf(column) !== i);
  if (repeated !== undefined) throw new CsvHeaderError(file, `column ${repeated} is named twice`);
  const identifying = SCREEN_CSV_COLUMNS[file].filter(
    (c) => !['id', 'sex', 'birth_date', 'nationality'].includes(c),
  );
  if (!identifying.some((column) => header.includes(column))) {
    throw new CsvHeaderError(file, `no identifying column (one of ${identifying.join(', ')})`);
  }
}

/**
 * A record of a CSV file with the line it ends on and how many fields it has beyond the header's columns (kept
 * out of `record`), or why reading stopped there.
 */
export type CsvItem =
  | { readonly record: Record<string, string>; readonly line: number; readonly extraFields: number }
  | { readonly failure: CsvError | Error; readonly afterLine: number };

/**
 * Fields of a record beyond the header's columns that hold a value: relax_column_count lets the record through
 * without them. Empty ones (a comma ending every line, as some exports write) lose nothing.
 */
const extraFieldsOf = (info: InfoRecord): number => {
  // set only for a record whose length differs from the header's
  const { record, columns } = (info.error ?? {}) as { record?: unknown; columns?: unknown };
  if (!Array.isArray(record) || !Array.isArray(columns)) return 0;
  return record.slice(columns.length).filter((value) => String(value).trim() !== '').length;
};

/**
 * Reads CSV records as they arrive. A broken quote ends the file with a `failure` item after every record
 * before it, where csv-parse's stream would drop the records of the chunk it failed in. An error of the source
 * itself (a missing file, a dropped upload) is thrown, not reported as broken CSV.
 */
export async function* readCsvRecords(
  source: AsyncIterable<string | Uint8Array> | Iterable<string>,
  options: Omit<Options, 'info' | 'on_record'>,
): AsyncGenerator<CsvItem> {
  const ready: Array<{ record: Record<string, string>; line: number; extraFields: number }> = [];
  let failure: Error | undefined;
  let lastLine = 1;
  // Records are taken as the parser makes them, so its readable side stays empty and never holds back writes.
  const onRecord = (record: unknown, info: InfoRecord) => {
    ready.push({
      record: record as Record<string, string>,
      line: info.lines,
      extraFields: extraFieldsOf(info),
    });
    return null;
  };
  const parser = parse({ ...options, on_record: onRecord } as Options);
  parser.on('error', (error: Error) => {
    failure ??= error;
  });
  parser.resume();
  const settled = (act: (done: () => void) => void) => new Promise<void>((resolve) => act(resolve));
  const handOver = function* (): Generator<CsvItem> {
    for (const item of ready.splice(0)) {
      lastLine = item.line;
      yield item;
    }
    if (failure) yield { failure, afterLine: lastLine };
  };
  try {
    for await (const chunk of source) {
      await settled((done) => parser.write(chunk, done));
      yield* handOver();
      if (failure) return;
    }
    await settled((done) => {
      parser.once('error', done);
      parser.end(done);
    });
    yield* handOver();
  } finally {
    parser.destroy();
  }
}

/** A file that cannot be read, or whose contents stop screening; `line` is where, when known. */
export class CsvFileError extends Error {
  constructor(
    readonly file: CsvRowError['file'],
    readonly line: number | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'CsvFileError';
  }
}

async function* csvRows(
  source: CsvSource,
  file: CsvRowError['file'],
): AsyncGenerator<{ row: Row; line: number; extraFields: number }> {
  const records = readCsvRecords(typeof source === 'string' ? [source] : source, {
    columns: (header: string[]) => {
      const names = header.map((h) => h.trim().toLowerCase());
      checkHeader(file, names);
      return names;
    },
    bom: true,
    trim: true,
    relax_column_count: true,
  });
  try {
    for await (const item of records) {
      if ('record' in item) {
        yield { row: item.record, line: item.line, extraFields: item.extraFields };
        continue;
      }
      if (item.failure instanceof CsvHeaderError) throw item.failure;
      const line = item.afterLine + 1;
      throw new CsvFileError(
        file,
        line,
        `the CSV cannot be read from this line on (${item.failure.message})`,
      );
    }
  } catch (error) {
    if (error instanceof CsvHeaderError || error instanceof CsvFileError) throw error;
    throw new CsvFileError(file, undefined, error instanceof Error ? error.message : String(error));
  }
}

/**
 * A row with values beyond the header's columns: an unquoted comma (LI, WEI) shifts every value after it, so
 * its values are not where its columns say.
 */
const shiftedRow = (extra: number): RowResult<never> => ({
  ok: false,
  problems: [
    rowProblem(
      'warning.csv_extra_fields',
      `the row has ${extra} more value(s) than the header has columns: quote any value holding a comma`,
    ),
  ],
});

const hasNames = (row: Row): boolean =>
  Boolean(clean(row.surname) || clean(row.given_names) || clean(row.native_name));

/** Screens every crossing of a CSV file against a CSV watchlist, in input order (`borderlink screen`). */
export async function* screenCsv(
  watchlist: CsvSource,
  crossings: CsvSource,
  options: ScreenCsvOptions = {},
): AsyncGenerator<ScreenedCrossing> {
  const report = options.onRowError ?? (() => {});
  const today = options.today ?? new Date().toISOString();
  const index = createWatchlistIndex([], options.thresholds ? { thresholds: options.thresholds } : {});
  // An id given twice would silently replace the earlier person, who would then never be screened.
  const lineOfId = new Map<string, number>();
  for await (const { row, line, extraFields } of csvRows(watchlist, 'watchlist')) {
    const result = extraFields > 0 ? shiftedRow(extraFields) : identityFromColumns(row, today);
    if (!result.ok) {
      for (const problem of result.problems) report({ file: 'watchlist', line, ...problem });
      continue;
    }
    const first = lineOfId.get(result.value.id);
    if (first !== undefined)
      throw new CsvFileError(
        'watchlist',
        line,
        `id ${result.value.id} is on line ${first} and again on line ${line}`,
      );
    lineOfId.set(result.value.id, line);
    index.add(result.value as WatchlistIdentity);
  }
  for await (const { row, line, extraFields } of csvRows(crossings, 'crossings')) {
    const result =
      extraFields > 0
        ? shiftedRow(extraFields)
        : clean(row.mrz) && !hasNames(row)
          ? identityFromMrz(row, options.parseMrz, today)
          : identityFromColumns(row, today);
    if (!result.ok) {
      for (const problem of result.problems) report({ file: 'crossings', line, ...problem });
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
