import { Ajv } from 'ajv';
import { parse as parseCsv } from 'csv-parse/sync';
import { appendAudit } from '../../core/audit/audit.js';
import type { Actor } from '../../core/auth/roles.js';
import type { Db } from '../../core/db/database.js';
import { inTransaction } from '../../core/db/transaction.js';
import { AppError, forbidden, invalid, notFound } from '../../core/errors.js';
import { nulCharacterAt, nulIssue, withNodeFormats } from '../../core/http/formats.js';
import { decodeCursor, pageOf } from '../../core/http/pagination.js';
import { newId, nowIso } from '../../core/ids.js';
import { getGeography, locatePoint } from '../directory/directory.service.js';
import { distanceKm } from '../directory/geometry.js';
import {
  type Hotspots,
  type ImportResult,
  type Interception,
  type InterceptionListQuery,
  NewInterception,
  type PersonIdentity,
} from './operations.schema.js';
import { checkPeriod, utc } from './operations.service.js';
import * as store from './operations.store.js';
import type { InterceptionPersonRow, InterceptionRow } from './operations.tables.js';

/** How close in space and time two records must be to look like the same event. */
export interface DuplicateRule {
  readonly radiusMetres: number;
  readonly windowMinutes: number;
}

export const DEFAULT_DUPLICATE_RULE: DuplicateRule = Object.freeze({ radiusMetres: 500, windowMinutes: 30 });

/** Who is asking: identities are returned (and the read audited) only with the personal-data grant. */
export interface Reader {
  readonly actor: Actor;
  readonly personalData: boolean;
}

const MAX_IMPORT_ROWS = 10_000;

function toPerson(row: InterceptionPersonRow): PersonIdentity & { id: string } {
  return {
    id: row.id,
    surname: row.surname,
    givenNames: row.given_names,
    ...(row.nationality && { nationality: row.nationality }),
    ...(row.birth_date && { birthDate: row.birth_date }),
    ...(row.sex && { sex: row.sex as 'M' | 'F' | 'X' }),
    ...(row.document_number && { documentNumber: row.document_number }),
  };
}

function toInterception(
  row: InterceptionRow,
  identified: number,
  persons?: InterceptionPersonRow[],
): Interception {
  return {
    id: row.id,
    occurredAt: row.occurred_at,
    lon: row.lon,
    lat: row.lat,
    borderSectionCode: row.border_section_code,
    countyCode: row.county_code,
    passCode: row.pass_code,
    passDistanceKm: row.pass_distance_km,
    personsCount: row.persons_count,
    nationality: row.nationality,
    direction: row.direction as Interception['direction'],
    reason: row.reason as Interception['reason'],
    outcome: row.outcome as Interception['outcome'],
    operationId: row.operation_id,
    note: row.note,
    duplicateOf: row.duplicate_of,
    mergedInto: row.merged_into,
    identifiedPersons: identified,
    ...(persons && { persons: persons.map(toPerson) }),
    personsPurged: row.persons_purged_at !== null,
    createdAt: row.created_at,
  };
}

async function views(db: Db, rows: InterceptionRow[], reader: Reader): Promise<Interception[]> {
  const ids = rows.map((row) => row.id);
  const counts = await store.identifiedCounts(db, ids);
  if (!reader.personalData) return rows.map((row) => toInterception(row, counts.get(row.id) ?? 0));
  const persons = await store.personsOf(db, ids);
  const byInterception = new Map<string, InterceptionPersonRow[]>();
  for (const person of persons) {
    byInterception.set(person.interception_id, [
      ...(byInterception.get(person.interception_id) ?? []),
      person,
    ]);
  }
  if (persons.length > 0) {
    await appendAudit(db, reader.actor, {
      action: 'interception.persons_read',
      targetType: 'interception',
      targetId: ids.length === 1 ? (ids[0] ?? null) : null,
      details: { interceptions: [...byInterception.keys()], persons: persons.length },
    });
  }
  return rows.map((row) => toInterception(row, counts.get(row.id) ?? 0, byInterception.get(row.id) ?? []));
}

/** Resolves a point to its border section, county and nearest pass; outside every section is a 400. */
async function placeOf(db: Db, lon: number, lat: number) {
  const place = await locatePoint(db, lon, lat);
  if (!place.borderSectionCode) {
    throw invalid(
      'operations.point_outside_sections',
      `The point (lon ${lon}, lat ${lat}) lies outside every border section`,
      { field: 'lon', lon, lat },
    );
  }
  return { ...place, borderSectionCode: place.borderSectionCode };
}

const metresBetween = (a: { lon: number; lat: number }, b: { lon: number; lat: number }) =>
  distanceKm([a.lon, a.lat], [b.lon, b.lat]) * 1000;

/** The earliest live record that is likely the same event: near, close in time, same head count and nationality. */
async function likelyDuplicateOf(db: Db, row: InterceptionRow, rule: DuplicateRule): Promise<string | null> {
  const at = Date.parse(row.occurred_at);
  const window = rule.windowMinutes * 60_000;
  const candidates = await store.interceptionsBetween(
    db,
    new Date(at - window).toISOString(),
    new Date(at + window + 1).toISOString(),
  );
  const match = candidates.find(
    (other) =>
      other.id !== row.id &&
      other.persons_count === row.persons_count &&
      other.nationality === row.nationality &&
      metresBetween(other, row) <= rule.radiusMetres,
  );
  return match?.id ?? null;
}

/** Records an interception: the point is resolved by geometry and the record checked for a likely duplicate. */
export async function createInterception(
  db: Db,
  rule: DuplicateRule,
  reader: Reader,
  input: NewInterception,
): Promise<Interception> {
  const persons = input.persons ?? [];
  if (persons.length > 0 && !reader.personalData) {
    throw forbidden('auth.personal_data_required', 'Recording identities needs the personal-data grant');
  }
  if (persons.length > input.personsCount) {
    throw invalid(
      'operations.more_identities_than_persons',
      `${persons.length} identities were given for ${input.personsCount} persons`,
      { field: 'persons' },
    );
  }
  const place = await placeOf(db, input.lon, input.lat);
  if (input.operationId && !(await store.findOperation(db, input.operationId))) {
    throw invalid('operations.unknown_operation', `No operation ${input.operationId}`, {
      field: 'operationId',
    });
  }
  const nationalities = new Set(persons.map((person) => person.nationality));
  const sharedNationality = nationalities.size === 1 ? [...nationalities][0] : undefined;
  const now = nowIso();
  const row: InterceptionRow = {
    id: newId(),
    occurred_at: utc(input.occurredAt),
    lon: input.lon,
    lat: input.lat,
    border_section_code: place.borderSectionCode,
    county_code: place.countyCode,
    pass_code: place.nearestPass?.code ?? null,
    pass_distance_km: place.nearestPass ? Math.round(place.nearestPass.distanceKm * 1000) / 1000 : null,
    persons_count: input.personsCount,
    nationality: input.nationality ?? sharedNationality ?? null,
    direction: input.direction,
    reason: input.reason,
    outcome: input.outcome,
    operation_id: input.operationId ?? null,
    note: input.note ?? null,
    duplicate_of: null,
    merged_into: null,
    persons_purged_at: null,
    created_by: reader.actor.name,
    created_at: now,
    updated_at: now,
  };
  const personRows = persons.map((person) => personRow(row.id, person, now));
  return inTransaction(db, async (trx) => {
    row.duplicate_of = await likelyDuplicateOf(trx, row, rule);
    await store.insertInterception(trx, row);
    await store.insertPersons(trx, personRows);
    await appendAudit(trx, reader.actor, {
      action: 'interception.create',
      targetType: 'interception',
      targetId: row.id,
      details: { persons: row.persons_count, identified: persons.length, duplicateOf: row.duplicate_of },
    });
    // The writer gets back what they just wrote; that is not a read of stored personal data.
    return toInterception(row, persons.length, reader.personalData ? personRows : undefined);
  });
}

function personRow(interceptionId: string, person: PersonIdentity, at: string): InterceptionPersonRow {
  return {
    id: newId(),
    interception_id: interceptionId,
    surname: person.surname,
    given_names: person.givenNames,
    nationality: person.nationality ?? null,
    birth_date: person.birthDate ?? null,
    sex: person.sex ?? null,
    document_number: person.documentNumber ?? null,
    created_at: at,
  };
}

async function requireInterception(db: Db, id: string): Promise<InterceptionRow> {
  const row = await store.findInterception(db, id);
  if (!row) throw notFound('operations.interception_not_found', 'Interception', id);
  return row;
}

export async function getInterception(db: Db, reader: Reader, id: string): Promise<Interception> {
  const [view] = await views(db, [await requireInterception(db, id)], reader);
  if (!view) throw notFound('operations.interception_not_found', 'Interception', id);
  return view;
}

/** Newest first; identities only for readers with the grant (and then audited). */
export async function listInterceptions(db: Db, reader: Reader, query: InterceptionListQuery) {
  if (query.from && query.to) checkPeriod(query.from, query.to);
  const limit = query.limit ?? 50;
  const before = decodeCursor(query.cursor, 2) as [string, string] | undefined;
  const rows = await store.listInterceptions(db, {
    from: query.from && utc(query.from),
    to: query.to && utc(query.to),
    operationId: query.operationId,
    sectionCode: query.sectionCode,
    duplicatesOnly: query.duplicates,
    before,
    limit: limit + 1,
  });
  const page = pageOf(rows, limit, (row) => [row.occurred_at, row.id]);
  return { items: await views(db, page.rows, reader), nextCursor: page.nextCursor };
}

const identityKey = (person: InterceptionPersonRow) =>
  [person.surname, person.given_names, person.birth_date, person.document_number]
    .map((part) => (part ?? '').toUpperCase())
    .join('|');

/** Folds a duplicate record into the one it repeats: identities move over, the duplicate stops counting. */
export async function mergeInterception(
  db: Db,
  actor: Actor,
  id: string,
  intoId: string,
): Promise<Interception> {
  if (id === intoId) {
    throw invalid('operations.merge_into_itself', 'An interception cannot be merged into itself', {
      field: 'into',
    });
  }
  return inTransaction(db, async (trx) => {
    const source = await requireInterception(trx, id);
    const target = await requireInterception(trx, intoId);
    for (const row of [source, target]) {
      if (row.merged_into) {
        throw new AppError(
          'conflict',
          'operations.already_merged',
          `Interception ${row.id} was already merged into ${row.merged_into}`,
        );
      }
    }
    const existing = new Set((await store.personsOf(trx, [intoId])).map(identityKey));
    const moving = await store.personsOf(trx, [id]);
    await store.deletePersonsById(
      trx,
      moving.filter((person) => existing.has(identityKey(person))).map((person) => person.id),
    );
    await store.movePersons(trx, id, intoId);
    const now = nowIso();
    await store.updateInterception(trx, id, { merged_into: intoId, duplicate_of: null, updated_at: now });
    if (target.duplicate_of === id)
      await store.updateInterception(trx, intoId, { duplicate_of: null, updated_at: now });
    await appendAudit(trx, actor, {
      action: 'interception.merge',
      targetType: 'interception',
      targetId: id,
      details: { into: intoId },
    });
    const merged = await requireInterception(trx, intoId);
    const counts = await store.identifiedCounts(trx, [intoId]);
    return toInterception(merged, counts.get(intoId) ?? 0);
  });
}

/** Clears a duplicate flag an officer judged wrong. */
export async function dismissDuplicate(db: Db, actor: Actor, id: string): Promise<Interception> {
  return inTransaction(db, async (trx) => {
    const row = await requireInterception(trx, id);
    await store.updateInterception(trx, id, { duplicate_of: null, updated_at: nowIso() });
    await appendAudit(trx, actor, {
      action: 'interception.not_duplicate',
      targetType: 'interception',
      targetId: id,
    });
    const counts = await store.identifiedCounts(trx, [id]);
    return toInterception({ ...row, duplicate_of: null }, counts.get(id) ?? 0);
  });
}

// ---- bulk import ----

// The same validator the HTTP layer uses, so an imported row passes exactly when a posted one would.
const checkRow = withNodeFormats(new Ajv({ strict: false })).compile(NewInterception);

const CSV_NUMBERS = new Set(['lon', 'lat', 'personsCount']);

/** A CSV row as the JSON object the API takes: numbers converted, empty cells left out. */
function csvRecord(record: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (value === '') continue;
    out[key] = CSV_NUMBERS.has(key) && value.trim() !== '' ? Number(value) : value;
  }
  return out;
}

function parseRows(
  format: 'csv' | 'ndjson',
  text: string,
): Array<{ row: number; value: unknown } | { row: number; error: string }> {
  if (format === 'csv') {
    let records: Record<string, string>[];
    try {
      records = parseCsv(text, { columns: true, skip_empty_lines: true, trim: true, bom: true });
    } catch (error) {
      throw invalid('operations.bad_csv', `The CSV cannot be read: ${(error as Error).message}`);
    }
    // Row numbers count the header as line 1, as a spreadsheet shows them.
    return records.map((record, index) => ({ row: index + 2, value: csvRecord(record) }));
  }
  return text
    .split('\n')
    .map((line, index) => ({ line: line.trim(), row: index + 1 }))
    .filter(({ line }) => line !== '')
    .map(({ line, row }) => {
      try {
        return { row, value: JSON.parse(line) as unknown };
      } catch {
        return { row, error: 'is not a JSON object' };
      }
    });
}

function rowProblem(value: unknown): string | null {
  const nulAt = nulCharacterAt(value);
  if (nulAt !== undefined) return `${nulAt || '/'}: ${nulIssue(nulAt).message}`;
  if (checkRow(value)) return null;
  const first = checkRow.errors?.[0];
  return first
    ? `${first.instancePath || '/'}: ${first.message ?? 'is not valid'}`
    : 'is not a valid interception';
}

/** Imports interceptions from CSV or NDJSON; every good row is stored, every bad one reported by number. */
export async function importInterceptions(
  db: Db,
  rule: DuplicateRule,
  reader: Reader,
  format: 'csv' | 'ndjson',
  text: string,
): Promise<ImportResult> {
  const rows = parseRows(format, text);
  if (rows.length > MAX_IMPORT_ROWS) {
    throw invalid(
      'operations.import_too_large',
      `At most ${MAX_IMPORT_ROWS} rows per import, got ${rows.length}`,
      { maxRows: MAX_IMPORT_ROWS, rows: rows.length },
    );
  }
  const result: ImportResult = { imported: 0, flaggedDuplicates: 0, errors: [] };
  for (const item of rows) {
    if ('error' in item) {
      result.errors.push({ row: item.row, message: item.error });
      continue;
    }
    const problem = rowProblem(item.value);
    if (problem) {
      result.errors.push({ row: item.row, message: problem });
      continue;
    }
    try {
      const created = await createInterception(db, rule, reader, item.value as NewInterception);
      result.imported += 1;
      if (created.duplicateOf) result.flaggedDuplicates += 1;
    } catch (error) {
      if (!(error instanceof AppError) || error.kind === 'unavailable') throw error;
      result.errors.push({ row: item.row, message: error.message });
    }
  }
  return result;
}

// ---- hotspots and statistics ----

/** Passes and access roads ranked by persons intercepted near them, with weighted points for a heat map. */
export async function hotspots(db: Db, from: string, to: string): Promise<Hotspots> {
  checkPeriod(from, to);
  const rows = await store.interceptionsBetween(db, utc(from), utc(to));
  const byPass = new Map<string, { events: number; persons: number }>();
  const heat = new Map<string, { lon: number; lat: number; weight: number }>();
  for (const row of rows) {
    if (row.pass_code) {
      const entry = byPass.get(row.pass_code) ?? { events: 0, persons: 0 };
      entry.events += 1;
      entry.persons += row.persons_count;
      byPass.set(row.pass_code, entry);
    }
    // About 100 m cells: fine enough for a map, coarse enough to merge repeated spots.
    const lon = Math.round(row.lon * 1000) / 1000;
    const lat = Math.round(row.lat * 1000) / 1000;
    const cell = heat.get(`${lon},${lat}`) ?? { lon, lat, weight: 0 };
    cell.weight += row.persons_count;
    heat.set(`${lon},${lat}`, cell);
  }
  const passes = await Promise.all(
    [...byPass].map(async ([passCode, counts]) => {
      const pass = await getGeography(db, 'passes', passCode).catch(() => null);
      return { passCode, ...counts, lon: pass?.lon ?? null, lat: pass?.lat ?? null };
    }),
  );
  passes.sort((a, b) => b.persons - a.persons || b.events - a.events || a.passCode.localeCompare(b.passCode));
  return { from: utc(from), to: utc(to), passes, heat: [...heat.values()] };
}

type Tally = Record<string, { events: number; persons: number }>;

const add = (tally: Tally, key: string, events: number, persons: number) => {
  const entry = tally[key] ?? { events: 0, persons: 0 };
  entry.events += events;
  entry.persons += persons;
  tally[key] = entry;
};

/** Interception events and persons in a period, by outcome, direction, nationality and pass (for reports). */
export async function countInterceptions(db: Db, period: { from: string; to: string }) {
  const groups = await store.interceptionTotalsBetween(db, utc(period.from), utc(period.to));
  const byOutcome: Tally = {};
  const byDirection: Tally = {};
  const byNationality: Tally = {};
  const byPass: Tally = {};
  let events = 0;
  let persons = 0;
  for (const group of groups) {
    const groupEvents = Number(group.events);
    const groupPersons = Number(group.persons);
    events += groupEvents;
    persons += groupPersons;
    add(byOutcome, group.outcome, groupEvents, groupPersons);
    add(byDirection, group.direction, groupEvents, groupPersons);
    add(byNationality, group.nationality ?? 'unknown', groupEvents, groupPersons);
    add(byPass, group.pass_code ?? 'none', groupEvents, groupPersons);
  }
  return { events, persons, byOutcome, byDirection, byNationality, byPass };
}
