import type { Kysely } from 'kysely';
import { isPostgres } from '../core/db/dialect.js';

// Files kept with a liaison contact (a scanned letter, minutes of a call). The bytes live in the row rather than
// in the content-addressed store federation shares with exchange: the log never leaves the node, and deleting a
// file from a contact must really remove it, which a shared content-addressed store cannot promise.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('liaison_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contact_id', 'text', (c) => c.notNull().references('liaison_contacts.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('data', isPostgres(db) ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('liaison_attachments_contact_idx')
    .on('liaison_attachments')
    .columns(['contact_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('liaison_attachments').execute();
}
