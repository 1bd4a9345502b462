/** Codes SQLite and PostgreSQL give a write that breaks a unique key or a primary key. */
const DUPLICATE_KEY = new Set(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY', '23505']);
/** Codes they give a write that breaks a foreign key. */
const BROKEN_REFERENCE = new Set(['SQLITE_CONSTRAINT_FOREIGNKEY', '23503']);

const codeOf = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';

/** Whether a write failed because a row with the same unique key exists, on either database. */
export const isDuplicateKey = (error: unknown): boolean => DUPLICATE_KEY.has(codeOf(error));

/** Whether a write failed because it refers to, or is referred by, another row. */
export const isBrokenReference = (error: unknown): boolean => BROKEN_REFERENCE.has(codeOf(error));
