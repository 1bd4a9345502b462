import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { Page } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import type { WatchlistEntry } from '../../api/warning.js';
import { codesOf, useCodeLabel } from '../../i18n/codes.js';
import { useFormatters } from '../../i18n/format.js';
import { Done, FailureAlert, Field, failureOf, fieldErrorOf } from '../../ui/form.js';

const OPTIONAL_TEXT = [
  'surname',
  'givenNames',
  'nativeName',
  'birthDate',
  'nationality',
  'documentNumber',
] as const;

function EntryForm({ onCreated }: { readonly onCreated: () => void }) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const [failure, setFailure] = useState<Error | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const optional = Object.fromEntries(
      OPTIONAL_TEXT.map((name) => [name, text(name)]).filter(([, value]) => value),
    );
    setFailure(null);
    setDone(null);
    api<WatchlistEntry>('POST', '/api/v1/warning/watchlist', {
      category: text('category'),
      ...optional,
      ...(text('sex') && { sex: text('sex') }),
      reason: text('reason'),
      validUntil: text('validUntil'),
      sharingScope: text('sharingScope'),
    }).then(
      () => {
        element.reset();
        setDone(t('warnings.watchlist.created'));
        onCreated();
      },
      (error: unknown) => setFailure(failureOf(error)),
    );
  };
  const error = (field: string) => fieldErrorOf(failure, field);
  return (
    <form onSubmit={submit} className="form-grid" aria-labelledby="entry-form-title">
      <h3 id="entry-form-title">{t('warnings.watchlist.add')}</h3>
      <Field label={t('warnings.person.category')} error={error('category')}>
        {({ id }) => (
          <select id={id} name="category">
            {codesOf('personCategory').map((code) => (
              <option key={code} value={code}>
                {label('personCategory', code)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {OPTIONAL_TEXT.map((name) => (
        <Field
          key={name}
          label={t(`warnings.person.${name}`)}
          error={error(name)}
          hint={
            name === 'nationality'
              ? t('warnings.person.nationalityHint')
              : name === 'birthDate'
                ? t('warnings.person.birthDateHint')
                : undefined
          }
        >
          {({ id, describedBy }) => <input id={id} name={name} aria-describedby={describedBy} />}
        </Field>
      ))}
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
      <Field label={t('warnings.person.reason')} error={error('reason')}>
        {({ id }) => <input id={id} name="reason" required maxLength={500} />}
      </Field>
      <Field label={t('warnings.person.validUntil')} error={error('validUntil')}>
        {({ id }) => <input id={id} name="validUntil" type="date" required />}
      </Field>
      <Field label={t('warnings.watchlist.sharing')} error={error('sharingScope')}>
        {({ id }) => (
          <select id={id} name="sharingScope" defaultValue="internal">
            <option value="internal">{t('warnings.watchlist.internal')}</option>
            <option value="counterparts">{t('warnings.watchlist.counterparts')}</option>
          </select>
        )}
      </Field>
      <div className="actions">
        <button type="submit" className="primary">
          {t('warnings.watchlist.save')}
        </button>
      </div>
      <FailureAlert failure={failure} />
      <Done message={done} />
    </form>
  );
}

/** The watchlist: entries of the own agency and those shared by counterparts; add and withdraw entries. */
export function WatchlistPanel() {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const format = useFormatters();
  const [generation, setGeneration] = useState(0);
  const [failure, setFailure] = useState<Error | null>(null);
  const entries = useResource(`watchlist:${generation}`, () =>
    api<Page<WatchlistEntry>>('GET', '/api/v1/warning/watchlist?limit=200'),
  );
  const withdraw = (entry: WatchlistEntry) => {
    if (!window.confirm(t('warnings.watchlist.confirmWithdraw'))) return;
    api<void>('DELETE', `/api/v1/warning/watchlist/${entry.id}`).then(
      () => setGeneration((value) => value + 1),
      (error: unknown) => setFailure(failureOf(error)),
    );
  };
  return (
    <section aria-labelledby="watchlist-title">
      <h2 id="watchlist-title">{t('warnings.watchlist.title')}</h2>
      <FailureAlert failure={failure} />
      {entries.status === 'loading' && <p role="status">{t('common.loading')}</p>}
      {entries.status === 'failed' && <FailureAlert failure={new Error(entries.detail)} />}
      {entries.status === 'ready' && entries.data.items.length === 0 && (
        <p className="empty-state">{t('warnings.watchlist.empty')}</p>
      )}
      {entries.status === 'ready' && entries.data.items.length > 0 && (
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
              {entries.data.items.map((entry) => {
                const name =
                  [entry.surname, entry.givenNames].filter(Boolean).join(', ') || entry.nativeName || '—';
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
                      <button
                        type="button"
                        onClick={() => withdraw(entry)}
                        aria-label={t('warnings.watchlist.withdrawName', { name })}
                      >
                        {t('warnings.watchlist.withdraw')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <EntryForm onCreated={() => setGeneration((value) => value + 1)} />
    </section>
  );
}
