import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../api/types.js';
import { currentLanguage, LOCALE_TAGS } from './i18n.js';

/** Locale-aware formatters for the current UI language. */
export interface Formatters {
  number(value: number): string;
  /** A share as a percentage; `value` is already in per cent. */
  percent(value: number): string;
  /** A calendar date; pass the agency's time zone so "today" is the agency's day, not the browser's. */
  date(value: Date, timeZone?: string): string;
  /** A short calendar date from an ISO `YYYY-MM-DD` day, shown as the same day wherever the browser is. */
  day(isoDay: string): string;
  /** An instant as a short date and time. */
  dateTime(value: string | Date, timeZone?: string): string;
  /** A country's name from its ISO 3166-1 alpha-2 code. */
  country(code: string): string;
}

function formattersFor(language: Language): Formatters {
  const locale = LOCALE_TAGS[language];
  const numbers = new Intl.NumberFormat(locale);
  const percents = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const days = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const regions = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
  return {
    country: (code) => regions.of(code) ?? code,
    number: (value) => numbers.format(value),
    percent: (value) => percents.format(value / 100),
    date: (value, timeZone) => new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone }).format(value),
    day: (isoDay) => {
      const instant = new Date(`${isoDay.slice(0, 10)}T00:00:00Z`);
      return Number.isNaN(instant.getTime()) ? isoDay : days.format(instant);
    },
    dateTime: (value, timeZone) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
        typeof value === 'string' ? new Date(value) : value,
      ),
  };
}

/** The formatters for the language on screen; components re-render with new ones when it changes. */
export function useFormatters(): Formatters {
  useTranslation();
  const language = currentLanguage();
  return useMemo(() => formattersFor(language), [language]);
}

/** The calendar day (`YYYY-MM-DD`) an instant falls on in a time zone. */
export function isoDayIn(instant: Date, timeZone?: string): string {
  // en-CA formats as YYYY-MM-DD, which is the ISO day whatever the UI language is.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

/** The ISO day `days` before (negative) or after `isoDay`. */
export function shiftDay(isoDay: string, days: number): string {
  const instant = new Date(`${isoDay}T00:00:00Z`);
  instant.setUTCDate(instant.getUTCDate() + days);
  return instant.toISOString().slice(0, 10);
}
