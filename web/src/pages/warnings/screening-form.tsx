import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { ScreeningOutcome } from '../../api/warning.js';
import { codesOf, useCodeLabel } from '../../i18n/codes.js';
import { useFormatters } from '../../i18n/format.js';
import { FailureAlert, Field, failureOf, fieldErrorOf } from '../../ui/form.js';
import { CrossingPlaceFields } from './crossing-place-fields.js';

const IDENTITY = [
  'surname',
  'givenNames',
  'nativeName',
  'birthDate',
  'nationality',
  'documentNumber',
] as const;
const PLACES = ['fromCounty', 'residenceCounty'] as const;
const HINTS: Readonly<Partial<Record<(typeof IDENTITY)[number], string>>> = {
  birthDate: 'warnings.person.birthDateHint',
  nationality: 'warnings.person.nationalityHint',
};
/** The label of each field the node may refuse, for the list of every reason it gave. */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  ...Object.fromEntries([...IDENTITY, 'sex'].map((name) => [name, `warnings.person.${name}`])),
  ...Object.fromEntries(PLACES.map((name) => [name, `warnings.screen.${name}`])),
  direction: 'warnings.screen.direction',
  portCode: 'warnings.screen.port',
  conveyance: 'warnings.screen.conveyance',
  crossedAt: 'warnings.crossing.crossedAt',
  mrz: 'warnings.screen.mrz',
};
// one traveller's: emptied after each check, while the desk's port, direction and conveyance stay
const TRAVELLER_FIELDS = [...IDENTITY, 'sex', 'mrz', ...PLACES, 'crossedAt'];

/** The desk's check of one traveller: typed identity or the MRZ as read, screened at once. */
export function ScreeningForm({ onScreened }: { readonly onScreened: () => void }) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const format = useFormatters();
  const [failure, setFailure] = useState<Error | null>(null);
  const [outcome, setOutcome] = useState<ScreeningOutcome | null>(null);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const identity = Object.fromEntries(
      IDENTITY.map((name) => [name, text(name)]).filter(([, value]) => value),
    );
    // state codes are capitals (CHN); an officer typing chn means the same state
    if (identity.nationality) identity.nationality = identity.nationality.toUpperCase();
    if (text('sex')) identity.sex = text('sex');
    const crossedAt = text('crossedAt') && new Date(text('crossedAt'));
    const mrz = text('mrz');
    setFailure(null);
    setOutcome(null);
    api<ScreeningOutcome>('POST', '/api/v1/warning/crossings', {
      direction: text('direction'),
      portCode: text('portCode'),
      ...(text('conveyance') && { conveyance: text('conveyance') }),
      ...(crossedAt && !Number.isNaN(crossedAt.getTime()) && { crossedAt: crossedAt.toISOString() }),
      ...Object.fromEntries(PLACES.map((name) => [name, text(name)]).filter(([, value]) => value)),
      ...(Object.keys(identity).length > 0 && { identity }),
      ...(mrz && { mrz }),
    }).then(
      (result) => {
        setOutcome(result);
        clearTraveller(element);
        onScreened();
      },
      (error: unknown) => setFailure(failureOf(error)),
    );
  };
  const error = (field: string) => fieldErrorOf(failure, field);
  const labelOf = (field: string): string | undefined => {
    const key = FIELD_LABELS[field];
    return key && t(key);
  };
  return (
    <section aria-labelledby="screen-title">
      <h2 id="screen-title">{t('warnings.screen.title')}</h2>
      <form onSubmit={submit} className="form-grid">
        <CrossingPlaceFields error={error} />
        <Field label={t('warnings.screen.conveyance')} error={error('conveyance')}>
          {({ id }) => <input id={id} name="conveyance" />}
        </Field>
        <Field
          label={t('warnings.crossing.crossedAt')}
          hint={t('warnings.screen.nowHint')}
          error={error('crossedAt')}
        >
          {({ id, describedBy }) => (
            <input id={id} name="crossedAt" type="datetime-local" aria-describedby={describedBy} />
          )}
        </Field>
        {PLACES.map((name) => (
          <Field key={name} label={t(`warnings.screen.${name}`)} error={error(name)}>
            {({ id }) => <input id={id} name={name} />}
          </Field>
        ))}
        {IDENTITY.map((name) => {
          const hint = HINTS[name];
          return (
            <Field
              key={name}
              label={t(`warnings.person.${name}`)}
              hint={hint ? t(hint) : undefined}
              error={error(name)}
            >
              {({ id, describedBy }) => <input id={id} name={name} aria-describedby={describedBy} />}
            </Field>
          );
        })}
        <Field label={t('warnings.person.sex')} error={error('sex')}>
          {({ id }) => (
            <select id={id} name="sex" defaultValue="">
              <option value="">—</option>
              {codesOf('sex').map((code) => (
                <option key={code} value={code}>
                  {label('sex', code)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('warnings.screen.mrz')} hint={t('warnings.screen.mrzHint')} error={error('mrz')}>
          {({ id, describedBy }) => (
            <textarea id={id} name="mrz" rows={3} className="mono" aria-describedby={describedBy} />
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="primary">
            {t('warnings.screen.submit')}
          </button>
        </div>
      </form>
      <FailureAlert failure={failure} labelOf={labelOf} />
      {outcome && (
        <p role="status" className={`notice verdict-${outcome.verdict}`}>
          <strong className="screened-traveller">
            {t('warnings.screen.verdictFor', { traveller: travellerLabel(outcome.traveller) })}
          </strong>{' '}
          {t(`warnings.screen.verdict.${outcome.verdict}`, {
            score: format.number(Math.round(outcome.score * 100) / 100),
          })}
          {outcome.entry && (
            <span>
              {' '}
              ·{' '}
              {t('warnings.screen.matched', {
                name: [outcome.entry.surname, outcome.entry.givenNames].filter(Boolean).join(', ') || '—',
              })}
            </span>
          )}
        </p>
      )}
      {outcome && outcome.warnings.length > 0 && (
        <p role="alert" className="notice rule-warning">
          {t('warnings.screen.ruleWarnings', {
            rules: outcome.warnings.map((warning) => t(`warnings.rules.${warning.rule}`)).join('; '),
          })}
        </p>
      )}
      {outcome?.documentExpiredOn && (
        <p role="alert" className="notice document-warning">
          {t('warnings.screen.documentExpired', { date: format.day(outcome.documentExpiredOn) })}
        </p>
      )}
    </section>
  );
}

/**
 * Who a verdict is for, as recorded (SURNAME, Given · document): the form is already empty for the next
 * traveller when the verdict shows.
 */
function travellerLabel(traveller: ScreeningOutcome['traveller']): string {
  const name =
    [traveller.surname, traveller.givenNames].filter(Boolean).join(', ') || traveller.nativeName || '';
  return [name, traveller.documentNumber].filter(Boolean).join(' · ') || '—';
}

/** Empties the traveller's fields for the next one and puts the cursor back at the first. */
function clearTraveller(form: HTMLFormElement) {
  for (const name of TRAVELLER_FIELDS) {
    const field = form.elements.namedItem(name);
    if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) field.value = '';
    if (field instanceof HTMLSelectElement) field.value = '';
  }
  const first = form.elements.namedItem(IDENTITY[0]);
  if (first instanceof HTMLInputElement) first.focus();
}
