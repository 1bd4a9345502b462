import { invalid } from '../../../core/errors.js';
import { type CountyDay, isCalendarDate } from './county-day.js';

export type SituationColumnKind = 'code' | 'date' | 'count' | 'percent' | 'text';

/** One column of a situation import file (CSV or XLSX). */
export interface SituationColumn {
  name: string;
  field: keyof CountyDay;
  required: boolean;
  kind: SituationColumnKind;
  description: string;
}

/** The columns of a situation import file; the header row names them, in any order. */
export const SITUATION_CSV_COLUMNS = [
  {
    name: 'county_code',
    field: 'countyCode',
    required: true,
    kind: 'code',
    description: 'Border county code as listed in the directory, e.g. `CN-530000-5331`.',
  },
  {
    name: 'date',
    field: 'date',
    required: true,
    kind: 'date',
    description: "Reporting day, `YYYY-MM-DD`, in the reporting agency's local calendar.",
  },
  {
    name: 'confirmed',
    field: 'confirmed',
    required: true,
    kind: 'count',
    description: 'Cumulative confirmed cases up to and including that day.',
  },
  {
    name: 'new_local',
    field: 'newLocal',
    required: true,
    kind: 'count',
    description: 'New locally acquired confirmed cases that day.',
  },
  {
    name: 'new_imported',
    field: 'newImported',
    required: true,
    kind: 'count',
    description: 'New imported confirmed cases that day.',
  },
  {
    name: 'asymptomatic',
    field: 'asymptomatic',
    required: true,
    kind: 'count',
    description: 'Asymptomatic infections reported that day.',
  },
  {
    name: 'deaths',
    field: 'deaths',
    required: true,
    kind: 'count',
    description: 'Deaths reported that day.',
  },
  {
    name: 'under_observation',
    field: 'underObservation',
    required: true,
    kind: 'count',
    description: 'People under medical observation at the end of that day.',
  },
  {
    name: 'tests',
    field: 'tests',
    required: true,
    kind: 'count',
    description: 'Tests done that day.',
  },
  {
    name: 'vaccination_coverage',
    field: 'vaccinationCoverage',
    required: false,
    kind: 'percent',
    description:
      'Share of the population vaccinated, a percentage from 0 to 100 (decimals allowed); may be empty.',
  },
  {
    name: 'remarks',
    field: 'remarks',
    required: false,
    kind: 'text',
    description: 'Free remarks; may be empty.',
  },
  {
    name: 'correction_note',
    field: 'correctionNote',
    required: false,
    kind: 'text',
    description: 'Why cumulative confirmed went down since the previous report; required only then.',
  },
] as const satisfies readonly SituationColumn[];

/** A problem with one cell (or, with `column: null`, the whole row) of an import file. */
export interface RowError {
  column: string | null;
  code: string;
  message: string;
}

/** One data row of an import file: the county day, or why it could not be read. */
export type SituationRowResult =
  | { line: number; row: CountyDay; errors?: undefined }
  | { line: number; row?: undefined; errors: RowError[] };

/** Where each known column sits in a file's rows. */
export interface ColumnLayout {
  width: number;
  positions: ReadonlyArray<{ column: SituationColumn; index: number }>;
}

const MAX_CODE_LENGTH = 64;
const MAX_TEXT_LENGTH = 4000;
const WHOLE_NUMBER = /^\d+$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;
const COLUMNS_BY_NAME = new Map<string, SituationColumn>(SITUATION_CSV_COLUMNS.map((c) => [c.name, c]));
const KNOWN_NAMES = SITUATION_CSV_COLUMNS.map((c) => c.name);

/** Reads the header row, refusing unknown, duplicate or missing columns with one file-level error. */
export function readHeader(cells: readonly string[]): ColumnLayout {
  const names = cells.map(normaliseHeaderCell);
  if (!names.some((name) => COLUMNS_BY_NAME.has(name))) {
    throw invalid(
      'situation.import_no_header',
      `the first row is not a situation header; expected the columns ${KNOWN_NAMES.join(', ')}`,
      { found: names.slice(0, 20), expected: KNOWN_NAMES },
    );
  }
  const unknown = names.filter((name) => name !== '' && !COLUMNS_BY_NAME.has(name));
  const blank = names.filter((name) => name === '').length;
  const duplicate = names.filter((name, index) => name !== '' && names.indexOf(name) !== index);
  const missing = SITUATION_CSV_COLUMNS.filter((c) => c.required && !names.includes(c.name)).map(
    (c) => c.name,
  );
  if (unknown.length || blank || duplicate.length || missing.length) {
    const problems = [
      unknown.length ? `unknown columns: ${unknown.join(', ')}` : '',
      blank ? `${blank} column(s) without a name` : '',
      duplicate.length ? `repeated columns: ${duplicate.join(', ')}` : '',
      missing.length ? `missing required columns: ${missing.join(', ')}` : '',
    ].filter(Boolean);
    throw invalid(
      'situation.import_bad_columns',
      `the header is not accepted (${problems.join('; ')}); known columns are ${KNOWN_NAMES.join(', ')}`,
      { unknown, blank, duplicate, missing, known: KNOWN_NAMES },
    );
  }
  return {
    width: names.length,
    positions: names.map((name, index) => ({ column: COLUMNS_BY_NAME.get(name)!, index })),
  };
}

/** Turns one data row's cells into a county day, collecting every cell problem rather than stopping at the first. */
export function readRow(cells: readonly string[], layout: ColumnLayout, line: number): SituationRowResult {
  const extra = cells.slice(layout.width).filter((cell) => cell.trim() !== '');
  if (cells.length < layout.width || extra.length) {
    return {
      line,
      errors: [
        {
          column: null,
          code: 'situation.row_field_count',
          message: `the row has ${cells.length} fields, the header has ${layout.width}`,
        },
      ],
    };
  }
  const day: Record<string, string | number> = {};
  const errors: RowError[] = [];
  for (const { column, index } of layout.positions) {
    const read = readCell(column, (cells[index] ?? '').trim());
    if (read.ok) {
      if (read.value !== undefined) day[column.field] = read.value;
    } else {
      errors.push({ column: column.name, code: read.code, message: read.message });
    }
  }
  // Every required field was read without error, so the record is a complete CountyDay.
  return errors.length ? { line, errors } : { line, row: day as unknown as CountyDay };
}

/** Remembers (county, date) pairs already seen in a file, so a repeated pair becomes a row error. */
export class DuplicateRowGuard {
  readonly #firstLine = new Map<string, number>();

  /** The row itself, or a row error naming the line that first gave the same county and date. */
  check(result: SituationRowResult): SituationRowResult {
    if (!result.row) return result;
    const key = `${result.row.countyCode}\u0000${result.row.date}`;
    const firstLine = this.#firstLine.get(key);
    if (firstLine === undefined) {
      this.#firstLine.set(key, result.line);
      return result;
    }
    return {
      line: result.line,
      errors: [
        {
          column: null,
          code: 'situation.row_duplicate',
          message: `county ${result.row.countyCode} on ${result.row.date} is already given on line ${firstLine}`,
        },
      ],
    };
  }
}

type CellRead =
  | { ok: true; value: string | number | undefined }
  | { ok: false; code: string; message: string };

function readCell(column: SituationColumn, text: string): CellRead {
  // no code, date, number or remark holds one, and PostgreSQL cannot store it
  if (text.includes('\u0000')) {
    return { ok: false, code: 'situation.cell_nul', message: `${column.name} contains the NUL character` };
  }
  if (text === '') {
    return column.required
      ? { ok: false, code: 'situation.cell_required', message: `${column.name} is required` }
      : { ok: true, value: undefined };
  }
  switch (column.kind) {
    case 'code':
      return text.length > MAX_CODE_LENGTH || /\s/.test(text)
        ? {
            ok: false,
            code: 'situation.cell_bad_code',
            message: `${column.name} must be a code without spaces, at most ${MAX_CODE_LENGTH} characters`,
          }
        : { ok: true, value: text };
    case 'date':
      return isCalendarDate(text)
        ? { ok: true, value: text }
        : {
            ok: false,
            code: 'situation.cell_bad_date',
            message: `${column.name} ${JSON.stringify(text)} is not a calendar date written YYYY-MM-DD`,
          };
    case 'count':
      return readCount(column.name, text);
    case 'percent':
      return readPercent(column.name, text);
    case 'text':
      return text.length > MAX_TEXT_LENGTH
        ? {
            ok: false,
            code: 'situation.cell_too_long',
            message: `${column.name} is longer than ${MAX_TEXT_LENGTH} characters`,
          }
        : { ok: true, value: text };
  }
}

function readCount(name: string, text: string): CellRead {
  if (WHOLE_NUMBER.test(text)) {
    const value = Number(text);
    if (Number.isSafeInteger(value)) return { ok: true, value };
  }
  if (DECIMAL.test(text) && Number(text) < 0) {
    return {
      ok: false,
      code: 'situation.cell_negative',
      message: `${name} is ${text}; counts cannot be negative`,
    };
  }
  return {
    ok: false,
    code: 'situation.cell_not_whole_number',
    message: `${name} ${JSON.stringify(text)} is not a whole number`,
  };
}

function readPercent(name: string, text: string): CellRead {
  const value = Number(text);
  if (!DECIMAL.test(text)) {
    return {
      ok: false,
      code: 'situation.cell_not_number',
      message: `${name} ${JSON.stringify(text)} is not a number`,
    };
  }
  if (value < 0 || value > 100) {
    return {
      ok: false,
      code: 'situation.cell_out_of_range',
      message: `${name} is ${text}; it must be a percentage between 0 and 100`,
    };
  }
  return { ok: true, value };
}

function normaliseHeaderCell(cell: string): string {
  return cell
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}
