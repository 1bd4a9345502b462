import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/support/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'borderlink-user-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const env = { BORDERLINK_DATA_DIR: dir, BORDERLINK_NODE_CODE: 'CN-NIA', DATABASE_URL: undefined };

describe('borderlink user add', () => {
  it('refuses a user name the API would refuse, creating nothing', async () => {
    const refused = await runCli(['user', 'add', 'Desk8', '--roles', 'port_officer'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('error: username');
    expect(refused.stderr).toContain('"Desk8"');
    const listed = await runCli(['user', 'list'], env);
    expect(listed.stdout).not.toContain('Desk8');
  });

  it('creates a user whose name follows the API’s rules', async () => {
    const created = await runCli(['user', 'add', 'desk8', '--roles', 'port_officer'], env);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain('created desk8 (port_officer)');
  });
});
