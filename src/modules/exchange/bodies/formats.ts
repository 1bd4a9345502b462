import { type TLiteral, type TSchema, type TString, type TUnion, Type } from '@sinclair/typebox';

const YEAR = '\\d{4}';
const MONTH = '(0[1-9]|1[0-2])';
const DAY = '(0[1-9]|[12]\\d|3[01])';
const CLOCK = '([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d(\\.\\d{1,9})?)?';
const OFFSET = '(Z|[+-]([01]\\d|2[0-3]):[0-5]\\d)';

export const ISO_DATE_PATTERN = `^${YEAR}-${MONTH}-${DAY}$`;
export const PARTIAL_DATE_PATTERN = `^${YEAR}(-${MONTH}(-${DAY})?)?$`;
/** An instant must carry its offset: a bare local time would mean different moments on each side of the border. */
export const ISO_DATE_TIME_PATTERN = `^${YEAR}-${MONTH}-${DAY}T${CLOCK}${OFFSET}$`;
const HOURS_RANGE = '([01]\\d|2[0-3]):[0-5]\\d-(([01]\\d|2[0-3]):[0-5]\\d|24:00)';
export const OPENING_HOURS_PATTERN = `^${HOURS_RANGE}(,${HOURS_RANGE})*$`;

/** A calendar date `YYYY-MM-DD` (checked against the calendar by the body rules too). */
export const IsoDate = (description = 'a date as YYYY-MM-DD'): TString =>
  Type.String({ pattern: ISO_DATE_PATTERN, maxLength: 10, description });

/** A date known only to the year or month, as in many identity records. */
export const PartialDate = (): TString =>
  Type.String({
    pattern: PARTIAL_DATE_PATTERN,
    maxLength: 10,
    description: 'a date as YYYY, YYYY-MM or YYYY-MM-DD',
  });

/** An instant in ISO 8601 with `Z` or an offset. */
export const IsoDateTime = (): TString =>
  Type.String({
    pattern: ISO_DATE_TIME_PATTERN,
    maxLength: 35,
    description: 'an instant as YYYY-MM-DDThh:mm[:ss]Z or with an offset such as +08:00',
  });

/**
 * A code from a directory (port, county, section, pass): letters, digits and separators, as the directory
 * stores them (the shipped land-port list uses lower-case codes such as cn-mn-ceke).
 */
export const DirectoryCode = (what: string): TString =>
  Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$', maxLength: 40, description: `a ${what} code` });

/** ISO 3166-1 alpha-3 (ICAO 9303 also uses `D<<` for Germany). */
export const StateCode = (): TString =>
  Type.String({
    pattern: '^[A-Z][A-Z<]{2}$',
    maxLength: 3,
    description: 'an ICAO/ISO 3166-1 alpha-3 state code',
  });

/** Free text with a length limit, never empty. */
export const Text = (maxLength: number): TString => Type.String({ minLength: 1, maxLength });

/** A non-negative whole count. */
export const Count = () => Type.Integer({ minimum: 0, maximum: 1_000_000_000 });

/** A union of string literals from a code list, so the inferred type is the list's union. */
export const OneOf = <const T extends readonly string[]>(codes: T): TUnion<TLiteral<T[number]>[]> =>
  Type.Union(codes.map((code) => Type.Literal(code)));

/** Marks a schema as optional inside a `Type.Object`. */
export const Opt = <T extends TSchema>(schema: T) => Type.Optional(schema);

/** True when an ISO date (or the date part of an instant) exists in the calendar: rejects 2026-02-30. */
export const isCalendarDate = (value: string): boolean => {
  const [y, m, d] = value.slice(0, 10).split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

/** True when `zone` is an IANA time zone this runtime knows. */
export const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};
