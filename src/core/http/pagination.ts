import { invalid } from '../errors.js';

/** Opaque cursor over a sort key, so clients cannot depend on its shape. */
export function encodeCursor(key: ReadonlyArray<string | number>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

// no key this server issues holds a NUL character, and PostgreSQL could not compare one
const isKeyPart = (part: unknown): boolean =>
  (typeof part === 'string' && !part.includes('\u0000')) ||
  (typeof part === 'number' && Number.isFinite(part));

export function decodeCursor(cursor: string | undefined, arity: number): Array<string | number> | undefined {
  if (cursor === undefined) return undefined;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === arity && key.every(isKeyPart)) {
      return key as Array<string | number>;
    }
  } catch {
    // falls through to the error below
  }
  throw invalid('http.bad_cursor', 'The cursor is not one this server issued', { field: 'cursor' });
}

/** Splits a `limit + 1` fetch into the page and the cursor of its last item. */
export function pageOf<T>(
  rows: T[],
  limit: number,
  keyOf: (row: T) => ReadonlyArray<string | number>,
): { rows: T[]; nextCursor: string | null } {
  if (rows.length <= limit) return { rows, nextCursor: null };
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { rows: page, nextCursor: last === undefined ? null : encodeCursor(keyOf(last)) };
}
