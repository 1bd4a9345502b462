import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { migrateToLatest } from '../../src/core/db/migrate.js';
import { describeMigrationsAfter } from '../support/migrations.js';

const BEFORE = '202611271700_warning_share_withdrawals';
const AT = '2026-11-20T06:00:00.000Z';

describeMigrationsAfter(BEFORE, 'migrating the actions taken on hits', (database) => {
  it('keeps the one action each hit held as the first of its actions', async () => {
    const db = database();
    const hit = (id: string, action: string | null) => sql`
      insert into warning_hits (id, kind, subject, crossing_id, crossing_kind, port_code, direction, crossed_at,
        verdict, score, explanation, origin, status, action, action_by, action_at, created_at, updated_at)
      values (${id}, 'identity', ${`entry:${id}`}, ${`crossing-${id}`}, 'actual', 'CN-ERL', 'entry', ${AT},
        'hit', 0.9, '[]', 'desk', 'confirmed', ${action}, ${action && 'desk1'}, ${action && AT}, ${AT}, ${AT})`;
    await hit('hit-acted', 'quarantine').execute(db);
    await hit('hit-confirmed', null).execute(db);

    await migrateToLatest(db);

    const actions = await sql<Record<string, string>>`
      select hit_id, action, action_by, action_at from warning_hit_actions order by hit_id`.execute(db);
    expect(actions.rows).toEqual([
      { hit_id: 'hit-acted', action: 'quarantine', action_by: 'desk1', action_at: AT },
    ]);
  });
});
