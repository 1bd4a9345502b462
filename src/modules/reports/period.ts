import { invalid } from '../../core/errors.js';

export const PERIOD_KINDS = ['day', 'week', 'month', 'quarter', 'half_year', 'year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/**
 * A reporting period: local calendar dates of the agency (inclusive) and the UTC instants they span
 * (`startsAt` inclusive, `endsAt` exclusive), which is what the modules' counts take.
 */
export interface ReportPeriod {
  readonly kind: PeriodKind;
  readonly label: string;
  /** First local day, `YYYY-MM-DD`. */
  readonly from: string;
  /** Last local day (inclusive), `YYYY-MM-DD`. */
  readonly to: string;
  readonly timeZone: string;
  readonly startsAt: string;
  readonly endsAt: string;
}

/** What a caller names: a period code (`2021-H1`, `2021-Q2`, `2021-03`, `2021-W05`, `2021-03-05`, `2021`) or from/to dates. */
export interface PeriodRequest {
  period?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** The longest custom period: a report over more than a few years is a mistake, not a question. */
const MAX_CUSTOM_DAYS = 3660;
/** The years a period may fall in: any other is a typing mistake, and the year 0 is no date to PostgreSQL. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2999;

// Every refusal carries the limit: the reader's message names it whichever rule the period broke.
const badPeriod = (message: string) =>
  invalid('reports.bad_period', message, {
    maxDays: MAX_CUSTOM_DAYS,
    // as text: a number would be worded with a thousands separator (1,900)
    firstYear: String(FIRST_YEAR),
    lastYear: String(LAST_YEAR),
  });
const DAY_MS = 86_400_000;

const PATTERNS: ReadonlyArray<
  [RegExp, (match: RegExpMatchArray) => Omit<DateRange, 'label'> & { kind: PeriodKind }]
> = [
  [/^(\d{4})$/, ([, y]) => ({ kind: 'year', first: ymd(Number(y), 1, 1), next: ymd(Number(y) + 1, 1, 1) })],
  [
    /^(\d{4})-H([12])$/,
    ([, y, h]) => ({ kind: 'half_year', ...monthSpan(Number(y), (Number(h) - 1) * 6 + 1, 6) }),
  ],
  [
    /^(\d{4})-Q([1-4])$/,
    ([, y, q]) => ({ kind: 'quarter', ...monthSpan(Number(y), (Number(q) - 1) * 3 + 1, 3) }),
  ],
  [/^(\d{4})-(0[1-9]|1[0-2])$/, ([, y, m]) => ({ kind: 'month', ...monthSpan(Number(y), Number(m), 1) })],
  [/^(\d{4})-W(0[1-9]|[1-4]\d|5[0-3])$/, ([, y, w]) => ({ kind: 'week', ...isoWeek(Number(y), Number(w)) })],
  [
    /^(\d{4})-(\d{2})-(\d{2})$/,
    ([whole]) => {
      const first = parseDate(whole, 'period');
      return { kind: 'day', first, next: first + DAY_MS };
    },
  ],
];

interface DateRange {
  /** UTC midnight of the first day, as epoch ms (calendar arithmetic only; no zone yet). */
  first: number;
  /** UTC midnight of the day after the last. */
  next: number;
  label: string;
}

function ymd(year: number, month: number, day: number): number {
  // Date.UTC would read the years 0–99 as 1900–1999
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

function monthSpan(year: number, firstMonth: number, months: number) {
  return { first: ymd(year, firstMonth, 1), next: ymd(year, firstMonth + months, 1) };
}

function isoWeek(year: number, week: number) {
  // ISO week 1 is the week holding 4 January; weeks start on Monday.
  const jan4 = ymd(year, 1, 4);
  const mondayOfWeek1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
  const first = mondayOfWeek1 + (week - 1) * 7 * DAY_MS;
  const weeksInYear = isLongIsoYear(year) ? 53 : 52;
  if (week > weeksInYear) throw badPeriod(`${year} has no ISO week ${week}`);
  return { first, next: first + 7 * DAY_MS };
}

function isLongIsoYear(year: number): boolean {
  const jan1 = new Date(ymd(year, 1, 1)).getUTCDay();
  const dec31 = new Date(ymd(year, 12, 31)).getUTCDay();
  return jan1 === 4 || dec31 === 4;
}

function parseDate(text: string, field: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const value = match ? ymd(Number(match[1]), Number(match[2]), Number(match[3])) : Number.NaN;
  if (!match || Number.isNaN(value) || dateOf(value) !== text) {
    throw invalid(
      'reports.bad_date',
      `${field} must be a calendar date YYYY-MM-DD, not ${JSON.stringify(text)}`,
    );
  }
  return value;
}

const dateOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

function checkTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw invalid('reports.bad_time_zone', `${JSON.stringify(timeZone)} is not a time zone`);
  }
}

/** Minutes the zone is ahead of UTC at an instant. */
function offsetMinutes(instantMs: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(new Date(instantMs))
      .map((part) => [part.type, part.value]),
  );
  const wall = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return Math.round((wall - Math.floor(instantMs / 1000) * 1000) / 60_000);
}

/** The UTC instant of local midnight starting a calendar day (given as UTC-midnight ms) in a zone. */
export function localMidnight(dayMs: number, timeZone: string): string {
  let instant = dayMs - offsetMinutes(dayMs, timeZone) * 60_000;
  // A second pass settles days where the offset changes between UTC midnight and local midnight.
  instant = dayMs - offsetMinutes(instant, timeZone) * 60_000;
  return new Date(instant).toISOString();
}

function build(kind: PeriodKind, range: DateRange, timeZone: string): ReportPeriod {
  if (range.first < ymd(FIRST_YEAR, 1, 1) || range.next > ymd(LAST_YEAR + 1, 1, 1)) {
    throw badPeriod(`A period must fall within the years ${FIRST_YEAR} to ${LAST_YEAR}`);
  }
  return {
    kind,
    label: range.label,
    from: dateOf(range.first),
    to: dateOf(range.next - DAY_MS),
    timeZone,
    startsAt: localMidnight(range.first, timeZone),
    endsAt: localMidnight(range.next, timeZone),
  };
}

/** Resolves a period code or a from/to pair to local dates and UTC instants in the agency's time zone. */
export function resolvePeriod(request: PeriodRequest, timeZone: string): ReportPeriod {
  checkTimeZone(timeZone);
  const code = request.period?.trim();
  if (code && (request.from || request.to)) {
    throw badPeriod('Give either a period or from/to, not both');
  }
  if (code) {
    for (const [pattern, make] of PATTERNS) {
      const match = pattern.exec(code);
      if (!match) continue;
      const { kind, first, next } = make(match);
      if (Number.isNaN(first) || Number.isNaN(next)) break;
      return build(kind, { first, next, label: code }, timeZone);
    }
    throw badPeriod(
      `${JSON.stringify(code)} is not a period: use 2021, 2021-H1, 2021-Q2, 2021-03, 2021-W05 or 2021-03-05`,
    );
  }
  if (!request.from || !request.to) {
    throw badPeriod('Give a period (e.g. 2021-H1) or both from and to');
  }
  const first = parseDate(request.from, 'from');
  const last = parseDate(request.to, 'to');
  if (last < first) throw badPeriod('to must not be before from');
  if ((last - first) / DAY_MS + 1 > MAX_CUSTOM_DAYS) {
    throw badPeriod(`A custom period covers at most ${MAX_CUSTOM_DAYS} days`);
  }
  return build('custom', { first, next: last + DAY_MS, label: `${request.from}/${request.to}` }, timeZone);
}
