import type { i18n } from 'i18next';

/**
 * Words the node's problem details (RFC 9457) in the reader's language from their stable parts: the problem
 * `code`, its `details` values and each field error's `keyword` and `params`, through i18next (plural forms,
 * interpolation). No DOM, so the tests that hold the catalogues against a running node use the very same code.
 */

/** One offending field as the node reports it; schema failures carry Ajv's keyword and params. */
export interface FieldError {
  readonly path: string;
  readonly message: string;
  readonly keyword?: string;
  /** A rule's problem code, for a value a rule refused beside the schema's keywords (worded from `params`). */
  readonly code?: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

/** RFC 9457 problem details as the node sends them. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: string;
  readonly errors?: readonly FieldError[];
  readonly details?: Readonly<Record<string, unknown>>;
}

/** What wording needs: an i18next instance set to the reader's language (its catalogue holds `problems`). */
export type Wording = Pick<i18n, 't' | 'exists'>;

type Values = Record<string, string>;

const UNFILLED = /\{\{\s*[A-Za-z0-9_]+/;

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

// Ajv's `limit` counts characters, items or fields for these keywords, so their wording needs plural forms.
const COUNTED = new Set(['minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties']);

// Request parts Fastify validates; the reader cares about the field, not where in the request it travelled.
const REQUEST_PART = /^\/(body|query|querystring|params|headers)(?=\/|$)/;

/**
 * The catalogue's message at `problems.<key>` filled with `values`; undefined when there is none or a value it
 * names is missing, so the caller falls back to the node's words rather than showing a gap.
 */
function message(wording: Wording, key: string, values: Values, count?: number): string | undefined {
  const path = `problems.${key}`;
  const options = count === undefined ? {} : { count };
  if (!wording.exists(path, options)) return undefined;
  const text = wording.t(path, { ...values, ...options, interpolation: { escapeValue: false } });
  // i18next leaves a placeholder it has no value for as it stands
  return UNFILLED.test(text) ? undefined : text;
}

function formatValue(value: unknown, locale: string): string | undefined {
  if (typeof value === 'number') return new Intl.NumberFormat(locale).format(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string') {
    if (!INSTANT.test(value)) return value;
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(value),
    );
  }
  if (Array.isArray(value)) {
    const items = value.map((item) => formatValue(item, locale));
    return items.every((item) => item !== undefined) ? items.join(', ') : undefined;
  }
  return undefined;
}

// A value that is a code (`documentNumber`), which the catalogue may word, rather than free text or an instant.
const TERM = /^[A-Za-z0-9_]+$/;

/**
 * The values a message is filled with, in the reader's language: numbers and instants formatted for the locale,
 * and a code the catalogue words under `terms.<value's name>` (an MRZ's `mrzField`) in its words.
 */
function valuesOf(
  source: Readonly<Record<string, unknown>> | undefined,
  wording: Wording,
  locale: string,
): Values {
  const values: Values = {};
  for (const [name, value] of Object.entries(source ?? {})) {
    const term =
      typeof value === 'string' && TERM.test(value)
        ? message(wording, `terms.${name}.${value}`, {})
        : undefined;
    const formatted = term ?? formatValue(value, locale);
    if (formatted !== undefined) values[name] = formatted;
  }
  return values;
}

/**
 * The catalogue's message for a code: by what went wrong when the values name it (`issue`: an MRZ refused for a
 * check digit reads otherwise than one refused for a line's length), else by the code alone.
 */
function codeWording(wording: Wording, code: string, values: Values, issue: unknown): string | undefined {
  const specific =
    typeof issue === 'string' ? message(wording, `issues.${code}.${issue}`, values) : undefined;
  return specific ?? message(wording, `code.${code}`, values);
}

/** A field's path as the reader sees it: `/body/recurrence/until` reads `recurrence/until`. */
export function fieldName(path: string): string {
  return path.replace(REQUEST_PART, '').replace(/^\//, '') || path;
}

// Patterns the node gives many fields, worded by the pattern itself; others are worded by the field they guard.
const SHARED_PATTERNS: Readonly<Record<string, string>> = {
  '\\S': 'nonBlank',
  '^[^\\u0000]*$': 'noNul',
};

/**
 * What form a field must take, when the catalogue words its pattern: by the pattern (`patterns.nonBlank`) or by
 * the field, as the API or a CSV file names it (`/identity/nationality`, `/issuing_state` → `patterns.issuingState`).
 */
function patternText(path: string, pattern: unknown, wording: Wording): string | undefined {
  const shared = typeof pattern === 'string' ? SHARED_PATTERNS[pattern] : undefined;
  const field = (path.split('/').pop() ?? '').replace(/_([a-z])/g, (_m, letter: string) =>
    letter.toUpperCase(),
  );
  return message(wording, `patterns.${shared ?? field}`, {});
}

function keywordText(error: FieldError, wording: Wording, locale: string): string | undefined {
  const keyword = error.keyword ?? '';
  const params = error.params ?? {};
  const values = valuesOf(params, wording, locale);
  if (keyword === 'type' && typeof params.type === 'string') {
    const known = params.type
      .split(',')
      .map((type) => message(wording, `types.${type}`, {}))
      .find((text) => text !== undefined);
    if (known) return known;
  }
  if (keyword === 'format' && typeof params.format === 'string') {
    const format = message(wording, `formats.${params.format}`, {});
    if (format) return format;
  }
  if (keyword === 'pattern') {
    const form = patternText(error.path, params.pattern, wording);
    if (form) return form;
  }
  const count = COUNTED.has(keyword) && typeof params.limit === 'number' ? params.limit : undefined;
  if (count !== undefined) values.count = new Intl.NumberFormat(locale).format(count);
  return message(wording, `field.${keyword}`, values, count);
}

/** The reader's wording of one field error; the node's English when the catalogue has nothing better. */
export function fieldErrorText(
  error: FieldError,
  problem: Problem,
  wording: Wording,
  locale: string,
): string {
  if (error.keyword) return keywordText(error, wording, locale) ?? error.message;
  if (error.code) return codeMessage(error.code, error.message, wording, locale, error.params);
  // A field error made from the problem itself (a domain rule naming its field) reads like the problem.
  if (error.message === problem.detail) return codeText(problem, wording, locale, undefined);
  return error.message;
}

function fieldList(problem: Problem, wording: Wording, locale: string): string {
  const separator = message(wording, 'listSeparator', {}) ?? '; ';
  return (problem.errors ?? [])
    .map((error) => {
      const values = {
        field: fieldName(error.path),
        message: fieldErrorText(error, problem, wording, locale),
      };
      return message(wording, 'fieldItem', values) ?? `${values.field}: ${values.message}`;
    })
    .join(separator);
}

function codeText(
  problem: Problem,
  wording: Wording,
  locale: string,
  fields: (() => string) | undefined,
): string {
  const values = valuesOf(problem.details, wording, locale);
  if (problem.detail) values.detail = problem.detail;
  const listed = fields?.();
  if (listed) values.fields = listed;
  return (
    codeWording(wording, problem.code, values, problem.details?.issue) ??
    (problem.detail || problem.title || message(wording, 'unknown', {}) || String(problem.status))
  );
}

/**
 * The reader's wording of a problem: the catalogue's message for its code filled with its details, else the
 * node's own detail (a code this client does not know yet), and never the bare code.
 */
export function problemText(problem: Problem, wording: Wording, locale: string): string {
  return codeText(problem, wording, locale, () => fieldList(problem, wording, locale));
}

/**
 * The reader's wording of a code reported inside a problem (an import's row errors): the catalogue's message
 * filled with `values`, else the node's English.
 */
export function codeMessage(
  code: string,
  english: string,
  wording: Wording,
  locale: string,
  values?: Readonly<Record<string, unknown>>,
): string {
  return codeWording(wording, code, valuesOf(values, wording, locale), values?.issue) ?? english;
}

/** One row of an import the node could not take: its code, and for a schema failure the field and Ajv's words. */
export interface RowIssue {
  readonly code: string;
  readonly message: string;
  readonly path?: string;
  readonly keyword?: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

/**
 * The reader's wording of an import row's error: a schema failure names its field and is worded from its keyword
 * and params like a request's field error; any other error from its code. Undefined when the catalogue has no
 * wording, so the caller shows the node's English instead.
 */
export function rowIssueText(issue: RowIssue, wording: Wording, locale: string): string | undefined {
  if (issue.keyword && issue.path) {
    const worded = keywordText(
      { path: issue.path, message: issue.message, keyword: issue.keyword, params: issue.params },
      wording,
      locale,
    );
    if (worded !== undefined) {
      const field = fieldName(issue.path);
      return message(wording, 'fieldItem', { field, message: worded }) ?? `${field}: ${worded}`;
    }
  }
  return codeWording(wording, issue.code, valuesOf(issue.params, wording, locale), issue.params?.issue);
}
