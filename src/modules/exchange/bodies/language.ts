/** The languages every notification renders in. */
export const LANGUAGES = ['zh', 'en', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * The Intl locale behind each language. British English because counterparts read day-month-year
 * dates, and a plain `en` would print November 27, 2026.
 */
export const LOCALE_OF: Readonly<Record<Language, string>> = Object.freeze({
  zh: 'zh-CN',
  en: 'en-GB',
  ru: 'ru-RU',
});

/** True when `value` names one of the supported languages. */
export const isLanguage = (value: string): value is Language =>
  (LANGUAGES as readonly string[]).includes(value);
