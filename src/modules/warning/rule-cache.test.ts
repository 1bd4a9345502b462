import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import type { ApiClient } from '../../../test/support/http-client.js';
import { useTestNode } from '../../../test/support/nodes.js';
import { CROSS_PROCESS_BOUND_MS } from '../../core/db/changes.js';
import { openDatabase } from '../../core/db/database.js';
import { newId, nowIso } from '../../core/ids.js';
import { addTestPort, buildCrossing } from './test-support/factories.js';
import { insertFlaggedConveyance } from './warning.store.js';

type Outcome = { warnings: Array<{ rule: string }> };

// The desk keeps the rule context between crossings; these check it is never behind a write.
describeEachDatabase('early-warning rules cached on the desk path', (dialect) => {
  const testNode = useTestNode(dialect, { code: 'CN-NIA' });
  let officer: ApiClient;
  beforeAll(async () => {
    await addTestPort(await testNode().admin());
    officer = await testNode().userWith(['port_officer'], { personalData: true });
  });
  const rulesOf = async (conveyance: string) => {
    const response = await officer.post<Outcome>('/api/v1/warning/crossings', buildCrossing({ conveyance }));
    expect(response.status).toBe(201);
    return response.body.warnings.map((warning) => warning.rule);
  };

  it('applies flags and rule switches made through the node to the very next crossing', async () => {
    const admin = await testNode().admin();
    expect(await rulesOf('TRUCK 77')).toEqual([]);
    const flag = await officer.post<{ id: string }>('/api/v1/warning/flagged-conveyances', {
      conveyance: 'TRUCK-77',
      reason: 'driver is a close contact',
    });
    expect(flag.status).toBe(201);
    expect(await rulesOf('TRUCK 77')).toEqual(['flagged_conveyance']);
    const off = await admin.put('/api/v1/warning/rules', {
      rules: [{ rule: 'flagged_conveyance', enabled: false }],
    });
    expect(off.status).toBe(200);
    expect(await rulesOf('TRUCK 77')).toEqual([]);
    await admin.put('/api/v1/warning/rules', { rules: [{ rule: 'flagged_conveyance', enabled: true }] });
    expect(await rulesOf('TRUCK 77')).toEqual(['flagged_conveyance']);
    expect((await officer.delete(`/api/v1/warning/flagged-conveyances/${flag.body.id}`)).status).toBe(204);
    expect(await rulesOf('TRUCK 77')).toEqual([]);
  });

  it('warns from the next crossing on once the port is closed to passengers', async () => {
    expect(await rulesOf('BUS 1')).toEqual([]);
    const closed = await officer.post('/api/v1/situation/ports/ERLIAN/status', {
      status: 'closed',
      measures: { testRequired: 'pcr', quarantineDays: 7, openingHours: '08:00-18:00' },
      effectiveFrom: nowIso().slice(0, 10),
    });
    expect(closed.status).toBe(201);
    expect(await rulesOf('BUS 1')).toEqual(['port_closed_to_passengers']);
  });

  it('takes crossings at a port as soon as the directory has it', async () => {
    const crossing = buildCrossing({ portCode: 'CEKE' });
    expect((await officer.post('/api/v1/warning/crossings', crossing)).status).toBe(400);
    await addTestPort(await testNode().admin(), 'CEKE');
    expect((await officer.post('/api/v1/warning/crossings', crossing)).status).toBe(201);
  });

  it('sees a flag another process wrote to the database within the documented bound', async () => {
    const { database } = testNode();
    expect(await rulesOf('TRAIN K23')).not.toContain('flagged_conveyance');
    // Another process on the same database: the CLI, or a second node process.
    const other = openDatabase({
      databaseUrl: database.databaseUrl,
      dataDir: database.dataDir,
      sqliteFile: database.sqliteFile,
    });
    try {
      await insertFlaggedConveyance(other.db, {
        id: newId(),
        conveyance_key: 'TRAINK23',
        conveyance: 'TRAIN K23',
        reason: 'flagged by the CLI',
        valid_until: null,
        created_by: 'cli',
        created_at: nowIso(),
      });
    } finally {
      await other.close();
    }
    // SQLite reports other connections' commits at once; PostgreSQL within CROSS_PROCESS_BOUND_MS.
    if (dialect === 'postgres') await new Promise((resolve) => setTimeout(resolve, CROSS_PROCESS_BOUND_MS));
    expect(await rulesOf('TRAIN K23')).toContain('flagged_conveyance');
  });
});
