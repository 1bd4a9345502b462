import type { Kysely } from 'kysely';

// Retention ends the personal data of a crossing or hit, not the fact that it happened: rows are
// blanked and marked rather than deleted, so period statistics stay true after the purge.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('warning_crossings').addColumn('purged_at', 'text').execute();
  await db.schema.alterTable('warning_hits').addColumn('purged_at', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('warning_hits').dropColumn('purged_at').execute();
  await db.schema.alterTable('warning_crossings').dropColumn('purged_at').execute();
}
