import type { CreateTableBuilder, Kysely } from 'kysely';

function withBounds<T extends string>(table: CreateTableBuilder<T>) {
  // Bounding boxes let point-in-area lookups skip most geometries before the exact test.
  return table
    .addColumn('geometry', 'text')
    .addColumn('min_lon', 'real')
    .addColumn('min_lat', 'real')
    .addColumn('max_lon', 'real')
    .addColumn('max_lat', 'real');
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('agencies')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('names', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('units')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('parent_id', 'text', (c) => c.references('units.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('names', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('units_path_idx').on('units').column('path').execute();

  await db.schema
    .createTable('countries')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('alpha3', 'text', (c) => c.notNull().unique())
    .addColumn('names', 'text', (c) => c.notNull())
    .execute();

  await withBounds(
    db.schema
      .createTable('border_sections')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('country', 'text', (c) => c.notNull())
      .addColumn('neighbour_country', 'text', (c) => c.notNull())
      .addColumn('names', 'text', (c) => c.notNull()),
  ).execute();

  await withBounds(
    db.schema
      .createTable('counties')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('country', 'text', (c) => c.notNull())
      .addColumn('names', 'text', (c) => c.notNull())
      .addColumn('population', 'integer')
      .addColumn('border_section_code', 'text')
      .addColumn('mirror_county_code', 'text'),
  ).execute();
  await db.schema.createIndex('counties_country_idx').on('counties').column('country').execute();

  await withBounds(
    db.schema
      .createTable('ports')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('country', 'text', (c) => c.notNull())
      .addColumn('names', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('county_code', 'text')
      .addColumn('counterpart_port_code', 'text')
      .addColumn('neighbour_country', 'text')
      .addColumn('lon', 'real')
      .addColumn('lat', 'real'),
  ).execute();

  await withBounds(
    db.schema
      .createTable('passes')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('country', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('names', 'text', (c) => c.notNull())
      .addColumn('county_code', 'text')
      .addColumn('border_section_code', 'text')
      .addColumn('lon', 'real')
      .addColumn('lat', 'real'),
  ).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['passes', 'ports', 'counties', 'border_sections', 'countries', 'units', 'agencies']) {
    await db.schema.dropTable(table).execute();
  }
}
