import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiToken, createToken, listTokens, type ManagedUser, revokeToken } from '../../api/admin.js';
import { ROLES } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { useFormatters } from '../../i18n/format.js';
import { DataTable } from '../../ui/data-table.js';
import { InputField } from '../../ui/fields.js';
import { ResourceView } from '../../ui/resource-view.js';
import { formText, SubmissionOutcome, useSubmission } from '../../ui/submission.js';

function tokenState(token: ApiToken, now: number): 'revoked' | 'expired' | 'valid' {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && Date.parse(token.expiresAt) <= now) return 'expired';
  return 'valid';
}

/** The API tokens of one user: machine clients (document readers, scripts) acting with some of the user's roles. */
export function TokensPanel({ user }: { readonly user: ManagedUser }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const scopeId = useId();
  const [generation, setGeneration] = useState(0);
  const [secret, setSecret] = useState<string | null>(null);
  const submission = useSubmission();
  const reload = () => setGeneration((value) => value + 1);
  const tokens = useResource(`admin-tokens:${user.id}:${generation}`, () => listTokens(user.id));
  const create = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const text = formText(form);
    const scopes = ROLES.filter((role) => new FormData(form).getAll('scopes').includes(role));
    const days = text('expiresInDays');
    setSecret(null);
    void submission.runAndReset(
      form,
      () =>
        createToken({
          username: user.username,
          name: text('tokenName'),
          ...(scopes.length > 0 && { scopes }),
          ...(days && { expiresInDays: Number(days) }),
        }),
      (created) => {
        setSecret(created.token);
        return t('admin.tokens.created', { name: created.view.name });
      },
      reload,
    );
  };
  const revoke = (token: ApiToken) => {
    if (!window.confirm(t('admin.tokens.confirmRevoke', { name: token.name }))) return;
    void submission
      .run(
        () => revokeToken(token.id),
        () => t('admin.tokens.revoked', { name: token.name }),
      )
      .then((done) => done && reload());
  };
  // Administrators pass every role check, so their tokens may carry any role.
  const choices = user.roles.includes('admin') ? ROLES : user.roles;
  const now = Date.now();
  const when = (instant: string | null) => (instant ? format.date(new Date(instant)) : '—');
  return (
    <section className="panel" aria-labelledby="tokens-title">
      <h3 id="tokens-title">{t('admin.tokens.title', { username: user.username })}</h3>
      <ResourceView resource={tokens}>
        {(items) => (
          <DataTable
            rows={items}
            rowKey={(token) => token.id}
            empty={t('admin.tokens.empty')}
            columns={[
              { key: 'name', header: t('admin.tokens.name'), rowHeader: true, cell: (k) => k.name },
              {
                key: 'scopes',
                header: t('admin.tokens.scopes'),
                cell: (k) => k.scopes.map((role) => t(`roles.${role}`)).join(', '),
              },
              { key: 'expires', header: t('admin.tokens.expiresAt'), cell: (k) => when(k.expiresAt) },
              { key: 'used', header: t('admin.tokens.lastUsedAt'), cell: (k) => when(k.lastUsedAt) },
              {
                key: 'state',
                header: t('admin.tokens.state'),
                cell: (k) => t(`admin.tokens.states.${tokenState(k, now)}`),
              },
              {
                key: 'revoke',
                header: t('admin.actions'),
                cell: (k) =>
                  !k.revokedAt && (
                    <button
                      type="button"
                      aria-label={t('admin.tokens.revokeToken', { name: k.name })}
                      onClick={() => revoke(k)}
                    >
                      {t('admin.tokens.revoke')}
                    </button>
                  ),
              },
            ]}
          />
        )}
      </ResourceView>
      <form onSubmit={create} className="form-grid" aria-labelledby="new-token-title">
        <h4 id="new-token-title">{t('admin.tokens.add')}</h4>
        <InputField
          label={t('admin.tokens.name')}
          error={submission.error('name')}
          name="tokenName"
          required
          maxLength={100}
        />
        <InputField
          label={t('admin.tokens.expiresInDays')}
          hint={t('admin.tokens.expiresHint')}
          error={submission.error('expiresInDays')}
          name="expiresInDays"
          type="number"
          min={1}
          max={3650}
        />
        <fieldset className="recipients-choice" aria-describedby={`${scopeId}-hint`}>
          <legend>{t('admin.tokens.scopes')}</legend>
          {choices.map((role) => (
            <div className="checkbox" key={role}>
              <input id={`${scopeId}-${role}`} type="checkbox" name="scopes" value={role} />
              <label htmlFor={`${scopeId}-${role}`}>{t(`roles.${role}`)}</label>
            </div>
          ))}
          <p id={`${scopeId}-hint`} className="muted small">
            {t('admin.tokens.scopesHint')}
          </p>
        </fieldset>
        <div className="actions">
          <button type="submit">{t('admin.tokens.create')}</button>
        </div>
        <SubmissionOutcome submission={submission} />
        {secret && (
          <div className="notice">
            <p>{t('admin.tokens.secretOnce')}</p>
            <p className="mono" data-testid="token-secret">
              {secret}
            </p>
          </div>
        )}
      </form>
    </section>
  );
}
