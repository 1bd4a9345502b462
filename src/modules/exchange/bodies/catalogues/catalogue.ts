import { IntlMessageFormat } from 'intl-messageformat';
import { type Language, LOCALE_OF } from '../language.js';
import { type Catalogue, en, type MessageKey } from './en.js';
import { ru } from './ru.js';
import { zh } from './zh.js';

export type { Catalogue, MessageKey } from './en.js';

/** The message catalogues, one per language, with identical key sets. */
export const CATALOGUES: Readonly<Record<Language, Catalogue>> = Object.freeze({ zh, en, ru });

/** A value a message argument takes: numbers are formatted by locale, dates by the named formats. */
export type MessageValue = string | number | Date;

/** The named date formats the catalogues use, bound to the zone instants are shown in. */
const formatsFor = (timeZone: string) => ({
  date: {
    day: { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' },
    instant: {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone,
      timeZoneName: 'short',
    },
  } satisfies Record<string, Intl.DateTimeFormatOptions>,
});

const compiled = new Map<string, IntlMessageFormat>();

/** Compiling a message costs far more than formatting it, so each (language, zone, key) is compiled once. */
const compiledMessage = (lang: Language, timeZone: string, key: MessageKey): IntlMessageFormat => {
  const cacheKey = `${lang}\u0000${timeZone}\u0000${key}`;
  let message = compiled.get(cacheKey);
  if (message === undefined) {
    message = new IntlMessageFormat(CATALOGUES[lang][key], LOCALE_OF[lang], formatsFor(timeZone));
    compiled.set(cacheKey, message);
  }
  return message;
};

/** Formats one catalogue message; instants are shown in `timeZone`, calendar days as they are. */
export const formatMessage = (
  lang: Language,
  key: MessageKey,
  values: Readonly<Record<string, MessageValue>> = {},
  timeZone = 'UTC',
): string => {
  const text = compiledMessage(lang, timeZone, key).format(values);
  return typeof text === 'string' ? text : String(text);
};

/** The keys of the English catalogue, which every other catalogue must match. */
export const messageKeys = (): MessageKey[] => Object.keys(en) as MessageKey[];
