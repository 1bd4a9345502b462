import type { TSchema } from '@sinclair/typebox';
import { type ValueError, ValueErrorType } from '@sinclair/typebox/errors';
import { UUID_PATTERN } from '../../../core/ids.js';
import { ISO_DATE_PATTERN, ISO_DATE_TIME_PATTERN } from './formats.js';

/** A schema failure as Ajv names it, so a client words body errors the way it words request errors. */
export interface SchemaKeyword {
  keyword: string;
  params: Record<string, unknown>;
}

// Date and identifier patterns read better as the format they stand for than as "does not have the expected form".
const PATTERN_FORMATS: Readonly<Record<string, string>> = {
  [ISO_DATE_PATTERN]: 'date',
  [ISO_DATE_TIME_PATTERN]: 'date-time',
  [UUID_PATTERN]: 'uuid',
};

const TYPES: Partial<Record<ValueErrorType, string>> = {
  [ValueErrorType.String]: 'string',
  [ValueErrorType.Number]: 'number',
  [ValueErrorType.Integer]: 'integer',
  [ValueErrorType.Boolean]: 'boolean',
  [ValueErrorType.Object]: 'object',
  [ValueErrorType.Array]: 'array',
  [ValueErrorType.Null]: 'null',
};

// Ajv keyword and the schema member holding its limit; Ajv reports that limit as `limit`.
const LIMITS: Partial<Record<ValueErrorType, readonly [string, string]>> = {
  [ValueErrorType.StringMinLength]: ['minLength', 'minLength'],
  [ValueErrorType.StringMaxLength]: ['maxLength', 'maxLength'],
  [ValueErrorType.ArrayMinItems]: ['minItems', 'minItems'],
  [ValueErrorType.ArrayMaxItems]: ['maxItems', 'maxItems'],
  [ValueErrorType.ObjectMinProperties]: ['minProperties', 'minProperties'],
  [ValueErrorType.ObjectMaxProperties]: ['maxProperties', 'maxProperties'],
  [ValueErrorType.NumberMinimum]: ['minimum', 'minimum'],
  [ValueErrorType.IntegerMinimum]: ['minimum', 'minimum'],
  [ValueErrorType.NumberMaximum]: ['maximum', 'maximum'],
  [ValueErrorType.IntegerMaximum]: ['maximum', 'maximum'],
  [ValueErrorType.NumberExclusiveMinimum]: ['exclusiveMinimum', 'exclusiveMinimum'],
  [ValueErrorType.IntegerExclusiveMinimum]: ['exclusiveMinimum', 'exclusiveMinimum'],
  [ValueErrorType.NumberExclusiveMaximum]: ['exclusiveMaximum', 'exclusiveMaximum'],
  [ValueErrorType.IntegerExclusiveMaximum]: ['exclusiveMaximum', 'exclusiveMaximum'],
};

const lastSegment = (path: string): string => path.split('/').pop() ?? '';

const constOptions = (schema: TSchema): unknown[] | undefined => {
  const options: unknown = schema.anyOf;
  if (!Array.isArray(options)) return undefined;
  const values = options.map((option: TSchema) => option.const as unknown);
  return values.every((value) => value !== undefined) ? values : undefined;
};

function patternKeyword(schema: TSchema): SchemaKeyword {
  const pattern = typeof schema.pattern === 'string' ? schema.pattern : '';
  const format = PATTERN_FORMATS[pattern];
  return format ? { keyword: 'format', params: { format } } : { keyword: 'pattern', params: { pattern } };
}

/** The Ajv keyword and params for one of TypeBox's value errors; `invalid` when Ajv has no counterpart. */
export function schemaKeyword(error: ValueError): SchemaKeyword {
  const { schema } = error;
  const type = TYPES[error.type];
  if (type) return { keyword: 'type', params: { type } };
  const limit = LIMITS[error.type];
  if (limit) return { keyword: limit[0], params: { limit: schema[limit[1]] as unknown } };
  switch (error.type) {
    case ValueErrorType.ObjectRequiredProperty:
      return { keyword: 'required', params: { missingProperty: lastSegment(error.path) } };
    case ValueErrorType.ObjectAdditionalProperties:
      return { keyword: 'additionalProperties', params: { additionalProperty: lastSegment(error.path) } };
    case ValueErrorType.StringPattern:
      return patternKeyword(schema);
    case ValueErrorType.StringFormat:
    case ValueErrorType.StringFormatUnknown:
      return { keyword: 'format', params: { format: schema.format as unknown } };
    case ValueErrorType.NumberMultipleOf:
    case ValueErrorType.IntegerMultipleOf:
      return { keyword: 'multipleOf', params: { multipleOf: schema.multipleOf as unknown } };
    case ValueErrorType.ArrayUniqueItems:
      return { keyword: 'uniqueItems', params: {} };
    case ValueErrorType.Literal:
      return { keyword: 'const', params: { allowedValue: schema.const as unknown } };
    case ValueErrorType.Union: {
      const options = constOptions(schema);
      return options
        ? { keyword: 'enum', params: { allowedValues: options } }
        : { keyword: 'anyOf', params: {} };
    }
    case ValueErrorType.Not:
      return { keyword: 'not', params: {} };
    default:
      return { keyword: 'invalid', params: {} };
  }
}
