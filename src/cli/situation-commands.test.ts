import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from '../../test/support/cli.js';
import { describeEachDatabase, openTestDatabase } from '../../test/support/databases.js';
import { SYSTEM_ACTOR } from '../core/auth/roles.js';
import { ensureOwnAgency } from '../modules/directory/directory.service.js';
import { addDays } from '../modules/situation/rules/index.js';
import { COUNTERPART, seedBorder } from '../modules/situation/test-support/situation-fixtures.js';

type Handle = Awaited<ReturnType<typeof openTestDatabase>>;

/** A CSV of County A from `first` for `days` days, with `newLocal` new cases each day. */
function countyCsv(file: string, first: string, days: number, newLocal: number, confirmedBefore: number) {
  const lines = [
    'county_code,date,confirmed,new_local,new_imported,asymptomatic,deaths,under_observation,tests',
  ];
  for (let day = 0; day < days; day++) {
    lines.push(
      `CN-A,${addDays(first, day)},${confirmedBefore + newLocal * (day + 1)},${newLocal},0,0,0,5,100`,
    );
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describeEachDatabase('borderlink import situation', (dialect) => {
  let handle: Handle;
  let env: Record<string, string | undefined>;

  beforeAll(async () => {
    handle = await openTestDatabase(dialect);
    await ensureOwnAgency(handle.db, SYSTEM_ACTOR, 'CN-NIA');
    await seedBorder(handle.db);
    env = { BORDERLINK_DATA_DIR: handle.testDb.dataDir, DATABASE_URL: handle.testDb.databaseUrl ?? '' };
  });

  afterAll(async () => {
    await handle?.close();
  });

  it('keeps no situation queue of its own once migrated', async () => {
    const tables = (await handle.db.introspection.getTables()).map((table) => table.name);
    expect(tables).toContain('situation_reports');
    expect(tables).not.toContain('situation_pending_notifications');
  });

  it('hands the risk-level notice it raises to exchange, as a draft for the counterpart, audited as the CLI user', async () => {
    const dir = handle.testDb.dataDir;
    const quiet = await runCli(
      ['import', 'situation', countyCsv(path.join(dir, 'quiet.csv'), '2024-05-01', 7, 0, 10)],
      env,
    );
    expect(quiet.stderr).not.toContain('error');
    expect(quiet.stdout).toContain('imported 7');
    const surge = await runCli(
      ['import', 'situation', countyCsv(path.join(dir, 'surge.csv'), '2024-05-08', 3, 30, 10)],
      env,
    );
    expect(surge.code).toBe(0);
    expect(surge.stdout).toContain('imported 3');

    const drafts = await handle.db
      .selectFrom('notifications')
      .innerJoin('notification_recipients', 'notification_recipients.notification_id', 'notifications.id')
      .select([
        'notifications.id',
        'notifications.type',
        'notifications.state',
        'notification_recipients.agency',
      ])
      .where('notifications.direction', '=', 'outgoing')
      .execute();
    expect(drafts).toEqual([
      expect.objectContaining({ type: 'situation.daily', state: 'draft', agency: COUNTERPART }),
    ]);
    const audit = await handle.db
      .selectFrom('audit_log')
      .select('actor_name')
      .where('action', '=', 'notification.create')
      .where('target_id', '=', drafts[0]?.id ?? '')
      .execute();
    expect(audit.map((entry) => entry.actor_name)).toEqual([expect.stringMatching(/^cli:/)]);
  });

  it('says "1 row has errors" when it rejects a file for one bad row, and exits 1', async () => {
    const file = countyCsv(path.join(handle.testDb.dataDir, 'one-bad.csv'), '2024-06-01', 3, 0, 10);
    const [header = '', first = '', ...rest] = readFileSync(file, 'utf8').split('\n');
    writeFileSync(file, [header, first.replace(/,5,100$/, ',-5,100'), ...rest].join('\n'));
    const run = await runCli(['import', 'situation', file], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      '1 row has errors; nothing was imported (use --partial to keep the good rows)',
    );
  });
});
