import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cliArgs, cliCommand, runCli, startCliNode } from '../support/cli.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';
import { ApiClient } from '../support/http-client.js';
import { freePort } from '../support/nodes.js';

function envFor(database: TestDatabase): Record<string, string | undefined> {
  return { BORDERLINK_DATA_DIR: database.dataDir, DATABASE_URL: database.databaseUrl ?? '' };
}

// Each run starts a fresh process that compiles the CLI, seconds apiece on a busy machine: run them side by side.
it('prints its version and help for every command', { timeout: 90_000 }, async () => {
  const commands = [
    [],
    ['serve'],
    ['user', 'add'],
    ['token', 'create'],
    ['import', 'geography'],
    ['audit', 'verify'],
  ];
  const [version, ...helps] = await Promise.all([
    runCli(['--version'], {}),
    ...commands.map((command) => runCli([...command, '--help'], {})),
  ]);
  expect(version?.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  helps.forEach((help, i) => {
    expect(help.code, commands[i]?.join(' ')).toBe(0);
    expect(help.stdout).toContain('Usage: borderlink');
  });
});

it('ends quietly when the reader of its output stops early (… | head)', { timeout: 90_000 }, async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'borderlink-pipe-'));
  const watchlist = path.join(dir, 'watchlist.csv');
  const crossings = path.join(dir, 'crossings.csv');
  writeFileSync(watchlist, 'id,surname,given_names\nw1,LI,WEI\n');
  const rows = Array.from({ length: 50_000 }, (_, i) => `c${i},LI,WEI`);
  writeFileSync(crossings, `id,surname,given_names\n${rows.join('\n')}\n`);
  const child = spawn(
    cliCommand,
    [...cliArgs, 'screen', '--watchlist', watchlist, '--crossings', crossings],
    {
      env: { ...process.env, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  // the first line read, the reader goes away as `head -1` does
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  rmSync(dir, { recursive: true, force: true });
  expect(stderr).not.toContain('EPIPE');
  expect(code).toBe(0);
});

it('names the bad variable when the configuration is wrong', async () => {
  const result = await runCli(['migrate'], { BORDERLINK_NODE_CODE: 'nonsense' });
  expect(result.code).toBe(1);
  expect(result.stderr).toContain('BORDERLINK_NODE_CODE');
});

describeEachDatabase('borderlink CLI', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(async () => database.drop());

  it('migrates, adds a user and prints only the token for `token create`', async () => {
    const env = envFor(database);
    expect((await runCli(['migrate'], env)).stdout).toMatch(/applied|up to date/);
    const added = await runCli(
      ['user', 'add', 'desk1', '--roles', 'port_officer', '--password', 'desk-one-password'],
      env,
    );
    expect(added.code).toBe(0);
    const token = await runCli(['token', 'create', '--user', 'desk1', '--name', 'scanner'], env);
    expect(token.code).toBe(0);
    expect(token.stdout).toMatch(/^blt_[A-Za-z0-9_-]+\n$/);
    const listed = await runCli(['user', 'list', '--json'], env);
    expect(
      listed.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).username),
    ).toContain('desk1');
    const refused = await runCli(['user', 'add', 'x', '--roles', 'emperor'], env);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('unknown role "emperor"');
  });

  it('imports the ports reference list and verifies the audit chain', async () => {
    const env = envFor(database);
    const imported = await runCli(['import', 'geography'], env);
    expect(imported.stdout).toMatch(/imported: 15 countries, \d+ ports/);
    const verified = await runCli(['audit', 'verify'], env);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/audit log intact: \d+ entries/);
  });

  it('serves until SIGTERM, then finishes and exits 0; the admin password comes from the environment', async () => {
    const port = await freePort();
    const node = startCliNode({
      ...envFor(database),
      PORT: String(port),
      BORDERLINK_ADMIN_PASSWORD: 'not-used-users-exist',
    });
    const url = await node.listening;
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    // The database already has users from the test above, so no admin is created on this start.
    expect(node.output()).not.toContain('created user "admin"');
    expect((await new ApiClient(url).login('desk1', 'desk-one-password')).status).toBe(200);
    node.child.kill('SIGTERM');
    expect(await node.exited).toBe(0);
  });
});

it('creates the first admin with a random password shown once when none is configured', async () => {
  const database = await createTestDatabase('sqlite');
  try {
    const node = startCliNode({
      ...envFor(database),
      PORT: String(await freePort()),
      BORDERLINK_ADMIN_PASSWORD: '',
    });
    const url = await node.listening;
    const password = /password: (\S+)/.exec(node.output())?.[1];
    expect(password).toBeTruthy();
    expect((await new ApiClient(url).login('admin', password as string)).status).toBe(200);
    node.child.kill('SIGINT');
    expect(await node.exited).toBe(0);
  } finally {
    await database.drop();
  }
});
