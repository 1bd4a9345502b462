import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { agencyToday, useAgencies, useOwnAgency } from '../../api/agencies.js';
import { api } from '../../api/client.js';
import type { CrossingCount, PortState } from '../../api/situation.js';
import { useResource } from '../../api/use-resource.js';
import { shiftDay, useFormatters } from '../../i18n/format.js';
import { currentLanguage } from '../../i18n/i18n.js';
import { DataTable } from '../../ui/data-table.js';
import { directoryChoices, InputField, SelectField } from '../../ui/fields.js';
import { formText, SubmissionOutcome, useSubmission } from '../../ui/submission.js';

/** How many days back the list of recent counts reaches (today included). */
const RECENT_DAYS = 14;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The count stored for a port's day by one source, or null when none is recorded yet. Read as a one-day range:
 * "nothing yet" is then an empty list, not a 404 the browser would log as an error.
 */
async function loadStored(portCode: string, date: string, source: string): Promise<CrossingCount | null> {
  const query = new URLSearchParams({ from: date, to: date, source });
  const answer = await api<{ items: CrossingCount[] }>(
    'GET',
    `/api/v1/situation/ports/${portCode}/crossings?${query}`,
  );
  return answer.items[0] ?? null;
}

async function loadRecent(portCode: string, today: string): Promise<readonly CrossingCount[]> {
  const from = shiftDay(today, 1 - RECENT_DAYS);
  const answer = await api<{ items: CrossingCount[] }>(
    'GET',
    `/api/v1/situation/ports/${portCode}/crossings?from=${from}&to=${today}`,
  );
  return answer.items;
}

/**
 * How many people and vehicles crossed at a port on one day: our own count, or a counterpart's figure received
 * by telephone or fax. A second count for the same port, day and source replaces the first, so the stored count
 * of the chosen day and source fills the form for correction.
 */
export function CrossingForm({ port, portName }: { readonly port: PortState; readonly portName: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const language = currentLanguage();
  const own = useOwnAgency();
  const agencies = useAgencies();
  const submission = useSubmission();
  const today = agencyToday(own);
  const [date, setDate] = useState(today);
  const [chosenSource, setChosenSource] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const sources =
    agencies.status === 'ready' ? agencies.data.filter((agency) => agency.kind !== 'international') : [];
  // A counterpart's port is counted by the counterpart agency of that country, when the directory has one.
  const defaultSource =
    port.side === 'own'
      ? own?.code
      : sources.find((agency) => agency.kind === 'counterpart' && agency.country === port.country)?.code;
  const source = chosenSource ?? defaultSource ?? '';
  const dayChosen = ISO_DAY.test(date);
  const stored = useResource(`crossing:${port.portCode}:${date}:${source}:${generation}`, () =>
    dayChosen && source ? loadStored(port.portCode, date, source) : Promise.resolve(null),
  );
  const recent = useResource(`crossings:${port.portCode}:${today}:${generation}`, () =>
    loadRecent(port.portCode, today),
  );
  const storedCount = stored.status === 'ready' ? stored.data : null;
  const vehiclesText = (count: CrossingCount) =>
    count.vehicles === null ? '—' : format.number(count.vehicles);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = formText(event.currentTarget);
    void submission
      .run(
        () =>
          api<CrossingCount>('PUT', `/api/v1/situation/ports/${port.portCode}/crossings/${date}`, {
            people: Number(text('people')),
            ...(text('vehicles') && { vehicles: Number(text('vehicles')) }),
            ...(source && source !== own?.code && { source }),
          }),
        (count) =>
          t('ports.crossings.saved', {
            port: portName,
            date: format.day(count.date),
            people: format.number(count.people),
            vehicles: vehiclesText(count),
            source: count.source,
          }),
      )
      .then((saved) => saved && setGeneration((value) => value + 1));
  };
  const error = submission.error;
  // The figures remount when the stored count arrives, so they start from it and the officer corrects it; until
  // then they are closed, so nothing typed is lost to the remount.
  const looking = stored.status === 'loading';
  const figuresKey = `${date}:${source}:${stored.status}:${storedCount?.recordedAt ?? 'none'}`;
  return (
    <>
      <form onSubmit={submit} className="form-grid" aria-labelledby="crossing-form-title" aria-busy={looking}>
        <h3 id="crossing-form-title">{t('ports.crossings.title', { port: portName })}</h3>
        <InputField
          label={t('ports.crossings.date')}
          error={error('date')}
          name="date"
          type="date"
          required
          value={date}
          max={today}
          onChange={(event) => setDate(event.target.value)}
        />
        <SelectField
          label={t('ports.crossings.source')}
          error={error('source')}
          name="source"
          value={source}
          onChange={(event) => setChosenSource(event.target.value)}
          choices={directoryChoices(sources, language)}
        />
        <p className="small muted" aria-live="polite">
          {stored.status === 'failed'
            ? stored.detail
            : storedCount
              ? t('ports.crossings.stored', {
                  people: format.number(storedCount.people),
                  vehicles: vehiclesText(storedCount),
                  at: format.dateTime(storedCount.recordedAt),
                })
              : stored.status === 'ready' && dayChosen && source
                ? t('ports.crossings.noneStored')
                : null}
        </p>
        <InputField
          key={`people:${figuresKey}`}
          label={t('ports.crossings.people')}
          error={error('people')}
          name="people"
          type="number"
          min={0}
          step={1}
          required
          disabled={looking}
          defaultValue={storedCount?.people}
        />
        <InputField
          key={`vehicles:${figuresKey}`}
          label={t('ports.crossings.vehicles')}
          hint={t('ports.crossings.vehiclesHint')}
          error={error('vehicles')}
          name="vehicles"
          type="number"
          min={0}
          step={1}
          disabled={looking}
          defaultValue={storedCount?.vehicles ?? undefined}
        />
        <div className="actions">
          <button type="submit" disabled={looking}>
            {storedCount ? t('ports.crossings.correct') : t('ports.crossings.save')}
          </button>
        </div>
        <SubmissionOutcome submission={submission} />
      </form>
      {recent.status === 'ready' && (
        <DataTable
          caption={t('ports.crossings.recent', { days: RECENT_DAYS })}
          rows={recent.data}
          rowKey={(count) => `${count.date}:${count.source}`}
          empty={t('ports.crossings.recentEmpty', { days: RECENT_DAYS })}
          columns={[
            {
              key: 'date',
              header: t('ports.crossings.date'),
              rowHeader: true,
              cell: (count) => format.day(count.date),
            },
            { key: 'source', header: t('ports.crossings.source'), cell: (count) => count.source },
            {
              key: 'people',
              header: t('ports.crossings.people'),
              numeric: true,
              cell: (count) => format.number(count.people),
            },
            {
              key: 'vehicles',
              header: t('ports.crossings.vehicles'),
              numeric: true,
              cell: vehiclesText,
            },
          ]}
        />
      )}
      {recent.status === 'failed' && <p className="small muted">{recent.detail}</p>}
    </>
  );
}
