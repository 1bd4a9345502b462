import { appendAudit } from '../../core/audit/audit.js';
import type { Actor } from '../../core/auth/roles.js';
import { inTransaction } from '../../core/db/transaction.js';
import { nowIso } from '../../core/ids.js';
import { localDate } from './local-time.js';
import {
  addDays,
  type CountyDay,
  type SituationRowResult,
  type Violation,
  validateCountyDay,
} from './rules/index.js';
import type { ImportError, ImportReport } from './situation.schema.js';
import {
  afterOwnChange,
  changesBetween,
  columnOfField,
  newReportRow,
  publishChange,
  reportColumns,
  versionRow,
} from './situation.service.js';
import type { ReportRow } from './situation.store.js';
import * as store from './situation.store.js';
import type { SituationReportRow, SituationReportVersionRow } from './situation.tables.js';
import { agencyInfo, allCounties, countyDayOf, nowOf, type SituationContext } from './situation-context.js';
import { getSituationSettings } from './situation-settings.js';

export interface ImportOptions {
  /** Keep the good rows when some are bad; by default one bad row refuses the whole file. */
  partial?: boolean;
  /** Called while rows are written, for a progress bar. */
  onProgress?: (written: number, total: number) => void;
}

/** The import's outcome; `committed` is false when an all-or-nothing import found errors and wrote nothing. */
export type ImportResult = ImportReport & { committed: boolean };

/** More errors than this are counted but not listed: a wholly wrong file would otherwise answer megabytes. */
export const MAX_LISTED_ERRORS = 1000;
// Counties are read in chunks to stay within bind-parameter limits.
const COUNTY_CHUNK = 500;
const PROGRESS_EVERY = 5000;

interface GoodRow {
  line: number;
  day: CountyDay;
  warnings: Violation[];
}

/**
 * Imports our own county days from parsed file rows, in one transaction. Rows are checked against the
 * directory, against each other and against stored days, with the same rules as a single entry.
 */
export async function importReports(
  ctx: SituationContext,
  actor: Actor,
  rows: AsyncIterable<SituationRowResult>,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const own = await agencyInfo(ctx.db, ctx.ownAgency);
  const ownCounties = new Set(
    (await allCounties(ctx.db)).filter((c) => c.country === own.country).map((c) => c.code),
  );
  const errors: ImportError[] = [];
  const rejectedLines = new Set<number>();
  const reject = (line: number, column: string | null, code: string, message: string) => {
    rejectedLines.add(line);
    if (errors.length < MAX_LISTED_ERRORS) errors.push({ line, column, code, message });
  };
  const byCounty = new Map<string, Array<{ line: number; day: CountyDay }>>();
  for await (const result of rows) {
    if (!result.row) {
      for (const e of result.errors) reject(result.line, e.column, e.code, e.message);
      continue;
    }
    if (!ownCounties.has(result.row.countyCode)) {
      reject(
        result.line,
        'county_code',
        'situation.unknown_county',
        `county ${result.row.countyCode} is not one of ${own.country}'s border counties in the directory`,
      );
      continue;
    }
    const list = byCounty.get(result.row.countyCode) ?? [];
    list.push({ line: result.line, day: result.row });
    byCounty.set(result.row.countyCode, list);
  }

  const settings = await getSituationSettings(ctx.db);
  const today = localDate(nowOf(ctx), own.timeZone);
  const stored = await storedAround(ctx, byCounty);
  const good: GoodRow[] = [];
  for (const [countyCode, fileRows] of byCounty) {
    for (const checked of checkCounty(
      fileRows,
      stored.get(countyCode) ?? new Map(),
      today,
      settings.outlierFactor,
    )) {
      if ('errors' in checked) {
        for (const v of checked.errors) reject(checked.line, columnOfField(v.field), v.rule, v.message);
      } else {
        good.push(checked);
      }
    }
  }
  const rejected = rejectedLines.size;
  const warned = good.filter((row) => row.warnings.length > 0).length;
  errors.sort((a, b) => a.line - b.line);
  if (rejected > 0 && !options.partial) {
    return { imported: 0, unchanged: 0, rejected, warned: 0, errors, committed: false };
  }
  const written = await writeAll(ctx, actor, good, stored, own, settings, options);
  publishChange(
    ctx,
    [...byCounty.keys()],
    good.map((row) => row.day.date),
  );
  return { ...written, rejected, warned, errors, committed: true };
}

/** Stored reports (ours) of the counties in the file, over the file's period and the week before it. */
async function storedAround(ctx: SituationContext, byCounty: Map<string, Array<{ day: CountyDay }>>) {
  const stored = new Map<string, Map<string, ReportRow>>();
  let from: string | undefined;
  let to: string | undefined;
  for (const list of byCounty.values()) {
    for (const { day } of list) {
      if (!from || day.date < from) from = day.date;
      if (!to || day.date > to) to = day.date;
    }
  }
  if (!from || !to) return stored;
  const counties = [...byCounty.keys()];
  for (let start = 0; start < counties.length; start += COUNTY_CHUNK) {
    const rows = await store.listReports(ctx.db, {
      counties: counties.slice(start, start + COUNTY_CHUNK),
      source: ctx.ownAgency,
      from: addDays(from, -7),
      to: addDays(to, 1),
    });
    for (const row of rows) {
      const byDate = stored.get(row.county_code) ?? new Map<string, ReportRow>();
      byDate.set(row.report_date, row);
      stored.set(row.county_code, byDate);
    }
  }
  return stored;
}

type Checked = GoodRow | { line: number; errors: Violation[] };

/** Checks one county's file rows in date order, each against its neighbours from the file and the database. */
function checkCounty(
  fileRows: ReadonlyArray<{ line: number; day: CountyDay }>,
  stored: ReadonlyMap<string, ReportRow>,
  today: string,
  outlierFactor: number,
): Checked[] {
  const merged = new Map<string, CountyDay>();
  for (const [date, row] of stored) merged.set(date, countyDayOf(row));
  for (const { day } of fileRows) merged.set(day.date, day);
  const days = [...merged.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const index = new Map(days.map((day, i) => [day.date, i]));
  return fileRows.map(({ line, day }) => {
    const at = index.get(day.date) ?? 0;
    // The rules look at most 7 days back and one report forward, so a window keeps this linear.
    const window = days.slice(Math.max(0, at - 8), at + 2);
    const violations = validateCountyDay(day, window, { today, outlierFactor });
    const errors = violations.filter((v) => v.severity === 'error');
    return errors.length ? { line, errors } : { line, day, warnings: violations };
  });
}

async function writeAll(
  ctx: SituationContext,
  actor: Actor,
  good: readonly GoodRow[],
  stored: ReadonlyMap<string, ReadonlyMap<string, ReportRow>>,
  own: { code: string; timeZone: string },
  settings: Awaited<ReturnType<typeof getSituationSettings>>,
  options: ImportOptions,
) {
  return inTransaction(ctx.db, async (trx) => {
    const at = nowIso();
    const inserts: SituationReportRow[] = [];
    const versions: SituationReportVersionRow[] = [];
    const changed: Array<{ countyCode: string; date: string; wasSent: boolean }> = [];
    let unchanged = 0;
    let written = 0;
    for (const { day, warnings } of good) {
      const existing = stored.get(day.countyCode)?.get(day.date);
      if (!existing) {
        const row = newReportRow(day, own, warnings, actor, at);
        inserts.push(row);
        versions.push(versionRow(row.id, 1, day, {}, 'import', actor, at));
        changed.push({ countyCode: day.countyCode, date: day.date, wasSent: false });
        continue;
      }
      const changes = changesBetween(countyDayOf(existing), day);
      if (Object.keys(changes).length === 0) {
        unchanged++;
        continue;
      }
      const version = existing.version + 1;
      await store.updateReport(trx, existing.id, {
        ...reportColumns(day),
        version,
        warnings: JSON.stringify(warnings),
        updated_at: at,
        updated_by: actor.name,
      });
      await store.insertVersion(trx, versionRow(existing.id, version, day, changes, 'import', actor, at));
      changed.push({ countyCode: day.countyCode, date: day.date, wasSent: existing.sent_version !== null });
      written++;
      if (written % PROGRESS_EVERY === 0) options.onProgress?.(written, good.length);
    }
    for (let start = 0; start < inserts.length; start += PROGRESS_EVERY) {
      await store.insertReports(
        trx,
        inserts.slice(start, start + PROGRESS_EVERY),
        versions.slice(start, start + PROGRESS_EVERY),
      );
      options.onProgress?.(written + Math.min(start + PROGRESS_EVERY, inserts.length), good.length);
    }
    await appendAudit(trx, actor, {
      action: 'situation.import',
      targetType: 'situation_report',
      details: { imported: changed.length, unchanged },
    });
    await afterOwnChange(ctx, trx, changed, settings);
    return { imported: changed.length, unchanged };
  });
}
