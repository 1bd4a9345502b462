import { isUtf8 } from 'node:buffer';
import type { TSchema } from '@sinclair/typebox';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { AppError, reasonOf } from '../../core/errors.js';
import { nulCharacterAt, nulIssue, withNodeFormats } from '../../core/http/formats.js';
import { readCsvRecords } from './matcher/screen-csv.js';
import type { RowError } from './warning.schema.js';

/** The two streaming formats bulk uploads accept. */
export type RowFormat = 'csv' | 'ndjson';

/** One record of an upload, or why it could not be read; `line` is 1-based (the CSV header is line 1). */
export type InputRow =
  | { readonly line: number; readonly record: Record<string, unknown> }
  | { readonly line: number; readonly error: RowError };

/** A row taken, or every reason it was not. */
export type RowResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: readonly RowError[] };

/**
 * Whether the schema refused a field of a row (a JSON pointer in the API's naming, `/identity/birthDate`), or a
 * group holding it: a rule reading that field has nothing sound to read.
 */
export type RefusedField = (pointer: string) => boolean;

/** Refuses no field: a row that passed its schema. */
export const noFieldRefused: RefusedField = () => false;

/**
 * A row checked against its schema: its value when it passed; else its errors, one per field, and the row
 * without those fields (`rest`), so the rules still check the fields that passed and a row reports all that is
 * wrong with it at once.
 */
export type CheckedRow<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      readonly errors: readonly RowError[];
      readonly rest: Partial<T>;
      readonly refused: RefusedField;
    };

export type ByteSource = AsyncIterable<string | Uint8Array>;

/** The upload format named by a content type, or null for one we do not read. */
export function rowFormatOf(contentType: string | undefined): RowFormat | null {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'text/csv') return 'csv';
  if (type === 'application/x-ndjson' || type === 'application/ndjson' || type === 'application/jsonl')
    return 'ndjson';
  return null;
}

const camel = (column: string) => column.replace(/_([a-z])/g, (_m, ch: string) => ch.toUpperCase());

const NEWLINE = 0x0a;
const lossyUtf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Whole lines of an upload: the bytes as they came when all are UTF-8 (csv-parse reads bytes, so valid input is
 * never decoded twice), else lossily decoded text with `badLines`, the lines whose bytes were not UTF-8.
 */
interface LinesPiece {
  readonly content: Uint8Array | string;
  readonly badLines: readonly number[];
}

function checkLines(bytes: Uint8Array, firstLine: number): LinesPiece {
  if (isUtf8(bytes)) return { content: bytes, badLines: [] };
  // Rare: find the lines at fault, so each is reported and the others still read.
  const badLines: number[] = [];
  const texts: string[] = [];
  let start = 0;
  for (let line = firstLine; start < bytes.length; line += 1) {
    const newline = bytes.indexOf(NEWLINE, start);
    const end = newline < 0 ? bytes.length : newline + 1;
    const lineBytes = bytes.subarray(start, end);
    if (!isUtf8(lineBytes)) badLines.push(line);
    texts.push(lossyUtf8.decode(lineBytes));
    start = end;
  }
  return { content: texts.join(''), badLines };
}

const textOf = (content: Uint8Array | string) =>
  typeof content === 'string' ? content : lossyUtf8.decode(content);

function countLines(bytes: Uint8Array): number {
  let count = 0;
  for (let at = bytes.indexOf(NEWLINE); at >= 0; at = bytes.indexOf(NEWLINE, at + 1)) count += 1;
  return count;
}

/**
 * An upload's bytes cut at line ends and checked to be UTF-8. Bytes that are not (a GBK or Windows-1251 file,
 * as Excel saves plain CSV in China and Russia) would otherwise import as U+FFFD garbage; their lines are marked.
 * An error of the source (the client dropped the upload) ends the import as `warning.upload_interrupted`.
 */
async function* utf8Pieces(source: ByteSource): AsyncGenerator<LinesPiece> {
  let carry: Uint8Array = new Uint8Array(0);
  let line = 1;
  let empty = true;
  const read = (bytes: Uint8Array, firstLine: number) => {
    const piece = checkLines(bytes, firstLine);
    empty &&=
      textOf(piece.content)
        .replace(/^\uFEFF/, '')
        .trim() === '';
    return piece;
  };
  // Iterated by hand: leaving a `for await` would destroy the request stream and with it the connection the
  // report must go back on, so a reader that stops early (broken quoting) drains the rest of the upload instead.
  const chunks = source[Symbol.asyncIterator]();
  let ended = false;
  try {
    for (let next = await nextChunk(chunks); !next.done; next = await nextChunk(chunks)) {
      const fresh = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
      const bytes = carry.length > 0 ? Buffer.concat([carry, fresh]) : fresh;
      const end = bytes.lastIndexOf(NEWLINE) + 1;
      carry = bytes.subarray(end);
      if (end === 0) continue;
      const whole = bytes.subarray(0, end);
      yield read(whole, line);
      line += countLines(whole);
    }
    ended = true;
  } finally {
    if (!ended) await drain(chunks);
  }
  if (carry.length > 0) yield read(carry, line);
  // An empty file is almost always the wrong file or a failed export: say so rather than report 0 rows.
  if (empty) throw new AppError('invalid', 'warning.upload_empty', 'The file is empty');
}

async function nextChunk(
  chunks: AsyncIterator<string | Uint8Array>,
): Promise<IteratorResult<string | Uint8Array>> {
  try {
    return await chunks.next();
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(
      'invalid',
      'warning.upload_interrupted',
      'The upload stopped before the end of the file; send the file again',
      { reason: reasonOf(error) },
    );
  }
}

/** Reads what is left of an upload and drops it; a source that fails meanwhile has nothing more to give. */
async function drain(chunks: AsyncIterator<string | Uint8Array>): Promise<void> {
  try {
    while (!(await chunks.next()).done);
  } catch {
    // The upload broke off while being skipped: there is nothing left to read.
  }
}

const notUtf8 = (line: number, format: RowFormat): RowError => ({
  line,
  code: 'warning.not_utf8',
  message:
    format === 'csv'
      ? `line ${line} is not UTF-8 text: save the file as "CSV UTF-8" and upload it again`
      : `line ${line} is not UTF-8 text: save the file as UTF-8 and upload it again`,
});

async function* csvRecords(source: ByteSource): AsyncGenerator<InputRow> {
  const badLines: number[] = [];
  async function* checked(): AsyncGenerator<Uint8Array | string> {
    for await (const piece of utf8Pieces(source)) {
      badLines.push(...piece.badLines);
      yield piece.content;
    }
  }
  // A column named twice would silently keep one of its two values (the other lost): the file is refused instead.
  let repeated: string | undefined;
  const records = readCsvRecords(checked(), {
    columns: (header: string[]) => {
      const names = header.map((h) => camel(h.trim().toLowerCase()));
      // unnamed columns (a comma ending the header, blank columns an export keeps) are read by no one
      const at = names.findIndex((name, i) => name !== '' && names.indexOf(name) !== i);
      if (at >= 0) repeated = header[at]?.trim();
      return names;
    },
    bom: true,
    trim: true,
    relax_column_count: true,
    skip_empty_lines: true,
  });
  for await (const item of records) {
    if (badLines[0] === 1) {
      // Without a readable header no row can be read.
      yield { line: 1, error: notUtf8(1, 'csv') };
      return;
    }
    if (repeated !== undefined) {
      yield { line: 1, error: repeatedColumn(repeated) };
      return;
    }
    if ('failure' in item) {
      // A broken quote ends CSV parsing: what follows cannot be split into rows with any confidence.
      const line = item.afterLine + 1;
      yield { line, error: { line, code: 'warning.csv_unreadable', message: item.failure.message } };
      return;
    }
    // The record spans the lines after the previous one up to its own; the first undecodable one is reported.
    let firstBad: number | undefined;
    while (badLines[0] !== undefined && badLines[0] <= item.line) firstBad ??= badLines.shift();
    if (firstBad !== undefined) {
      yield { line: firstBad, error: notUtf8(firstBad, 'csv') };
      continue;
    }
    if (item.extraFields > 0) {
      yield { line: item.line, error: extraFields(item.line, item.extraFields) };
      continue;
    }
    const record = Object.fromEntries(Object.entries(item.record).filter(([, value]) => value !== ''));
    yield { line: item.line, record };
  }
  if (repeated !== undefined) yield { line: 1, error: repeatedColumn(repeated) };
}

// A value with an unquoted comma (LI, WEI) splits in two and shifts every column after it: such a row is refused
// rather than read with its values under the wrong columns and the last dropped.
const extraFields = (line: number, extra: number): RowError => ({
  line,
  code: 'warning.csv_extra_fields',
  message: `line ${line} has ${extra} more field(s) than the header has columns: quote any value holding a comma`,
  params: { extra },
});

const repeatedColumn = (column: string): RowError => ({
  line: 1,
  code: 'warning.csv_repeated_column',
  message: `the header names column ${column} twice: keep one, as which of its values to take cannot be told`,
  path: `/${column}`,
  params: { column },
});

async function* ndjsonRecords(source: ByteSource): AsyncGenerator<InputRow> {
  let line = 0;
  for await (const piece of utf8Pieces(source)) {
    const bad = new Set(piece.badLines);
    const texts = textOf(piece.content).split('\n');
    // A piece ends at a newline, so its last split is empty; the file's last piece may not.
    if (texts.at(-1) === '') texts.pop();
    for (const raw of texts) {
      line += 1;
      if (bad.has(line)) {
        yield { line, error: notUtf8(line, 'ndjson') };
        continue;
      }
      const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      if (text.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        yield { line, error: { line, code: 'warning.bad_json', message: 'the line is not valid JSON' } };
        continue;
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        yield { line, error: { line, code: 'warning.bad_json', message: 'the line is not a JSON object' } };
        continue;
      }
      yield { line, record: value as Record<string, unknown> };
    }
  }
}

/** Reads an upload row by row without holding it in memory. */
export function readRows(source: ByteSource, format: RowFormat): AsyncGenerator<InputRow> {
  return format === 'csv' ? csvRecords(source) : ndjsonRecords(source);
}

// every error of a row, not the first: an officer corrects the file once, not once per mistake per row
const ajv = withNodeFormats(
  new Ajv({ allErrors: true, strict: false, coerceTypes: false, useDefaults: true }),
);
// the first error only, for a row of more fields than any schema has: listing every error of a line of 100,000
// made-up fields took 0.55 s and 98 MB, where its first took 0.2 s and 30 MB (the report keeps 20 a row anyway)
const firstErrorAjv = withNodeFormats(
  new Ajv({ allErrors: false, strict: false, coerceTypes: false, useDefaults: true }),
);
/** More fields than any row schema has (a crossing's identity included): a made-up row, not a mistyped one. */
const MAX_ROW_FIELDS = 100;

/** A field as the upload names it: a CSV file by its column (`given_names`), NDJSON by the API's `givenNames`. */
export const rowField = (field: string, format: RowFormat): string =>
  format === 'csv' ? field.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`) : field;

/**
 * A JSON pointer into a row as its file names it: NDJSON's as it stands, a CSV row's by its column. A CSV row is
 * flat, so a group the API nests columns in (`csvGroups`, such as a crossing's identity) is no column of the
 * file: `/identity/birthDate` is `/birth_date`, and the group alone is no column at all ('').
 */
export function rowPointer(pointer: string, format: RowFormat, csvGroups: readonly string[] = []): string {
  if (format !== 'csv') return pointer;
  const parts = pointer.split('/').slice(1);
  if (parts[0] !== undefined && csvGroups.includes(parts[0])) parts.shift();
  return parts.map((part) => `/${rowField(part, format)}`).join('');
}

/**
 * Why a row failed its schema, as a request's field error says it: the field's JSON pointer within the row
 * (naming the missing or unknown field itself), Ajv's keyword and params for clients to word in their reader's
 * language, and the English for logs and scripts. A CSV row names the field by the column its file has, so the
 * reader finds it in their header.
 */
function rowSchemaError(
  line: number,
  issue: ErrorObject,
  format: RowFormat,
  csvGroups: readonly string[],
): RowError {
  const { keyword } = issue;
  const params: Record<string, unknown> = issue.params;
  const extra = params.additionalProperty ?? params.missingProperty;
  const name = (field: string) => rowField(field, format);
  const pointer = rowPointer(issue.instancePath, format, csvGroups);
  const path = `${pointer}${typeof extra === 'string' ? `/${name(extra)}` : ''}` || '/';
  const what =
    keyword === 'additionalProperties'
      ? `unknown field ${JSON.stringify(typeof extra === 'string' ? name(extra) : extra)}`
      : keyword === 'required' && typeof extra === 'string'
        ? `must have required property '${name(extra)}'`
        : (issue.message ?? 'is invalid');
  // The English keeps Ajv's sentence, which already names a missing or unknown field.
  const where = typeof extra === 'string' ? pointer || '/' : path;
  const named =
    typeof extra === 'string'
      ? { ...params, [keyword === 'required' ? 'missingProperty' : 'additionalProperty']: name(extra) }
      : params;
  return { line, code: 'warning.invalid_row', message: `${where} ${what}`, path, keyword, params: named };
}

const escapePointer = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');
const unescapePointer = (part: string) => part.replaceAll('~1', '/').replaceAll('~0', '~');

/** The field an Ajv issue is about, as a JSON pointer: the missing or unknown field itself, not its object. */
function issueField(issue: ErrorObject): string {
  const extra = issue.params.additionalProperty ?? issue.params.missingProperty;
  return typeof extra === 'string' ? `${issue.instancePath}/${escapePointer(extra)}` : issue.instancePath;
}

const isGroup = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A copy of a row without the fields at `pointers`, and which fields went. A list goes whole (a bad alias takes
 * `aliases`), a group of fields only loses the bad one (`identity/birthDate`); a row refused as a whole keeps
 * nothing.
 */
function withoutFields(
  value: unknown,
  pointers: readonly string[],
): { rest: Record<string, unknown>; refused: RefusedField } {
  if (!isGroup(value) || pointers.includes('')) return { rest: {}, refused: () => true };
  const rest = structuredClone(value);
  const gone = new Set<string>();
  for (const pointer of pointers) {
    const parts = pointer.split('/').slice(1).map(unescapePointer);
    let group: Record<string, unknown> = rest;
    let at = '';
    for (const [index, part] of parts.entries()) {
      at = `${at}/${escapePointer(part)}`;
      const next = group[part];
      if (index === parts.length - 1 || !isGroup(next)) {
        delete group[part];
        break;
      }
      group = next;
    }
    gone.add(at);
  }
  const refused: RefusedField = (pointer) => {
    for (let at = pointer; at !== ''; at = at.slice(0, at.lastIndexOf('/'))) if (gone.has(at)) return true;
    return false;
  };
  return { rest, refused };
}

/**
 * A row validator from a request schema: the same rules bulk rows and single requests obey. `csvGroups` names
 * the objects a CSV row's columns are gathered into before validation, so an error names the file's column.
 * A field breaking several keywords (too short and blank) is reported once, by the first.
 */
export function rowValidator<T>(
  schema: TSchema,
  csvGroups: readonly string[] = [],
): (value: unknown, line: number, format: RowFormat) => CheckedRow<T> {
  const validateAll: ValidateFunction = ajv.compile(schema);
  const validateFirst: ValidateFunction = firstErrorAjv.compile(schema);
  return (value, line, format) => {
    const nulAt = nulCharacterAt(value);
    const validate = fieldCount(value) > MAX_ROW_FIELDS ? validateFirst : validateAll;
    const valid = validate(value);
    if (valid && nulAt === undefined) return { ok: true, value: value as T };
    const issues = [...(nulAt === undefined ? [] : [nulIssue(nulAt)]), ...(validate.errors ?? [])];
    const byField = new Map<string, ErrorObject>();
    for (const issue of issues) if (!byField.has(issueField(issue))) byField.set(issueField(issue), issue);
    const errors = [...byField.values()].map((issue) => rowSchemaError(line, issue, format, csvGroups));
    // the rest holds only fields the schema passed, so it has the shape of T where it has fields at all
    const { rest, refused } = withoutFields(value, [...byField.keys()]);
    return { ok: false, errors, rest: rest as Partial<T>, refused };
  };
}

/**
 * How many fields a row has, its groups' (a crossing's identity) and its lists' items counted in; it stops
 * counting past the limit.
 */
function fieldCount(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  let count = 0;
  for (const field in value) {
    count += 1;
    const inner = (value as Record<string, unknown>)[field];
    if (Array.isArray(inner)) count += inner.length;
    else if (typeof inner === 'object' && inner !== null) count += fieldCount(inner);
    if (count > MAX_ROW_FIELDS) break;
  }
  return count;
}

/** The most errors an upload's report lists: a file of a million bad rows must not make a million-item answer. */
const MAX_REPORTED_ERRORS = 1000;
/** The most errors listed for one row: more than a row has fields, so only a row of made-up fields is cut short. */
const MAX_ROW_ERRORS = 20;

/**
 * The bad rows of an upload: each counted, the first listed with their errors (whole rows, in file order) until
 * the report holds MAX_REPORTED_ERRORS.
 */
export class RowReport {
  readonly errors: RowError[] = [];
  #rejected = 0;
  // once a row did not fit, later rows are counted only: the list stays the file's first bad rows
  #full = false;
  #truncated = false;

  /** Counts a row as refused, listing its errors while there is room for all of them. */
  reject(errors: readonly RowError[]): void {
    this.#rejected += 1;
    const listed = errors.slice(0, MAX_ROW_ERRORS);
    if (this.#full || this.errors.length + listed.length > MAX_REPORTED_ERRORS) {
      this.#full = true;
      this.#truncated = true;
      return;
    }
    if (listed.length < errors.length) this.#truncated = true;
    // rows come in file order but for a batch that could not be stored, refused once later rows were read
    let at = this.errors.length;
    const line = listed[0]?.line ?? 0;
    while (at > 0 && (this.errors[at - 1] as RowError).line > line) at--;
    this.errors.splice(at, 0, ...listed);
  }

  /** How many rows were refused, listed or not. */
  get rejected(): number {
    return this.#rejected;
  }

  /** Whether the report leaves errors out: of rows after the list filled up, or of a row with very many. */
  get errorsTruncated(): boolean {
    return this.#truncated;
  }
}

/** Splits a `;`-separated CSV cell into a list. */
export const listCell = (value: unknown): string[] | undefined =>
  typeof value === 'string'
    ? value
        .split(';')
        .map((part) => part.trim())
        .filter(Boolean)
    : undefined;
