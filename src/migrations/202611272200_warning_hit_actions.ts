import { type Kysely, sql } from 'kysely';

/*
 * Every action taken on a confirmed hit, not only the last: an officer sends the traveller to a secondary health
 * check, then to quarantine, then hands them to the health authority, and each step is what was done. The hit
 * keeps its latest action as before. No personal data here: codes, the officer's user name and times.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('warning_hit_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hit_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('action_by', 'text', (c) => c.notNull())
    .addColumn('action_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('warning_hit_actions_hit_idx')
    .on('warning_hit_actions')
    .columns(['hit_id', 'action_at'])
    .execute();
  // the one action each hit kept so far, under the hit's own id (a hit had at most one)
  await sql`
    insert into warning_hit_actions (id, hit_id, action, action_by, action_at)
    select id, id, action, coalesce(action_by, ''), action_at from warning_hits
    where action is not null and action_at is not null
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('warning_hit_actions').execute();
}
