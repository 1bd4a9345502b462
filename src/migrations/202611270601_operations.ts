import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('operation_schedules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('operations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('counterpart_agency', 'text', (c) => c.notNull())
    .addColumn('origin_agency', 'text', (c) => c.notNull())
    .addColumn('origin_operation_id', 'text', (c) => c.notNull())
    .addColumn('section_code', 'text')
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('counter_proposal', 'text')
    .addColumn('report', 'text')
    .addColumn('counterpart_report', 'text')
    .addColumn('schedule_id', 'text', (c) => c.references('operation_schedules.id'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('operations_origin_unique', ['origin_agency', 'origin_operation_id'])
    .execute();
  await db.schema
    .createIndex('operations_window_idx')
    .on('operations')
    .columns(['starts_at', 'ends_at'])
    .execute();

  await db.schema
    .createTable('operation_check_ins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('operation_id', 'text', (c) => c.notNull().references('operations.id'))
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('lon', 'real', (c) => c.notNull())
    .addColumn('lat', 'real', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('operation_check_ins_operation_idx')
    .on('operation_check_ins')
    .columns(['operation_id', 'at'])
    .execute();

  await db.schema
    .createTable('interceptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('lon', 'real', (c) => c.notNull())
    .addColumn('lat', 'real', (c) => c.notNull())
    .addColumn('border_section_code', 'text', (c) => c.notNull())
    .addColumn('county_code', 'text')
    .addColumn('pass_code', 'text')
    .addColumn('pass_distance_km', 'real')
    .addColumn('persons_count', 'integer', (c) => c.notNull())
    .addColumn('nationality', 'text')
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('operation_id', 'text', (c) => c.references('operations.id'))
    .addColumn('note', 'text')
    .addColumn('duplicate_of', 'text')
    .addColumn('merged_into', 'text')
    .addColumn('persons_purged_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('interceptions_time_idx').on('interceptions').column('occurred_at').execute();

  await db.schema
    .createTable('interception_persons')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('interception_id', 'text', (c) => c.notNull().references('interceptions.id'))
    .addColumn('surname', 'text', (c) => c.notNull())
    .addColumn('given_names', 'text', (c) => c.notNull())
    .addColumn('nationality', 'text')
    .addColumn('birth_date', 'text')
    .addColumn('sex', 'text')
    .addColumn('document_number', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('interception_persons_interception_idx')
    .on('interception_persons')
    .column('interception_id')
    .execute();

  await db.schema
    .createTable('handovers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('counterpart_agency', 'text', (c) => c.notNull())
    .addColumn('interception_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('person_key', 'text', (c) => c.notNull())
    .addColumn('person', 'text')
    .addColumn('nationality', 'text', (c) => c.notNull())
    .addColumn('health', 'text', (c) => c.notNull())
    .addColumn('proposed_at', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('awaiting', 'text')
    .addColumn('confirmed_by_us_at', 'text')
    .addColumn('confirmed_by_counterpart_at', 'text')
    .addColumn('person_purged_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('handovers_person_unique', ['counterpart_agency', 'person_key'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'handovers',
    'interception_persons',
    'interceptions',
    'operation_check_ins',
    'operations',
    'operation_schedules',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
