import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createUser,
  listUnits,
  listUsers,
  type ManagedUser,
  resetPassword,
  resetTotp,
  type Unit,
  unlockUser,
  updateUser,
} from '../../api/admin.js';
import type { Language } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { useUser } from '../../auth/session.js';
import { useFormatters } from '../../i18n/format.js';
import { currentLanguage, LANGUAGE_NAMES } from '../../i18n/i18n.js';
import { DataTable } from '../../ui/data-table.js';
import { InputField } from '../../ui/fields.js';
import { ResourceView } from '../../ui/resource-view.js';
import {
  formText,
  type Submission,
  SubmissionOutcome,
  SubmitWithOutcome,
  useSubmission,
} from '../../ui/submission.js';
import { TokensPanel } from './tokens-panel.js';
import {
  LanguageSelect,
  PersonalDataChoice,
  personalDataOf,
  RoleChoices,
  rolesOf,
  UnitSelect,
  unitLabel,
  unitOf,
} from './user-fields.js';

function NewUserForm({ units, onSaved }: { readonly units: readonly Unit[]; readonly onSaved: () => void }) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const text = formText(form);
    const unitId = unitOf(form);
    void submission.runAndReset(
      form,
      () =>
        createUser({
          username: text('username'),
          displayName: text('displayName'),
          password: String(new FormData(form).get('password') ?? ''),
          language: text('language') as Language,
          roles: rolesOf(form),
          personalData: personalDataOf(form),
          ...(unitId && { unitId }),
        }),
      (user) => t('admin.users.created', { username: user.username }),
      onSaved,
    );
  };
  const error = submission.error;
  return (
    <form onSubmit={submit} className="form-grid" aria-labelledby="new-user-title">
      <h2 id="new-user-title">{t('admin.users.add')}</h2>
      <InputField
        label={t('admin.users.username')}
        hint={t('admin.users.usernameHint')}
        error={error('username')}
        name="username"
        required
        autoComplete="off"
        pattern="[a-z][a-z0-9._\-]{1,63}"
      />
      <InputField
        label={t('admin.users.displayName')}
        error={error('displayName')}
        name="displayName"
        required
        maxLength={200}
      />
      <UnitSelect units={units} value={null} error={error('unitId')} />
      <LanguageSelect value={currentLanguage()} />
      <InputField
        label={t('admin.users.initialPassword')}
        hint={t('admin.users.passwordHint')}
        error={error('password')}
        name="password"
        type="password"
        autoComplete="new-password"
        minLength={10}
        required
      />
      <RoleChoices selected={[]} error={error('roles')} />
      <fieldset>
        <legend>{t('admin.users.clearance')}</legend>
        <PersonalDataChoice checked={false} />
      </fieldset>
      <SubmitWithOutcome label={t('admin.users.create')} submission={submission} />
    </form>
  );
}

function PasswordForm({ user, submission }: { readonly user: ManagedUser; readonly submission: Submission }) {
  const { t } = useTranslation();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const password = String(new FormData(form).get('newPassword') ?? '');
    void submission.runAndReset(
      form,
      () => resetPassword(user.id, password),
      () => t('admin.users.passwordSet', { username: user.username }),
    );
  };
  return (
    <form onSubmit={submit} className="form-grid" aria-labelledby="password-title">
      <h3 id="password-title">{t('admin.users.resetTitle', { username: user.username })}</h3>
      <InputField
        label={t('admin.users.newPassword')}
        hint={t('admin.users.resetHint')}
        error={submission.error('password')}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        minLength={10}
        required
      />
      <div className="actions">
        <button type="submit">{t('admin.users.resetPassword')}</button>
      </div>
    </form>
  );
}

function UserEditor({
  user,
  units,
  onSaved,
  onClose,
}: {
  readonly user: ManagedUser;
  readonly units: readonly Unit[];
  readonly onSaved: () => void;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  const me = useUser();
  const submission = useSubmission();
  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const text = formText(form);
    void submission
      .run(
        () =>
          updateUser(user.id, {
            displayName: text('displayName'),
            unitId: unitOf(form),
            language: text('language') as Language,
            roles: rolesOf(form),
            personalData: personalDataOf(form),
          }),
        (saved) => t('admin.users.updated', { username: saved.username }),
      )
      .then((saved) => saved && onSaved());
  };
  const unlock = () =>
    void submission
      .run(
        () => unlockUser(user.id),
        (saved) => t('admin.users.unlocked', { username: saved.username }),
      )
      .then((saved) => saved && onSaved());
  const removeSecondFactor = () => {
    if (!window.confirm(t('admin.users.confirmTotpReset', { username: user.username }))) return;
    void submission
      .run(
        () => resetTotp(user.id),
        (saved) => t('admin.users.totpResetDone', { username: saved.username }),
      )
      .then((saved) => saved && onSaved());
  };
  const toggleDisabled = () =>
    void submission
      .run(
        () => updateUser(user.id, { disabled: !user.disabled }),
        (saved) =>
          t(saved.disabled ? 'admin.users.disabledDone' : 'admin.users.enabledDone', {
            username: saved.username,
          }),
      )
      .then((saved) => saved && onSaved());
  return (
    <section className="panel" aria-labelledby="user-editor-title">
      {/* Keyed by user so switching rows resets the uncontrolled fields to the new user's values. */}
      <form key={user.id} onSubmit={save} className="form-grid" aria-labelledby="user-editor-title">
        <h2 id="user-editor-title">{t('admin.users.editTitle', { username: user.username })}</h2>
        <InputField
          label={t('admin.users.displayName')}
          error={submission.error('displayName')}
          name="displayName"
          defaultValue={user.displayName}
          required
          maxLength={200}
        />
        <UnitSelect units={units} value={user.unitId} error={submission.error('unitId')} />
        <LanguageSelect value={user.language} />
        <RoleChoices selected={user.roles} error={submission.error('roles')} />
        <fieldset>
          <legend>{t('admin.users.clearance')}</legend>
          <PersonalDataChoice checked={user.personalData} />
        </fieldset>
        <div className="actions">
          <button type="submit" className="primary">
            {t('common.save')}
          </button>
          {user.id !== me.id && (
            <button type="button" onClick={toggleDisabled}>
              {user.disabled ? t('admin.users.enable') : t('admin.users.disable')}
            </button>
          )}
          {user.lockedUntil && (
            <button type="button" onClick={unlock}>
              {t('admin.users.unlock')}
            </button>
          )}
          {user.totpEnabled && (
            <button type="button" onClick={removeSecondFactor}>
              {t('admin.users.totpReset')}
            </button>
          )}
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
      <PasswordForm key={`password-${user.id}`} user={user} submission={submission} />
      <SubmissionOutcome submission={submission} />
      <TokensPanel key={`tokens-${user.id}`} user={user} />
    </section>
  );
}

/** Users of this node: who they are, what they may do, and the accounts' state. */
export function UsersPanel() {
  const { t } = useTranslation();
  const format = useFormatters();
  const language = currentLanguage();
  const [generation, setGeneration] = useState(0);
  const [editing, setEditing] = useState<string | null>(null);
  const reload = () => setGeneration((value) => value + 1);
  const data = useResource(`admin-users:${generation}`, () => Promise.all([listUsers(), listUnits()]));
  return (
    <ResourceView resource={data}>
      {([users, units]) => {
        const selected = users.find((user) => user.id === editing);
        return (
          <>
            <DataTable
              caption={t('admin.users.caption', { total: users.length })}
              rows={users}
              rowKey={(user) => user.id}
              empty={t('admin.users.empty')}
              rowClassName={(user) => (user.disabled ? 'muted' : undefined)}
              columns={[
                {
                  key: 'username',
                  header: t('admin.users.username'),
                  rowHeader: true,
                  cell: (u) => u.username,
                },
                { key: 'name', header: t('admin.users.displayName'), cell: (u) => u.displayName },
                {
                  key: 'roles',
                  header: t('admin.users.roles'),
                  cell: (u) => u.roles.map((role) => t(`roles.${role}`)).join(', '),
                },
                {
                  key: 'personalData',
                  header: t('admin.users.personalDataShort'),
                  cell: (u) => (u.personalData ? t('admin.yes') : t('admin.no')),
                },
                {
                  key: 'unit',
                  header: t('admin.users.unit'),
                  cell: (u) => unitLabel(units, u.unitId, language),
                },
                {
                  key: 'language',
                  header: t('admin.users.language'),
                  cell: (u) => LANGUAGE_NAMES[u.language],
                },
                {
                  key: 'state',
                  header: t('admin.users.state'),
                  cell: (u) =>
                    [
                      u.disabled ? t('admin.users.disabled') : t('admin.users.active'),
                      u.lockedUntil
                        ? t('admin.users.lockedUntil', { time: format.dateTime(u.lockedUntil) })
                        : null,
                      u.totpEnabled ? t('admin.users.totp') : null,
                    ]
                      .filter(Boolean)
                      .join(' · '),
                },
                {
                  key: 'created',
                  header: t('admin.users.createdAt'),
                  cell: (u) => format.date(new Date(u.createdAt)),
                },
                {
                  key: 'edit',
                  header: t('admin.actions'),
                  cell: (u) => (
                    <button
                      type="button"
                      aria-label={t('admin.users.editUser', { username: u.username })}
                      aria-expanded={u.id === editing}
                      onClick={() => setEditing(u.id === editing ? null : u.id)}
                    >
                      {t('common.edit')}
                    </button>
                  ),
                },
              ]}
            />
            {selected && (
              <UserEditor user={selected} units={units} onSaved={reload} onClose={() => setEditing(null)} />
            )}
            <p className="muted small">{t('admin.users.limits')}</p>
            <NewUserForm units={units} onSaved={reload} />
          </>
        );
      }}
    </ResourceView>
  );
}
