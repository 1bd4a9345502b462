import type { Kysely } from 'kysely';

/*
 * A received hit notice keeps the id of the notification it arrived in, so the list of notices can say whether
 * we have acknowledged it (answered the counterpart) or let its reply deadline pass. Notices received before
 * this have none: their reply is shown as unknown.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('warning_hit_notices').addColumn('notification_id', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('warning_hit_notices').dropColumn('notification_id').execute();
}
