import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { beginTotpEnrolment, confirmTotpEnrolment, type TotpEnrolment } from '../../api/account.js';
import { InputField } from '../../ui/fields.js';
import { formText, SubmissionOutcome, useSubmission } from '../../ui/submission.js';

/** The secret in groups of four, as authenticator apps' manual-entry screens expect it to be read out. */
export function groupedSecret(secret: string): string {
  return (secret.match(/.{1,4}/g) ?? []).join(' ');
}

function Enrolment({
  enrolment,
  onConfirmed,
}: {
  readonly enrolment: TotpEnrolment;
  readonly onConfirmed: () => void;
}) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const confirm = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = formText(event.currentTarget)('code').replace(/\s/g, '');
    void submission.run(() => confirmTotpEnrolment(code)).then((done) => done && onConfirmed());
  };
  return (
    <div className="totp-enrolment">
      <p>{t('account.totp.addToApp')}</p>
      <dl>
        <dt>{t('account.totp.secret')}</dt>
        <dd>
          <code data-testid="totp-secret">{groupedSecret(enrolment.secret)}</code>
        </dd>
        <dt>{t('account.totp.uri')}</dt>
        <dd>
          <code className="wrap-anywhere" data-testid="totp-uri">
            {enrolment.uri}
          </code>
        </dd>
      </dl>
      <form onSubmit={confirm}>
        <InputField
          label={t('account.totp.code')}
          hint={t('account.totp.codeHint')}
          error={submission.error('code')}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]{6,7}"
          maxLength={7}
          required
        />
        <SubmissionOutcome submission={submission} />
        <button type="submit">{t('account.totp.confirm')}</button>
      </form>
    </div>
  );
}

/** The second factor: its state, setting up (or replacing) the authenticator app, and how to turn it off. */
export function TotpSection({ enabledAtSignIn }: { readonly enabledAtSignIn: boolean }) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const [enabled, setEnabled] = useState(enabledAtSignIn);
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const start = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const password = formText(event.currentTarget)('password');
    if (enabled && !window.confirm(t('account.totp.confirmReplace'))) return;
    setConfirmed(false);
    void submission.run(
      () => beginTotpEnrolment(password),
      (started) => {
        setEnrolment(started);
        setEnabled(false);
        return undefined;
      },
    );
  };
  const onConfirmed = () => {
    setEnrolment(null);
    setEnabled(true);
    setConfirmed(true);
  };
  return (
    <section className="panel" aria-labelledby="account-totp-title">
      <h2 id="account-totp-title">{t('account.totp.title')}</h2>
      <p data-testid="totp-state">{enabled ? t('account.totp.on') : t('account.totp.off')}</p>
      <p className="notice" role="status" hidden={!confirmed}>
        {confirmed ? t('account.totp.enabled') : ''}
      </p>
      {enrolment ? (
        <Enrolment enrolment={enrolment} onConfirmed={onConfirmed} />
      ) : (
        <form onSubmit={start}>
          <InputField
            label={t('account.totp.password')}
            hint={t('account.totp.passwordHint')}
            error={submission.error('password')}
            name="password"
            type="password"
            autoComplete="current-password"
            required
          />
          <SubmissionOutcome submission={submission} />
          <button type="submit">{enabled ? t('account.totp.replace') : t('account.totp.start')}</button>
        </form>
      )}
      <p className="muted small">{t('account.totp.turnOff')}</p>
    </section>
  );
}
