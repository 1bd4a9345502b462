import { addDays, COUNTY_DAY_COUNT_FIELDS, type CountyDay, isCalendarDate, newCases } from './county-day.js';

export type RuleSeverity = 'error' | 'warning';

export interface LocalisedText {
  en: string;
  zh: string;
  ru: string;
}

/** A validation rule as the API lists it; every violation names one of these by code. */
export interface SituationRule {
  code: string;
  severity: RuleSeverity;
  description: LocalisedText;
}

/** Every rule a county day is checked against. Errors refuse the day; warnings flag it for review. */
export const SITUATION_RULES = [
  {
    code: 'situation.rule.valid_date',
    severity: 'error',
    description: {
      en: 'The reporting day is a real calendar date written YYYY-MM-DD.',
      zh: '报告日期须为有效的公历日期，格式为 YYYY-MM-DD。',
      ru: 'Дата отчёта должна быть существующей календарной датой в формате ГГГГ-ММ-ДД.',
    },
  },
  {
    code: 'situation.rule.date_not_future',
    severity: 'error',
    description: {
      en: "The reporting day is not later than today (the reporting agency's local date).",
      zh: '报告日期不得晚于今天（以报告机构当地日期为准）。',
      ru: 'Дата отчёта не может быть позже сегодняшней (по местной дате отчитывающегося ведомства).',
    },
  },
  {
    code: 'situation.rule.non_negative',
    severity: 'error',
    description: {
      en: 'Counts are not negative.',
      zh: '各项数字不得为负数。',
      ru: 'Показатели не могут быть отрицательными.',
    },
  },
  {
    code: 'situation.rule.whole_number',
    severity: 'error',
    description: {
      en: 'Counts are whole numbers.',
      zh: '各项人数须为整数。',
      ru: 'Показатели должны быть целыми числами.',
    },
  },
  {
    code: 'situation.rule.coverage_range',
    severity: 'error',
    description: {
      en: 'Vaccination coverage is a percentage between 0 and 100.',
      zh: '疫苗接种覆盖率须为 0 至 100 之间的百分比。',
      ru: 'Охват вакцинацией должен быть процентом от 0 до 100.',
    },
  },
  {
    code: 'situation.rule.cumulative_not_decreasing',
    severity: 'error',
    description: {
      en: 'Cumulative confirmed cases never decrease from one reported day to the next, unless a correction note explains why.',
      zh: '累计确诊病例数不得低于此前报告日的数字，除非附有更正说明。',
      ru: 'Накопленное число подтверждённых случаев не может уменьшаться от одного отчётного дня к следующему без примечания об исправлении.',
    },
  },
  {
    code: 'situation.rule.new_matches_cumulative_change',
    severity: 'warning',
    description: {
      en: "New local plus new imported cases equal the change in cumulative confirmed cases since the previous day's report.",
      zh: '新增本土病例与新增境外输入病例之和应等于累计确诊病例较前一日的增加数。',
      ru: 'Сумма новых местных и завозных случаев должна равняться приросту накопленного числа подтверждённых случаев с предыдущего дня.',
    },
  },
  {
    code: 'situation.rule.outlier_7day_median',
    severity: 'warning',
    description: {
      en: 'New cases more than 5 times (by default) the median of the previous 7 days are flagged for review, not refused.',
      zh: '新增病例超过前 7 日中位数的 5 倍（默认值）时标记为待核查，但不拒收。',
      ru: 'Если число новых случаев более чем в 5 раз (по умолчанию) превышает медиану за предыдущие 7 дней, запись помечается для проверки, но не отклоняется.',
    },
  },
] as const satisfies readonly SituationRule[];

export type SituationRuleCode = (typeof SITUATION_RULES)[number]['code'];

/** One broken rule on one field of a county day. */
export interface Violation {
  rule: SituationRuleCode;
  severity: RuleSeverity;
  field: keyof CountyDay;
  message: string;
  details: Record<string, string | number | null>;
}

export interface ValidationOptions {
  /** Today's date at the reporting agency, `YYYY-MM-DD`. */
  today: string;
  /** New cases above this multiple of the 7-day median are outliers. Default 5. */
  outlierFactor?: number;
  /** Fewer reported days than this in the previous 7 give no baseline, so no outlier check. Default 4. */
  outlierMinHistoryDays?: number;
  /** A median below this counts as this, so that one case after a quiet week is no outlier. Default 1. */
  outlierMedianFloor?: number;
}

export const DEFAULT_OUTLIER_FACTOR = 5;
const DEFAULT_OUTLIER_MIN_HISTORY_DAYS = 4;
const DEFAULT_OUTLIER_MEDIAN_FLOOR = 1;

type Finding = Omit<Violation, 'rule' | 'severity'>;

interface CheckContext {
  day: CountyDay;
  dateIsValid: boolean;
  /** The latest reported day before this one, however far back. */
  previous: CountyDay | undefined;
  /** The earliest reported day after this one: a backdated correction must not exceed it. */
  next: CountyDay | undefined;
  /** The report of exactly the calendar day before. */
  dayBefore: CountyDay | undefined;
  /** Reports of the 7 calendar days before this one. */
  previousWeek: CountyDay[];
  options: ValidationOptions;
}

type Check = (context: CheckContext) => Finding[];

const hasNote = (day: CountyDay) => (day.correctionNote ?? '').trim() !== '';

const CHECKS: Record<SituationRuleCode, Check> = {
  'situation.rule.valid_date': ({ day, dateIsValid }) =>
    dateIsValid
      ? []
      : [
          {
            field: 'date',
            message: `date ${JSON.stringify(day.date)} is not a calendar date written YYYY-MM-DD`,
            details: { value: day.date },
          },
        ],

  'situation.rule.date_not_future': ({ day, dateIsValid, options }) =>
    dateIsValid && day.date > options.today
      ? [
          {
            field: 'date',
            message: `date ${day.date} is after today (${options.today})`,
            details: { value: day.date, today: options.today },
          },
        ]
      : [],

  'situation.rule.non_negative': ({ day }) =>
    COUNTY_DAY_COUNT_FIELDS.filter((field) => day[field] < 0).map((field) => ({
      field,
      message: `${field} is ${day[field]}; counts cannot be negative`,
      details: { value: day[field] },
    })),

  'situation.rule.whole_number': ({ day }) =>
    COUNTY_DAY_COUNT_FIELDS.filter((field) => !Number.isInteger(day[field])).map((field) => ({
      field,
      message: `${field} is ${day[field]}; counts are whole numbers`,
      details: { value: day[field] },
    })),

  'situation.rule.coverage_range': ({ day }) => {
    const coverage = day.vaccinationCoverage;
    if (coverage === undefined || (coverage >= 0 && coverage <= 100)) return [];
    return [
      {
        field: 'vaccinationCoverage',
        message: `vaccination coverage is ${coverage}; it must be a percentage between 0 and 100`,
        details: { value: coverage },
      },
    ];
  },

  'situation.rule.cumulative_not_decreasing': ({ day, previous, next }) => {
    if (hasNote(day)) return [];
    const findings: Finding[] = [];
    if (previous && day.confirmed < previous.confirmed) {
      findings.push({
        field: 'confirmed',
        message: `cumulative confirmed went down from ${previous.confirmed} on ${previous.date} to ${day.confirmed} without a correction note`,
        details: { previousDate: previous.date, previous: previous.confirmed, current: day.confirmed },
      });
    }
    if (next && day.confirmed > next.confirmed) {
      findings.push({
        field: 'confirmed',
        message: `cumulative confirmed ${day.confirmed} is above the ${next.confirmed} already reported for the later day ${next.date}; add a correction note`,
        details: { nextDate: next.date, next: next.confirmed, current: day.confirmed },
      });
    }
    return findings;
  },

  'situation.rule.new_matches_cumulative_change': ({ day, dayBefore }) => {
    if (!dayBefore) return [];
    const reportedNew = newCases(day);
    const cumulativeChange = day.confirmed - dayBefore.confirmed;
    if (reportedNew === cumulativeChange) return [];
    return [
      {
        field: 'confirmed',
        message: `new local + new imported is ${reportedNew}, but cumulative confirmed changed by ${cumulativeChange} since ${dayBefore.date}`,
        details: {
          reportedNew,
          cumulativeChange,
          previousDate: dayBefore.date,
          previous: dayBefore.confirmed,
        },
      },
    ];
  },

  'situation.rule.outlier_7day_median': ({ day, previousWeek, options }) => {
    const minDays = options.outlierMinHistoryDays ?? DEFAULT_OUTLIER_MIN_HISTORY_DAYS;
    if (previousWeek.length < minDays) return [];
    const factor = options.outlierFactor ?? DEFAULT_OUTLIER_FACTOR;
    const median7 = median(previousWeek.map(newCases));
    const baseline = Math.max(median7, options.outlierMedianFloor ?? DEFAULT_OUTLIER_MEDIAN_FLOOR);
    const reportedNew = newCases(day);
    if (reportedNew <= factor * baseline) return [];
    return [
      {
        field: day.newImported > day.newLocal ? 'newImported' : 'newLocal',
        message: `${reportedNew} new cases is more than ${factor}× the 7-day median of ${median7}`,
        details: { reportedNew, median7, factor, daysInBaseline: previousWeek.length },
      },
    ];
  },
};

/**
 * Checks one county day against every rule, given earlier and later reports of the same county
 * (other counties and any earlier version of the same day are ignored).
 */
export function validateCountyDay(
  day: CountyDay,
  history: readonly CountyDay[],
  options: ValidationOptions,
): Violation[] {
  const context = buildContext(day, history, options);
  return SITUATION_RULES.flatMap((rule) =>
    CHECKS[rule.code](context).map((finding) => ({ rule: rule.code, severity: rule.severity, ...finding })),
  );
}

/** Whether any violation refuses the day (warnings only flag it). */
export function hasErrors(violations: readonly Violation[]): boolean {
  return violations.some((violation) => violation.severity === 'error');
}

function buildContext(
  day: CountyDay,
  history: readonly CountyDay[],
  options: ValidationOptions,
): CheckContext {
  const dateIsValid = isCalendarDate(day.date);
  const empty = { previous: undefined, next: undefined, dayBefore: undefined, previousWeek: [] };
  if (!dateIsValid) return { day, dateIsValid, options, ...empty };
  const others = history.filter((other) => other.countyCode === day.countyCode && other.date !== day.date);
  const weekStart = addDays(day.date, -7);
  const yesterday = addDays(day.date, -1);
  let previous: CountyDay | undefined;
  let next: CountyDay | undefined;
  for (const other of others) {
    if (other.date < day.date && (!previous || other.date > previous.date)) previous = other;
    if (other.date > day.date && (!next || other.date < next.date)) next = other;
  }
  return {
    day,
    dateIsValid,
    options,
    previous,
    next,
    dayBefore: previous?.date === yesterday ? previous : undefined,
    previousWeek: others.filter((other) => other.date >= weekStart && other.date < day.date),
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[middle] ?? 0;
  return ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
