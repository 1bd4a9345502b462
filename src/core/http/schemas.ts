import { Kind, type TSchema, Type, TypeRegistry } from '@sinclair/typebox';
import { UUID_PATTERN } from '../ids.js';

// Registered so TypeBox's own checker (Value.Check) understands the enums that Ajv validates over HTTP.
TypeRegistry.Set<{ enum: string[] }>(
  'StringEnum',
  (schema, value) => typeof value === 'string' && schema.enum.includes(value),
);

/** A string restricted to the given values, typed as their union (TypeBox's Union of Literals loses that in maps). */
export const StringEnum = <const T extends readonly string[]>(
  values: T,
  options: { description?: string } = {},
) => Type.Unsafe<T[number]>({ [Kind]: 'StringEnum', type: 'string', enum: [...values], ...options });

/** RFC 9457 problem details, with our stable `code` and per-field errors. */
export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String(),
    instance: Type.Optional(Type.String()),
    requestId: Type.Optional(Type.String()),
    errors: Type.Optional(
      Type.Array(
        Type.Object({
          path: Type.String({ description: 'JSON Pointer of the offending value, e.g. /body/code' }),
          message: Type.String({ description: 'English wording, for logs and scripts' }),
          keyword: Type.Optional(
            Type.String({
              description: 'the failed JSON Schema keyword (required, maxLength…), for localised text',
            }),
          ),
          code: Type.Optional(
            Type.String({
              description: "for a value a rule refused beside the schema's keywords: the rule's problem code",
            }),
          ),
          params: Type.Optional(
            Type.Record(Type.String(), Type.Unknown(), {
              description:
                "the keyword's parameters as Ajv reports them (limit, missingProperty, allowedValues…), or the rule's details",
            }),
          ),
        }),
      ),
    ),
    details: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), {
        description: 'the values the English detail embeds (limits, fields, states), for localised text',
      }),
    ),
  },
  {
    $id: 'Problem',
    additionalProperties: true,
    description:
      'RFC 9457 problem details. Clients word the message in their own language from `code` (stable), `details` ' +
      "and each field error's `keyword` and `params`; `detail` is the English text.",
  },
);

export const Uuid = Type.String({ pattern: UUID_PATTERN, description: 'UUIDv7' });
export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });

export const AgencyCode = Type.String({ pattern: '^[A-Z]{2}-[A-Z0-9]{2,12}$', description: 'e.g. CN-NIA' });
export const Code = Type.String({
  pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$',
  description: 'a reference code',
});
export const IsoInstant = Type.String({ format: 'date-time' });
export const IsoDate = Type.String({ format: 'date' });
export const Language = StringEnum(['zh', 'en', 'ru'] as const);

/** Localised names: at least one of zh, en, ru, or the local language. */
export const Names = Type.Object(
  {
    zh: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    en: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    ru: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    local: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const PageQuery = Type.Object(
  {
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  },
  { additionalProperties: false },
);

/** A page of items with the cursor for the next one (null at the end). */
export const Page = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) });

/** Standard error responses every route can answer with. */
export const ErrorResponses = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
  413: Problem,
  415: Problem,
  429: Problem,
} as const;
