import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { eventually } from '../src/modules/federation/test-support/federation-nodes.js';
import { freePort } from '../test/support/nodes.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const answers = async (url: string): Promise<boolean> => {
  try {
    return (await fetch(`${url}/healthz`)).ok;
  } catch {
    return false;
  }
};

// A service manager stops `npm start` with SIGTERM: the node itself must get it, not only npm's shell
it('stops the node when `npm start` is sent SIGTERM', { timeout: 90_000 }, async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'borderlink-start-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), BORDERLINK_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  // its own process group, so that whatever outlives a failure is killed with it
  const npm = spawn('npm', ['start'], { cwd: root, env, stdio: 'ignore', detached: true });
  const exited = new Promise((resolve) => npm.once('exit', resolve));
  try {
    await eventually(async () => expect(await answers(url)).toBe(true), 60_000);
    npm.kill('SIGTERM');
    await exited;
    await eventually(async () => expect(await answers(url)).toBe(false), 10_000);
  } finally {
    try {
      process.kill(-(npm.pid as number), 'SIGKILL');
    } catch {
      // the group is gone: every process in it has exited
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
});
