import { appendAudit } from '../../core/audit/audit.js';
import type { Actor } from '../../core/auth/roles.js';
import type { Db } from '../../core/db/database.js';
import { inTransaction } from '../../core/db/transaction.js';
import { conflict, invalid, notFound } from '../../core/errors.js';
import { decodeCursor, pageOf } from '../../core/http/pagination.js';
import { newId, nowIso } from '../../core/ids.js';
import type { CountySituation, SituationDailyBody } from '../exchange/bodies/index.js';
import { localDate } from './local-time.js';
import {
  addDays,
  COUNTY_DAY_COUNT_FIELDS,
  type CountyDay,
  deriveCountySeries,
  hasErrors,
  isCalendarDate,
  type RiskLevel,
  riskLevel,
  SITUATION_CSV_COLUMNS,
  type Violation,
  validateCountyDay,
} from './rules/index.js';
import type { HandedOver } from './situation.notifier.js';
import type {
  CountyDayInput,
  ReportQuery,
  ReportVersion,
  ReportWritten,
  SituationReport,
  SituationSettings,
} from './situation.schema.js';
import type { ReportRow } from './situation.store.js';
import * as store from './situation.store.js';
import type { SituationReportRow } from './situation.tables.js';
import {
  agencyInfo,
  counterpartsFacing,
  countyDayOf,
  knownCounty,
  nowOf,
  type SituationContext,
} from './situation-context.js';
import { getSituationSettings } from './situation-settings.js';

/** How a version came in: typed in, imported from a file, or received from a counterpart. */
export type ReportVia = 'api' | 'import' | 'federation';

/** Fields compared between versions, in the order a history shows them. */
const VERSIONED_FIELDS = [
  ...COUNTY_DAY_COUNT_FIELDS,
  'vaccinationCoverage',
  'remarks',
  'correctionNote',
] as const satisfies readonly (keyof CountyDay)[];

const COLUMN_OF_FIELD = new Map<string, string>(SITUATION_CSV_COLUMNS.map((c) => [c.field, c.name]));

/** The import-file column a violation's field is entered in. */
export const columnOfField = (field: string): string => COLUMN_OF_FIELD.get(field) ?? field;

/** The report as the API shows it. */
export function toReport(row: ReportRow): SituationReport {
  return {
    countyCode: row.county_code,
    date: row.report_date,
    source: row.source_agency,
    timeZone: row.time_zone,
    version: row.version,
    confirmed: row.confirmed,
    newLocal: row.new_local,
    newImported: row.new_imported,
    asymptomatic: row.asymptomatic,
    deaths: row.deaths,
    underObservation: row.under_observation,
    tests: row.tests,
    vaccinationCoverage: row.vaccination_coverage,
    remarks: row.remarks,
    correctionNote: row.correction_note,
    statedRiskLevel: row.stated_risk_level,
    warnings: JSON.parse(row.warnings) as Violation[],
    firstReportedAt: row.first_reported_at,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
    sentVersion: row.sent_version,
  };
}

/** The field-by-field difference between two versions of a county day. */
export function changesBetween(before: CountyDay | undefined, after: CountyDay) {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  if (!before) return changes;
  for (const field of VERSIONED_FIELDS) {
    const from = before[field] ?? null;
    const to = after[field] ?? null;
    if (from !== to) changes[field] = { from, to };
  }
  return changes;
}

/** A new stored report (version 1) for a county day. */
export function newReportRow(
  day: CountyDay,
  source: { code: string; timeZone: string },
  warnings: readonly Violation[],
  actor: Actor,
  at: string,
): SituationReportRow {
  return {
    id: newId(),
    county_code: day.countyCode,
    report_date: day.date,
    source_agency: source.code,
    time_zone: source.timeZone,
    version: 1,
    ...reportColumns(day),
    stated_risk_level: null,
    warnings: JSON.stringify(warnings),
    first_reported_at: at,
    updated_at: at,
    updated_by: actor.name,
    sent_version: null,
  };
}

/** The figure columns of a report row. */
export function reportColumns(day: CountyDay) {
  return {
    confirmed: day.confirmed,
    new_local: day.newLocal,
    new_imported: day.newImported,
    asymptomatic: day.asymptomatic,
    deaths: day.deaths,
    under_observation: day.underObservation,
    tests: day.tests,
    vaccination_coverage: day.vaccinationCoverage ?? null,
    remarks: day.remarks ?? null,
    correction_note: day.correctionNote ?? null,
  };
}

/** The history entry for a version of a report. */
export function versionRow(
  reportId: string,
  version: number,
  day: CountyDay,
  changes: Record<string, unknown>,
  via: ReportVia,
  actor: Actor,
  at: string,
) {
  return {
    id: newId(),
    report_id: reportId,
    version,
    figures: JSON.stringify(day),
    changes: JSON.stringify(changes),
    correction_note: day.correctionNote ?? null,
    via,
    recorded_at: at,
    recorded_by: actor.name,
    recorded_by_id: actor.userId,
  };
}

/** Reports of one county and source around a day: what the rules compare the day with. */
export async function neighbourDays(
  db: Db,
  countyCode: string,
  source: string,
  date: string,
): Promise<CountyDay[]> {
  // a day that is no date has no neighbours: the valid_date rule then refuses it by name
  if (!isCalendarDate(date)) return [];
  const rows = await store.listReports(db, {
    county: countyCode,
    source,
    from: addDays(date, -60),
    to: addDays(date, 60),
  });
  return rows.map(countyDayOf);
}

/** Rule violations of a county day, refused with one 400 naming every broken rule when any is an error. */
export function checkRules(
  day: CountyDay,
  history: readonly CountyDay[],
  today: string,
  settings: SituationSettings,
) {
  const violations = validateCountyDay(day, history, { today, outlierFactor: settings.outlierFactor });
  if (hasErrors(violations)) {
    const errors = violations.filter((v) => v.severity === 'error');
    throw invalid(
      'situation.rule_violated',
      `the county day breaks ${[...new Set(errors.map((v) => v.rule))].join(', ')}: ${errors.map((v) => v.message).join('; ')}`,
      { violations },
    );
  }
  return violations;
}

/** Enters or corrects our own report of one county day; rules run first, and warnings are stored with it. */
export async function saveReport(
  ctx: SituationContext,
  actor: Actor,
  countyCode: string,
  date: string,
  input: CountyDayInput,
): Promise<ReportWritten> {
  const own = await agencyInfo(ctx.db, ctx.ownAgency);
  const county = await knownCounty(ctx.db, countyCode);
  if (county.country !== own.country) {
    throw invalid(
      'situation.not_own_county',
      `county ${countyCode} is in ${county.country}; its figures come from that country's agency`,
      { field: 'countyCode' },
    );
  }
  const day: CountyDay = { countyCode, date, ...input };
  const settings = await getSituationSettings(ctx.db);
  const written = await inTransaction(ctx.db, async (trx) => {
    const history = await neighbourDays(trx, countyCode, own.code, date);
    const warnings = checkRules(day, history, localDate(nowOf(ctx), own.timeZone), settings);
    const result = await writeReport(trx, actor, day, own, warnings, 'api');
    if (result.changed) {
      await appendAudit(trx, actor, {
        action: 'situation.report_save',
        targetType: 'situation_report',
        targetId: result.row.id,
        details: { countyCode, date, version: result.row.version },
      });
      await afterOwnChange(ctx, trx, [{ countyCode, date, wasSent: result.wasSent }], settings);
    }
    return { report: toReport(result.row), changed: result.changed, warnings };
  });
  if (written.changed) publishChange(ctx, [countyCode], [date]);
  return written;
}

/** Inserts the day or adds a version to it; an identical value changes nothing. */
export async function writeReport(
  trx: Db,
  actor: Actor,
  day: CountyDay,
  source: { code: string; timeZone: string },
  warnings: readonly Violation[],
  via: ReportVia,
  extra: Partial<SituationReportRow> = {},
): Promise<{ row: ReportRow; changed: boolean; wasSent: boolean }> {
  const at = nowIso();
  const existing = await store.findReport(trx, day.countyCode, day.date, source.code);
  if (!existing) {
    const row = { ...newReportRow(day, source, warnings, actor, at), ...extra };
    await store.insertReport(trx, row);
    await store.insertVersion(trx, versionRow(row.id, 1, day, {}, via, actor, at));
    return { row, changed: true, wasSent: false };
  }
  const changes = changesBetween(countyDayOf(existing), day);
  const restated =
    extra.stated_risk_level !== undefined && extra.stated_risk_level !== existing.stated_risk_level;
  if (Object.keys(changes).length === 0 && !restated) {
    return { row: existing, changed: false, wasSent: false };
  }
  const version = existing.version + 1;
  const update = {
    ...reportColumns(day),
    version,
    warnings: JSON.stringify(warnings),
    updated_at: at,
    updated_by: actor.name,
    ...extra,
  };
  await store.updateReport(trx, existing.id, update);
  await store.insertVersion(trx, versionRow(existing.id, version, day, changes, via, actor, at));
  return { row: { ...existing, ...update }, changed: true, wasSent: existing.sent_version !== null };
}

/** After our own figures changed: corrections of data already sent go out again, and risk changes are announced. */
export async function afterOwnChange(
  ctx: SituationContext,
  trx: Db,
  changed: ReadonlyArray<{ countyCode: string; date: string; wasSent: boolean }>,
  settings: SituationSettings,
): Promise<void> {
  const corrections = new Map<string, string[]>();
  for (const { countyCode, date, wasSent } of changed) {
    if (!wasSent) continue;
    corrections.set(date, [...(corrections.get(date) ?? []), countyCode]);
  }
  for (const [date, counties] of corrections) {
    await sendDaily(ctx, trx, date, counties, settings, 'correction of data already sent');
  }
  const latestByCounty = new Map<string, string>();
  for (const { countyCode, date } of changed) {
    if ((latestByCounty.get(countyCode) ?? '') < date) latestByCounty.set(countyCode, date);
  }
  for (const [countyCode, date] of latestByCounty) {
    await watchRiskLevel(ctx, trx, countyCode, date, settings);
  }
}

/** Derived risk level of one county on one day from its reports (of one source). */
export async function derivedRiskLevel(
  db: Db,
  countyCode: string,
  source: string,
  date: string,
  population: number | null | undefined,
  settings: SituationSettings,
): Promise<{ level: RiskLevel; figures: ReturnType<typeof deriveCountySeries>[number] } | null> {
  const rows = await store.listReports(db, {
    county: countyCode,
    source,
    from: addDays(date, -13),
    to: date,
  });
  const point = deriveCountySeries(rows.map(countyDayOf), population ?? undefined).find(
    (p) => p.date === date,
  );
  return point ? { level: riskLevel(point, settings.riskThresholds), figures: point } : null;
}

/** Stores the county's level and, when it changed, tells the counterparts (the first level set is no change). */
async function watchRiskLevel(
  ctx: SituationContext,
  trx: Db,
  countyCode: string,
  date: string,
  settings: SituationSettings,
): Promise<void> {
  const known = await store.findRiskLevel(trx, countyCode, ctx.ownAgency);
  if (known && known.as_of > date) return;
  const county = await knownCounty(trx, countyCode);
  const derived = await derivedRiskLevel(trx, countyCode, ctx.ownAgency, date, county.population, settings);
  if (!derived) return;
  await store.saveRiskLevel(trx, {
    county_code: countyCode,
    source_agency: ctx.ownAgency,
    level: derived.level,
    as_of: date,
    changed_at: known && known.level === derived.level ? known.changed_at : nowIso(),
  });
  if (!known || known.level === derived.level) return;
  const section = county.borderSectionCode
    ? await trx
        .selectFrom('border_sections')
        .select('neighbour_country')
        .where('code', '=', county.borderSectionCode)
        .executeTakeFirst()
    : undefined;
  const to = await counterpartsFacing(trx, section?.neighbour_country ?? null);
  if (to.length === 0) return;
  const own = await agencyInfo(trx, ctx.ownAgency);
  const row = await store.findReport(trx, countyCode, date, ctx.ownAgency);
  if (!row) return;
  await ctx.notifier.notify(trx, {
    notification: {
      type: 'situation.daily',
      body: dailyBody(date, own.timeZone, [{ row, level: derived.level }], (row.sent_version ?? 0) + 1),
    },
    to,
    priority: derived.level === 'high' ? 'urgent' : 'routine',
    send: settings.sendNotifications,
    reason: `risk level of ${countyCode} changed from ${known.level} to ${derived.level} on ${date}`,
  });
  ctx.events?.publish({
    type: 'situation.risk_level_changed',
    agencyCode: ctx.ownAgency,
    data: { countyCode, date, from: known.level, to: derived.level },
  });
}

/** A `situation.daily` body for our reports of one day. */
function dailyBody(
  date: string,
  timeZone: string,
  counties: ReadonlyArray<{ row: ReportRow; level: RiskLevel }>,
  version: number,
  correctionNote?: string,
): SituationDailyBody {
  return {
    schemaVersion: 1,
    reportDate: date,
    timeZone,
    version: Math.min(version, 1000),
    counties: counties.map(
      ({ row, level }): CountySituation => ({
        countyCode: row.county_code,
        confirmed: row.confirmed,
        newLocal: row.new_local,
        newImported: row.new_imported,
        asymptomatic: row.asymptomatic,
        deaths: row.deaths,
        underObservation: row.under_observation,
        tests: row.tests,
        ...(row.vaccination_coverage !== null && { vaccinationCoverage: row.vaccination_coverage }),
        riskLevel: level,
        ...(row.remarks && { remarks: row.remarks.slice(0, 1000) }),
      }),
    ),
    ...(correctionNote && { correctionNote: correctionNote.slice(0, 1000) }),
  };
}

/** Hands our reports of a day (all counties, or the corrected ones) to the counterparts as the next version. */
async function sendDaily(
  ctx: SituationContext,
  trx: Db,
  date: string,
  countyCodes: readonly string[] | null,
  settings: SituationSettings,
  reason: string,
): Promise<{ version: number } & HandedOver> {
  const own = await agencyInfo(trx, ctx.ownAgency);
  const rows = await store.listReports(trx, { source: own.code, from: date, to: date });
  const chosen = countyCodes ? rows.filter((row) => countyCodes.includes(row.county_code)) : rows;
  if (chosen.length === 0) {
    throw invalid('situation.nothing_to_send', `there are no reports of ${date} to send`, { field: 'date' });
  }
  const version = ((await store.findDailySend(trx, date))?.version ?? 0) + 1;
  const counties: Array<{ row: ReportRow; level: RiskLevel }> = [];
  const population = new Map<string, number | null | undefined>();
  for (const row of chosen) {
    if (!population.has(row.county_code)) {
      population.set(row.county_code, (await knownCounty(trx, row.county_code)).population);
    }
    const derived = await derivedRiskLevel(
      trx,
      row.county_code,
      own.code,
      date,
      population.get(row.county_code),
      settings,
    );
    counties.push({ row, level: derived?.level ?? 'low' });
    await store.updateReport(trx, row.id, { sent_version: row.version });
  }
  const to = await counterpartsFacing(trx, null);
  const notes = chosen.map((row) => row.correction_note).filter((note): note is string => !!note);
  const handed = await ctx.notifier.notify(trx, {
    notification: {
      type: 'situation.daily',
      body: dailyBody(
        date,
        own.timeZone,
        counties,
        version,
        countyCodes ? notes.join('; ') || reason : undefined,
      ),
    },
    to,
    priority: 'routine',
    send: settings.sendNotifications || countyCodes === null,
    reason: `${reason} (${date}, version ${version})`,
  });
  // Asked to send, and nobody can receive it: saying "version n sent" would be a lie, so nothing is kept.
  if (countyCodes === null && handed.sentTo.length === 0) {
    throw conflict(
      'situation.no_peer_to_send',
      to.length === 0
        ? 'there is no counterpart agency in the directory to send the report to'
        : `none of the counterparts (${to.join(', ')}) is an active peer of this node; add them as peers first`,
      { agencies: to },
    );
  }
  await store.saveDailySend(trx, date, version, nowIso());
  return { version, ...handed };
}

/** Sends our reports of one day to every counterpart as the next version of that day's `situation.daily`. */
export async function sendDailyReport(ctx: SituationContext, actor: Actor, date: string) {
  const settings = await getSituationSettings(ctx.db);
  return inTransaction(ctx.db, async (trx) => {
    const sent = await sendDaily(ctx, trx, date, null, settings, 'daily report');
    await appendAudit(trx, actor, {
      action: 'situation.daily_send',
      targetType: 'situation_daily',
      targetId: date,
      details: { ...sent },
    });
    return { date, ...sent };
  });
}

/** Reports by county, period and source, oldest day first. */
export async function listReports(db: Db, query: ReportQuery) {
  const limit = query.limit ?? 500;
  const after = decodeCursor(query.cursor, 3) as [string, string, string] | undefined;
  const rows = await store.listReports(db, { ...query, after, limit: limit + 1 });
  const page = pageOf(rows, limit, (row) => [row.report_date, row.county_code, row.source_agency]);
  return { items: page.rows.map(toReport), nextCursor: page.nextCursor };
}

/** Every version of one county day with who recorded it, when, and what changed. */
export async function reportHistory(
  db: Db,
  countyCode: string,
  date: string,
  source: string,
): Promise<{ report: SituationReport; versions: ReportVersion[] }> {
  const row = await store.findReport(db, countyCode, date, source);
  if (!row) throw notFound('situation.report_not_found', 'Report', `${countyCode}/${date}/${source}`);
  const versions = (await store.listVersions(db, row.id)).map((v) => ({
    version: v.version,
    figures: JSON.parse(v.figures) as Record<string, unknown>,
    changes: JSON.parse(v.changes) as Record<string, { from: unknown; to: unknown }>,
    correctionNote: v.correction_note,
    via: v.via,
    recordedAt: v.recorded_at,
    recordedBy: v.recorded_by,
  }));
  return { report: toReport(row), versions };
}

/**
 * Stores a counterpart's `situation.daily` (called by exchange's incoming handler inside the receiving
 * transaction). Their figures are theirs: rule findings are kept as warnings, never refused.
 */
export async function recordIncomingSituationDaily(
  trx: Db,
  fromAgency: string,
  body: SituationDailyBody,
): Promise<void> {
  const actor: Actor = { userId: null, name: `federation:${fromAgency}`, ip: null, requestId: null };
  const settings = await getSituationSettings(trx);
  for (const county of body.counties) {
    await knownCounty(trx, county.countyCode);
    const existing = await store.findReport(trx, county.countyCode, body.reportDate, fromAgency);
    // Messages may arrive out of order; an older version never overwrites a newer one.
    if (existing?.sent_version && existing.sent_version >= body.version) continue;
    const day: CountyDay = {
      countyCode: county.countyCode,
      date: body.reportDate,
      confirmed: county.confirmed,
      newLocal: county.newLocal,
      newImported: county.newImported,
      asymptomatic: county.asymptomatic,
      deaths: county.deaths,
      underObservation: county.underObservation,
      tests: county.tests,
      ...(county.vaccinationCoverage !== undefined && { vaccinationCoverage: county.vaccinationCoverage }),
      ...(county.remarks !== undefined && { remarks: county.remarks }),
      ...(body.correctionNote !== undefined && { correctionNote: body.correctionNote }),
    };
    const history = await neighbourDays(trx, county.countyCode, fromAgency, body.reportDate);
    const findings = validateCountyDay(day, history, {
      today: '9999-12-31',
      outlierFactor: settings.outlierFactor,
    });
    await writeReport(
      trx,
      actor,
      day,
      { code: fromAgency, timeZone: body.timeZone },
      findings.map((finding) => ({ ...finding, severity: 'warning' as const })),
      'federation',
      { stated_risk_level: county.riskLevel, sent_version: body.version },
    );
  }
  await appendAudit(trx, actor, {
    action: 'situation.daily_receive',
    targetType: 'situation_daily',
    targetId: body.reportDate,
    details: { from: fromAgency, version: body.version, counties: body.counties.length },
  });
}

/** Tells live clients which county days changed (ids only). */
export function publishChange(ctx: SituationContext, countyCodes: string[], dates: string[]): void {
  ctx.events?.publish({
    type: 'situation.reports_changed',
    agencyCode: ctx.ownAgency,
    data: { countyCodes: countyCodes.slice(0, 100), dates: [...new Set(dates)].slice(0, 100) },
  });
}
