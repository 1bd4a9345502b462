import type { Kysely } from 'kysely';

// The offline `import situation` now hands notifications to exchange like the running node does, so
// situation no longer keeps its own queue of them. Rows left from earlier imports were only ever listed,
// never sent; liaison officers send such changes through exchange.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('situation_pending_notifications').ifExists().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
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
