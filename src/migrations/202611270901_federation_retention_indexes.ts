import type { Kysely } from 'kysely';

// The federation retention worker deletes settled outbox rows and inbox rows by age every hour; these
// indexes keep that from scanning tables that hold months of traffic.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('federation_outbox_settled_idx')
    .on('federation_outbox')
    .columns(['status', 'updated_at'])
    .execute();
  await db.schema
    .createIndex('federation_inbox_received_idx')
    .on('federation_inbox')
    .column('received_at')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('federation_inbox_received_idx').execute();
  await db.schema.dropIndex('federation_outbox_settled_idx').execute();
}
