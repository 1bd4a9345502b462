import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem, api, codeText, listAll } from '../../api/client.js';
import {
  type CountyDayInput,
  FIGURES,
  type ReportWritten,
  type SituationReport,
  type Violation,
} from '../../api/situation.js';
import { type County, localName } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { useUser } from '../../auth/session.js';
import { useFormatters } from '../../i18n/format.js';
import { currentLanguage } from '../../i18n/i18n.js';
import { Done, FailureAlert, failureOf } from '../../ui/form.js';

type RowOutcome =
  | {
      readonly kind: 'saved';
      readonly version: number;
      readonly changed: boolean;
      readonly warnings: readonly Violation[];
    }
  | { readonly kind: 'refused'; readonly message: string; readonly violations: readonly Violation[] };

function violationsOf(error: unknown): readonly Violation[] {
  if (!(error instanceof ApiProblem)) return [];
  const violations = error.body.violations;
  return Array.isArray(violations) ? (violations as Violation[]) : [];
}

/**
 * A broken rule in the reader's language, naming the figure by its label. The cumulative rule breaks either way
 * (below the day before, or above a later day) with different values, so each way has its own message.
 */
function useViolationText(): (violation: Violation) => string {
  const { t, i18n } = useTranslation();
  return (violation) => {
    const details = violation.details ?? {};
    const later = violation.rule === 'situation.rule.cumulative_not_decreasing' && 'nextDate' in details;
    const figure = `situation.figures.${violation.field}`;
    const field = i18n.exists(figure) ? t(figure) : violation.field;
    return codeText(later ? `${violation.rule}_later` : violation.rule, violation.message, {
      ...details,
      field,
    });
  };
}

function RowStatus({
  outcome,
  report,
}: {
  readonly outcome: RowOutcome | undefined;
  readonly report?: SituationReport;
}) {
  const { t } = useTranslation();
  const violationText = useViolationText();
  if (!outcome) {
    return (
      <span className="muted">
        {report ? t('situation.entry.version', { version: report.version }) : t('situation.entry.notEntered')}
      </span>
    );
  }
  if (outcome.kind === 'refused') {
    return (
      <div className="field-error" role="alert">
        <p>{outcome.message}</p>
        <ul>
          {outcome.violations.map((violation) => (
            <li key={`${violation.rule}:${violation.field}`}>{violationText(violation)}</li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <div role="status">
      <p>
        {outcome.changed
          ? t('situation.entry.saved', { version: outcome.version })
          : t('situation.entry.unchanged')}
      </p>
      {outcome.warnings.length > 0 && (
        <ul className="warning-list">
          {outcome.warnings.map((violation) => (
            <li key={`${violation.rule}:${violation.field}`}>{violationText(violation)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function figuresOf(form: FormData): CountyDayInput {
  const figures = Object.fromEntries(FIGURES.map((figure) => [figure, Number(form.get(figure) ?? 0)]));
  const remarks = String(form.get('remarks') ?? '').trim();
  return { ...(figures as Record<(typeof FIGURES)[number], number>), ...(remarks && { remarks }) };
}

function CountyRow({
  county,
  date,
  report,
}: {
  readonly county: County;
  readonly date: string;
  readonly report: SituationReport | undefined;
}) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<RowOutcome | undefined>();
  const [busy, setBusy] = useState(false);
  const name = localName(county.names, currentLanguage(), county.code);
  const formId = `entry-${county.code}`;
  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    api<ReportWritten>(
      'PUT',
      `/api/v1/situation/reports/${county.code}/${date}`,
      figuresOf(new FormData(event.currentTarget)),
    )
      .then(
        (written) =>
          setOutcome({
            kind: 'saved',
            version: written.report.version,
            changed: written.changed,
            warnings: written.warnings,
          }),
        (error: unknown) =>
          setOutcome({ kind: 'refused', message: failureOf(error).message, violations: violationsOf(error) }),
      )
      .finally(() => setBusy(false));
  };
  const invalidFields = new Set(outcome?.kind === 'refused' ? outcome.violations.map((v) => v.field) : []);
  return (
    <tr>
      <th scope="row">
        <form id={formId} onSubmit={save} aria-label={name} />
        {name}
        <span className="muted small"> {county.code}</span>
      </th>
      {FIGURES.map((figure) => (
        <td key={figure}>
          <input
            form={formId}
            name={figure}
            type="number"
            inputMode="numeric"
            min={0}
            step={1}
            required
            className="figure"
            defaultValue={report ? report[figure] : ''}
            aria-label={`${name}: ${t(`situation.figures.${figure}`)}`}
            aria-invalid={invalidFields.has(figure) || undefined}
          />
        </td>
      ))}
      <td>
        <button type="submit" form={formId} disabled={busy}>
          {t('common.save')}
        </button>
      </td>
      <td className="row-status">
        <RowStatus outcome={outcome} report={report} />
      </td>
    </tr>
  );
}

interface EntryData {
  readonly counties: readonly County[];
  readonly reports: ReadonlyMap<string, SituationReport>;
}

async function loadEntry(agencyCode: string, country: string, date: string): Promise<EntryData> {
  const [counties, reports] = await Promise.all([
    listAll<County>('/api/v1/directory/counties?limit=500'),
    listAll<SituationReport>(
      `/api/v1/situation/reports?from=${date}&to=${date}&source=${agencyCode}&limit=5000`,
    ),
  ]);
  return {
    counties: counties.filter((county) => county.country === country),
    reports: new Map(reports.map((report) => [report.countyCode, report])),
  };
}

function SendDay({ date }: { readonly date: string }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<Error | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const send = () => {
    setFailure(null);
    setDone(null);
    api<{ version: number }>('POST', '/api/v1/situation/reports/send', { date }).then(
      (sent) => setDone(t('situation.entry.sent', { version: sent.version })),
      (error: unknown) => setFailure(failureOf(error)),
    );
  };
  return (
    <div className="actions">
      <button type="button" className="primary" onClick={send}>
        {t('situation.entry.send')}
      </button>
      <FailureAlert failure={failure} />
      <Done message={done} />
    </div>
  );
}

/** Today's figures for the own agency's border counties, one row per county, saved and validated row by row. */
export function EntryGrid({ date, country }: { readonly date: string; readonly country: string }) {
  const { t } = useTranslation();
  const user = useUser();
  const format = useFormatters();
  const data = useResource(`entry:${date}:${country}`, () => loadEntry(user.agencyCode, country, date));
  const maySend = user.roles.some((role) => role === 'liaison_officer' || role === 'admin');
  if (data.status === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (data.status === 'failed') return <FailureAlert failure={new Error(data.detail)} />;
  const { counties, reports } = data.data;
  if (counties.length === 0) return <p className="empty-state">{t('situation.entry.noCounties')}</p>;
  return (
    <section aria-labelledby="entry-title">
      <h2 id="entry-title">{t('situation.entry.title', { date: format.day(date) })}</h2>
      <p className="muted small">{t('situation.entry.hint')}</p>
      <div className="table-scroll">
        <table className="grid">
          <thead>
            <tr>
              <th scope="col">{t('situation.county')}</th>
              {FIGURES.map((figure) => (
                <th scope="col" key={figure}>
                  {t(`situation.figures.${figure}`)}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">{t('common.save')}</span>
              </th>
              <th scope="col">{t('situation.entry.status')}</th>
            </tr>
          </thead>
          <tbody>
            {counties.map((county) => (
              <CountyRow
                key={`${county.code}:${date}`}
                county={county}
                date={date}
                report={reports.get(county.code)}
              />
            ))}
          </tbody>
        </table>
      </div>
      {maySend && <SendDay date={date} />}
    </section>
  );
}
