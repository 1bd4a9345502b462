import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { Role, User } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { type FlaggedConveyance, RULES, type RuleName, type RuleSetting } from '../../api/warning.js';
import { useUser } from '../../auth/session.js';
import { useFormatters } from '../../i18n/format.js';
import { Done, FailureAlert, Field, failureOf, fieldErrorOf } from '../../ui/form.js';

// The node's access rules for these routes (warning.routes.ts); administrators pass every role check there too.
const MAY_SWITCH_RULES: readonly Role[] = ['admin'];
const MAY_FLAG: readonly Role[] = ['admin', 'port_officer'];
const may = (user: User, roles: readonly Role[]) => user.roles.some((role) => roles.includes(role));

/** The early-warning rules in force; an administrator switches them on or off, others see their state. */
function RuleSettings() {
  const { t } = useTranslation();
  const user = useUser();
  const editable = may(user, MAY_SWITCH_RULES);
  const [generation, setGeneration] = useState(0);
  const [failure, setFailure] = useState<Error | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const settings = useResource(`warning-rules:${generation}`, () =>
    api<{ rules: RuleSetting[] }>('GET', '/api/v1/warning/rules'),
  );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const rules = RULES.map((rule) => ({ rule, enabled: form.get(rule) === 'on' }));
    setFailure(null);
    setDone(null);
    api<{ rules: RuleSetting[] }>('PUT', '/api/v1/warning/rules', { rules }).then(
      () => {
        setDone(t('warnings.rulesPanel.saved'));
        setGeneration((value) => value + 1);
      },
      (error: unknown) => setFailure(failureOf(error)),
    );
  };
  if (settings.status === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (settings.status === 'failed') return <FailureAlert failure={new Error(settings.detail)} />;
  const enabled = new Map(settings.data.rules.map((setting) => [setting.rule, setting.enabled]));
  const state = (rule: RuleName) =>
    enabled.get(rule) === false ? t('warnings.rulesPanel.off') : t('warnings.rulesPanel.on');
  return (
    <form onSubmit={submit} aria-labelledby="rules-title" className="stack">
      <h3 id="rules-title">{t('warnings.rulesPanel.rulesTitle')}</h3>
      {editable ? (
        <fieldset>
          <legend>{t('warnings.rulesPanel.legend')}</legend>
          {RULES.map((rule) => (
            <div className="checkbox" key={rule}>
              <input
                id={`rule-${rule}`}
                name={rule}
                type="checkbox"
                defaultChecked={enabled.get(rule) !== false}
                aria-describedby={`rule-${rule}-hint`}
              />
              <label htmlFor={`rule-${rule}`}>{t(`warnings.rules.${rule}`)}</label>
              <span id={`rule-${rule}-hint`} className="muted small">
                {t(`warnings.rulesPanel.explain.${rule}`)}
              </span>
            </div>
          ))}
          <button type="submit" className="primary">
            {t('warnings.rulesPanel.save')}
          </button>
        </fieldset>
      ) : (
        <>
          <ul>
            {RULES.map((rule) => (
              <li key={rule}>
                <strong>{t(`warnings.rules.${rule}`)}</strong>: {state(rule)}
                <br />
                <span className="muted small">{t(`warnings.rulesPanel.explain.${rule}`)}</span>
              </li>
            ))}
          </ul>
          <p className="muted small">{t('warnings.rulesPanel.adminOnly')}</p>
        </>
      )}
      <FailureAlert failure={failure} />
      <Done message={done} />
    </form>
  );
}

function FlagForm({ onFlagged }: { readonly onFlagged: () => void }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<Error | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    setFailure(null);
    setDone(null);
    api<FlaggedConveyance>('POST', '/api/v1/warning/flagged-conveyances', {
      conveyance: text('conveyance'),
      reason: text('reason'),
      ...(text('validUntil') && { validUntil: text('validUntil') }),
    }).then(
      (flagged) => {
        element.reset();
        setDone(t('warnings.rulesPanel.flagged', { conveyance: flagged.conveyance }));
        onFlagged();
      },
      (error: unknown) => setFailure(failureOf(error)),
    );
  };
  const error = (field: string) => fieldErrorOf(failure, field);
  return (
    <form onSubmit={submit} className="form-grid" aria-labelledby="flag-form-title">
      <h4 id="flag-form-title">{t('warnings.rulesPanel.flagTitle')}</h4>
      <Field
        label={t('warnings.rulesPanel.conveyance')}
        hint={t('warnings.rulesPanel.conveyanceHint')}
        error={error('conveyance')}
      >
        {({ id, describedBy }) => (
          <input id={id} name="conveyance" required maxLength={60} aria-describedby={describedBy} />
        )}
      </Field>
      <Field label={t('warnings.rulesPanel.flagReason')} error={error('reason')}>
        {({ id }) => <input id={id} name="reason" required maxLength={500} />}
      </Field>
      <Field
        label={t('warnings.rulesPanel.flagUntil')}
        hint={t('warnings.rulesPanel.flagUntilHint')}
        error={error('validUntil')}
      >
        {({ id, describedBy }) => (
          <input id={id} name="validUntil" type="date" aria-describedby={describedBy} />
        )}
      </Field>
      <div className="actions">
        <button type="submit" className="primary">
          {t('warnings.rulesPanel.flag')}
        </button>
      </div>
      <FailureAlert failure={failure} />
      <Done message={done} />
    </form>
  );
}

/** Vehicles, trains and flights the flagged-conveyance rule watches for: list, add, remove. */
function FlaggedConveyances() {
  const { t } = useTranslation();
  const format = useFormatters();
  const editable = may(useUser(), MAY_FLAG);
  const [generation, setGeneration] = useState(0);
  const [failure, setFailure] = useState<Error | null>(null);
  const flagged = useResource(`flagged-conveyances:${generation}`, () =>
    api<{ items: FlaggedConveyance[] }>('GET', '/api/v1/warning/flagged-conveyances'),
  );
  const unflag = (item: FlaggedConveyance) => {
    if (!window.confirm(t('warnings.rulesPanel.confirmUnflag', { conveyance: item.conveyance }))) return;
    setFailure(null);
    api<void>('DELETE', `/api/v1/warning/flagged-conveyances/${item.id}`).then(
      () => setGeneration((value) => value + 1),
      (error: unknown) => setFailure(failureOf(error)),
    );
  };
  return (
    <section aria-labelledby="flagged-title">
      <h3 id="flagged-title">{t('warnings.rulesPanel.flaggedTitle')}</h3>
      <FailureAlert failure={failure} />
      {flagged.status === 'loading' && <p role="status">{t('common.loading')}</p>}
      {flagged.status === 'failed' && <FailureAlert failure={new Error(flagged.detail)} />}
      {flagged.status === 'ready' && flagged.data.items.length === 0 && (
        <p className="empty-state">{t('warnings.rulesPanel.noneFlagged')}</p>
      )}
      {flagged.status === 'ready' && flagged.data.items.length > 0 && (
        <div className="table-scroll">
          <table className="grid">
            <thead>
              <tr>
                <th scope="col">{t('warnings.rulesPanel.conveyance')}</th>
                <th scope="col">{t('warnings.rulesPanel.flagReason')}</th>
                <th scope="col">{t('warnings.rulesPanel.flagUntil')}</th>
                <th scope="col">{t('warnings.rulesPanel.flaggedAt')}</th>
                {editable && <th scope="col">{t('ports.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {flagged.data.items.map((item) => (
                <tr key={item.id}>
                  <th scope="row">{item.conveyance}</th>
                  <td>{item.reason}</td>
                  <td>{item.validUntil ? format.day(item.validUntil) : t('warnings.rulesPanel.noEnd')}</td>
                  <td>{format.dateTime(item.createdAt)}</td>
                  {editable && (
                    <td>
                      <button
                        type="button"
                        onClick={() => unflag(item)}
                        aria-label={t('warnings.rulesPanel.unflagName', { conveyance: item.conveyance })}
                      >
                        {t('warnings.rulesPanel.unflag')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editable && <FlagForm onFlagged={() => setGeneration((value) => value + 1)} />}
    </section>
  );
}

/** Early warning beyond identity: which rules run and which conveyances are flagged. */
export function RulesPanel() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="rules-panel-title">
      <h2 id="rules-panel-title">{t('warnings.rulesPanel.title')}</h2>
      <p className="muted small">{t('warnings.rulesPanel.intro')}</p>
      <RuleSettings />
      <FlaggedConveyances />
    </section>
  );
}
