import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../api/client.js';
import { LanguageSwitch } from '../shell/language-switch.js';
import { useSession } from './session.js';

interface FieldProps {
  readonly label: string;
  readonly error: string | undefined;
  readonly children: (ids: { id: string; errorId: string | undefined }) => ReactNode;
}

/** A labelled form field with its error message tied to the input for screen readers. */
function Field({ label, error, children }: FieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, errorId: error ? errorId : undefined })}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** The failure to show: the node's problem detail, or the plain error message for network failures. */
function failureOf(error: unknown): ApiProblem | Error {
  return error instanceof Error ? error : new Error(String(error));
}

function ErrorSummary({ failure }: { readonly failure: ApiProblem | Error | null }) {
  if (!failure) return null;
  return (
    <p className="form-error" role="alert">
      {failure.message}
    </p>
  );
}

function PasswordStep() {
  const { t } = useTranslation();
  const { login } = useSession();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiProblem | Error | null>(null);
  const fieldError = (field: string) =>
    failure instanceof ApiProblem ? failure.fieldError(field) : undefined;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setFailure(null);
    login(String(form.get('username') ?? ''), String(form.get('password') ?? '')).catch((error: unknown) => {
      setFailure(failureOf(error));
      setBusy(false);
    });
  };

  return (
    <form onSubmit={submit}>
      <ErrorSummary failure={failure} />
      <Field label={t('login.username')} error={fieldError('username')}>
        {({ id, errorId }) => (
          <input
            id={id}
            name="username"
            autoComplete="username"
            required
            aria-invalid={errorId ? true : undefined}
            aria-describedby={errorId}
          />
        )}
      </Field>
      <Field label={t('login.password')} error={fieldError('password')}>
        {({ id, errorId }) => (
          <input
            id={id}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={errorId ? true : undefined}
            aria-describedby={errorId}
          />
        )}
      </Field>
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('login.submitting') : t('login.submit')}
      </button>
    </form>
  );
}

function TotpStep() {
  const { t } = useTranslation();
  const { verifyTotp, restart } = useSession();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiProblem | Error | null>(null);
  const hintId = useId();
  const codeInput = useRef<HTMLInputElement>(null);
  // The step replaces the password form, so put keyboard users straight into the code field.
  useEffect(() => codeInput.current?.focus(), []);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get('code') ?? '').replace(/\s+/g, '');
    setBusy(true);
    setFailure(null);
    verifyTotp(code).catch((error: unknown) => {
      setFailure(failureOf(error));
      setBusy(false);
    });
  };
  const codeError = failure instanceof ApiProblem ? failure.fieldError('code') : undefined;

  return (
    <form onSubmit={submit}>
      <h2>{t('login.totpTitle')}</h2>
      <p id={hintId}>{t('login.totpHint')}</p>
      <ErrorSummary failure={failure} />
      <Field label={t('login.code')} error={codeError}>
        {({ id, errorId }) => (
          <input
            ref={codeInput}
            id={id}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9 ]{6,8}"
            required
            aria-invalid={errorId ? true : undefined}
            aria-describedby={[hintId, errorId].filter(Boolean).join(' ')}
          />
        )}
      </Field>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('login.verify')}
        </button>
        <button type="button" onClick={restart}>
          {t('login.back')}
        </button>
      </div>
    </form>
  );
}

/** The sign-in page: password first, then the TOTP code when the account has one. */
export function LoginPage() {
  const { t } = useTranslation();
  const { state } = useSession();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  return (
    <div className="login-layout">
      <header className="login-header">
        <span className="brand">{t('app.name')}</span>
        <LanguageSwitch user={null} />
      </header>
      <main id="main" className="login-card">
        <h1 ref={heading} tabIndex={-1}>
          {t('login.title')}
        </h1>
        <p className="muted">{t('login.intro')}</p>
        {state.status === 'anonymous' && state.sessionLost && (
          <p className="notice" role="status">
            {t('login.sessionLost')}
          </p>
        )}
        {state.status === 'totp' ? <TotpStep /> : <PasswordStep />}
      </main>
    </div>
  );
}
