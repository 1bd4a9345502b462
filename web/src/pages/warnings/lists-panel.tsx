import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IDENTITY_COLUMNS } from '../../../../src/modules/warning/identity-columns.js';
import { ApiProblem, api, rowIssueWording, uploadFile } from '../../api/client.js';
import { useNodeEvents } from '../../api/use-events.js';
import type { BulkReport, RowError, ScreeningOutcome } from '../../api/warning.js';
import { useFormatters } from '../../i18n/format.js';
import { FailureAlert, Field, failureOf, fieldErrorOf } from '../../ui/form.js';
import { RowIssueCell } from '../../ui/row-issue-cell.js';
import { CrossingPlaceFields } from './crossing-place-fields.js';
import { type CsvRow, csvRows } from './csv-rows.js';

const NDJSON = 'application/x-ndjson';
const MAX_PASSENGERS = 1000;

/** A row error to show; `worded` when its message is already in the reader's language (a worded problem). */
export interface ShownRowError extends RowError {
  readonly worded?: boolean;
}

/** A row's message in the reader's language, and the node's English when that is all there is or adds to it. */
function rowMessage(error: ShownRowError): { text: string; english: string | undefined } {
  return error.worded ? { text: error.message, english: undefined } : rowIssueWording(error);
}

/** The errors of each line together, lines in the order they first appear. */
function byLine(errors: readonly ShownRowError[]): Array<{ line: number; errors: ShownRowError[] }> {
  const groups = new Map<number, ShownRowError[]>();
  for (const error of errors) groups.set(error.line, [...(groups.get(error.line) ?? []), error]);
  return [...groups].map(([line, ofLine]) => ({ line, errors: ofLine }));
}

/** The rows a file or list could not give, by line: a row with several errors shows its line once beside them. */
export function RowErrors({
  errors,
  truncated,
}: {
  readonly errors: readonly ShownRowError[];
  readonly truncated: boolean;
}) {
  const { t } = useTranslation();
  if (errors.length === 0) return null;
  return (
    <div className="table-scroll">
      <table className="grid">
        <caption>{t('warnings.files.errors')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('warnings.files.line')}</th>
            <th scope="col">{t('warnings.files.code')}</th>
            <th scope="col">{t('warnings.files.message')}</th>
          </tr>
        </thead>
        {byLine(errors.slice(0, 200)).map((row) => (
          <tbody key={row.line} className="row-errors">
            {row.errors.map((error, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a row may report one code twice; the list is replaced whole, never reordered
              <tr key={index}>
                {index === 0 && (
                  <td className="num" rowSpan={row.errors.length}>
                    {row.line}
                  </td>
                )}
                <td>
                  <code>{error.code}</code>
                </td>
                <RowIssueCell {...rowMessage(error)} />
              </tr>
            ))}
          </tbody>
        ))}
      </table>
      {(truncated || errors.length > 200) && <p className="muted small">{t('warnings.files.truncated')}</p>}
    </div>
  );
}

type BulkState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'uploading'; readonly fraction: number; readonly screened: number }
  | { readonly kind: 'done'; readonly report: BulkReport }
  | { readonly kind: 'failed'; readonly failure: Error };

/** Uploads a file of crossings (CSV or NDJSON, any length) and reports what was screened and each bad row. */
function BulkCrossings({ onScreened }: { readonly onScreened: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [state, setState] = useState<BulkState>({ kind: 'idle' });
  // The node reports each stored batch while it still reads the upload; the count shows it is moving.
  useNodeEvents(['crossings.bulk.progress'], (event) => {
    const { accepted, rejected } = event.data;
    if (typeof accepted !== 'number' || typeof rejected !== 'number') return;
    setState((current) =>
      current.kind === 'uploading' ? { ...current, screened: accepted + rejected } : current,
    );
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get('file');
    if (!(file instanceof File) || file.size === 0) return;
    const name = file.name.toLowerCase();
    const type = name.endsWith('.ndjson') || name.endsWith('.jsonl') ? NDJSON : 'text/csv';
    setState({ kind: 'uploading', fraction: 0, screened: 0 });
    uploadFile<BulkReport>('/api/v1/warning/crossings/bulk', file, type, (fraction) =>
      setState((current) => (current.kind === 'uploading' ? { ...current, fraction } : current)),
    ).then(
      (report) => {
        setState({ kind: 'done', report });
        onScreened();
      },
      (error: unknown) => setState({ kind: 'failed', failure: failureOf(error) }),
    );
  };
  return (
    <section aria-labelledby="bulk-title">
      <h3 id="bulk-title">{t('warnings.files.bulkTitle')}</h3>
      <p className="muted small">{t('warnings.files.bulkHint')}</p>
      <form onSubmit={submit} className="stack">
        <Field label={t('warnings.files.crossingsFile')}>
          {({ id }) => (
            <input id={id} name="file" type="file" accept=".csv,.ndjson,.jsonl,text/csv" required />
          )}
        </Field>
        <button type="submit" className="primary" disabled={state.kind === 'uploading'}>
          {t('warnings.files.screenFile')}
        </button>
      </form>
      {state.kind === 'uploading' && (
        <p role="status">
          <progress max={1} value={state.fraction} aria-label={t('warnings.files.progress')} />{' '}
          {format.percent(state.fraction * 100)} ·{' '}
          {t('warnings.files.screenedSoFar', { rows: format.number(state.screened) })}
        </p>
      )}
      {state.kind === 'done' && (
        <div role="status" className="notice">
          <p>
            {t('warnings.files.bulkResult', {
              accepted: format.number(state.report.accepted),
              rejected: format.number(state.report.rejected),
              hits: format.number(state.report.hits),
              possibles: format.number(state.report.possibles),
            })}
          </p>
          {state.report.alreadyRecorded > 0 && (
            <p>
              {t('warnings.files.alreadyRecorded', { rows: format.number(state.report.alreadyRecorded) })}
            </p>
          )}
          <RowErrors errors={state.report.errors} truncated={state.report.errorsTruncated} />
        </div>
      )}
      {state.kind === 'failed' && <FailureAlert failure={state.failure} />}
    </section>
  );
}

/** A passenger of the list in the API's shape, or why the row cannot be one. */
function passengerOf(row: CsvRow): { passenger: Record<string, unknown> } | { error: RowError } {
  const { mrz, conveyance, fromCounty, residenceCounty } = row.values;
  const identity = Object.fromEntries(
    IDENTITY_COLUMNS.flatMap((column) => {
      const value = row.values[column];
      return value ? [[column, column === 'sex' ? value.toUpperCase() : value]] : [];
    }),
  );
  const named = identity.surname || identity.givenNames || identity.nativeName || identity.documentNumber;
  if (!mrz && !named) {
    return {
      error: {
        line: row.line,
        code: 'warning.identity_missing',
        message: 'the row has no name, document number or MRZ',
      },
    };
  }
  return {
    passenger: {
      ...(mrz ? { mrz } : { identity }),
      ...(conveyance && { conveyance }),
      ...(fromCounty && { fromCounty }),
      ...(residenceCounty && { residenceCounty }),
    },
  };
}

/** The row a problem such as `passengers/3/identity` points at. */
function lineOfProblem(error: unknown, rows: readonly CsvRow[]): ShownRowError[] {
  if (!(error instanceof ApiProblem)) return [];
  // a field a rule refused carries the rule's own code; a schema failure has the problem's
  const paths = [
    ...error.fieldErrors.map((item) => ({
      path: item.path,
      message: item.message,
      code: item.code ?? error.code,
    })),
    { path: String(error.body.field ?? ''), message: error.message, code: error.code },
  ];
  return paths.flatMap(({ path, message, code }) => {
    const position = /passengers\/(\d+)/.exec(path)?.[1];
    const row = position === undefined ? undefined : rows[Number(position)];
    return row ? [{ line: row.line, code, message, worded: true }] : [];
  });
}

type ListState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'sending' }
  | {
      readonly kind: 'done';
      readonly outcomes: readonly ScreeningOutcome[];
      readonly rows: readonly CsvRow[];
    }
  | { readonly kind: 'failed'; readonly failure: Error | null; readonly errors: readonly ShownRowError[] };

/** Screens an advance passenger list pasted from the carrier's manifest before the passengers arrive. */
function PassengerList({ onScreened }: { readonly onScreened: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [state, setState] = useState<ListState>({ kind: 'idle' });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    let rows: CsvRow[];
    try {
      rows = csvRows(text('passengers'));
    } catch (error) {
      setState({ kind: 'failed', failure: failureOf(error), errors: [] });
      return;
    }
    const read = rows.map(passengerOf);
    const errors = read.flatMap((item) => ('error' in item ? [item.error] : []));
    if (rows.length === 0 || rows.length > MAX_PASSENGERS || errors.length > 0) {
      const failure =
        rows.length === 0
          ? new Error(t('warnings.files.listEmpty'))
          : rows.length > MAX_PASSENGERS
            ? new Error(t('warnings.files.listTooLong', { max: MAX_PASSENGERS }))
            : null;
      setState({ kind: 'failed', failure, errors });
      return;
    }
    const expected = new Date(text('expectedAt'));
    setState({ kind: 'sending' });
    api<{ items: ScreeningOutcome[] }>('POST', '/api/v1/warning/expected-crossings', {
      direction: text('direction'),
      portCode: text('portCode'),
      expectedAt: Number.isNaN(expected.getTime()) ? text('expectedAt') : expected.toISOString(),
      ...(text('conveyance') && { conveyance: text('conveyance') }),
      passengers: read.flatMap((item) => ('passenger' in item ? [item.passenger] : [])),
    }).then(
      (result) => {
        setState({ kind: 'done', outcomes: result.items, rows });
        onScreened();
      },
      (error: unknown) =>
        setState({ kind: 'failed', failure: failureOf(error), errors: lineOfProblem(error, rows) }),
    );
  };
  const failure = state.kind === 'failed' ? state.failure : null;
  const error = (field: string) => fieldErrorOf(failure, field);
  return (
    <section aria-labelledby="list-title">
      <h3 id="list-title">{t('warnings.files.listTitle')}</h3>
      <form onSubmit={submit} className="form-grid">
        <CrossingPlaceFields error={error} />
        <Field label={t('warnings.files.expectedAt')} error={error('expectedAt')}>
          {({ id }) => <input id={id} name="expectedAt" type="datetime-local" required />}
        </Field>
        <Field label={t('warnings.screen.conveyance')} error={error('conveyance')}>
          {({ id }) => <input id={id} name="conveyance" maxLength={60} />}
        </Field>
        <fieldset>
          <legend>{t('warnings.files.passengers')}</legend>
          <Field label={t('warnings.files.passengersCsv')} hint={t('warnings.files.passengersHint')}>
            {({ id, describedBy }) => (
              <textarea
                id={id}
                name="passengers"
                rows={6}
                className="mono"
                required
                aria-describedby={describedBy}
                defaultValue={'surname,given_names,birth_date,nationality,document_number\n'}
              />
            )}
          </Field>
        </fieldset>
        <div className="actions">
          <button type="submit" className="primary" disabled={state.kind === 'sending'}>
            {t('warnings.files.screenList')}
          </button>
        </div>
      </form>
      {state.kind === 'sending' && <p role="status">{t('warnings.files.screening')}</p>}
      {state.kind === 'failed' && (
        <>
          <FailureAlert failure={state.failure ?? new Error(t('warnings.files.listRejected'))} />
          <RowErrors errors={state.errors} truncated={false} />
        </>
      )}
      {state.kind === 'done' && (
        <div className="table-scroll" role="status">
          <table className="grid">
            <caption>
              {t('warnings.files.listResult', {
                total: format.number(state.outcomes.length),
                hits: format.number(state.outcomes.filter((item) => item.verdict !== 'clear').length),
              })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('warnings.files.line')}</th>
                <th scope="col">{t('warnings.person.name')}</th>
                <th scope="col">{t('warnings.files.verdict')}</th>
                <th scope="col">{t('warnings.review.score')}</th>
                <th scope="col">{t('warnings.files.ruleWarnings')}</th>
              </tr>
            </thead>
            <tbody>
              {state.outcomes.map((outcome, position) => {
                const row = state.rows[position];
                const name = row
                  ? [row.values.surname, row.values.givenNames].filter(Boolean).join(', ') ||
                    row.values.nativeName ||
                    row.values.documentNumber ||
                    '—'
                  : '—';
                return (
                  <tr key={outcome.crossingId} className={`verdict-${outcome.verdict}`}>
                    <td className="num">{row?.line ?? position + 2}</td>
                    <th scope="row">{name}</th>
                    <td>{t(`warnings.verdicts.${outcome.verdict}`)}</td>
                    <td className="num">{format.number(Math.round(outcome.score * 100) / 100)}</td>
                    <td>
                      {[
                        ...outcome.warnings.map((warning) => t(`warnings.rules.${warning.rule}`)),
                        ...(outcome.documentExpiredOn
                          ? [
                              t('warnings.screen.documentExpired', {
                                date: format.day(outcome.documentExpiredOn),
                              }),
                            ]
                          : []),
                      ].join('; ') || '—'}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Crossings in bulk and advance passenger lists, screened like the desk's single checks. */
export function ListsPanel({ onScreened }: { readonly onScreened: () => void }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="lists-title">
      <h2 id="lists-title">{t('warnings.files.title')}</h2>
      <PassengerList onScreened={onScreened} />
      <BulkCrossings onScreened={onScreened} />
    </section>
  );
}
