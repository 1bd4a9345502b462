import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem, rowIssueWording, uploadFile } from '../../api/client.js';
import type { ImportError, ImportReport } from '../../api/situation.js';
import { useFormatters } from '../../i18n/format.js';
import { FailureAlert, Field, failureOf } from '../../ui/form.js';
import { RowIssueCell } from '../../ui/row-issue-cell.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type ImportState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'uploading'; readonly fraction: number }
  | { readonly kind: 'done'; readonly report: ImportReport }
  | { readonly kind: 'failed'; readonly failure: Error; readonly rowErrors: readonly ImportError[] };

function rowErrorsOf(error: unknown): readonly ImportError[] {
  if (!(error instanceof ApiProblem)) return [];
  const rows = error.body.rowErrors;
  return Array.isArray(rows) ? (rows as ImportError[]) : [];
}

function RowErrors({ errors }: { readonly errors: readonly ImportError[] }) {
  const { t } = useTranslation();
  if (errors.length === 0) return null;
  return (
    <table className="grid">
      <caption>{t('situation.import.errors')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('situation.import.line')}</th>
          <th scope="col">{t('situation.import.column')}</th>
          <th scope="col">{t('situation.import.message')}</th>
        </tr>
      </thead>
      <tbody>
        {errors.slice(0, 100).map((error) => (
          <tr key={`${error.line}:${error.column}:${error.code}`}>
            <td className="num">{error.line}</td>
            <td>{error.column ?? '—'}</td>
            <RowIssueCell {...rowIssueWording(error)} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Upload a CSV or XLSX file of county days, with upload progress and the node's row-by-row verdict. */
export function ImportPanel({ onImported }: { readonly onImported: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const partialId = useId();
  const [state, setState] = useState<ImportState>({ kind: 'idle' });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get('file');
    if (!(file instanceof File) || file.size === 0) return;
    const type = file.name.toLowerCase().endsWith('.xlsx') ? XLSX : 'text/csv';
    const partial = form.get('partial') === 'on';
    setState({ kind: 'uploading', fraction: 0 });
    uploadFile<ImportReport>(`/api/v1/situation/imports?partial=${partial}`, file, type, (fraction) =>
      setState({ kind: 'uploading', fraction }),
    ).then(
      (report) => {
        setState({ kind: 'done', report });
        onImported();
      },
      (error: unknown) =>
        setState({ kind: 'failed', failure: failureOf(error), rowErrors: rowErrorsOf(error) }),
    );
  };
  return (
    <section aria-labelledby="import-title">
      <h2 id="import-title">{t('situation.import.title')}</h2>
      <p className="muted small">{t('situation.import.hint')}</p>
      <form onSubmit={submit} className="stack">
        <Field label={t('situation.import.file')}>
          {({ id, describedBy }) => (
            <input
              id={id}
              name="file"
              type="file"
              accept=".csv,.xlsx,text/csv"
              required
              aria-describedby={describedBy}
            />
          )}
        </Field>
        <div className="checkbox">
          <input id={partialId} name="partial" type="checkbox" />
          <label htmlFor={partialId}>{t('situation.import.partial')}</label>
        </div>
        <button type="submit" className="primary" disabled={state.kind === 'uploading'}>
          {t('situation.import.submit')}
        </button>
      </form>
      {state.kind === 'uploading' && (
        <p role="status">
          <progress max={1} value={state.fraction} aria-label={t('situation.import.progress')} />{' '}
          {state.fraction < 1 ? format.percent(state.fraction * 100) : t('situation.import.checking')}
        </p>
      )}
      {state.kind === 'done' && (
        <div role="status" className="notice">
          <p>
            {t('situation.import.result', {
              imported: format.number(state.report.imported),
              unchanged: format.number(state.report.unchanged),
              warned: format.number(state.report.warned),
              rejected: format.number(state.report.rejected),
            })}
          </p>
          <RowErrors errors={state.report.errors} />
        </div>
      )}
      {state.kind === 'failed' && (
        <>
          <FailureAlert failure={state.failure} />
          <RowErrors errors={state.rowErrors} />
        </>
      )}
    </section>
  );
}
