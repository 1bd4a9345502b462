export type DateKind = 'birth' | 'expiry';

export type MrzDateReading =
  | { ok: true; value: string | null; lastDay: Date | null }
  | { ok: false; message: string };

interface DateParts {
  yy: number;
  month: number | null;
  day: number | null;
}

const DATE_PATTERN = /^(\d\d)(\d\d|<<)(\d\d|<<)$/;

function readParts(raw: string): DateParts | string {
  const match = DATE_PATTERN.exec(raw);
  if (!match)
    return `${JSON.stringify(raw)} is not a YYMMDD date (digits, or << for an unknown month or day)`;
  const [, yy, mm, dd] = match as unknown as [string, string, string, string];
  const month = mm === '<<' ? null : Number(mm);
  const day = dd === '<<' ? null : Number(dd);
  if (month === null && day !== null) return `${JSON.stringify(raw)} gives a day but no month`;
  if (month !== null && (month < 1 || month > 12)) return `${JSON.stringify(raw)} has month ${mm}`;
  return { yy: Number(yy), month, day };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The first and last instants the (possibly partial) date can stand for. */
function bounds(year: number, parts: DateParts): { first: Date; last: Date } {
  if (parts.month === null) return { first: utc(year, 1, 1), last: utc(year, 12, 31) };
  if (parts.day === null) {
    return { first: utc(year, parts.month, 1), last: utc(year, parts.month, daysInMonth(year, parts.month)) };
  }
  const exact = utc(year, parts.month, parts.day);
  return { first: exact, last: exact };
}

function utc(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

function startOfDay(now: Date): Date {
  return utc(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate());
}

// A birth date is never in the future, so take the latest century that keeps it in the past; people over
// 100 years old are read a century too young, which no two-digit year can avoid.
function birthYear(parts: DateParts, now: Date): number {
  const century = Math.floor(now.getUTCFullYear() / 100) * 100;
  const candidate = century + parts.yy;
  return bounds(candidate, parts).first.getTime() <= startOfDay(now).getTime() ? candidate : candidate - 100;
}

// Expiry dates lie both sides of today (expired documents are still presented), so take the century that
// puts the year within the window around the current year.
function expiryYear(parts: DateParts, now: Date, windowYears: number): number {
  const currentYear = now.getUTCFullYear();
  let year = Math.floor(currentYear / 100) * 100 + parts.yy;
  if (year >= currentYear + windowYears) year -= 100;
  else if (year < currentYear + windowYears - 100) year += 100;
  return year;
}

function isoDate(year: number, parts: DateParts): string {
  const yyyy = String(year).padStart(4, '0');
  if (parts.month === null) return yyyy;
  const mm = String(parts.month).padStart(2, '0');
  if (parts.day === null) return `${yyyy}-${mm}`;
  return `${yyyy}-${mm}-${String(parts.day).padStart(2, '0')}`;
}

/** Reads an MRZ YYMMDD date into an ISO date at the precision given, applying the century rule of its kind. */
export function readMrzDate(raw: string, kind: DateKind, now: Date, windowYears: number): MrzDateReading {
  if (/^<+$/.test(raw)) return { ok: true, value: null, lastDay: null };
  const parts = readParts(raw);
  if (typeof parts === 'string') return { ok: false, message: parts };
  const year = kind === 'birth' ? birthYear(parts, now) : expiryYear(parts, now, windowYears);
  if (parts.month !== null && parts.day !== null) {
    const maximum = daysInMonth(year, parts.month);
    if (parts.day < 1 || parts.day > maximum) {
      return {
        ok: false,
        message: `${JSON.stringify(raw)} has day ${parts.day}; month ${parts.month} of ${year} has ${maximum}`,
      };
    }
  }
  return { ok: true, value: isoDate(year, parts), lastDay: bounds(year, parts).last };
}

/** True when every day the (possibly partial) expiry date can stand for lies before today. */
export function hasExpired(lastDay: Date, now: Date): boolean {
  return lastDay.getTime() < startOfDay(now).getTime();
}
