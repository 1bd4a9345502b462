import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('warning_watchlist_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source_agency', 'text', (c) => c.notNull())
    .addColumn('source_entry_id', 'text', (c) => c.notNull())
    .addColumn('shared_notification_id', 'text')
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('surname', 'text')
    .addColumn('given_names', 'text')
    .addColumn('native_name', 'text')
    .addColumn('aliases', 'text', (c) => c.notNull())
    .addColumn('sex', 'text')
    .addColumn('birth_date', 'text')
    .addColumn('nationality', 'text')
    .addColumn('document_type', 'text')
    .addColumn('document_number', 'text')
    .addColumn('issuing_state', 'text')
    .addColumn('personal_number', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text', (c) => c.notNull())
    .addColumn('sharing_scope', 'text', (c) => c.notNull())
    .addColumn('share_with', 'text', (c) => c.notNull())
    .addColumn('retro_screened_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('warning_watchlist_source_uq', ['source_agency', 'source_entry_id'])
    .execute();
  await db.schema
    .createIndex('warning_watchlist_valid_until_idx')
    .on('warning_watchlist_entries')
    .column('valid_until')
    .execute();
  await db.schema
    .createIndex('warning_watchlist_updated_idx')
    .on('warning_watchlist_entries')
    .column('updated_at')
    .execute();

  await db.schema
    .createTable('warning_watchlist_tombstones')
    .addColumn('entry_id', 'text', (c) => c.primaryKey())
    .addColumn('removed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('warning_tombstones_removed_idx')
    .on('warning_watchlist_tombstones')
    .column('removed_at')
    .execute();

  await db.schema
    .createTable('warning_crossings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('port_code', 'text', (c) => c.notNull())
    .addColumn('crossed_at', 'text', (c) => c.notNull())
    .addColumn('conveyance', 'text')
    .addColumn('from_county', 'text')
    .addColumn('residence_county', 'text')
    .addColumn('surname', 'text')
    .addColumn('given_names', 'text')
    .addColumn('native_name', 'text')
    .addColumn('sex', 'text')
    .addColumn('birth_date', 'text')
    .addColumn('nationality', 'text')
    .addColumn('document_type', 'text')
    .addColumn('document_number', 'text')
    .addColumn('issuing_state', 'text')
    .addColumn('verdict', 'text', (c) => c.notNull())
    .addColumn('score', 'real', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('import_id', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('warning_crossings_time_idx')
    .on('warning_crossings')
    .columns(['crossed_at', 'id'])
    .execute();

  await db.schema
    .createTable('warning_hits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('rule', 'text')
    .addColumn('crossing_id', 'text', (c) => c.notNull())
    .addColumn('crossing_kind', 'text', (c) => c.notNull())
    .addColumn('port_code', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('crossed_at', 'text', (c) => c.notNull())
    .addColumn('entry_id', 'text')
    .addColumn('source_agency', 'text')
    .addColumn('source_entry_id', 'text')
    .addColumn('verdict', 'text', (c) => c.notNull())
    .addColumn('score', 'real', (c) => c.notNull())
    .addColumn('explanation', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decision_reason', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('action', 'text')
    .addColumn('action_by', 'text')
    .addColumn('action_at', 'text')
    .addColumn('notice_notification_id', 'text')
    .addColumn('reply_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('warning_hits_subject_uq', ['crossing_id', 'subject'])
    .execute();
  await db.schema
    .createIndex('warning_hits_status_idx')
    .on('warning_hits')
    .columns(['status', 'id'])
    .execute();

  await db.schema
    .createTable('warning_hit_notices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('from_agency', 'text', (c) => c.notNull())
    .addColumn('entry_id', 'text', (c) => c.notNull())
    .addColumn('port_code', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('crossed_at', 'text', (c) => c.notNull())
    .addColumn('verdict', 'text', (c) => c.notNull())
    .addColumn('score', 'real', (c) => c.notNull())
    .addColumn('action_taken', 'text', (c) => c.notNull())
    .addColumn('reply_by', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('warning_flagged_conveyances')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('conveyance_key', 'text', (c) => c.notNull().unique())
    .addColumn('conveyance', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('warning_rules')
    .addColumn('rule', 'text', (c) => c.primaryKey())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'warning_rules',
    'warning_flagged_conveyances',
    'warning_hit_notices',
    'warning_hits',
    'warning_crossings',
    'warning_watchlist_tombstones',
    'warning_watchlist_entries',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
