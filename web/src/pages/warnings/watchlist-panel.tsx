import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { agencyToday, useAgencies, useOwnAgency } from '../../api/agencies.js';
import { ApiProblem, api } from '../../api/client.js';
import { localName, type Page } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import type { WatchlistEntry, WatchlistImportReport } from '../../api/warning.js';
import { useUser } from '../../auth/session.js';
import { codesOf, useCodeLabel } from '../../i18n/codes.js';
import { shiftDay, useFormatters } from '../../i18n/format.js';
import { currentLanguage } from '../../i18n/i18n.js';
import { choicesOf, directoryChoices, SelectField } from '../../ui/fields.js';
import { Done, FailureAlert, Field, failureOf, fieldErrorOf } from '../../ui/form.js';
import { UploadForm } from '../../ui/upload-form.js';
import { RowErrors } from './lists-panel.js';

const OPTIONAL_TEXT = [
  'surname',
  'givenNames',
  'nativeName',
  'birthDate',
  'nationality',
  'documentNumber',
  'issuingState',
  'personalNumber',
] as const;
const HINTS: Readonly<Partial<Record<(typeof OPTIONAL_TEXT)[number], string>>> = {
  birthDate: 'warnings.person.birthDateHint',
  nationality: 'warnings.person.nationalityHint',
  issuingState: 'warnings.person.nationalityHint',
};
const OPTIONAL_CHOICES = ['sex', 'documentType'] as const;
const PAGE_SIZE = 200;
// Neither the API nor the design gives a category its own period, so a new entry proposes four weeks.
const DEFAULT_VALIDITY_DAYS = 28;

type EntryInput = Record<string, string | readonly string[]>;
/** A change sends null for an optional field the officer emptied. */
type EntryChanges = Record<string, string | readonly string[] | null>;

/** The entry the form describes, in the API's shape; empty fields are left out. */
function entryInputOf(form: FormData): EntryInput {
  const text = (name: string) => String(form.get(name) ?? '').trim();
  const aliases = text('aliases')
    .split(';')
    .map((alias) => alias.trim())
    .filter(Boolean);
  const scope = text('sharingScope');
  const input: EntryInput = {
    category: text('category'),
    reason: text('reason'),
    validUntil: text('validUntil'),
    sharingScope: scope,
  };
  for (const name of [...OPTIONAL_TEXT, ...OPTIONAL_CHOICES, 'validFrom'])
    if (text(name)) input[name] = text(name);
  if (aliases.length > 0) input.aliases = aliases;
  if (scope === 'counterparts') input.shareWith = form.getAll('shareWith').map(String);
  return input;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** What an edit changes: a field the officer emptied goes as null (aliases as an empty list), which clears it. */
function changesOf(entry: WatchlistEntry, input: EntryInput): EntryChanges {
  const current = entry as unknown as Record<string, unknown>;
  const changes: EntryChanges = {};
  for (const [name, value] of Object.entries(input)) if (!same(current[name], value)) changes[name] = value;
  for (const name of [...OPTIONAL_TEXT, ...OPTIONAL_CHOICES]) {
    if (current[name] && input[name] === undefined) changes[name] = null;
  }
  if (entry.aliases.length > 0 && input.aliases === undefined) changes.aliases = [];
  return changes;
}

function EntryForm({
  entry,
  onSaved,
  onCancel,
}: {
  readonly entry: WatchlistEntry | null;
  readonly onSaved: () => void;
  readonly onCancel: () => void;
}) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const user = useUser();
  const agencies = useAgencies();
  const today = agencyToday(useOwnAgency());
  const [failure, setFailure] = useState<Error | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [scope, setScope] = useState(entry?.sharingScope ?? 'internal');
  const counterparts =
    agencies.status === 'ready' ? agencies.data.filter((agency) => agency.code !== user.agencyCode) : [];
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const input = entryInputOf(new FormData(element));
    setFailure(null);
    setDone(null);
    if (entry) {
      const changes = changesOf(entry, input);
      if (Object.keys(changes).length === 0) {
        onCancel();
        return;
      }
      api<WatchlistEntry>('PATCH', `/api/v1/warning/watchlist/${entry.id}`, changes).then(
        () => onSaved(),
        (error: unknown) => setFailure(failureOf(error)),
      );
      return;
    }
    api<WatchlistEntry>('POST', '/api/v1/warning/watchlist', input).then(
      () => {
        element.reset();
        setScope('internal');
        setDone(t('warnings.watchlist.created'));
        onSaved();
      },
      (error: unknown) => setFailure(failureOf(error)),
    );
  };
  const error = (field: string) => fieldErrorOf(failure, field);
  const value = (name: string): string => {
    const current = entry ? (entry as unknown as Record<string, unknown>)[name] : undefined;
    return typeof current === 'string' ? current : '';
  };
  return (
    <form onSubmit={submit} className="form-grid" aria-labelledby="entry-form-title">
      <h3 id="entry-form-title" tabIndex={-1}>
        {entry ? t('warnings.watchlist.editTitle') : t('warnings.watchlist.add')}
      </h3>
      <Field label={t('warnings.person.category')} error={error('category')}>
        {({ id }) => (
          <select id={id} name="category" defaultValue={value('category') || undefined}>
            {codesOf('personCategory').map((code) => (
              <option key={code} value={code}>
                {label('personCategory', code)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {OPTIONAL_TEXT.map((name) => {
        const hint = HINTS[name];
        return (
          <Field
            key={name}
            label={t(`warnings.person.${name}`)}
            error={error(name)}
            hint={hint ? t(hint) : undefined}
          >
            {({ id, describedBy }) => (
              <input id={id} name={name} defaultValue={value(name)} aria-describedby={describedBy} />
            )}
          </Field>
        );
      })}
      <Field
        label={t('warnings.person.aliases')}
        hint={t('warnings.person.aliasesHint')}
        error={error('aliases')}
      >
        {({ id, describedBy }) => (
          <input
            id={id}
            name="aliases"
            defaultValue={entry?.aliases.join('; ') ?? ''}
            aria-describedby={describedBy}
          />
        )}
      </Field>
      {OPTIONAL_CHOICES.map((name) => (
        <Field key={name} label={t(`warnings.person.${name}`)} error={error(name)}>
          {({ id }) => (
            <select id={id} name={name} defaultValue={value(name)}>
              <option value="">—</option>
              {codesOf(name).map((code) => (
                <option key={code} value={code}>
                  {label(name, code)}
                </option>
              ))}
            </select>
          )}
        </Field>
      ))}
      <Field label={t('warnings.person.reason')} error={error('reason')}>
        {({ id }) => <input id={id} name="reason" required maxLength={500} defaultValue={value('reason')} />}
      </Field>
      <Field label={t('warnings.person.validFrom')} error={error('validFrom')}>
        {({ id }) => (
          <input id={id} name="validFrom" type="date" defaultValue={value('validFrom') || today} />
        )}
      </Field>
      <Field label={t('warnings.person.validUntil')} error={error('validUntil')}>
        {({ id }) => (
          <input
            id={id}
            name="validUntil"
            type="date"
            required
            defaultValue={value('validUntil') || shiftDay(today, DEFAULT_VALIDITY_DAYS)}
          />
        )}
      </Field>
      <Field label={t('warnings.watchlist.sharing')} error={error('sharingScope')}>
        {({ id }) => (
          <select
            id={id}
            name="sharingScope"
            value={scope}
            onChange={(event) =>
              setScope(event.target.value === 'counterparts' ? 'counterparts' : 'internal')
            }
          >
            <option value="internal">{t('warnings.watchlist.internal')}</option>
            <option value="counterparts">{t('warnings.watchlist.counterparts')}</option>
          </select>
        )}
      </Field>
      {scope === 'counterparts' && (
        <fieldset className="recipients-choice">
          <legend>{t('warnings.watchlist.shareWith')}</legend>
          {counterparts.length === 0 && (
            <p className="muted small">{t('warnings.watchlist.noCounterparts')}</p>
          )}
          {counterparts.map((agency) => (
            <label key={agency.code} className="checkbox">
              <input
                type="checkbox"
                name="shareWith"
                value={agency.code}
                defaultChecked={entry?.shareWith.includes(agency.code) ?? false}
              />
              {localName(agency.names, currentLanguage(), agency.code)} ({agency.code})
            </label>
          ))}
          {error('shareWith') && <p className="field-error">{error('shareWith')}</p>}
        </fieldset>
      )}
      <div className="actions">
        <button type="submit" className="primary">
          {entry ? t('warnings.watchlist.saveChanges') : t('warnings.watchlist.save')}
        </button>
        {entry && (
          <button type="button" onClick={onCancel}>
            {t('warnings.watchlist.cancel')}
          </button>
        )}
      </div>
      <FailureAlert failure={failure} />
      <Done message={done} />
    </form>
  );
}

function reportOf(error: unknown): WatchlistImportReport | null {
  if (!(error instanceof ApiProblem)) return null;
  const report = error.body.report;
  return typeof report === 'object' && report !== null ? (report as WatchlistImportReport) : null;
}

/** Imports entries from a CSV or NDJSON file, all or nothing unless the officer keeps the good rows. */
function ImportEntries({ onImported }: { readonly onImported: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <UploadForm<WatchlistImportReport>
      title={t('warnings.watchlist.importTitle')}
      titleId="watchlist-import-title"
      titleLevel={3}
      hint={t('warnings.watchlist.importHint')}
      fileLabel={t('warnings.watchlist.importFile')}
      accept=".csv,.ndjson,.jsonl,text/csv"
      partialLabel={t('warnings.watchlist.partial')}
      submitLabel={t('warnings.watchlist.import')}
      progressLabel={t('warnings.files.progress')}
      url={(partial) => `/api/v1/warning/watchlist/imports?partial=${partial}`}
      contentTypeOf={(name) =>
        name.endsWith('.ndjson') || name.endsWith('.jsonl') ? 'application/x-ndjson' : 'text/csv'
      }
      report={(report) => (
        <>
          <p>
            {t('warnings.watchlist.importResult', {
              imported: format.number(report.imported),
              rejected: format.number(report.rejected),
            })}
          </p>
          <RowErrors errors={report.errors} truncated={report.errorsTruncated} />
        </>
      )}
      refusedRows={(error) => (
        <RowErrors
          errors={reportOf(error)?.errors ?? []}
          truncated={reportOf(error)?.errorsTruncated ?? false}
        />
      )}
      onImported={onImported}
    />
  );
}

/** The watchlist: entries of the own agency and those shared by counterparts; add, change, import, withdraw. */
export function WatchlistPanel() {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const format = useFormatters();
  const user = useUser();
  const agencies = useAgencies();
  const [generation, setGeneration] = useState(0);
  const [category, setCategory] = useState('');
  const [source, setSource] = useState('');
  const [more, setMore] = useState<{ items: readonly WatchlistEntry[]; cursor: string | null } | null>(null);
  const [editing, setEditing] = useState<WatchlistEntry | null>(null);
  const [failure, setFailure] = useState<Error | null>(null);
  const formRef = useRef<HTMLDivElement>(null);
  const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (category) query.set('category', category);
  if (source) query.set('sourceAgency', source);
  const entries = useResource(`watchlist:${generation}:${query}`, () =>
    api<Page<WatchlistEntry>>('GET', `/api/v1/warning/watchlist?${query}`),
  );
  const reload = () => {
    setMore(null);
    setGeneration((value) => value + 1);
  };
  const withdraw = (entry: WatchlistEntry) => {
    if (!window.confirm(t('warnings.watchlist.confirmWithdraw'))) return;
    api<void>('DELETE', `/api/v1/warning/watchlist/${entry.id}`).then(reload, (error: unknown) =>
      setFailure(failureOf(error)),
    );
  };
  const edit = (entry: WatchlistEntry) => {
    setEditing(entry);
    // The form sits below a long list: bring it (and the keyboard) to the officer.
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('h3')?.focus());
  };
  const showMore = (cursor: string) => {
    const next = new URLSearchParams(query);
    next.set('cursor', cursor);
    api<Page<WatchlistEntry>>('GET', `/api/v1/warning/watchlist?${next}`).then(
      (page) => setMore({ items: [...(more?.items ?? []), ...page.items], cursor: page.nextCursor }),
      (error: unknown) => setFailure(failureOf(error)),
    );
  };
  const items = entries.status === 'ready' ? [...entries.data.items, ...(more?.items ?? [])] : [];
  const nextCursor = more ? more.cursor : entries.status === 'ready' ? entries.data.nextCursor : null;
  return (
    <section aria-labelledby="watchlist-title">
      <h2 id="watchlist-title">{t('warnings.watchlist.title')}</h2>
      <div className="toolbar">
        <SelectField
          label={t('warnings.watchlist.filterCategory')}
          value={category}
          onChange={(event) => {
            setMore(null);
            setCategory(event.target.value);
          }}
          choices={[
            { value: '', label: t('warnings.watchlist.all') },
            ...choicesOf(codesOf('personCategory'), (code) => label('personCategory', code)),
          ]}
        />
        <SelectField
          label={t('warnings.watchlist.filterSource')}
          value={source}
          onChange={(event) => {
            setMore(null);
            setSource(event.target.value);
          }}
          choices={[
            { value: '', label: t('warnings.watchlist.all') },
            ...directoryChoices(agencies.status === 'ready' ? agencies.data : [], currentLanguage()),
          ]}
        />
      </div>
      <FailureAlert failure={failure} />
      {entries.status === 'loading' && <p role="status">{t('common.loading')}</p>}
      {entries.status === 'failed' && <FailureAlert failure={new Error(entries.detail)} />}
      {entries.status === 'ready' && items.length === 0 && (
        <p className="empty-state">{t('warnings.watchlist.empty')}</p>
      )}
      {items.length > 0 && (
        <div className="table-scroll">
          <table className="grid">
            <thead>
              <tr>
                <th scope="col">{t('warnings.person.name')}</th>
                <th scope="col">{t('warnings.person.birthDate')}</th>
                <th scope="col">{t('warnings.person.nationality')}</th>
                <th scope="col">{t('warnings.person.documentNumber')}</th>
                <th scope="col">{t('warnings.person.category')}</th>
                <th scope="col">{t('warnings.person.source')}</th>
                <th scope="col">{t('warnings.person.validUntil')}</th>
                <th scope="col">{t('ports.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((entry) => {
                const name =
                  [entry.surname, entry.givenNames].filter(Boolean).join(', ') || entry.nativeName || '—';
                const own = entry.sourceAgency === user.agencyCode;
                return (
                  <tr key={entry.id}>
                    <th scope="row">
                      {name}
                      {entry.nativeName && entry.surname && (
                        <span className="muted"> ({entry.nativeName})</span>
                      )}
                    </th>
                    <td>{entry.birthDate ?? '—'}</td>
                    <td>{entry.nationality ?? '—'}</td>
                    <td>{entry.documentNumber ?? '—'}</td>
                    <td>{label('personCategory', entry.category)}</td>
                    <td>{entry.sourceAgency}</td>
                    <td>{format.day(entry.validUntil)}</td>
                    <td>
                      {own ? (
                        <>
                          <button
                            type="button"
                            onClick={() => edit(entry)}
                            aria-label={t('warnings.watchlist.editName', { name })}
                          >
                            {t('warnings.watchlist.edit')}
                          </button>{' '}
                          <button
                            type="button"
                            onClick={() => withdraw(entry)}
                            aria-label={t('warnings.watchlist.withdrawName', { name })}
                          >
                            {t('warnings.watchlist.withdraw')}
                          </button>
                        </>
                      ) : (
                        <span className="muted small">{t('warnings.watchlist.theirs')}</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {nextCursor && (
        <button type="button" onClick={() => showMore(nextCursor)}>
          {t('warnings.watchlist.more')}
        </button>
      )}
      <div ref={formRef}>
        <EntryForm
          key={editing?.id ?? 'new'}
          entry={editing}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
          onCancel={() => setEditing(null)}
        />
      </div>
      <ImportEntries onImported={reload} />
    </section>
  );
}
