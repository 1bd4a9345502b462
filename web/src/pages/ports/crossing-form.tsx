import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { agencyToday, useAgencies, useOwnAgency } from '../../api/agencies.js';
import { api } from '../../api/client.js';
import type { CrossingCount, PortState } from '../../api/situation.js';
import { localName } from '../../api/types.js';
import { useFormatters } from '../../i18n/format.js';
import { currentLanguage } from '../../i18n/i18n.js';
import { InputField, SelectField } from '../../ui/fields.js';
import { formText, SubmissionOutcome, useSubmission } from '../../ui/submission.js';

/**
 * How many people and vehicles crossed at a port on one day: our own count, or a counterpart's figure received
 * by telephone or fax. A second count for the same port, day and source replaces the first.
 */
export function CrossingForm({ port, portName }: { readonly port: PortState; readonly portName: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const language = currentLanguage();
  const own = useOwnAgency();
  const agencies = useAgencies();
  const submission = useSubmission();
  const sources =
    agencies.status === 'ready' ? agencies.data.filter((agency) => agency.kind !== 'international') : [];
  // A counterpart's port is counted by the counterpart agency of that country, when the directory has one.
  const defaultSource =
    port.side === 'own'
      ? own?.code
      : sources.find((agency) => agency.kind === 'counterpart' && agency.country === port.country)?.code;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = formText(event.currentTarget);
    const source = text('source');
    void submission.run(
      () =>
        api<CrossingCount>('PUT', `/api/v1/situation/ports/${port.portCode}/crossings/${text('date')}`, {
          people: Number(text('people')),
          ...(text('vehicles') && { vehicles: Number(text('vehicles')) }),
          ...(source && source !== own?.code && { source }),
        }),
      (count) =>
        t('ports.crossings.saved', {
          port: portName,
          date: format.day(count.date),
          people: format.number(count.people),
          vehicles: count.vehicles === null ? '—' : format.number(count.vehicles),
          source: count.source,
        }),
    );
  };
  const error = submission.error;
  return (
    <form onSubmit={submit} className="form-grid" aria-labelledby="crossing-form-title">
      <h3 id="crossing-form-title">{t('ports.crossings.title', { port: portName })}</h3>
      <InputField
        label={t('ports.crossings.date')}
        error={error('date')}
        name="date"
        type="date"
        required
        defaultValue={agencyToday(own)}
      />
      <InputField
        label={t('ports.crossings.people')}
        error={error('people')}
        name="people"
        type="number"
        min={0}
        step={1}
        required
      />
      <InputField
        label={t('ports.crossings.vehicles')}
        hint={t('ports.crossings.vehiclesHint')}
        error={error('vehicles')}
        name="vehicles"
        type="number"
        min={0}
        step={1}
      />
      <SelectField
        key={defaultSource ?? 'loading'}
        label={t('ports.crossings.source')}
        error={error('source')}
        name="source"
        defaultValue={defaultSource}
        choices={sources.map((agency) => ({
          value: agency.code,
          label: `${localName(agency.names, language, agency.code)} (${agency.code})`,
        }))}
      />
      <div className="actions">
        <button type="submit">{t('ports.crossings.save')}</button>
      </div>
      <SubmissionOutcome submission={submission} />
    </form>
  );
}
