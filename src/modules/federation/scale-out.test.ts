import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.js';
import { startTestNode, type TestNode } from '../../../test/support/nodes.js';
import { type DatabaseHandle, openDatabase } from '../../core/db/database.js';
import { createFederation, type Federation } from './federation.js';
import {
  buildOutgoing,
  eventually,
  expectEachOnce,
  outboxOf,
  recordingHandlers,
  send,
  trustPeer,
} from './test-support/federation-nodes.js';

const OUTBOX = {
  BORDERLINK_OUTBOX_POLL_MS: '20',
  BORDERLINK_OUTBOX_BATCH: '5',
  BORDERLINK_OUTBOX_CONCURRENCY: '2',
};

// Several processes sharing one outbox only exist on PostgreSQL; SQLite nodes run one process.
describe.runIf(testDialects().includes('postgres'))('two processes sharing one outbox [postgres]', () => {
  let a: TestNode;
  let b: TestNode;
  let second: { handle: DatabaseHandle; federation: Federation };
  const atA = recordingHandlers();
  const atB = recordingHandlers();
  const atSecond = recordingHandlers();

  beforeAll(async () => {
    [a, b] = await Promise.all([
      startTestNode('postgres', { code: 'CN-NIA', env: OUTBOX }),
      startTestNode('postgres', { code: 'MN-GABP', env: OUTBOX }),
    ]);
    await trustPeer(a, b);
    await trustPeer(b, a);
    a.node.federation.useHandlers(atA.handlers);
    b.node.federation.useHandlers(atB.handlers);
    // A second "process" of node A: its own pool on the same database, its own worker.
    const handle = openDatabase({ databaseUrl: a.database.databaseUrl, dataDir: a.database.dataDir });
    const federation = await createFederation(
      { config: a.node.context.config, db: handle.db, log: pino({ level: 'silent' }) },
      atSecond.handlers,
    );
    second = { handle, federation };
    federation.worker.start();
  });

  afterAll(async () => {
    await second?.federation.worker.stop();
    await second?.handle.close();
    await Promise.all([a?.stop(), b?.stop()]);
  });

  it('delivers each message once and reports each outcome once while both claim work', async () => {
    const messages = Array.from({ length: 40 }, () => buildOutgoing());
    await send(a, ...messages);
    second.federation.kick();
    const ids = messages.map((message) => message.id);
    await eventually(async () => {
      const rows = (await outboxOf(a)).filter((row) => ids.includes(row.message_id));
      expect(rows.filter((row) => row.status === 'delivered')).toHaveLength(ids.length);
    });
    expectEachOnce(new Map(ids.map((id) => [id, atB.incoming.get(id) ?? []])), ids);
    const settledBy = (changes: typeof atA.changes) =>
      changes.filter((change) => ids.includes(change.messageId) && change.status === 'delivered');
    const outcomes = [...settledBy(atA.changes), ...settledBy(atSecond.changes)];
    expect(outcomes).toHaveLength(ids.length);
    expect(new Set(outcomes.map((change) => change.messageId)).size).toBe(ids.length);
    console.log(
      `scale-out: first process settled ${settledBy(atA.changes).length}, second ${settledBy(atSecond.changes).length}`,
    );
  });
});
