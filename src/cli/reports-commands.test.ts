import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/support/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'borderlink-report-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const env = { BORDERLINK_DATA_DIR: dir, BORDERLINK_NODE_CODE: 'CN-NIA', DATABASE_URL: undefined };

describe('borderlink report', () => {
  it('writes the period statistics as JSON and the summary as Markdown', async () => {
    const json = await runCli(
      ['report', '--from', '2021-01-01', '--to', '2021-06-30', '--format', 'json'],
      env,
    );
    expect(json.code, json.stderr).toBe(0);
    const stats = JSON.parse(json.stdout) as Record<string, unknown>;
    expect(stats.period).toEqual({ from: '2021-01-01', to: '2021-06-30', label: '2021-01-01/2021-06-30' });
    expect(Object.keys(stats)).toEqual(
      expect.arrayContaining([
        'notifications',
        'hits',
        'interceptions',
        'operations',
        'handovers',
        'liaison',
      ]),
    );
    const out = path.join(dir, 'summary.en.md');
    const summary = await runCli(
      ['report', '--period', '2021-H1', '--format', 'summary', '--lang', 'en', '--out', out],
      env,
    );
    expect(summary.code, summary.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(
      /^# Work summary · CN-NIA · 2021-H1\n\nFrom January to June 2021, /,
    );
  });

  it('refuses to print a PDF to the terminal', async () => {
    const result = await runCli(['report', '--period', '2021-H1', '--format', 'pdf'], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--format pdf needs --out FILE');
  });
});
