import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import type { ApiClient } from '../../../test/support/http-client.js';
import { startTestNode, type TestNode } from '../../../test/support/nodes.js';
import { linkNodes } from '../exchange/test-support/exchange-nodes.js';
import { eventually } from '../federation/test-support/federation-nodes.js';
import { buildDayInput } from './test-support/situation-fixtures.js';

const square = (lon: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [lon, 40],
      [lon + 1, 40],
      [lon + 1, 41],
      [lon, 41],
      [lon, 40],
    ],
  ],
});

/** Both sides keep the same border geography in their directories, as their administrators would enter it. */
async function seedBorder(admin: ApiClient): Promise<void> {
  const put = async (path: string, body: Record<string, unknown>) => {
    const response = await admin.put(path, body);
    if (response.status !== 200) throw new Error(`${path}: ${response.text}`);
  };
  await put('/api/v1/directory/counties/CN-A', {
    code: 'CN-A',
    country: 'CN',
    names: { en: 'County A' },
    population: 100_000,
    mirrorCountyCode: 'MN-A',
    geometry: square(110),
  });
  await put('/api/v1/directory/counties/MN-A', {
    code: 'MN-A',
    country: 'MN',
    names: { en: 'Sum A' },
    population: 20_000,
    mirrorCountyCode: 'CN-A',
    geometry: square(111),
  });
  await put('/api/v1/directory/ports/CN-P1', {
    code: 'CN-P1',
    country: 'CN',
    names: { en: 'Port 1' },
    kind: 'road',
    counterpartPortCode: 'MN-P1',
    lon: 110.5,
    lat: 40.5,
  });
  await put('/api/v1/directory/ports/MN-P1', {
    code: 'MN-P1',
    country: 'MN',
    names: { en: 'Port 1 (MN)' },
    kind: 'road',
    counterpartPortCode: 'CN-P1',
    lon: 110.6,
    lat: 40.6,
  });
}

describeEachDatabase('situation between two nodes', (dialect) => {
  let a: TestNode;
  let b: TestNode;
  let officerA: ApiClient;
  let analystB: ApiClient;

  beforeAll(async () => {
    [a, b] = await Promise.all([
      startTestNode(dialect, { code: 'CN-NIA' }),
      startTestNode(dialect, { code: 'MN-GABP' }),
    ]);
    await linkNodes(a, b);
    for (const node of [a, b]) await seedBorder(await node.admin());
    const settings = await (await a.admin()).patch('/api/v1/situation/settings', { sendNotifications: true });
    expect(settings.status, settings.text).toBe(200);
    officerA = await a.userWith(['liaison_officer']);
    analystB = await b.userWith(['analyst']);
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  it("shows each side's daily county figures at the other node once sent", async () => {
    const date = new Date().toISOString().slice(0, 10);
    const entered = await officerA.put(
      `/api/v1/situation/reports/CN-A/${date}`,
      buildDayInput({ confirmed: 12 }),
    );
    expect(entered.status, entered.text).toBe(200);
    const sent = await officerA.post('/api/v1/situation/reports/send', { date });
    expect(sent.status, sent.text).toBe(200);
    await eventually(async () => {
      const seen = await analystB.get<{ items: Array<{ countyCode: string; confirmed: number }> }>(
        `/api/v1/situation/reports?county=CN-A&source=CN-NIA&from=${date}&to=${date}`,
      );
      expect(seen.status).toBe(200);
      expect(seen.body.items).toEqual([expect.objectContaining({ countyCode: 'CN-A', confirmed: 12 })]);
    }, 30_000);
  });

  it("shows a change of our port's control status at the other node's port board", async () => {
    const effectiveFrom = new Date().toISOString().slice(0, 10);
    const changed = await officerA.post('/api/v1/situation/ports/CN-P1/status', {
      status: 'cargo_only',
      measures: { testRequired: 'pcr', quarantineDays: 14, openingHours: '09:00-17:00' },
      effectiveFrom,
    });
    expect(changed.status, changed.text).toBeLessThan(300);
    await eventually(async () => {
      const board = await analystB.get<{
        items: Array<{ portCode: string; side: string; current: { status: string } | null }>;
      }>('/api/v1/situation/ports');
      expect(board.status).toBe(200);
      const port = board.body.items.find((item) => item.portCode === 'CN-P1');
      expect(port?.side).toBe('counterpart');
      expect(port?.current?.status).toBe('cargo_only');
    }, 30_000);
  });
});
