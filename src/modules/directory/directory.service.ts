import type { Insertable } from 'kysely';
import { appendAudit } from '../../core/audit/audit.js';
import * as accounts from '../../core/auth/auth.service.js';
import type { Actor, Principal } from '../../core/auth/roles.js';
import type { Database, Db } from '../../core/db/database.js';
import { inTransaction } from '../../core/db/transaction.js';
import { conflict, invalid, notFound } from '../../core/errors.js';
import { decodeCursor, pageOf } from '../../core/http/pagination.js';
import { newId, nowIso } from '../../core/ids.js';
import type {
  Agency,
  AgencyChanges,
  BorderSection,
  Country,
  County,
  GeoListQuery,
  Geometry,
  NewAgency,
  NewUnit,
  NewUser,
  Pass,
  Port,
  Unit,
  UserChanges,
} from './directory.schema.js';
import * as store from './directory.store.js';
import type { AgencyRow, GeoColumns, UnitRow } from './directory.tables.js';
import { boundingBox, containsPoint, distanceKm } from './geometry.js';

const parseNames = (text: string) => JSON.parse(text) as Agency['names'];

function toAgency(row: AgencyRow): Agency {
  return {
    code: row.code,
    kind: row.kind as Agency['kind'],
    country: row.country,
    names: parseNames(row.names),
    language: row.language as Agency['language'],
    timeZone: row.time_zone,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toUnit(row: UnitRow): Unit {
  return {
    id: row.id,
    code: row.code,
    parentId: row.parent_id,
    kind: row.kind as Unit['kind'],
    names: parseNames(row.names),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

// ---- agencies ----

/** Refuses a zone the runtime cannot format in: every deadline and rendered date of the agency depends on it. */
function assertKnownTimeZone(zone: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    throw invalid('directory.unknown_time_zone', `${zone} is not a known time zone`, { field: 'timeZone' });
  }
}

export async function listAgencies(db: Db, query: { cursor?: string; limit?: number; kind?: string }) {
  const limit = query.limit ?? 50;
  const after = decodeCursor(query.cursor, 1)?.[0];
  const rows = await store.listAgencies(db, {
    afterCode: after as string | undefined,
    limit: limit + 1,
    kind: query.kind,
  });
  const page = pageOf(rows, limit, (row) => [row.code]);
  return { items: page.rows.map(toAgency), nextCursor: page.nextCursor };
}

export async function getAgency(db: Db, code: string): Promise<Agency> {
  const row = await store.findAgency(db, code);
  if (!row) throw notFound('directory.agency_not_found', 'Agency', code);
  return toAgency(row);
}

export async function createAgency(db: Db, actor: Actor, input: NewAgency): Promise<Agency> {
  assertKnownTimeZone(input.timeZone);
  const now = nowIso();
  const row: AgencyRow = {
    code: input.code,
    kind: input.kind,
    country: input.country,
    names: JSON.stringify(input.names),
    language: input.language,
    time_zone: input.timeZone,
    created_at: now,
    updated_at: now,
  };
  await inTransaction(db, async (trx) => {
    if (await store.findAgency(trx, input.code)) {
      throw conflict('directory.agency_exists', `Agency ${input.code} already exists`, { field: 'code' });
    }
    if (input.kind === 'own' && (await store.listAgencies(trx, { kind: 'own', limit: 1 })).length > 0) {
      throw conflict('directory.own_agency_exists', 'This node already has its own agency', {
        field: 'kind',
      });
    }
    await store.insertAgency(trx, row);
    await appendAudit(trx, actor, { action: 'agency.create', targetType: 'agency', targetId: input.code });
  });
  return toAgency(row);
}

export async function updateAgency(
  db: Db,
  actor: Actor,
  code: string,
  changes: AgencyChanges,
): Promise<Agency> {
  if (changes.timeZone !== undefined) assertKnownTimeZone(changes.timeZone);
  return inTransaction(db, async (trx) => {
    const existing = await store.findAgency(trx, code);
    if (!existing) throw notFound('directory.agency_not_found', 'Agency', code);
    // the own agency is who this node speaks for: users, messages and county figures hang on it
    if (
      changes.kind &&
      changes.kind !== existing.kind &&
      (existing.kind === 'own' || changes.kind === 'own')
    ) {
      throw conflict(
        'directory.own_agency_kind',
        "The node's own agency cannot become another kind of agency, nor another agency its own",
        { field: 'kind' },
      );
    }
    await store.updateAgency(trx, code, {
      ...(changes.kind && { kind: changes.kind }),
      ...(changes.country && { country: changes.country }),
      ...(changes.names && { names: JSON.stringify(changes.names) }),
      ...(changes.language && { language: changes.language }),
      ...(changes.timeZone && { time_zone: changes.timeZone }),
      updated_at: nowIso(),
    });
    await appendAudit(trx, actor, {
      action: 'agency.update',
      targetType: 'agency',
      targetId: code,
      details: { changed: Object.keys(changes) },
    });
    return getAgency(trx, code);
  });
}

/**
 * Makes sure the node's own agency exists, so users and messages always have a sender. A database that already
 * belongs to another agency is refused by name: the usual cause is a node code left unset for a second node.
 */
export async function ensureOwnAgency(
  db: Db,
  actor: Actor,
  code: string,
  options: { codeIsDefault?: boolean } = {},
): Promise<void> {
  if (await store.findAgency(db, code)) return;
  const [own] = await store.listAgencies(db, { kind: 'own', limit: 1 });
  if (own) {
    const setting = `BORDERLINK_NODE_CODE is ${code}${options.codeIsDefault ? ' (the default)' : ''}`;
    throw conflict(
      'directory.node_code_mismatch',
      `this database belongs to ${own.code} but ${setting}; set BORDERLINK_NODE_CODE=${own.code}`,
      { ownAgency: own.code, nodeCode: code },
    );
  }
  await createAgency(db, actor, {
    code,
    kind: 'own',
    country: code.slice(0, 2),
    names: { en: code },
    language: code.startsWith('CN-') ? 'zh' : code.startsWith('RU-') ? 'ru' : 'en',
    timeZone: 'UTC',
  });
}

// ---- units ----

/** The units a user may see: their unit's subtree, or everything for users not bound to a unit. */
export async function listUnits(db: Db, principal: Principal): Promise<Unit[]> {
  let rootPath: string | undefined;
  if (principal.unitId && !principal.roles.includes('admin')) {
    rootPath = (await store.findUnit(db, principal.unitId))?.path;
  }
  return (await store.listUnits(db, rootPath)).map(toUnit);
}

export async function getUnit(db: Db, id: string): Promise<Unit> {
  const row = await store.findUnit(db, id);
  if (!row) throw notFound('directory.unit_not_found', 'Unit', id);
  return toUnit(row);
}

/** Ids of the unit and everything below it; what a user bound to that unit may see. */
export async function unitSubtreeIds(db: Db, unitId: string): Promise<string[]> {
  const unit = await store.findUnit(db, unitId);
  if (!unit) return [];
  return (await store.listUnits(db, unit.path)).map((row) => row.id);
}

export async function createUnit(db: Db, actor: Actor, input: NewUnit): Promise<Unit> {
  return inTransaction(db, async (trx) => {
    if (await store.findUnitByCode(trx, input.code)) {
      throw conflict('directory.unit_exists', `Unit ${input.code} already exists`, { field: 'code' });
    }
    let parentPath = '/';
    if (input.parentId) {
      const parent = await store.findUnit(trx, input.parentId);
      if (!parent)
        throw invalid('directory.unknown_parent', `No unit ${input.parentId}`, { field: 'parentId' });
      parentPath = parent.path;
    }
    const now = nowIso();
    const id = newId();
    const row: UnitRow = {
      id,
      code: input.code,
      parent_id: input.parentId ?? null,
      kind: input.kind,
      names: JSON.stringify(input.names),
      path: `${parentPath}${id}/`,
      created_at: now,
      updated_at: now,
    };
    await store.insertUnit(trx, row);
    await appendAudit(trx, actor, { action: 'unit.create', targetType: 'unit', targetId: id });
    return toUnit(row);
  });
}

// ---- users (accounts live in core; the directory adds agency and unit checks) ----

async function checkUnit(db: Db, unitId: string | null | undefined): Promise<void> {
  if (unitId && !(await store.findUnit(db, unitId))) {
    throw invalid('directory.unknown_unit', `No unit ${unitId}`, { field: 'unitId' });
  }
}

export async function createUser(db: Db, actor: Actor, ownAgency: string, input: NewUser) {
  await checkUnit(db, input.unitId);
  const agencyCode = input.agencyCode ?? ownAgency;
  if (!(await store.findAgency(db, agencyCode))) {
    throw invalid('directory.unknown_agency', `No agency ${agencyCode}`, { field: 'agencyCode' });
  }
  return accounts.createUser(db, actor, { ...input, agencyCode });
}

export async function updateUser(db: Db, actor: Actor, userId: string, changes: UserChanges) {
  await checkUnit(db, changes.unitId);
  return accounts.updateUser(db, actor, userId, changes);
}

// ---- countries and geography ----

export const listCountries = async (db: Db): Promise<Country[]> =>
  (await store.listCountries(db)).map((row) => ({
    code: row.code,
    alpha3: row.alpha3,
    names: parseNames(row.names),
  }));

export async function upsertCountry(db: Db, actor: Actor, country: Country): Promise<Country> {
  await inTransaction(db, async (trx) => {
    await store.upsertCountry(trx, {
      code: country.code,
      alpha3: country.alpha3,
      names: JSON.stringify(country.names),
    });
    await appendAudit(trx, actor, {
      action: 'country.upsert',
      targetType: 'country',
      targetId: country.code,
    });
  });
  return country;
}

interface GeoFeature {
  code: string;
  country: string;
  names: Agency['names'];
  geometry?: Geometry | null;
}

function geoColumns(feature: GeoFeature): GeoColumns {
  const box = feature.geometry ? boundingBox(feature.geometry) : null;
  return {
    code: feature.code,
    country: feature.country,
    names: JSON.stringify(feature.names),
    geometry: feature.geometry ? JSON.stringify(feature.geometry) : null,
    min_lon: box?.minLon ?? null,
    min_lat: box?.minLat ?? null,
    max_lon: box?.maxLon ?? null,
    max_lat: box?.maxLat ?? null,
  };
}

function geoFields(row: GeoColumns) {
  return {
    code: row.code,
    country: row.country,
    names: parseNames(row.names),
    geometry: row.geometry ? (JSON.parse(row.geometry) as Geometry) : null,
  };
}

interface GeoViews {
  border_sections: BorderSection;
  counties: County;
  ports: Port;
  passes: Pass;
}

interface GeoSpec<K extends store.GeoTable> {
  what: string;
  toView(row: store.GeoRow<K>): GeoViews[K];
  toRow(feature: GeoViews[K]): Insertable<Database[K]>;
}

/** Per kind of feature: what to call it, and its row ↔ view mappings. */
const GEO_KINDS: { [K in store.GeoTable]: GeoSpec<K> } = {
  border_sections: {
    what: 'Border section',
    toView: (row: store.GeoRow<'border_sections'>): BorderSection => ({
      ...geoFields(row),
      neighbourCountry: row.neighbour_country,
    }),
    toRow: (f: BorderSection): Insertable<Database['border_sections']> => ({
      ...geoColumns(f),
      neighbour_country: f.neighbourCountry,
    }),
  },
  counties: {
    what: 'County',
    toView: (row: store.GeoRow<'counties'>): County => ({
      ...geoFields(row),
      population: row.population,
      borderSectionCode: row.border_section_code,
      mirrorCountyCode: row.mirror_county_code,
    }),
    toRow: (f: County): Insertable<Database['counties']> => ({
      ...geoColumns(f),
      population: f.population ?? null,
      border_section_code: f.borderSectionCode ?? null,
      mirror_county_code: f.mirrorCountyCode ?? null,
    }),
  },
  ports: {
    what: 'Port',
    toView: (row: store.GeoRow<'ports'>): Port => ({
      ...geoFields(row),
      kind: row.kind as Port['kind'],
      countyCode: row.county_code,
      counterpartPortCode: row.counterpart_port_code,
      neighbourCountry: row.neighbour_country,
      lon: row.lon,
      lat: row.lat,
    }),
    toRow: (f: Port): Insertable<Database['ports']> => ({
      ...geoColumns(f),
      kind: f.kind,
      county_code: f.countyCode ?? null,
      counterpart_port_code: f.counterpartPortCode ?? null,
      neighbour_country: f.neighbourCountry ?? null,
      lon: f.lon ?? null,
      lat: f.lat ?? null,
    }),
  },
  passes: {
    what: 'Pass or access road',
    toView: (row: store.GeoRow<'passes'>): Pass => ({
      ...geoFields(row),
      kind: row.kind as Pass['kind'],
      countyCode: row.county_code,
      borderSectionCode: row.border_section_code,
      lon: row.lon,
      lat: row.lat,
    }),
    toRow: (f: Pass): Insertable<Database['passes']> => ({
      ...geoColumns(f),
      kind: f.kind,
      county_code: f.countyCode ?? null,
      border_section_code: f.borderSectionCode ?? null,
      lon: f.lon ?? null,
      lat: f.lat ?? null,
    }),
  },
};

export async function listGeography<K extends store.GeoTable>(db: Db, kind: K, query: GeoListQuery) {
  const limit = query.limit ?? 200;
  const after = decodeCursor(query.cursor, 1)?.[0] as string | undefined;
  const rows = await store.listGeo(db, kind, { country: query.country, afterCode: after, limit: limit + 1 });
  const page = pageOf(rows, limit, (row) => [(row as GeoColumns).code]);
  return { items: page.rows.map((row) => GEO_KINDS[kind].toView(row)), nextCursor: page.nextCursor };
}

export async function getGeography<K extends store.GeoTable>(
  db: Db,
  kind: K,
  code: string,
): Promise<GeoViews[K]> {
  const row = await store.findGeo(db, kind, code);
  if (!row) throw notFound(`directory.${kind}_not_found`, GEO_KINDS[kind].what, code);
  return GEO_KINDS[kind].toView(row);
}

/** Creates or replaces a feature by its code (imports call this for every feature). */
export async function saveGeography<K extends store.GeoTable>(
  db: Db,
  actor: Actor,
  kind: K,
  feature: GeoViews[K],
  audit = true,
): Promise<GeoViews[K]> {
  const row = GEO_KINDS[kind].toRow(feature);
  await inTransaction(db, async (trx) => {
    await store.upsertGeo(trx, kind, row);
    if (audit)
      await appendAudit(trx, actor, { action: `${kind}.save`, targetType: kind, targetId: feature.code });
  });
  return feature;
}

/** Where a point lies: its border section and county by geometry, and the nearest pass or access road. */
export async function locatePoint(db: Db, lon: number, lat: number) {
  const within = async (kind: 'border_sections' | 'counties') =>
    ((await store.geoContainingBox(db, kind, lon, lat)) as GeoColumns[]).find(
      (row) => row.geometry && containsPoint(JSON.parse(row.geometry) as Geometry, lon, lat),
    )?.code ?? null;
  const passes = await store.listGeo(db, 'passes', { limit: 100_000 });
  let nearest: { code: string; distanceKm: number } | null = null;
  for (const pass of passes) {
    if (pass.lon === null || pass.lat === null) continue;
    const distance = distanceKm([lon, lat], [pass.lon, pass.lat]);
    if (!nearest || distance < nearest.distanceKm) nearest = { code: pass.code, distanceKm: distance };
  }
  return {
    borderSectionCode: await within('border_sections'),
    countyCode: await within('counties'),
    nearestPass: nearest,
  };
}
