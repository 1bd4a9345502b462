import { type Kysely, sql } from 'kysely';

/*
 * The entries still to be screened retrospectively, in id order: the maintenance tick asks for them every few
 * seconds, and without this partial index it read the whole watchlist to find none (a million entries held
 * SQLite, and with it every request of the node, for a fifth of a second each time). The index holds only
 * entries awaiting their round, so it stays small.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('warning_watchlist_awaiting_retro_idx')
    .on('warning_watchlist_entries')
    .column('id')
    .where(sql.ref('retro_screened_at'), 'is', null)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('warning_watchlist_awaiting_retro_idx').execute();
}
