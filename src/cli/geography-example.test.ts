import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from '../../test/support/cli.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../test/support/databases.js';

describeEachDatabase('the shipped example geography', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(async () => database.drop());

  it('imports through `borderlink import geography` as one border section, two counties and two passes', async () => {
    const env = { BORDERLINK_DATA_DIR: database.dataDir, DATABASE_URL: database.databaseUrl ?? '' };
    const run = await runCli(['import', 'geography', 'reference/geography/example-border-area.geojson'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe('imported: 0 countries, 0 ports, 1 borderSections, 2 counties, 2 passes');
  });
});
