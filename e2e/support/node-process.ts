import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, where `dist/` and `web/dist/` are built. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A node started from the built dist, listening on 127.0.0.1 with its own temporary data directory. */
export interface RunningNode {
  readonly baseUrl: string;
  readonly dataDir: string;
  /** Everything the node printed so far, to explain a failure. */
  output(): string;
  stop(): Promise<void>;
}

export interface NodeOptions {
  readonly adminPassword: string;
  readonly nodeCode?: string;
  readonly env?: Readonly<Record<string, string>>;
}

const OUTPUT_LIMIT = 64 * 1024;
const START_TIMEOUT_MS = 30_000;

/** Fails loudly when the build is missing: e2e tests exist to exercise the real artefacts. */
export function requireBuild(): void {
  const missing = ['dist/cli/main.js', 'web/dist/index.html'].filter(
    (file) => !existsSync(path.join(repoRoot, file)),
  );
  if (missing.length > 0) {
    throw new Error(
      `End-to-end tests need the built app; missing ${missing.join(', ')}. Run \`npm run build\` first.`,
    );
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`The node exited with code ${child.exitCode} before it was healthy:\n${output()}`);
    }
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The node was not healthy within ${START_TIMEOUT_MS} ms:\n${output()}`);
}

/** Starts `node dist/cli/main.js serve` on a free port and resolves once GET /healthz answers 200. */
export async function startNode(options: NodeOptions): Promise<RunningNode> {
  requireBuild();
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'borderlink-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...options.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    BORDERLINK_DATA_DIR: dataDir,
    BORDERLINK_ADMIN_PASSWORD: options.adminPassword,
    BORDERLINK_NODE_CODE: options.nodeCode ?? 'CN-NIA',
    LOG_LEVEL: 'warn',
  };
  // Each node gets its own SQLite file unless a test asks for PostgreSQL explicitly.
  if (!options.env?.DATABASE_URL) delete env.DATABASE_URL;
  const child = spawn(process.execPath, [path.join(repoRoot, 'dist/cli/main.js'), 'serve'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  const collect = (chunk: Buffer) => {
    printed = (printed + chunk.toString('utf8')).slice(-OUTPUT_LIMIT);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const output = () => printed;
  const stop = async () => {
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited(child);
    clearTimeout(killer);
    rmSync(dataDir, { recursive: true, force: true });
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(baseUrl, child, output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, dataDir, output, stop };
}
