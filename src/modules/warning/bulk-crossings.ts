import type { Actor } from '../../core/auth/roles.js';
import { isDuplicateKey } from '../../core/db/constraint-errors.js';
import { type AppError, wordingValues } from '../../core/errors.js';
import { newId, nowIso } from '../../core/ids.js';
import { IDENTITY_COLUMNS } from './identity-columns.js';
import {
  type ByteSource,
  noFieldRefused,
  type RowFormat,
  RowReport,
  type RowResult,
  readRows,
  rowPointer,
  rowValidator,
} from './row-input.js';
import type { RuleContext } from './rules.js';
import {
  type CrossingPlace,
  crossedAtProblem,
  crossingRow,
  portProblem,
  readTraveller,
  ruleContextOf,
  type Screened,
  screenRow,
  storeScreened,
} from './screening.service.js';
import type { WarningRuntime } from './warning.runtime.js';
import { type BulkReport, NewCrossing, type RowError } from './warning.schema.js';
import { recordedReferences } from './warning.store.js';
import type { CrossingRow } from './warning.tables.js';

const CROSSING_COLUMNS = [
  'direction',
  'portCode',
  'crossedAt',
  'reference',
  'conveyance',
  'fromCounty',
  'residenceCounty',
];

/** A CSV row in the JSON shape of a crossing; columns we do not know are ignored, as in `borderlink screen`. */
function crossingFromCsv(record: Record<string, unknown>): Record<string, unknown> {
  const crossing: Record<string, unknown> = {};
  for (const column of CROSSING_COLUMNS) if (record[column] !== undefined) crossing[column] = record[column];
  // A machine-read zone wins over typed columns: it is what the document says, check digits verified.
  if (record.mrz !== undefined) return { ...crossing, mrz: record.mrz };
  const identity = Object.fromEntries(
    IDENTITY_COLUMNS.filter((column) => record[column] !== undefined).map((column) => [
      column,
      record[column],
    ]),
  );
  return { ...crossing, identity };
}

// a CSV row's identity columns are gathered into `identity` (see crossingFromCsv)
const CSV_GROUPS = ['identity'];
const validateCrossing = rowValidator<NewCrossing>(NewCrossing, CSV_GROUPS);

/**
 * A row of the file as a crossing to screen, or everything wrong with it: the schema's errors and the crossing
 * rules' refusals of the fields the schema passed (a bad MRZ, a birth date to come, a port where no crossing is
 * recorded), so the officer corrects each row once.
 */
async function readCrossing(
  record: Record<string, unknown>,
  format: RowFormat,
  line: number,
  place: Omit<CrossingPlace, 'direction' | 'portCode' | 'crossedAt'>,
  by: string,
  rules: RuleContext,
): Promise<RowResult<CrossingRow>> {
  const checked = validateCrossing(format === 'csv' ? crossingFromCsv(record) : record, line, format);
  const input = checked.ok ? checked.value : checked.rest;
  const errors = checked.ok ? [] : [...checked.errors];
  const read = readTraveller(input, input.crossedAt, checked.ok ? noFieldRefused : checked.refused);
  if (!read.ok) errors.push(...read.problems.map((problem) => refusedRow(line, problem, format)));
  const port = input.portCode === undefined ? null : await portProblem(rules, input.portCode);
  if (port) errors.push(refusedRow(line, port, format));
  // `rest` holds only the fields the schema passed: a time it refused is not judged again
  const time = crossedAtProblem(input.crossedAt);
  if (time) errors.push(refusedRow(line, time, format));
  if (errors.length > 0 || !checked.ok || !read.ok) return { ok: false, errors };
  const value = checked.value;
  const where = {
    ...place,
    direction: value.direction,
    portCode: value.portCode,
    crossedAt: value.crossedAt ?? nowIso(),
  };
  return { ok: true, value: crossingRow(where, value, read.traveller.identity, by) };
}

/**
 * A row a crossing rule refused (a bad MRZ, a birth date to come), reported as the desk's answer would be: its
 * field as the file names it, and the details its wording fills in (the MRZ's line and position) as params.
 */
function refusedRow(line: number, error: AppError, format: RowFormat): RowError {
  const field = typeof error.details?.field === 'string' ? error.details.field : '';
  const path = field === '' ? '' : rowPointer(`/${field}`, format, CSV_GROUPS);
  return {
    line,
    code: error.code,
    message: error.message,
    ...(path && { path }),
    params: wordingValues(error),
  };
}

/**
 * The port systems' references of an upload's crossings: a file sent again, or a row repeated in it, records
 * each crossing once (see `NewCrossing.reference`).
 */
class UploadReferences {
  readonly #queued = new Set<string>();

  /** Whether an earlier row of this upload with the same port and reference is queued or stored. */
  queuedBefore(crossing: CrossingRow): boolean {
    return crossing.reference !== null && this.#queued.has(keyOf(crossing));
  }

  queue(crossing: CrossingRow): void {
    if (crossing.reference !== null) this.#queued.add(keyOf(crossing));
  }

  /** Forgets crossings that could not be stored: a later row with one of their references is new. */
  drop(crossings: readonly CrossingRow[]): void {
    for (const crossing of crossings) if (crossing.reference !== null) this.#queued.delete(keyOf(crossing));
  }

  /** The crossings of a batch whose reference a stored crossing already holds at their port. */
  async recordedIn(rt: WarningRuntime, crossings: readonly CrossingRow[]): Promise<Set<CrossingRow>> {
    const byPort = new Map<string, CrossingRow[]>();
    for (const crossing of crossings) {
      if (crossing.reference === null) continue;
      const atPort = byPort.get(crossing.port_code);
      if (atPort) atPort.push(crossing);
      else byPort.set(crossing.port_code, [crossing]);
    }
    const recorded = new Set<CrossingRow>();
    for (const [port, atPort] of byPort) {
      const known = await recordedReferences(
        rt.db,
        port,
        atPort.map((crossing) => crossing.reference as string),
      );
      for (const crossing of atPort) if (known.has(crossing.reference as string)) recorded.add(crossing);
    }
    return recorded;
  }
}

const keyOf = (crossing: CrossingRow) => `${crossing.port_code}\u0000${crossing.reference}`;

type ReadCrossing = { readonly line: number; readonly crossing: CrossingRow };
type ScreenedCrossing = { readonly line: number; readonly screened: Screened };

/**
 * Screens an upload of crossings (NDJSON or CSV, any length) row by row. Good rows are kept in batches, each
 * batch in one transaction with its hits; bad rows are reported by line. Progress goes out as events.
 */
export async function recordBulkCrossings(
  rt: WarningRuntime,
  actor: Actor,
  source: ByteSource,
  format: RowFormat,
): Promise<BulkReport> {
  const importId = newId();
  const rules = await ruleContextOf(rt);
  const report = new RowReport();
  const totals = { accepted: 0, alreadyRecorded: 0, hits: 0, possibles: 0 };
  const references = new UploadReferences();
  let batch: ReadCrossing[] = [];

  /** Leaves out the crossings whose reference is recorded, and counts them; the others. */
  const unrecorded = async <T>(items: readonly T[], crossingOf: (item: T) => CrossingRow): Promise<T[]> => {
    const recorded = await references.recordedIn(rt, items.map(crossingOf));
    totals.alreadyRecorded += recorded.size;
    return items.filter((item) => !recorded.has(crossingOf(item)));
  };

  const store = async (items: readonly ScreenedCrossing[]): Promise<void> => {
    if (items.length === 0) return;
    const screened = items.map((item) => item.screened);
    try {
      await storeScreened(rt, actor, screened, 'crossing.bulk');
      totals.accepted += screened.length;
      totals.hits += screened.filter((s) => s.match.verdict === 'hit').length;
      totals.possibles += screened.filter((s) => s.match.verdict === 'possible').length;
    } catch (error) {
      // another upload of the same crossings recorded some of them since they were looked up: store the rest
      if (isDuplicateKey(error)) {
        const rest = await unrecorded(items, (item) => item.screened.crossing);
        if (rest.length < items.length) return store(rest);
      }
      rt.log.error({ err: error, importId }, 'a batch of crossings could not be stored');
      references.drop(screened.map((s) => s.crossing));
      for (const item of items) {
        report.reject([
          {
            line: item.line,
            code: 'warning.batch_failed',
            message: 'the batch holding this row could not be stored',
          },
        ]);
      }
    }
  };

  // screened only once known to be new: a file sent again costs its reading, not its screening
  const flush = async () => {
    if (batch.length === 0) return;
    const fresh = await unrecorded(batch, (item) => item.crossing);
    batch = [];
    const screened: ScreenedCrossing[] = [];
    for (const { line, crossing } of fresh) {
      screened.push({ line, screened: await screenRow(rt, rules, crossing, 'bulk') });
    }
    await store(screened);
    rt.events.publish({
      type: 'crossings.bulk.progress',
      agencyCode: rt.ownAgency,
      roles: ['port_officer'],
      data: { importId, accepted: totals.accepted, rejected: report.rejected },
    });
  };

  const place = { kind: 'actual' as const, source: 'bulk', importId };
  try {
    for await (const item of readRows(source, format)) {
      if ('error' in item) {
        report.reject([item.error]);
        continue;
      }
      const read = await readCrossing(item.record, format, item.line, place, actor.name, rules);
      if (!read.ok) {
        report.reject(read.errors);
        continue;
      }
      if (references.queuedBefore(read.value)) {
        totals.alreadyRecorded += 1;
        continue;
      }
      references.queue(read.value);
      batch.push({ line: item.line, crossing: read.value });
      if (batch.length >= rt.options.bulkBatchSize) await flush();
    }
  } catch (error) {
    // The batches stored so far stay (each was its own transaction); the rows read since are dropped.
    rt.log.warn(
      { err: error, importId, ...totals, rejected: report.rejected },
      'a bulk upload of crossings ended early',
    );
    throw error;
  }
  await flush();
  return {
    importId,
    ...totals,
    rejected: report.rejected,
    errors: report.errors,
    errorsTruncated: report.errorsTruncated,
  };
}
