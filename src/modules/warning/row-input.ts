import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import type { TSchema } from '@sinclair/typebox';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse';
import type { RowError } from './warning.schema.js';

/** The two streaming formats bulk uploads accept. */
export type RowFormat = 'csv' | 'ndjson';

/** One record of an upload, or why it could not be read; `line` is 1-based (the CSV header is line 1). */
export type InputRow =
  | { readonly line: number; readonly record: Record<string, unknown> }
  | { readonly line: number; readonly error: RowError };

/** A row taken, or the reason it was not. */
export type RowResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: RowError };

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

async function* csvRecords(source: ByteSource): AsyncGenerator<InputRow> {
  const parser = Readable.from(source).pipe(
    parse({
      columns: (header: string[]) => header.map((h) => camel(h.trim().toLowerCase())),
      bom: true,
      trim: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }),
  );
  let line = 1;
  try {
    for await (const item of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      line = item.info.lines;
      const record = Object.fromEntries(Object.entries(item.record).filter(([, value]) => value !== ''));
      yield { line, record };
    }
  } catch (error) {
    // A broken quote ends CSV parsing: what follows cannot be split into rows with any confidence.
    const message = error instanceof Error ? error.message : String(error);
    yield { line: line + 1, error: { line: line + 1, code: 'warning.csv_unreadable', message } };
  }
}

async function* ndjsonRecords(source: ByteSource): AsyncGenerator<InputRow> {
  const lines = createInterface({ input: Readable.from(source), crlfDelay: Number.POSITIVE_INFINITY });
  let line = 0;
  for await (const text of lines) {
    line += 1;
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

/** Reads an upload row by row without holding it in memory. */
export function readRows(source: ByteSource, format: RowFormat): AsyncGenerator<InputRow> {
  return format === 'csv' ? csvRecords(source) : ndjsonRecords(source);
}

const ajv = addFormats.default(
  new Ajv({ allErrors: false, strict: false, coerceTypes: false, useDefaults: true }),
);

/** The CSV column a camel-case field was read from (`givenNames` from `given_names`). */
const snake = (field: string) => field.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`);

/**
 * Why a row failed its schema, as a request's field error says it: the field's JSON pointer within the row
 * (naming the missing or unknown field itself), Ajv's keyword and params for clients to word in their reader's
 * language, and the English for logs and scripts. A CSV row names the field by the column its file has, so the
 * reader finds it in their header.
 */
export function rowSchemaError(line: number, issue: ErrorObject | undefined, format: RowFormat): RowError {
  const keyword = issue?.keyword ?? 'invalid';
  const params: Record<string, unknown> = issue?.params ?? {};
  const extra = params.additionalProperty ?? params.missingProperty;
  const name = format === 'csv' ? snake : (field: string) => field;
  const pointer = (issue?.instancePath ?? '').replace(/^\/([^/]+)/, (_m, field: string) => `/${name(field)}`);
  const path = `${pointer}${typeof extra === 'string' ? `/${name(extra)}` : ''}` || '/';
  const what =
    keyword === 'additionalProperties'
      ? `unknown field ${JSON.stringify(typeof extra === 'string' ? name(extra) : extra)}`
      : keyword === 'required' && typeof extra === 'string'
        ? `must have required property '${name(extra)}'`
        : (issue?.message ?? 'is invalid');
  // The English keeps Ajv's sentence, which already names a missing or unknown field.
  const where = typeof extra === 'string' ? pointer || '/' : path;
  const named =
    typeof extra === 'string'
      ? { ...params, [keyword === 'required' ? 'missingProperty' : 'additionalProperty']: name(extra) }
      : params;
  return { line, code: 'warning.invalid_row', message: `${where} ${what}`, path, keyword, params: named };
}

/** A row validator from a request schema: the same rules bulk rows and single requests obey. */
export function rowValidator<T>(
  schema: TSchema,
): (value: unknown, line: number, format: RowFormat) => RowResult<T> {
  const validate: ValidateFunction = ajv.compile(schema);
  return (value, line, format) => {
    if (validate(value)) return { ok: true, value: value as T };
    return { ok: false, error: rowSchemaError(line, validate.errors?.[0], format) };
  };
}

/** Splits a `;`-separated CSV cell into a list. */
export const listCell = (value: unknown): string[] | undefined =>
  typeof value === 'string'
    ? value
        .split(';')
        .map((part) => part.trim())
        .filter(Boolean)
    : undefined;
