import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../api/types.js';
import { useUser } from '../../auth/session.js';
import { chooseLanguage, currentLanguage, LANGUAGE_NAMES } from '../../i18n/i18n.js';
import { Layout } from '../../shell/layout.js';
import { SelectField } from '../../ui/fields.js';
import { Done } from '../../ui/form.js';
import { PasswordForm } from './password-form.js';
import { TotpSection } from './totp-section.js';

function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

// The node lets only administrators edit a user's profile language, so an officer's own choice is kept for
// their account in this browser, the same store the header's language buttons use.
function LanguageSection() {
  const { t } = useTranslation();
  const user = useUser();
  const [saved, setSaved] = useState<string | null>(null);
  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const chosen = String(new FormData(event.currentTarget).get('language') ?? '');
    if (!isLanguage(chosen)) return;
    chooseLanguage(chosen, user).then(
      () => setSaved(t('account.language.saved', { language: LANGUAGE_NAMES[chosen] })),
      (error: unknown) => console.error('Language change failed', error),
    );
  };
  return (
    <section className="panel" aria-labelledby="account-language-title">
      <h2 id="account-language-title">{t('account.language.title')}</h2>
      <form key={currentLanguage()} onSubmit={save}>
        <SelectField
          label={t('account.language.label')}
          hint={t('account.language.hint', { language: LANGUAGE_NAMES[user.language] })}
          name="language"
          defaultValue={currentLanguage()}
          choices={LANGUAGES.map((language) => ({ value: language, label: LANGUAGE_NAMES[language] }))}
        />
        <Done message={saved} />
        <button type="submit">{t('account.language.submit')}</button>
      </form>
    </section>
  );
}

/** My account: the signed-in officer's own password, second factor and language. */
export default function AccountPage() {
  const { t } = useTranslation();
  const user = useUser();
  return (
    <Layout title={t('nav.account')}>
      <p className="muted">{t('account.who', { username: user.username, name: user.displayName })}</p>
      <div className="account-sections">
        <PasswordForm />
        <TotpSection enabledAtSignIn={user.totpEnabled} />
        <LanguageSection />
      </div>
    </Layout>
  );
}
