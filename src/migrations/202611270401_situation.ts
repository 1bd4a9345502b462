import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('situation_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('county_code', 'text', (c) => c.notNull())
    .addColumn('report_date', 'text', (c) => c.notNull())
    .addColumn('source_agency', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('confirmed', 'integer', (c) => c.notNull())
    .addColumn('new_local', 'integer', (c) => c.notNull())
    .addColumn('new_imported', 'integer', (c) => c.notNull())
    .addColumn('asymptomatic', 'integer', (c) => c.notNull())
    .addColumn('deaths', 'integer', (c) => c.notNull())
    .addColumn('under_observation', 'integer', (c) => c.notNull())
    .addColumn('tests', 'integer', (c) => c.notNull())
    .addColumn('vaccination_coverage', 'real')
    .addColumn('remarks', 'text')
    .addColumn('correction_note', 'text')
    .addColumn('stated_risk_level', 'text')
    .addColumn('warnings', 'text', (c) => c.notNull())
    .addColumn('first_reported_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('sent_version', 'integer')
    .addUniqueConstraint('situation_reports_county_day_source', [
      'county_code',
      'report_date',
      'source_agency',
    ])
    .execute();
  await db.schema
    .createIndex('situation_reports_date_idx')
    .on('situation_reports')
    .columns(['report_date', 'source_agency'])
    .execute();

  await db.schema
    .createTable('situation_report_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('situation_reports.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('figures', 'text', (c) => c.notNull())
    .addColumn('changes', 'text', (c) => c.notNull())
    .addColumn('correction_note', 'text')
    .addColumn('via', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_by_id', 'text')
    .addUniqueConstraint('situation_report_versions_report_version', ['report_id', 'version'])
    .execute();

  await db.schema
    .createTable('situation_daily_sends')
    .addColumn('report_date', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('situation_port_statuses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('port_code', 'text', (c) => c.notNull())
    .addColumn('source_agency', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('measures', 'text', (c) => c.notNull())
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('effective_to', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('situation_port_statuses_port_idx')
    .on('situation_port_statuses')
    .columns(['port_code', 'recorded_at'])
    .execute();

  await db.schema
    .createTable('situation_port_crossings')
    .addColumn('port_code', 'text', (c) => c.notNull())
    .addColumn('crossing_date', 'text', (c) => c.notNull())
    .addColumn('source_agency', 'text', (c) => c.notNull())
    .addColumn('people', 'integer', (c) => c.notNull())
    .addColumn('vehicles', 'integer')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('situation_port_crossings_pk', ['port_code', 'crossing_date', 'source_agency'])
    .execute();

  await db.schema
    .createTable('situation_risk_levels')
    .addColumn('county_code', 'text', (c) => c.notNull())
    .addColumn('source_agency', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('situation_risk_levels_pk', ['county_code', 'source_agency'])
    .execute();

  await db.schema
    .createTable('situation_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('situation_pending_notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('recipients', 'text', (c) => c.notNull())
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('send', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'situation_pending_notifications',
    'situation_settings',
    'situation_risk_levels',
    'situation_port_crossings',
    'situation_port_statuses',
    'situation_daily_sends',
    'situation_report_versions',
    'situation_reports',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
