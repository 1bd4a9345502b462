import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language, type User } from '../api/types.js';

/** BCP 47 tags for Intl and `<html lang>`: Simplified Chinese is what the agencies read. */
export const LOCALE_TAGS: Readonly<Record<Language, string>> = { zh: 'zh-CN', en: 'en-GB', ru: 'ru-RU' };

/** Each language named in itself, so a reader finds their own whatever is on screen. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  zh: '中文',
  en: 'English',
  ru: 'Русский',
};

const DEVICE_KEY = 'borderlink.language';
const userKey = (userId: string) => `borderlink.language.${userId}`;

function isLanguage(value: string | null | undefined): value is Language {
  return (LANGUAGES as readonly string[]).includes(value ?? '');
}

function stored(key: string): Language | null {
  try {
    const value = localStorage.getItem(key);
    return isLanguage(value) ? value : null;
  } catch {
    // Storage can be blocked by browser policy; the choice then lasts for the page only.
    return null;
  }
}

function store(key: string, language: Language): void {
  try {
    localStorage.setItem(key, language);
  } catch {
    // See stored(): nothing to persist into.
  }
}

/** The language before anyone signs in: the last one chosen on this device, else the browser's. */
function deviceLanguage(): Language {
  const chosen = stored(DEVICE_KEY);
  if (chosen) return chosen;
  const browser = navigator.languages.map((tag) => tag.slice(0, 2).toLowerCase()).find(isLanguage);
  return browser ?? 'en';
}

/** The current UI language. */
export function currentLanguage(): Language {
  return isLanguage(i18next.resolvedLanguage) ? i18next.resolvedLanguage : 'en';
}

/** Switches the UI language and remembers the choice for this device and, when signed in, this user. */
export async function chooseLanguage(language: Language, user: User | null): Promise<void> {
  store(DEVICE_KEY, language);
  if (user) store(userKey(user.id), language);
  await i18next.changeLanguage(language);
}

/** After sign-in: the user's own choice on this device if they made one, else their profile language. */
export async function applyUserLanguage(user: User): Promise<void> {
  await i18next.changeLanguage(stored(userKey(user.id)) ?? user.language);
}

type Catalogue = Record<string, unknown>;

// One file per language and screen area (locales/<language>/<area>.json), so work on one area never touches
// another's file; the area is the first segment of every key.
const catalogueFiles = import.meta.glob<Catalogue>('../locales/*/*.json', { eager: true, import: 'default' });

function cataloguesByLanguage(): Record<Language, Catalogue> {
  const catalogues: Record<Language, Catalogue> = { en: {}, zh: {}, ru: {} };
  for (const [path, content] of Object.entries(catalogueFiles)) {
    const [, language, area] = /\/locales\/([a-z]+)\/([a-z-]+)\.json$/.exec(path) ?? [];
    if (isLanguage(language) && area) catalogues[language][area] = content;
  }
  return catalogues;
}

/** Loads the three catalogues (they are small, so they ship in the initial bundle) and starts i18next. */
export async function initI18n(): Promise<void> {
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = isLanguage(language) ? LOCALE_TAGS[language] : language;
  });
  const { en, zh, ru } = cataloguesByLanguage();
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, zh: { translation: zh }, ru: { translation: ru } },
    lng: deviceLanguage(),
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}
