import type { TSchema } from '@sinclair/typebox';
import { type TypeCheck, TypeCompiler } from '@sinclair/typebox/compiler';
import { type ValueError, ValueErrorType } from '@sinclair/typebox/errors';
import { AppError } from '../../../core/errors.js';
import { BODY_RULES, type BodyError, calendarErrors } from './body-rules.js';
import { type BodyOf, bodySchemaFor, type NotificationType } from './body-schemas.js';
import { schemaKeyword } from './schema-keyword.js';

export type { BodyError } from './body-rules.js';

/** The outcome of checking a body: both outcomes are expected, so it is a result, not an exception. */
export type BodyValidation<T extends NotificationType> =
  | { ok: true; body: BodyOf<T> }
  | { ok: false; errors: BodyError[] };

/** Enough to fix a body; a flood of follow-on errors helps nobody. */
const MAX_ERRORS = 50;

const checkers = new Map<NotificationType, TypeCheck<TSchema>>();

const checkerFor = (type: NotificationType): TypeCheck<TSchema> => {
  let checker = checkers.get(type);
  if (checker === undefined) {
    checker = TypeCompiler.Compile(bodySchemaFor(type));
    checkers.set(type, checker);
  }
  return checker;
};

const constOptions = (schema: TSchema): string[] | undefined => {
  const options: unknown = schema.anyOf;
  if (!Array.isArray(options)) return undefined;
  const values = options.map((option: TSchema) => option.const as unknown);
  return values.every((value) => typeof value === 'string') ? (values as string[]) : undefined;
};

const describe = (error: ValueError): string => {
  const description = typeof error.schema.description === 'string' ? error.schema.description : undefined;
  switch (error.type) {
    case ValueErrorType.ObjectRequiredProperty:
      return 'is required';
    case ValueErrorType.ObjectAdditionalProperties:
      return 'is not a field of this body';
    case ValueErrorType.StringPattern:
      return description === undefined ? error.message : `must be ${description}`;
    case ValueErrorType.Union: {
      const options = constOptions(error.schema);
      return options === undefined ? error.message : `must be one of: ${options.join(', ')}`;
    }
    default:
      return error.message;
  }
};

const schemaErrors = (type: NotificationType, body: unknown): BodyError[] => {
  const errors: BodyError[] = [];
  const seenPaths = new Set<string>();
  for (const error of checkerFor(type).Errors(body)) {
    // A missing field also fails its type check at the same path; the first error says it best.
    if (seenPaths.has(error.path)) continue;
    seenPaths.add(error.path);
    errors.push({ path: error.path, message: describe(error), ...schemaKeyword(error) });
    if (errors.length >= MAX_ERRORS) break;
  }
  return errors;
};

const ruleErrors = <T extends NotificationType>(type: T, body: BodyOf<T>): BodyError[] => {
  const rule = BODY_RULES[type] as (body: BodyOf<T>) => BodyError[];
  return [...calendarErrors(bodySchemaFor(type), body), ...rule(body)];
};

/** Checks a body against its type's schema and rules; every error names the JSON Pointer of the bad value. */
export const validateBody = <T extends NotificationType>(type: T, body: unknown): BodyValidation<T> => {
  const checker = checkerFor(type);
  if (!checker.Check(body)) return { ok: false, errors: schemaErrors(type, body) };
  const valid = body as BodyOf<T>;
  const errors = ruleErrors(type, valid).slice(0, MAX_ERRORS);
  return errors.length === 0 ? { ok: true, body: valid } : { ok: false, errors };
};

/** The body, typed, or an `exchange.invalid_body` error listing every problem (for services and routes). */
export const assertValidBody = <T extends NotificationType>(type: T, body: unknown): BodyOf<T> => {
  const result = validateBody(type, body);
  if (result.ok) return result.body;
  throw new AppError('invalid', 'exchange.invalid_body', `the ${type} body is not valid`, {
    errors: result.errors,
  });
};
