/**
 * Words the node's problem details (RFC 9457) in the reader's language from their stable parts: the problem
 * `code`, its `details` values and each field error's `keyword` and `params`. Pure (no DOM, no i18next), so the
 * web app and the tests that hold the catalogues against a running node use the very same function.
 */

/** One offending field as the node reports it; schema failures carry Ajv's keyword and params. */
export interface FieldError {
  readonly path: string;
  readonly message: string;
  readonly keyword?: string;
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

/** The `problems` area of one language's catalogue (web/src/locales/<language>/problems.json). */
export type ProblemCatalogue = { readonly [key: string]: string | ProblemCatalogue };

type Values = Record<string, string>;

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

// Ajv's `limit` counts characters, items or fields for these keywords, so their wording needs plural forms.
const COUNTED = new Set(['minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties']);

// Request parts Fastify validates; the reader cares about the field, not where in the request it travelled.
const REQUEST_PART = /^\/(body|query|querystring|params|headers)(?=\/|$)/;

function lookup(catalogue: ProblemCatalogue, path: readonly string[]): string | undefined {
  let node: string | ProblemCatalogue | undefined = catalogue;
  for (const segment of path) {
    if (typeof node !== 'object') return undefined;
    node = Object.hasOwn(node, segment) ? node[segment] : undefined;
  }
  return typeof node === 'string' ? node : undefined;
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

function valuesOf(source: Readonly<Record<string, unknown>> | undefined, locale: string): Values {
  const values: Values = {};
  for (const [name, value] of Object.entries(source ?? {})) {
    const formatted = formatValue(value, locale);
    if (formatted !== undefined) values[name] = formatted;
  }
  return values;
}

/** Fills `{{name}}` placeholders; undefined when a value is missing, so the caller falls back rather than showing braces. */
function fill(template: string, values: Values): string | undefined {
  let complete = true;
  const text = template.replace(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) complete = false;
    return value ?? '';
  });
  return complete ? text : undefined;
}

/** The message at `path`, in the plural form `count` asks for when the catalogue has plural forms there. */
function message(
  catalogue: ProblemCatalogue,
  path: readonly string[],
  locale: string,
  count?: number,
): string | undefined {
  const plain = lookup(catalogue, path);
  if (count === undefined) return plain;
  const last = path.at(-1) ?? '';
  const parent = path.slice(0, -1);
  const category = new Intl.PluralRules(locale).select(count);
  return (
    lookup(catalogue, [...parent, `${last}_${category}`]) ??
    lookup(catalogue, [...parent, `${last}_other`]) ??
    plain
  );
}

/** A field's path as the reader sees it: `/body/recurrence/until` reads `recurrence/until`. */
export function fieldName(path: string): string {
  return path.replace(REQUEST_PART, '').replace(/^\//, '') || path;
}

function keywordText(error: FieldError, catalogue: ProblemCatalogue, locale: string): string | undefined {
  const keyword = error.keyword ?? '';
  const params = error.params ?? {};
  const values = valuesOf(params, locale);
  if (keyword === 'type' && typeof params.type === 'string') {
    const known = params.type.split(',').find((type) => lookup(catalogue, ['types', type]) !== undefined);
    if (known) return lookup(catalogue, ['types', known]);
  }
  if (keyword === 'format' && typeof params.format === 'string') {
    const format = lookup(catalogue, ['formats', params.format]);
    if (format) return format;
  }
  const count = COUNTED.has(keyword) && typeof params.limit === 'number' ? params.limit : undefined;
  if (count !== undefined) values.count = new Intl.NumberFormat(locale).format(count);
  const template = message(catalogue, ['field', keyword], locale, count);
  return template === undefined ? undefined : fill(template, values);
}

/** The reader's wording of one field error; the node's English when the catalogue has nothing better. */
export function fieldErrorText(
  error: FieldError,
  problem: Problem,
  catalogue: ProblemCatalogue,
  locale: string,
): string {
  if (error.keyword) return keywordText(error, catalogue, locale) ?? error.message;
  // A field error made from the problem itself (a domain rule naming its field) reads like the problem.
  if (error.message === problem.detail) return codeText(problem, catalogue, locale, undefined);
  return error.message;
}

function fieldList(problem: Problem, catalogue: ProblemCatalogue, locale: string): string {
  const separator = lookup(catalogue, ['listSeparator']) ?? '; ';
  const item = lookup(catalogue, ['fieldItem']) ?? '{{field}}: {{message}}';
  return (problem.errors ?? [])
    .map((error) => {
      const values = {
        field: fieldName(error.path),
        message: fieldErrorText(error, problem, catalogue, locale),
      };
      return fill(item, values) ?? `${values.field}: ${values.message}`;
    })
    .join(separator);
}

function codeText(
  problem: Problem,
  catalogue: ProblemCatalogue,
  locale: string,
  fields: (() => string) | undefined,
): string {
  const template = lookup(catalogue, ['code', ...problem.code.split('.')]);
  const values = valuesOf(problem.details, locale);
  if (problem.detail) values.detail = problem.detail;
  const listed = fields?.();
  if (listed) values.fields = listed;
  const text = template === undefined ? undefined : fill(template, values);
  return (
    text ?? (problem.detail || problem.title || lookup(catalogue, ['unknown']) || String(problem.status))
  );
}

/**
 * The reader's wording of a problem: the catalogue's message for its code filled with its details, else the
 * node's own detail (a code this client does not know yet), and never the bare code.
 */
export function problemText(problem: Problem, catalogue: ProblemCatalogue, locale: string): string {
  return codeText(problem, catalogue, locale, () => fieldList(problem, catalogue, locale));
}

/**
 * The reader's wording of a code reported inside a problem (an import's row errors): the catalogue's message
 * filled with `values`, else the node's English.
 */
export function codeMessage(
  code: string,
  english: string,
  catalogue: ProblemCatalogue,
  locale: string,
  values?: Readonly<Record<string, unknown>>,
): string {
  const template = lookup(catalogue, ['code', ...code.split('.')]);
  return (template === undefined ? undefined : fill(template, valuesOf(values, locale))) ?? english;
}
