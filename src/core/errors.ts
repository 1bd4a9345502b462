/** What went wrong, in terms the HTTP layer maps to a status; domain code never picks a status itself. */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_many_requests'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'unavailable';

/** A failure the caller can act on, with a stable code such as `directory.agency_not_found`. */
export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/**
 * The values a client fills the wording of an error's code with: its details' simple values, less the field it
 * names (which a field error carries as its path).
 */
export function wordingValues(error: AppError): Record<string, string | number | boolean> {
  const values: Record<string, string | number | boolean> = {};
  for (const [name, value] of Object.entries(error.details ?? {})) {
    if (name === 'field') continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      values[name] = value;
  }
  return values;
}

export const notFound = (code: string, what: string, id: string) =>
  new AppError('not_found', code, `${what} ${JSON.stringify(id)} does not exist`, { id });

export const invalid = (code: string, message: string, details?: Record<string, unknown>) =>
  new AppError('invalid', code, message, details);

export const forbidden = (code: string, message: string) => new AppError('forbidden', code, message);

export const conflict = (code: string, message: string, details?: Record<string, unknown>) =>
  new AppError('conflict', code, message, details);

/** What went wrong, in words, from anything thrown (an Error's message, or the thrown value as text). */
export const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
