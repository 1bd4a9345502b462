import type { Kysely } from 'kysely';

// A received envelope whose body is personal data (encrypted to this node) must not outlive the exchange's
// retention of that data. The retention worker examines each inbox row once the replay window has passed and
// records what it found here: NULL = not examined yet, 'plain' = kept for the federation retention,
// 'purged' = the personal-data envelope was blanked (the row stays as the idempotency record).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('federation_inbox').addColumn('body_state', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('federation_inbox').dropColumn('body_state').execute();
}
