import type { Ajv } from 'ajv';
import addFormats from 'ajv-formats';

type Check = (text: string) => boolean;

/** ajv-formats' own check of a string format (a function, a pattern or a definition holding either). */
const checkOf = (format: unknown): Check => {
  if (typeof format === 'function') return format as Check;
  if (format instanceof RegExp) return (text) => format.test(text);
  if (typeof format === 'object' && format !== null && 'validate' in format) return checkOf(format.validate);
  throw new Error('ajv-formats changed the shape of its date-time format');
};

const rfc3339DateTime = checkOf(addFormats.default.get('date-time'));

/**
 * The formats every validator of the node uses: ajv-formats', except that a date-time must also be an instant
 * JavaScript can hold (a `date` always is). RFC 3339 allows a leap second (23:59:60) that Date cannot
 * represent; a value the schema passed must never fail later, in the code that reads it, as a 500.
 */
export function withNodeFormats<T extends Ajv>(ajv: T): T {
  addFormats.default(ajv);
  ajv.addFormat('date-time', {
    type: 'string',
    validate: (text: string) => rfc3339DateTime(text) && Number.isFinite(Date.parse(text)),
  });
  return ajv;
}

// parsed data, not a raw upload (a buffer or a stream); a parsed query string has a prototype of its own
const isPlainData = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !ArrayBuffer.isView(value) &&
  typeof (value as { pipe?: unknown }).pipe !== 'function';

/** JSON-pointer text of a key (RFC 6901). */
const pointerKey = (key: string): string => key.replaceAll('~', '~0').replaceAll('/', '~1');

/**
 * The validation issue of a NUL character at `at` (a JSON pointer), worded as the pattern no text field of the
 * node allows: no name, number or note holds one, and PostgreSQL cannot store it.
 */
export const nulIssue = (at: string) => ({
  instancePath: at,
  schemaPath: '#/pattern',
  keyword: 'pattern',
  params: { pattern: '^[^\\u0000]*$' },
  message: 'must not contain the NUL character',
});

/**
 * Where the first NUL character of parsed request data lies (a JSON pointer; '' for the value itself), or
 * undefined. Raw uploads (buffers, streams) are not walked here.
 */
export function nulCharacterAt(value: unknown): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? '' : undefined;
  if (!isPlainData(value)) return undefined;
  for (const [key, item] of Object.entries(value)) {
    if (key.includes('\u0000')) return `/${pointerKey(key)}`;
    const inside = nulCharacterAt(item);
    if (inside !== undefined) return `/${pointerKey(key)}${inside}`;
  }
  return undefined;
}
