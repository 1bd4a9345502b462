import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from '../../test/support/cli.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../test/support/databases.js';

describeEachDatabase('a CLI command on a database of another agency', (dialect) => {
  let database: TestDatabase;
  const envWith = (nodeCode: string) => ({
    BORDERLINK_DATA_DIR: database.dataDir,
    DATABASE_URL: database.databaseUrl ?? '',
    BORDERLINK_NODE_CODE: nodeCode,
  });
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(async () => database.drop());

  it('names the agency the database belongs to and the setting to change when the node code is unset', async () => {
    const first = await runCli(['keys', 'show', '--json'], envWith('MN-GABP'));
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ code: 'MN-GABP' });

    const unset = await runCli(['keys', 'show'], envWith(''));
    expect(unset.code).toBe(1);
    expect(unset.stderr.trim()).toBe(
      'error: this database belongs to MN-GABP but BORDERLINK_NODE_CODE is CN-NIA (the default); set BORDERLINK_NODE_CODE=MN-GABP',
    );

    const other = await runCli(['keys', 'show'], envWith('VN-BG'));
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('BORDERLINK_NODE_CODE is VN-BG; set BORDERLINK_NODE_CODE=MN-GABP');
  });
});
