import { isCalendarDate } from '../exchange/bodies/formats.js';

/** True when a name holds a letter or digit: a name of punctuation alone says nothing about a person. */
export const hasNameText = (value: string | null | undefined): boolean =>
  value !== null && value !== undefined && /[\p{L}\p{N}]/u.test(value);

/**
 * Why a date of birth (YYYY, YYYY-MM or YYYY-MM-DD) cannot be a person's — not a day of the calendar, or after
 * `today` — or null when it can.
 */
export const birthDateProblem = (value: string | null | undefined, today: string): string | null => {
  if (!value) return null;
  if (value.length === 10 && !isCalendarDate(value))
    return `the date of birth ${value} is not a day of the calendar`;
  if (value > today.slice(0, value.length)) return `the date of birth ${value} is after today`;
  return null;
};
