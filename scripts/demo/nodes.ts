import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { AGENCIES, type AgencyCode, type DemoAgency } from './topology.js';

export interface NodeOptions {
  root: string;
  dataDir: string;
  basePort: number;
  adminPassword: string;
  /** `dist`: node dist/cli/main.js (the product as shipped); `source`: src through tsx (tests, no build). */
  runFrom: 'dist' | 'source';
  /** The scenario clock's first instant. */
  clockStart: string;
  logLevel: string;
}

export interface RunningNode {
  agency: DemoAgency;
  url: string;
  child: ChildProcess;
  /** Lines the node wrote to stderr (kept for error messages). */
  stderr: string[];
}

/** Starts the three agency nodes as child processes on loopback and waits until each answers /healthz. */
export async function startNodes(options: NodeOptions): Promise<RunningNode[]> {
  for (const agency of AGENCIES) await assertPortFree(options.basePort + agency.portOffset);
  const clock = path.join(options.root, 'scripts/demo/sim-clock.ts');
  const entry =
    options.runFrom === 'dist'
      ? [path.join(options.root, 'dist/cli/main.js')]
      : [path.join(options.root, 'src/cli/main.ts')];
  const nodes = AGENCIES.map((agency) => {
    const port = options.basePort + agency.portOffset;
    const url = `http://127.0.0.1:${port}`;
    const dataDir = path.join(options.dataDir, agency.code);
    mkdirSync(dataDir, { recursive: true });
    const child = spawn(process.execPath, ['--import', 'tsx', '--import', clock, ...entry, 'serve'], {
      cwd: options.root,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        BORDERLINK_NODE_CODE: agency.code,
        BORDERLINK_PUBLIC_URL: url,
        BORDERLINK_DATA_DIR: dataDir,
        BORDERLINK_ADMIN_PASSWORD: options.adminPassword,
        BORDERLINK_DEMO_CLOCK: options.clockStart,
        BORDERLINK_OUTBOX_POLL_MS: '50',
        BORDERLINK_OUTBOX_BACKOFF_MS: '200',
        BORDERLINK_OUTBOX_BACKOFF_MAX_MS: '5000',
        DATABASE_URL: '',
        LOG_LEVEL: options.logLevel,
      },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    const stderr: string[] = [];
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr.push(chunk.toString());
      if (stderr.length > 200) stderr.shift();
    });
    return { agency, url, child, stderr };
  });
  try {
    await Promise.all(nodes.map((node) => waitHealthy(node)));
  } catch (error) {
    await stopNodes(nodes);
    throw error;
  }
  return nodes;
}

/** Another process on a demo port would answer our health checks and take our requests. */
async function assertPortFree(port: number): Promise<void> {
  const answered = await fetch(`http://127.0.0.1:${port}/healthz`).then(
    () => true,
    () => false,
  );
  if (answered) throw new Error(`port ${port} is already in use; stop that process or pass --base-port`);
}

async function waitHealthy(node: RunningNode): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (node.child.exitCode !== null) {
      throw new Error(`${node.agency.code} exited with ${node.child.exitCode}:\n${node.stderr.join('')}`);
    }
    try {
      if ((await fetch(`${node.url}/healthz`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${node.agency.code} did not come up on ${node.url}:\n${node.stderr.join('')}`);
}

/** Moves every node's scenario clock to `at` and waits until each confirms. */
export async function setClock(nodes: readonly RunningNode[], at: string): Promise<void> {
  await Promise.all(
    nodes.map(
      (node) =>
        new Promise<void>((resolve, reject) => {
          const timer = setTimeout(
            () => reject(new Error(`${node.agency.code} did not set its clock`)),
            10_000,
          );
          const onMessage = (message: unknown) => {
            if ((message as { type?: string }).type !== 'demo.clock.set') return;
            clearTimeout(timer);
            node.child.off('message', onMessage);
            resolve();
          };
          node.child.on('message', onMessage);
          node.child.send({ type: 'demo.clock', at });
        }),
    ),
  );
}

/** Stops the nodes with SIGTERM (they finish in-flight work and close their databases) and waits for exit. */
export async function stopNodes(nodes: readonly RunningNode[]): Promise<void> {
  await Promise.all(
    nodes.map(
      (node) =>
        new Promise<void>((resolve) => {
          if (node.child.exitCode !== null || node.child.signalCode !== null) {
            resolve();
            return;
          }
          const kill = setTimeout(() => node.child.kill('SIGKILL'), 15_000);
          node.child.once('exit', () => {
            clearTimeout(kill);
            resolve();
          });
          node.child.kill('SIGTERM');
        }),
    ),
  );
}

export const nodeOf = (nodes: readonly RunningNode[], code: AgencyCode): RunningNode => {
  const node = nodes.find((n) => n.agency.code === code);
  if (!node) throw new Error(`node ${code} is not running`);
  return node;
};
