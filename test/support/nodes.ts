import { createServer } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import { loadConfig } from '../../src/core/config.js';
import type { DialectName } from '../../src/core/db/database.js';
import { type BorderlinkNode, createNode } from '../../src/server.js';
import { createTestDatabase, type TestDatabase } from './databases.js';
import { ApiClient } from './http-client.js';

export const ADMIN_PASSWORD = 'admin-password-for-tests';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface TestNode {
  readonly node: BorderlinkNode;
  readonly url: string;
  readonly code: string;
  readonly database: TestDatabase;
  /** A fresh client logged in as the first administrator. */
  admin(): Promise<ApiClient>;
  /** A fresh client with no session. */
  anonymous(): ApiClient;
  /** Creates a user with the given roles and returns a client logged in as them. */
  userWith(roles: string[], options?: { personalData?: boolean; username?: string }): Promise<ApiClient>;
  stop(): Promise<void>;
}

let userCounter = 0;

/** Starts a real node (HTTP server and database) in this process, on a free loopback port. */
export async function startTestNode(
  dialect: DialectName,
  options: { code?: string; env?: Record<string, string> } = {},
): Promise<TestNode> {
  const database = await createTestDatabase(dialect);
  const port = await freePort();
  const code = options.code ?? 'CN-NIA';
  const config = loadConfig({
    PORT: String(port),
    HOST: '127.0.0.1',
    BORDERLINK_DATA_DIR: database.dataDir,
    BORDERLINK_NODE_CODE: code,
    BORDERLINK_ADMIN_PASSWORD: ADMIN_PASSWORD,
    LOG_LEVEL: 'silent',
    ...(database.databaseUrl && { DATABASE_URL: database.databaseUrl }),
    ...options.env,
  });
  const node = await createNode(config, { sqliteFile: database.sqliteFile });
  const url = await node.start();
  const admin = () => new ApiClient(url).loginOrThrow('admin', ADMIN_PASSWORD);
  return {
    node,
    url,
    code,
    database,
    admin,
    anonymous: () => new ApiClient(url),
    async userWith(roles, userOptions = {}) {
      userCounter += 1;
      const username = userOptions.username ?? `user${userCounter}`;
      const password = `password-of-${username}`;
      const created = await (await admin()).post('/api/v1/users', {
        username,
        displayName: username,
        password,
        roles,
        personalData: userOptions.personalData ?? false,
      });
      if (created.status !== 201) throw new Error(`could not create ${username}: ${created.text}`);
      return new ApiClient(url).loginOrThrow(username, password);
    },
    async stop() {
      await node.stop();
      await database.drop();
    },
  };
}

/** One node for the whole suite, started before its tests and stopped after. */
export function useTestNode(
  dialect: DialectName,
  options?: { code?: string; env?: Record<string, string> },
): () => TestNode {
  let testNode: TestNode | undefined;
  beforeAll(async () => {
    testNode = await startTestNode(dialect, options);
  });
  afterAll(async () => {
    await testNode?.stop();
  });
  return () => {
    if (!testNode) throw new Error('test node not started');
    return testNode;
  };
}
