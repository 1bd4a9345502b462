import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { stopNodes } from '../scripts/demo/nodes.js';
import { type DemoResult, runDemo } from '../scripts/demo/run.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'borderlink-demo-'));
let result: DemoResult | undefined;

afterAll(async () => {
  if (result) await stopNodes(result.nodes);
  rmSync(dataDir, { recursive: true, force: true });
});

it('reports for a two-week replay exactly what the replay did through the three nodes', {
  timeout: 120_000,
}, async () => {
  result = await runDemo({
    root,
    dataDir,
    // Away from 8080–8082, which a developer's own demo may hold.
    basePort: 38_080 + Math.floor(Math.random() * 500) * 3,
    seed: 7,
    firstDay: '2021-01-01',
    days: 14,
    concurrency: 8,
    runFrom: 'source',
    password: 'borderlink-demo-test',
    period: { from: '2021-01-01', to: '2021-01-14' },
    label: 'test',
    progress: false,
    log: () => {},
  });
  expect(result.ledger.interceptions.persons).toBeGreaterThan(0);
  expect(result.ledger.notifications.sent + result.ledger.notifications.received).toBeGreaterThan(100);
  expect(result.checks.filter((check) => !check.ok)).toEqual([]);
  const written = JSON.parse(readFileSync(path.join(dataDir, 'report-test.json'), 'utf8')) as {
    agency: string;
  };
  expect(written.agency).toBe('CN-NIA');
  expect(readFileSync(path.join(dataDir, 'summary-test.zh.md'), 'utf8')).toContain('CN-NIA');
});
