import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changeOwnPassword } from '../../api/account.js';
import { InputField } from '../../ui/fields.js';
import { SubmissionOutcome, useSubmission } from '../../ui/submission.js';

// The node's rule (src/core/auth/passwords.ts), shown as a hint; the node checks it and words the refusal.
const PASSWORD_MIN_LENGTH = 10;

/** Change one's own password: the current one, the new one twice. */
export function PasswordForm() {
  const { t } = useTranslation();
  const submission = useSubmission();
  const [mismatch, setMismatch] = useState(false);
  const change = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    // Passwords are taken as typed: a leading or trailing space is part of the secret.
    const current = String(data.get('currentPassword') ?? '');
    const next = String(data.get('newPassword') ?? '');
    const repeated = String(data.get('repeatPassword') ?? '');
    setMismatch(next !== repeated);
    if (next !== repeated) return;
    void submission.runAndReset(
      form,
      () => changeOwnPassword(current, next),
      () => t('account.password.changed'),
    );
  };
  return (
    <section className="panel" aria-labelledby="account-password-title">
      <h2 id="account-password-title">{t('account.password.title')}</h2>
      <form onSubmit={change}>
        <InputField
          label={t('account.password.current')}
          error={submission.error('currentPassword')}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
        />
        <InputField
          label={t('account.password.new')}
          hint={t('account.password.rule', { count: PASSWORD_MIN_LENGTH })}
          error={submission.error('newPassword')}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
        />
        <InputField
          label={t('account.password.repeat')}
          error={mismatch ? t('account.password.mismatch') : undefined}
          name="repeatPassword"
          type="password"
          autoComplete="new-password"
          required
        />
        <SubmissionOutcome submission={submission} />
        <button type="submit">{t('account.password.submit')}</button>
      </form>
    </section>
  );
}
