import type { Insertable, Selectable } from 'kysely';
import type { Database, Db } from '../../core/db/database.js';
import type { AgencyRow, CountryRow, UnitRow } from './directory.tables.js';

export type GeoTable = 'border_sections' | 'counties' | 'ports' | 'passes';
export type GeoRow<T extends GeoTable> = Selectable<Database[T]>;

export const findAgency = (db: Db, code: string) =>
  db.selectFrom('agencies').selectAll().where('code', '=', code).executeTakeFirst();

export const listAgencies = (db: Db, opts: { afterCode?: string; limit: number; kind?: string }) => {
  let q = db.selectFrom('agencies').selectAll().orderBy('code').limit(opts.limit);
  if (opts.afterCode) q = q.where('code', '>', opts.afterCode);
  if (opts.kind) q = q.where('kind', '=', opts.kind);
  return q.execute();
};

export const insertAgency = (db: Db, row: AgencyRow) => db.insertInto('agencies').values(row).execute();

export const updateAgency = (db: Db, code: string, changes: Partial<AgencyRow>) =>
  db.updateTable('agencies').set(changes).where('code', '=', code).execute();

export const findUnit = (db: Db, id: string) =>
  db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();

export const findUnitByCode = (db: Db, code: string) =>
  db.selectFrom('units').selectAll().where('code', '=', code).executeTakeFirst();

/** Units in a subtree (or all when no root is given), parents before children. */
export const listUnits = (db: Db, rootPath?: string) => {
  let q = db.selectFrom('units').selectAll().orderBy('path');
  if (rootPath) q = q.where('path', 'like', `${rootPath}%`);
  return q.execute();
};

export const insertUnit = (db: Db, row: UnitRow) => db.insertInto('units').values(row).execute();

export const updateUnit = (db: Db, id: string, changes: Partial<UnitRow>) =>
  db.updateTable('units').set(changes).where('id', '=', id).execute();

export const listCountries = (db: Db) => db.selectFrom('countries').selectAll().orderBy('code').execute();

export const upsertCountry = (db: Db, row: CountryRow) =>
  db
    .insertInto('countries')
    .values(row)
    .onConflict((oc) => oc.column('code').doUpdateSet({ alpha3: row.alpha3, names: row.names }))
    .execute();

export const findGeo = <T extends GeoTable>(db: Db, table: T, code: string) =>
  db
    .selectFrom(table as GeoTable)
    .selectAll()
    .where('code', '=', code)
    .executeTakeFirst() as Promise<GeoRow<T> | undefined>;

export const listGeo = <T extends GeoTable>(
  db: Db,
  table: T,
  opts: { country?: string; afterCode?: string; limit: number },
) => {
  let q = db
    .selectFrom(table as GeoTable)
    .selectAll()
    .orderBy('code')
    .limit(opts.limit);
  if (opts.country) q = q.where('country', '=', opts.country);
  if (opts.afterCode) q = q.where('code', '>', opts.afterCode);
  return q.execute() as Promise<Array<GeoRow<T>>>;
};

/** Inserts or replaces a feature by code: imports are repeatable. */
export const upsertGeo = <T extends GeoTable>(db: Db, table: T, row: Insertable<Database[T]>) => {
  const { code: _code, ...rest } = row as Insertable<Database['counties']>;
  return db
    .insertInto(table as 'counties')
    .values(row as Insertable<Database['counties']>)
    .onConflict((oc) => oc.column('code').doUpdateSet(rest))
    .execute();
};

/** Features whose bounding box contains the point: the cheap first step of a point-in-area lookup. */
export const geoContainingBox = <T extends GeoTable>(db: Db, table: T, lon: number, lat: number) =>
  db
    .selectFrom(table as GeoTable)
    .selectAll()
    .where('min_lon', '<=', lon)
    .where('max_lon', '>=', lon)
    .where('min_lat', '<=', lat)
    .where('max_lat', '>=', lat)
    .execute() as Promise<Array<GeoRow<T>>>;
