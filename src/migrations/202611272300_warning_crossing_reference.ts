import type { Kysely } from 'kysely';

/*
 * The port system's own id of a crossing, so a file or a desk request sent again (a retry after a lost answer,
 * the same export uploaded twice) records the crossing once: counts and hits stay true. Unique per port, and
 * optional (null references never collide).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('warning_crossings').addColumn('reference', 'text').execute();
  await db.schema
    .createIndex('warning_crossings_reference_uq')
    .on('warning_crossings')
    .columns(['port_code', 'reference'])
    .unique()
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('warning_crossings_reference_uq').execute();
  await db.schema.alterTable('warning_crossings').dropColumn('reference').execute();
}
