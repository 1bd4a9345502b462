import { type Kysely, sql } from 'kysely';

/*
 * Indexes only, on tables owned by warning and operations, for the period report: each covers the time range
 * and every column the report groups by, so a half-year count reads the index alone (an index-only scan on
 * PostgreSQL, a covering index on SQLite) instead of every row. Owners: drop or fold these into your own
 * migrations if your queries change.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('report_crossings_period_idx')
    .on('warning_crossings')
    .columns(['crossed_at', 'direction', 'port_code'])
    .execute();
  await db.schema
    .createIndex('report_interceptions_period_idx')
    .on('interceptions')
    .columns([
      'occurred_at',
      'outcome',
      'direction',
      'nationality',
      'pass_code',
      'county_code',
      'persons_count',
      // Also in the key: SQLite counts an index as covering only if it holds every column the query names.
      'merged_into',
    ])
    .where(sql.ref('merged_into'), 'is', null)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('report_interceptions_period_idx').execute();
  await db.schema.dropIndex('report_crossings_period_idx').execute();
}
