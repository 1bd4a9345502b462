import { pino } from 'pino';
import { beforeEach, expect, it } from 'vitest';
import { describeEachDatabase, useTestDatabase } from '../../../test/support/databases.js';
import { ConfigError, FEDERATION_MIN_RETENTION_DAYS, loadConfig } from '../../core/config.js';
import type { Db } from '../../core/db/database.js';
import { newId } from '../../core/ids.js';
import { DEFAULT_MAX_AGE_SECONDS } from './crypto/index.js';
import * as store from './federation.store.js';
import type { InboxRow, OutboxRow } from './federation.tables.js';
import { federationRetentionWorker, MIN_RETENTION_DAYS, purgeSettled } from './retention.js';

const NOW = new Date('2026-11-27T09:00:00.000Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();

/** An outgoing message and one outbox row per `rows` entry, last touched `ageDays` ago. */
async function sent(db: Db, ageDays: number, rows: Array<{ peer: string; status: string }>): Promise<string> {
  const id = newId();
  await store.insertMessage(db, {
    id,
    type: 'liaison.message',
    envelope: 'jws',
    created_at: daysAgo(ageDays),
  });
  await store.insertOutboxRows(
    db,
    rows.map(
      ({ peer, status }): OutboxRow => ({
        id: newId(),
        message_id: id,
        peer,
        status,
        attempts: 1,
        next_attempt_at: daysAgo(ageDays),
        claimed_until: null,
        last_error: status === 'rejected' ? 'unknown type' : null,
        receipt: status === 'delivered' || status === 'rejected' ? 'receipt-jws' : null,
        delivered_at: status === 'delivered' ? daysAgo(ageDays) : null,
        created_at: daysAgo(ageDays),
        updated_at: daysAgo(ageDays),
      }),
    ),
  );
  return id;
}

async function received(db: Db, ageDays: number, status: InboxRow['status'] = 'delivered'): Promise<string> {
  const id = newId();
  await store.insertInboxOnce(db, {
    message_id: id,
    sender: 'MN-GABP',
    type: 'liaison.message',
    status,
    reason: null,
    envelope: 'jws',
    receipt: 'receipt-jws',
    received_via: 'http',
    received_at: daysAgo(ageDays),
  });
  return id;
}

const outboxIds = async (db: Db) =>
  (await db.selectFrom('federation_outbox').select(['message_id', 'peer']).execute())
    .map((row) => `${row.message_id}>${row.peer}`)
    .sort();
const messageIds = async (db: Db) =>
  (await db.selectFrom('federation_messages').select('id').execute()).map((row) => row.id).sort();
const inboxIds = async (db: Db) =>
  (await db.selectFrom('federation_inbox').select('message_id').execute())
    .map((row) => row.message_id)
    .sort();

describeEachDatabase('federation retention', (dialect) => {
  const database = useTestDatabase(dialect);

  beforeEach(async () => {
    const { db } = database();
    await db.deleteFrom('federation_outbox').execute();
    await db.deleteFrom('federation_messages').execute();
    await db.deleteFrom('federation_inbox').execute();
  });

  it('deletes settled outbox rows and inbox rows past the retention, and keeps every row still pending', async () => {
    const { db } = database();
    const delivered = await sent(db, 100, [{ peer: 'MN-GABP', status: 'delivered' }]);
    const rejected = await sent(db, 100, [{ peer: 'MN-GABP', status: 'rejected' }]);
    const halfway = await sent(db, 100, [
      { peer: 'MN-GABP', status: 'delivered' },
      { peer: 'RU-FSB', status: 'queued' },
    ]);
    const awaitingReceipt = await sent(db, 100, [{ peer: 'MN-GABP', status: 'sent' }]);
    const recent = await sent(db, 10, [{ peer: 'MN-GABP', status: 'delivered' }]);
    await received(db, 100);
    await received(db, 100, 'rejected');
    const recentlyReceived = await received(db, 10);

    const purged = await purgeSettled(db, { retentionDays: 90, now: NOW });

    expect(purged).toEqual({ outbox: 3, messages: 2, inbox: 2 });
    expect(await outboxIds(db)).toEqual(
      [`${halfway}>RU-FSB`, `${awaitingReceipt}>MN-GABP`, `${recent}>MN-GABP`].sort(),
    );
    expect(await messageIds(db)).toEqual([halfway, awaitingReceipt, recent].sort());
    expect(await messageIds(db)).not.toContain(delivered);
    expect(await messageIds(db)).not.toContain(rejected);
    expect(await inboxIds(db)).toEqual([recentlyReceived]);
  });

  it('keeps inbox rows for the whole delivery freshness window, however short the retention is set', async () => {
    const { db } = database();
    const withinWindow = await received(db, DEFAULT_MAX_AGE_SECONDS / 86_400);
    const pastWindow = await received(db, MIN_RETENTION_DAYS + 1);

    await purgeSettled(db, { retentionDays: 1, now: NOW });

    expect(await inboxIds(db)).toEqual([withinWindow]);
    expect(await inboxIds(db)).not.toContain(pastWindow);
  });

  it('purges when the retention worker starts', async () => {
    const { db } = database();
    await sent(db, 400, [{ peer: 'MN-GABP', status: 'delivered' }]);
    const pending = await sent(db, 400, [{ peer: 'MN-GABP', status: 'queued' }]);
    await received(db, 400);
    const worker = federationRetentionWorker(db, pino({ level: 'silent' }), { retentionDays: 90 });
    worker.start();
    await worker.stop();
    expect(await messageIds(db)).toEqual([pending]);
    expect(await inboxIds(db)).toEqual([]);
  });
});

it('refuses a federation retention shorter than the delivery freshness window, naming the variable', () => {
  expect(FEDERATION_MIN_RETENTION_DAYS).toBe(MIN_RETENTION_DAYS);
  expect(loadConfig({}).federation.retentionDays).toBe(90);
  expect(loadConfig({ BORDERLINK_FEDERATION_RETENTION_DAYS: '30' }).federation.retentionDays).toBe(30);
  const tooShort = { BORDERLINK_FEDERATION_RETENTION_DAYS: String(DEFAULT_MAX_AGE_SECONDS / 86_400) };
  expect(() => loadConfig(tooShort)).toThrow(ConfigError);
  expect(() => loadConfig(tooShort)).toThrow(/BORDERLINK_FEDERATION_RETENTION_DAYS/);
});
