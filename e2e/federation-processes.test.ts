import { type ChildProcess, execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  buildOutgoing,
  eventually,
  outboxOf,
  send,
} from '../src/modules/federation/test-support/federation-nodes.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../test/support/databases.js';
import { ApiClient } from '../test/support/http-client.js';
import { ADMIN_PASSWORD, freePort, startTestNode, type TestNode } from '../test/support/nodes.js';

process.env.BORDERLINK_OUTBOX_POLL_MS = '100';
process.env.BORDERLINK_OUTBOX_BACKOFF_MS = '50';
process.env.BORDERLINK_OUTBOX_BACKOFF_MAX_MS = '500';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = promisify(execFile);

/** Node B as its own operating-system process, from the TypeScript sources (no build needed). */
function nodeProcessEnv(database: TestDatabase, port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    BORDERLINK_DATA_DIR: database.dataDir,
    BORDERLINK_NODE_CODE: 'MN-GABP',
    BORDERLINK_PUBLIC_URL: `http://127.0.0.1:${port}`,
    BORDERLINK_ADMIN_PASSWORD: ADMIN_PASSWORD,
    LOG_LEVEL: 'warn',
  };
  if (database.databaseUrl) env.DATABASE_URL = database.databaseUrl;
  else delete env.DATABASE_URL;
  return env;
}

const cli = (env: NodeJS.ProcessEnv, ...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: root, env });

async function serve(env: NodeJS.ProcessEnv, url: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
  });
  await eventually(async () => {
    if (child.exitCode !== null) throw new Error(`node B exited: ${errors}`);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  }, 30_000);
  return child;
}

async function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

describeEachDatabase('two nodes as separate processes', (dialect) => {
  let a: TestNode;
  let database: TestDatabase;
  let b: ChildProcess | undefined;
  let env: NodeJS.ProcessEnv;
  let bUrl: string;

  beforeAll(async () => {
    const port = await freePort();
    bUrl = `http://127.0.0.1:${port}`;
    [a, database] = await Promise.all([
      startTestNode(dialect, { code: 'CN-NIA' }),
      createTestDatabase(dialect),
    ]);
    env = nodeProcessEnv(database, port);
    b = await serve(env, bUrl);
  }, 60_000);

  afterAll(async () => {
    await stop(b);
    await Promise.all([a?.stop(), database?.drop()]);
  });

  it('delivers 50 messages sent while the receiver was stopped, each exactly once, after it restarts', async () => {
    const shown = JSON.parse((await cli(env, 'keys', 'show', '--json')).stdout) as Record<string, string>;
    expect(shown).toMatchObject({ code: 'MN-GABP', url: bUrl });
    const adminA = await a.admin();
    const added = await adminA.post('/api/v1/federation/peers', {
      code: 'MN-GABP',
      url: shown.url,
      fingerprint: shown.fingerprint,
    });
    expect(added.status).toBe(201);
    const aKeys = await adminA.get<{ fingerprint: string }>('/api/v1/federation/keys');
    const peerAdd = await cli(
      env,
      'peer',
      'add',
      '--code',
      'CN-NIA',
      '--url',
      a.url,
      '--fingerprint',
      aKeys.body.fingerprint,
    );
    expect(peerAdd.stdout).toContain('added CN-NIA');

    await stop(b);
    const messages = Array.from({ length: 50 }, () => buildOutgoing());
    await send(a, ...messages);
    await eventually(async () => {
      const rows = await outboxOf(a);
      expect(rows.filter((row) => row.attempts > 0)).not.toHaveLength(0);
    });
    expect((await outboxOf(a)).filter((row) => row.status === 'delivered')).toHaveLength(0);

    b = await serve(env, bUrl);
    await eventually(async () => {
      const rows = await outboxOf(a);
      expect(rows.filter((row) => row.status === 'delivered')).toHaveLength(50);
    }, 30_000);
    const adminB = await new ApiClient(bUrl).loginOrThrow('admin', ADMIN_PASSWORD);
    const status = await adminB.get<{ inbox: Record<string, Record<string, number>> }>(
      '/api/v1/federation/status',
    );
    expect(status.body.inbox).toEqual({ 'CN-NIA': { delivered: 50 } });
  }, 90_000);
  // The bundle logic runs on both databases in rotation-and-bundle.test.ts; this checks the commands once.
  if (dialect === 'sqlite') {
    it('carries messages and receipts on a file with outbox export and inbox import', async () => {
      await stop(b);
      const messages = Array.from({ length: 3 }, () => buildOutgoing());
      await send(a, ...messages);
      const envA: NodeJS.ProcessEnv = {
        ...env,
        BORDERLINK_DATA_DIR: a.database.dataDir,
        BORDERLINK_NODE_CODE: 'CN-NIA',
        BORDERLINK_PUBLIC_URL: a.url,
      };
      const outbound = path.join(a.database.dataDir, 'to-gabp.blx');
      const exported = await cli(envA, 'outbox', 'export', '--peer', 'MN-GABP', '--out', outbound);
      expect(exported.stdout).toContain('wrote 3 deliveries');
      expect((await cli(env, 'inbox', 'import', outbound)).stdout).toContain('3 new, 0 duplicate, 0 refused');
      expect((await cli(env, 'inbox', 'import', outbound)).stdout).toContain('0 new, 3 duplicate, 0 refused');
      const inbound = path.join(database.dataDir, 'to-nia.blx');
      await cli(env, 'outbox', 'export', '--peer', 'CN-NIA', '--out', inbound);
      expect((await cli(envA, 'inbox', 'import', inbound)).stdout).toContain('receipts: 3 applied');
      const ids = messages.map((message) => message.id);
      const rows = (await outboxOf(a)).filter((row) => ids.includes(row.message_id));
      expect(rows.map((row) => row.status)).toEqual(['delivered', 'delivered', 'delivered']);
    }, 60_000);
  }
});
