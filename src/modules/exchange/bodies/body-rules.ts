import type { TSchema } from '@sinclair/typebox';
import type { BodyOf, NotificationType, WatchlistShareBody } from './body-schemas.js';
import {
  ISO_DATE_PATTERN,
  ISO_DATE_TIME_PATTERN,
  isCalendarDate,
  isTimeZone,
  PARTIAL_DATE_PATTERN,
} from './formats.js';

/**
 * One reason a body is refused, with the JSON Pointer of the offending value. Schema failures also carry Ajv's
 * `keyword` and `params` (as the node's request errors do) so clients word them in their reader's language.
 */
export interface BodyError {
  path: string;
  message: string;
  keyword?: string;
  params?: Record<string, unknown>;
}

const DAY_PATTERNS = new Set([ISO_DATE_PATTERN, ISO_DATE_TIME_PATTERN]);
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Patterns cannot tell 2026-02-30 from a real day, so every date-typed value is checked against the calendar,
 * found by walking the schema beside the (already schema-valid) value.
 */
export const calendarErrors = (schema: TSchema, value: unknown, path = ''): BodyError[] => {
  if (typeof value === 'string') {
    const pattern: unknown = schema.pattern;
    const checksDay =
      (typeof pattern === 'string' && DAY_PATTERNS.has(pattern)) ||
      (pattern === PARTIAL_DATE_PATTERN && value.length === 10);
    return checksDay && !isCalendarDate(value)
      ? [
          {
            path,
            message: `${value} is not a day of the calendar`,
            keyword: 'format',
            params: { format: 'date' },
          },
        ]
      : [];
  }
  if (Array.isArray(value) && isRecord(schema.items)) {
    const items = schema.items as TSchema;
    return value.flatMap((item, index) => calendarErrors(items, item, `${path}/${index}`));
  }
  if (isRecord(value) && isRecord(schema.properties)) {
    const properties = schema.properties as Record<string, TSchema>;
    return Object.entries(value).flatMap(([key, item]) => {
      const property = properties[key];
      return property === undefined ? [] : calendarErrors(property, item, `${path}/${key}`);
    });
  }
  return [];
};

const instant = (value: string): number => Date.parse(value);

const endsAfterStart = (
  path: string,
  start: string,
  end: string | undefined,
  what: string,
  allowEqual: boolean,
): BodyError[] => {
  if (end === undefined) return [];
  const ok = allowEqual ? instant(end) >= instant(start) : instant(end) > instant(start);
  return ok
    ? []
    : [
        {
          path,
          message: `${what} ${end} is before its start ${start}`,
          ...rule('endsBeforeStart', { start, end }),
        },
      ];
};

const duplicates = (
  values: readonly string[],
  path: (index: number) => string,
  what: string,
): BodyError[] => {
  const seen = new Set<string>();
  return values.flatMap((value, index) => {
    if (!seen.has(value)) {
      seen.add(value);
      return [];
    }
    return [
      {
        path: path(index),
        message: `${what} ${value} appears more than once`,
        ...rule('repeated', { value }),
      },
    ];
  });
};

/** An entry cannot be shared and withdrawn by one body. */
const sharedAndWithdrawn = (body: WatchlistShareBody): BodyError[] => {
  const shared = new Set(body.entries.map((entry) => entry.entryId));
  return (body.withdrawn ?? []).flatMap((id, index) =>
    shared.has(id)
      ? [
          {
            path: `/withdrawn/${index}`,
            message: `entry ${id} is both shared and withdrawn`,
            ...rule('sharedAndWithdrawn', { value: id }),
          },
        ]
      : [],
  );
};

/**
 * The keyword and values of a cross-field rule, in the shape schema errors have, so clients word the rule in
 * their reader's language as they word a schema keyword.
 */
const rule = (keyword: string, params: Record<string, unknown>) => ({ keyword, params });

type RuleSet = { [T in NotificationType]: (body: BodyOf<T>) => BodyError[] };

/** Rules across fields that a JSON Schema cannot express; each message names what is wrong. */
export const BODY_RULES: RuleSet = {
  'situation.daily': (body) => [
    ...(isTimeZone(body.timeZone)
      ? []
      : [
          {
            path: '/timeZone',
            message: `${body.timeZone} is not a known time zone`,
            ...rule('unknownTimeZone', { value: body.timeZone }),
          },
        ]),
    ...duplicates(
      body.counties.map((county) => county.countyCode),
      (index) => `/counties/${index}/countyCode`,
      'county',
    ),
  ],
  'port.policy': (body) =>
    endsAfterStart('/effectiveTo', body.effectiveFrom, body.effectiveTo, 'the end of validity', false),
  'measures.update': (body) =>
    body.measures.flatMap((measure, index) =>
      endsAfterStart(
        `/measures/${index}/effectiveTo`,
        measure.effectiveFrom,
        measure.effectiveTo,
        'the end of the measure',
        true,
      ),
    ),
  'persons.movement': () => [],
  'watchlist.share': (body) => [
    ...body.entries.flatMap((entry, index) =>
      endsAfterStart(
        `/entries/${index}/validUntil`,
        entry.validFrom,
        entry.validUntil,
        'the end of validity',
        true,
      ),
    ),
    ...duplicates(
      body.entries.map((entry) => entry.entryId),
      (index) => `/entries/${index}/entryId`,
      'entry',
    ),
    ...duplicates(body.withdrawn ?? [], (index) => `/withdrawn/${index}`, 'withdrawn entry'),
    ...sharedAndWithdrawn(body),
    ...(body.entries.length === 0 && !body.withdrawn && !body.replaceAll
      ? [
          {
            path: '/entries',
            message: 'the body shares no entry and withdraws none',
            ...rule('nothingShared', {}),
          },
        ]
      : []),
  ],
  'hit.notice': () => [],
  'handover.request': (body) =>
    (body.place.portCode === undefined) === (body.place.passCode === undefined)
      ? [
          {
            path: '/place',
            message: 'the place names either a port (portCode) or a pass (passCode), not both or none',
            ...rule('portOrPass', {}),
          },
        ]
      : [],
  'operation.invite': (body) =>
    endsAfterStart('/endsAt', body.startsAt, body.endsAt, 'the end of the operation', false),
  'operation.report': (body) => {
    const byOutcome = body.interceptions.byOutcome ?? [];
    const total = byOutcome.reduce((sum, row) => sum + row.persons, 0);
    return [
      ...duplicates(
        byOutcome.map((row) => row.outcome),
        (index) => `/interceptions/byOutcome/${index}/outcome`,
        'outcome',
      ),
      ...(total > body.interceptions.persons
        ? [
            {
              path: '/interceptions/byOutcome',
              message: `persons by outcome (${total}) exceed the persons intercepted (${body.interceptions.persons})`,
              ...rule('outcomesExceedPersons', { total, persons: body.interceptions.persons }),
            },
          ]
        : []),
    ];
  },
  'liaison.message': () => [],
};
