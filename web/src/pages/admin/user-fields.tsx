import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../api/admin.js';
import { LANGUAGES, type Language, localName, ROLES, type Role } from '../../api/types.js';
import { currentLanguage, LANGUAGE_NAMES } from '../../i18n/i18n.js';
import { SelectField } from '../../ui/fields.js';

/** The role checkboxes of a user form; the checked ones are read back with `rolesOf`. */
export function RoleChoices({
  selected,
  error,
}: {
  readonly selected: readonly Role[];
  readonly error?: string | undefined;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    // The inbox's recipient row style: the six roles fit on one line at 1366 px.
    <fieldset className="recipients-choice" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{t('admin.users.roles')}</legend>
      {ROLES.map((role) => (
        <div className="checkbox" key={role}>
          <input
            id={`${id}-${role}`}
            type="checkbox"
            name="roles"
            value={role}
            defaultChecked={selected.includes(role)}
          />
          <label htmlFor={`${id}-${role}`}>{t(`roles.${role}`)}</label>
        </div>
      ))}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** The personal-data grant: a separate clearance on top of the roles, so it gets its own explained checkbox. */
export function PersonalDataChoice({ checked }: { readonly checked: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="checkbox">
      <input
        id={id}
        type="checkbox"
        name="personalData"
        defaultChecked={checked}
        aria-describedby={`${id}-hint`}
      />
      <label htmlFor={id}>{t('admin.users.personalData')}</label>
      <span id={`${id}-hint`} className="muted small">
        {t('admin.users.personalDataHint')}
      </span>
    </div>
  );
}

/** The unit select; the empty choice means the agency as a whole. */
export function UnitSelect({
  units,
  value,
  error,
}: {
  readonly units: readonly Unit[];
  readonly value: string | null;
  readonly error?: string | undefined;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <SelectField
      label={t('admin.users.unit')}
      name="unitId"
      error={error}
      defaultValue={value ?? ''}
      choices={[
        { value: '', label: t('admin.users.noUnit') },
        ...units.map((unit) => ({
          value: unit.id,
          label: `${localName(unit.names, language, unit.code)} (${unit.code})`,
        })),
      ]}
    />
  );
}

/** The language select, each language named in itself as on the language switch. */
export function LanguageSelect({ value }: { readonly value: Language }) {
  const { t } = useTranslation();
  return (
    <SelectField
      label={t('admin.users.language')}
      name="language"
      defaultValue={value}
      choices={LANGUAGES.map((language) => ({ value: language, label: LANGUAGE_NAMES[language] }))}
    />
  );
}

/** The roles checked in a submitted user form. */
export function rolesOf(form: HTMLFormElement): Role[] {
  const checked = new FormData(form).getAll('roles').map(String);
  return ROLES.filter((role) => checked.includes(role));
}

/** Whether the personal-data box of a submitted user form is checked. */
export function personalDataOf(form: HTMLFormElement): boolean {
  return new FormData(form).get('personalData') !== null;
}

/** The unit a submitted user form names, or null for the agency as a whole. */
export function unitOf(form: HTMLFormElement): string | null {
  const value = String(new FormData(form).get('unitId') ?? '');
  return value === '' ? null : value;
}

/** A unit's name for a table cell, or a dash for a user of the agency as a whole. */
export function unitLabel(units: readonly Unit[], unitId: string | null, language: Language): string {
  if (!unitId) return '—';
  const unit = units.find((candidate) => candidate.id === unitId);
  return unit ? localName(unit.names, language, unit.code) : unitId;
}
