import type { Insertable, Selectable } from 'kysely';
import type { Database, Db } from '../../core/db/database.js';
import type {
  SituationPortCrossingRow,
  SituationPortStatusRow,
  SituationReportRow,
  SituationReportVersionRow,
} from './situation.tables.js';

export type ReportRow = Selectable<Database['situation_reports']>;

// PostgreSQL allows 65,535 bind parameters a statement; a report row has 24 columns.
const INSERT_BATCH = 1000;

export const findReport = (db: Db, countyCode: string, date: string, source: string) =>
  db
    .selectFrom('situation_reports')
    .selectAll()
    .where('county_code', '=', countyCode)
    .where('report_date', '=', date)
    .where('source_agency', '=', source)
    .executeTakeFirst();

export interface ReportFilter {
  county?: string;
  counties?: readonly string[];
  from?: string;
  to?: string;
  source?: string;
  after?: readonly [string, string, string];
  limit?: number;
}

/** Reports ordered by date, county and source; `after` continues from a cursor. */
export function listReports(db: Db, filter: ReportFilter) {
  let q = db
    .selectFrom('situation_reports')
    .selectAll()
    .orderBy('report_date')
    .orderBy('county_code')
    .orderBy('source_agency');
  if (filter.county) q = q.where('county_code', '=', filter.county);
  if (filter.counties) q = q.where('county_code', 'in', filter.counties.length ? filter.counties : ['']);
  if (filter.from) q = q.where('report_date', '>=', filter.from);
  if (filter.to) q = q.where('report_date', '<=', filter.to);
  if (filter.source) q = q.where('source_agency', '=', filter.source);
  if (filter.after) {
    const [date, county, source] = filter.after;
    q = q.where((eb) =>
      eb.or([
        eb('report_date', '>', date),
        eb.and([eb('report_date', '=', date), eb('county_code', '>', county)]),
        eb.and([
          eb('report_date', '=', date),
          eb('county_code', '=', county),
          eb('source_agency', '>', source),
        ]),
      ]),
    );
  }
  if (filter.limit) q = q.limit(filter.limit);
  return q.execute();
}

export const insertReport = (db: Db, row: SituationReportRow) =>
  db.insertInto('situation_reports').values(row).execute();

/** Inserts many new reports and their first versions in batches. */
export async function insertReports(
  db: Db,
  rows: readonly SituationReportRow[],
  versions: readonly SituationReportVersionRow[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += INSERT_BATCH) {
    await db
      .insertInto('situation_reports')
      .values(rows.slice(start, start + INSERT_BATCH))
      .execute();
  }
  for (let start = 0; start < versions.length; start += INSERT_BATCH * 2) {
    await db
      .insertInto('situation_report_versions')
      .values(versions.slice(start, start + INSERT_BATCH * 2))
      .execute();
  }
}

export const updateReport = (db: Db, id: string, changes: Partial<SituationReportRow>) =>
  db.updateTable('situation_reports').set(changes).where('id', '=', id).execute();

export const insertVersion = (db: Db, row: SituationReportVersionRow) =>
  db.insertInto('situation_report_versions').values(row).execute();

export const listVersions = (db: Db, reportId: string) =>
  db
    .selectFrom('situation_report_versions')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('version')
    .execute();

export const findDailySend = (db: Db, date: string) =>
  db.selectFrom('situation_daily_sends').selectAll().where('report_date', '=', date).executeTakeFirst();

export async function saveDailySend(db: Db, date: string, version: number, sentAt: string): Promise<void> {
  await db
    .insertInto('situation_daily_sends')
    .values({ report_date: date, version, sent_at: sentAt })
    .onConflict((oc) => oc.column('report_date').doUpdateSet({ version, sent_at: sentAt }))
    .execute();
}

// ---- port register ----

export const insertPortStatus = (db: Db, row: SituationPortStatusRow) =>
  db.insertInto('situation_port_statuses').values(row).execute();

export function listPortStatuses(db: Db, portCodes?: readonly string[]) {
  let q = db
    .selectFrom('situation_port_statuses')
    .selectAll()
    .orderBy('port_code')
    .orderBy('recorded_at')
    .orderBy('id');
  if (portCodes) q = q.where('port_code', 'in', portCodes.length ? portCodes : ['']);
  return q.execute();
}

export async function upsertCrossing(db: Db, row: SituationPortCrossingRow): Promise<void> {
  await db
    .insertInto('situation_port_crossings')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['port_code', 'crossing_date', 'source_agency']).doUpdateSet({
        people: row.people,
        vehicles: row.vehicles,
        recorded_at: row.recorded_at,
        recorded_by: row.recorded_by,
      }),
    )
    .execute();
}

export const listCrossings = (db: Db, date: string) =>
  db.selectFrom('situation_port_crossings').selectAll().where('crossing_date', '=', date).execute();

export const findCrossing = (db: Db, portCode: string, date: string, source: string) =>
  db
    .selectFrom('situation_port_crossings')
    .selectAll()
    .where('port_code', '=', portCode)
    .where('crossing_date', '=', date)
    .where('source_agency', '=', source)
    .executeTakeFirst();

/** A port's counts between two days (inclusive), newest day first; every source unless one is named. */
export const listPortCrossings = (
  db: Db,
  portCode: string,
  range: { from: string; to: string; source?: string | undefined },
) => {
  let q = db
    .selectFrom('situation_port_crossings')
    .selectAll()
    .where('port_code', '=', portCode)
    .where('crossing_date', '>=', range.from)
    .where('crossing_date', '<=', range.to);
  if (range.source) q = q.where('source_agency', '=', range.source);
  return q.orderBy('crossing_date', 'desc').orderBy('source_agency').execute();
};

// ---- risk levels, settings, pending notifications ----

export const findRiskLevel = (db: Db, countyCode: string, source: string) =>
  db
    .selectFrom('situation_risk_levels')
    .selectAll()
    .where('county_code', '=', countyCode)
    .where('source_agency', '=', source)
    .executeTakeFirst();

/** The most recent level of a county as of a day, whoever reported it. */
export const latestRiskLevel = (db: Db, countyCode: string, date: string) =>
  db
    .selectFrom('situation_risk_levels')
    .select(['level', 'as_of'])
    .where('county_code', '=', countyCode)
    .where('as_of', '<=', date)
    .orderBy('as_of', 'desc')
    .limit(1)
    .executeTakeFirst();

export async function saveRiskLevel(
  db: Db,
  row: Insertable<Database['situation_risk_levels']>,
): Promise<void> {
  await db
    .insertInto('situation_risk_levels')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['county_code', 'source_agency']).doUpdateSet({
        level: row.level,
        as_of: row.as_of,
        changed_at: row.changed_at,
      }),
    )
    .execute();
}

export const listSettings = (db: Db) => db.selectFrom('situation_settings').selectAll().execute();

export async function saveSetting(db: Db, key: string, value: string, at: string, by: string): Promise<void> {
  await db
    .insertInto('situation_settings')
    .values({ key, value, updated_at: at, updated_by: by })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at, updated_by: by }))
    .execute();
}
