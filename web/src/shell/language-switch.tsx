import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language, type User } from '../api/types.js';
import { chooseLanguage, currentLanguage, LANGUAGE_NAMES } from '../i18n/i18n.js';

/** Buttons for zh / en / ru, each labelled in its own language; the choice is remembered. */
export function LanguageSwitch({ user }: { readonly user: User | null }) {
  const { t } = useTranslation();
  const labelId = useId();
  const active = currentLanguage();
  const choose = (language: Language) => {
    chooseLanguage(language, user).catch((error: unknown) => console.error('Language switch failed', error));
  };
  return (
    <fieldset className="language-switch" aria-labelledby={labelId}>
      <legend id={labelId} className="visually-hidden">
        {t('language.label')}
      </legend>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={language === active}
          onClick={() => choose(language)}
        >
          {LANGUAGE_NAMES[language]}
        </button>
      ))}
    </fieldset>
  );
}
