import { useTranslation } from 'react-i18next';
import { ApiProblem, rowIssueWording } from '../../api/client.js';
import type { ImportError, ImportReport } from '../../api/situation.js';
import { useFormatters } from '../../i18n/format.js';
import { RowIssueCell } from '../../ui/row-issue-cell.js';
import { UploadForm } from '../../ui/upload-form.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

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
  return (
    <UploadForm<ImportReport>
      title={t('situation.import.title')}
      titleId="import-title"
      titleLevel={2}
      hint={t('situation.import.hint')}
      fileLabel={t('situation.import.file')}
      accept=".csv,.xlsx,text/csv"
      partialLabel={t('situation.import.partial')}
      submitLabel={t('situation.import.submit')}
      progressLabel={t('situation.import.progress')}
      checking={t('situation.import.checking')}
      url={(partial) => `/api/v1/situation/imports?partial=${partial}`}
      contentTypeOf={(name) => (name.endsWith('.xlsx') ? XLSX : 'text/csv')}
      report={(report) => (
        <>
          <p>
            {t('situation.import.result', {
              imported: format.number(report.imported),
              unchanged: format.number(report.unchanged),
              warned: format.number(report.warned),
              rejected: format.number(report.rejected),
            })}
          </p>
          <RowErrors errors={report.errors} />
        </>
      )}
      refusedRows={(error) => <RowErrors errors={rowErrorsOf(error)} />}
      onImported={onImported}
    />
  );
}
