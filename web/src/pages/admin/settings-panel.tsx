import type { TFunction } from 'i18next';
import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type AgencyChanges,
  agency,
  RISK_THRESHOLDS,
  type RiskThreshold,
  type SituationSettings,
  situationSettings,
  updateAgency,
  updateSituationSettings,
} from '../../api/admin.js';
import { type Agency, LANGUAGES, type Language, type LocalisedNames } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { useUser } from '../../auth/session.js';
import { LANGUAGE_NAMES } from '../../i18n/i18n.js';
import { InputField, SelectField } from '../../ui/fields.js';
import { ResourceView } from '../../ui/resource-view.js';
import { formText, type Submission, SubmitWithOutcome, useSubmission } from '../../ui/submission.js';

const NUMBERS = ['portStaleAfterDays', 'crossingDiscrepancyPercent', 'outlierFactor'] as const;

function settingsFrom(form: HTMLFormElement): SituationSettings {
  const text = formText(form);
  // An empty threshold is sent as null: the node then does not apply it.
  const thresholds = Object.fromEntries(
    RISK_THRESHOLDS.map((key) => [key, text(key) === '' ? null : Number(text(key))]),
  ) as Record<RiskThreshold, number | null>;
  return {
    riskThresholds: thresholds,
    reportingCutoff: text('reportingCutoff'),
    portStaleAfterDays: Number(text('portStaleAfterDays')),
    crossingDiscrepancyPercent: Number(text('crossingDiscrepancyPercent')),
    outlierFactor: Number(text('outlierFactor')),
    sendNotifications: new FormData(form).get('sendNotifications') !== null,
  };
}

/** Only the settings the administrator changed, so the audit entry names just those. */
function changesFrom(current: SituationSettings, wanted: SituationSettings): Partial<SituationSettings> {
  const keys = Object.keys(wanted) as (keyof SituationSettings)[];
  return Object.fromEntries(
    keys
      .filter((key) => JSON.stringify(wanted[key]) !== JSON.stringify(current[key]))
      .map((key) => [key, wanted[key]]),
  );
}

/** The names, language and time zone typed in, compared with the agency so only real changes are sent. */
function agencyChangesFrom(current: Agency, form: HTMLFormElement): AgencyChanges {
  const text = formText(form);
  // The `local` name has no field here and is kept as it is; an emptied name is dropped.
  const names: Record<string, string> = { ...current.names };
  for (const language of LANGUAGES) {
    const name = text(`name-${language}`);
    if (name === '') delete names[language];
    else names[language] = name;
  }
  const language = text('language') as Language;
  const timeZone = text('timeZone');
  return {
    ...(JSON.stringify(names) !== JSON.stringify(current.names) && { names: names as LocalisedNames }),
    ...(language !== current.language && { language }),
    ...(timeZone !== current.timeZone && { timeZone }),
  };
}

/**
 * Sends the changes made in a section and reloads it. The node refuses an empty change and there is nothing to
 * record, so an unchanged form is only confirmed. `section` names the texts: `<section>.saved`, `<section>.unchanged`.
 */
function saveChanges(
  submission: Submission,
  t: TFunction,
  section: 'admin.agency' | 'admin.settings',
  changes: object,
  send: () => Promise<unknown>,
  reload: () => void,
): void {
  if (Object.keys(changes).length === 0) {
    void submission.run(
      () => Promise.resolve(),
      () => t(`${section}.unchanged`),
    );
    return;
  }
  void submission.run(send, () => t(`${section}.saved`)).then((saved) => saved && reload());
}

/** The zones the browser knows, offered while typing; the node checks the value against its own list. */
const knownTimeZones = (): readonly string[] => ['UTC', ...Intl.supportedValuesOf('timeZone')];

/** The own agency as counterparts see it: its names, the language of its messages, its time zone. */
function AgencySection() {
  const { t } = useTranslation();
  const { agencyCode } = useUser();
  const zonesId = useId();
  const [generation, setGeneration] = useState(0);
  const submission = useSubmission();
  const reload = () => setGeneration((value) => value + 1);
  const own = useResource(`admin-agency:${agencyCode}:${generation}`, () => agency(agencyCode));
  const save = (current: Agency, event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const changes = agencyChangesFrom(current, event.currentTarget);
    saveChanges(submission, t, 'admin.agency', changes, () => updateAgency(current.code, changes), reload);
  };
  return (
    <ResourceView resource={own}>
      {(current) => (
        <form onSubmit={(event) => save(current, event)} className="form-grid" aria-labelledby="agency-title">
          <h2 id="agency-title">{t('admin.agency.title', { code: current.code })}</h2>
          <fieldset>
            <legend>{t('admin.agency.names')}</legend>
            <div className="inline-fields">
              {LANGUAGES.map((language) => (
                <InputField
                  key={language}
                  label={LANGUAGE_NAMES[language]}
                  lang={language}
                  name={`name-${language}`}
                  maxLength={200}
                  defaultValue={current.names[language] ?? ''}
                />
              ))}
            </div>
          </fieldset>
          <SelectField
            label={t('admin.agency.language')}
            error={submission.error('language')}
            name="language"
            defaultValue={current.language}
            choices={LANGUAGES.map((language) => ({ value: language, label: LANGUAGE_NAMES[language] }))}
          />
          <InputField
            label={t('admin.agency.timeZone')}
            hint={t('admin.agency.timeZoneHint')}
            error={submission.error('timeZone')}
            name="timeZone"
            required
            maxLength={64}
            list={zonesId}
            autoComplete="off"
            defaultValue={current.timeZone}
          />
          <datalist id={zonesId}>
            {knownTimeZones().map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
          <SubmitWithOutcome label={t('admin.agency.save')} submission={submission} />
        </form>
      )}
    </ResourceView>
  );
}

/** The own agency, then the node's situation thresholds: when a county turns medium or high risk, when reports count late. */
export function SettingsPanel() {
  return (
    <>
      <AgencySection />
      <SituationSection />
    </>
  );
}

/** The node's situation thresholds: when a county turns medium or high risk, when reports count late. */
function SituationSection() {
  const { t } = useTranslation();
  const sendId = useId();
  const [generation, setGeneration] = useState(0);
  const submission = useSubmission();
  const reload = () => setGeneration((value) => value + 1);
  const settings = useResource(`admin-settings:${generation}`, situationSettings);
  const save = (current: SituationSettings, event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const changes = changesFrom(current, settingsFrom(event.currentTarget));
    saveChanges(submission, t, 'admin.settings', changes, () => updateSituationSettings(changes), reload);
  };
  return (
    <ResourceView resource={settings}>
      {(current) => (
        <form
          onSubmit={(event) => save(current, event)}
          className="form-grid"
          aria-labelledby="settings-title"
        >
          <h2 id="settings-title">{t('admin.settings.title')}</h2>
          <fieldset>
            <legend>{t('admin.settings.riskThresholds')}</legend>
            <p className="muted small">{t('admin.settings.thresholdHint')}</p>
            <div className="inline-fields">
              {RISK_THRESHOLDS.map((key) => (
                <InputField
                  key={key}
                  label={t(`admin.settings.${key}`)}
                  error={submission.error(key)}
                  name={key}
                  type="number"
                  min={0}
                  step="any"
                  defaultValue={current.riskThresholds[key] ?? ''}
                />
              ))}
            </div>
          </fieldset>
          <InputField
            label={t('admin.settings.reportingCutoff')}
            hint={t('admin.settings.reportingCutoffHint')}
            error={submission.error('reportingCutoff')}
            name="reportingCutoff"
            type="time"
            required
            defaultValue={current.reportingCutoff}
          />
          {NUMBERS.map((key) => (
            <InputField
              key={key}
              label={t(`admin.settings.${key}`)}
              error={submission.error(key)}
              name={key}
              type="number"
              min={key === 'outlierFactor' ? 1 : 0}
              step={key === 'portStaleAfterDays' ? 1 : 'any'}
              required
              defaultValue={current[key]}
            />
          ))}
          <div className="checkbox">
            <input
              id={sendId}
              type="checkbox"
              name="sendNotifications"
              defaultChecked={current.sendNotifications}
            />
            <label htmlFor={sendId}>{t('admin.settings.sendNotifications')}</label>
          </div>
          <SubmitWithOutcome label={t('common.save')} submission={submission} />
        </form>
      )}
    </ResourceView>
  );
}
