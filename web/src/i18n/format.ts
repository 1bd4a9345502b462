import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../api/types.js';
import { currentLanguage, LOCALE_TAGS } from './i18n.js';

/** Locale-aware formatters for the current UI language. */
export interface Formatters {
  number(value: number): string;
  /** A calendar date; pass the agency's time zone so "today" is the agency's day, not the browser's. */
  date(value: Date, timeZone?: string): string;
  /** A country's name from its ISO 3166-1 alpha-2 code. */
  country(code: string): string;
}

function formattersFor(language: Language): Formatters {
  const locale = LOCALE_TAGS[language];
  const numbers = new Intl.NumberFormat(locale);
  const regions = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
  return {
    country: (code) => regions.of(code) ?? code,
    number: (value) => numbers.format(value),
    date: (value, timeZone) => new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone }).format(value),
  };
}

/** The formatters for the language on screen; components re-render with new ones when it changes. */
export function useFormatters(): Formatters {
  useTranslation();
  const language = currentLanguage();
  return useMemo(() => formattersFor(language), [language]);
}
