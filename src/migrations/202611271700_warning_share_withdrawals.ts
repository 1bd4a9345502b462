import type { Kysely } from 'kysely';

/*
 * The entries a counterpart withdrew, and in which of its notifications: messages between two nodes can arrive
 * out of order (retries, parallel delivery lanes), and a share written before a withdrawal but delivered after
 * it must not bring the entry, and its personal data, back. No personal data here: agency and entry ids only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('warning_share_withdrawals')
    .addColumn('source_agency', 'text', (c) => c.notNull())
    .addColumn('source_entry_id', 'text', (c) => c.notNull())
    .addColumn('notification_id', 'text', (c) => c.notNull())
    .addColumn('withdrawn_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('warning_share_withdrawals_pk', ['source_agency', 'source_entry_id'])
    .execute();
  await db.schema
    .createIndex('warning_share_withdrawals_at_idx')
    .on('warning_share_withdrawals')
    .column('withdrawn_at')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('warning_share_withdrawals').execute();
}
