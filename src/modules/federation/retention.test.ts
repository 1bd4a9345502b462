import { pino } from 'pino';
import { beforeEach, expect, it } from 'vitest';
import { describeEachDatabase, useTestDatabase } from '../../../test/support/databases.js';
import { ConfigError, FEDERATION_MIN_RETENTION_DAYS, loadConfig } from '../../core/config.js';
import type { Db } from '../../core/db/database.js';
import { newId } from '../../core/ids.js';
import {
  DEFAULT_MAX_AGE_SECONDS,
  decryptBody,
  encryptBodyForRecipients,
  signEnvelope,
  verifyEnvelope,
} from './crypto/index.js';
import {
  buildEnvelope,
  buildNode,
  recipientKeyOf,
  type TestNode,
  trustListOf,
} from './crypto/test-factories.js';
import * as store from './federation.store.js';
import type { InboxRow, OutboxRow } from './federation.tables.js';
import {
  carriesPersonalData,
  federationRetentionWorker,
  MIN_RETENTION_DAYS,
  purgeSettled,
} from './retention.js';

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

/** An inbox row from MN-GABP received `ageDays` ago; by default a delivered plain liaison message, signed for real. */
async function received(
  db: Db,
  ageDays: number,
  row: { status?: InboxRow['status']; type?: string; envelope?: string } = {},
): Promise<string> {
  const id = newId();
  await store.insertInboxOnce(db, {
    message_id: id,
    sender: 'MN-GABP',
    type: row.type ?? 'liaison.message',
    status: row.status ?? 'delivered',
    reason: null,
    envelope: row.envelope ?? (await signedEnvelopes()).plain,
    receipt: 'receipt-jws',
    received_via: 'http',
    received_at: daysAgo(ageDays),
  });
  return id;
}

/** Stands in for the predicate exchange supplies through its message handlers. */
const PERSONAL_DATA_TYPES = new Set([
  'persons.movement',
  'watchlist.share',
  'hit.notice',
  'handover.request',
]);
const isPersonalDataType = (type: string) => PERSONAL_DATA_TYPES.has(type);
const purge = (db: Db, options: { retentionDays: number; now: Date }) =>
  purgeSettled(db, { ...options, isPersonalDataType });

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

const PERSONAL_BODY = { persons: [{ surname: 'BATBAYAR', documentNumber: 'E1234567' }] };
let sender: TestNode | undefined;
let receiver: TestNode | undefined;

async function nodes(): Promise<{ sender: TestNode; receiver: TestNode }> {
  sender ??= await buildNode('MN-GABP');
  receiver ??= await buildNode('CN-NIA');
  return { sender, receiver };
}

/**
 * Envelopes from MN-GABP to CN-NIA, signed as a peer sends them: a plain liaison message, an encrypted hit
 * notice, and a hit notice whose personal data a faulty peer sent as a plain body.
 */
async function signedEnvelopes(): Promise<{ plain: string; personal: string; plainPersonal: string }> {
  const { sender, receiver } = await nodes();
  const addressed = { from: sender.agency, to: [receiver.agency] };
  const plain = await signEnvelope(buildEnvelope(addressed), sender.keys.signing);
  const bodyJwe = await encryptBodyForRecipients(PERSONAL_BODY, [recipientKeyOf(receiver)]);
  const personal = await signEnvelope(
    buildEnvelope({ ...addressed, type: 'hit.notice', body: undefined, bodyJwe }),
    sender.keys.signing,
  );
  const plainPersonal = await signEnvelope(
    buildEnvelope({ ...addressed, type: 'hit.notice', body: PERSONAL_BODY }),
    sender.keys.signing,
  );
  return { plain, personal, plainPersonal };
}

/** The body the receiver reads from a stored envelope, or null when nothing can be read from it any more. */
async function readableBody(jws: string | undefined): Promise<unknown> {
  const { sender, receiver } = await nodes();
  const verified = await verifyEnvelope(jws ?? '', {
    trustedKeys: trustListOf(sender),
    self: receiver.agency,
  });
  if (!verified.ok) return null;
  return decryptBody(verified.envelope, [receiver.keys.encryption]);
}

it('tells a personal-data envelope from a plain one, and treats an unreadable one as personal data', async () => {
  const { plain, personal } = await signedEnvelopes();
  expect(carriesPersonalData(personal)).toBe(true);
  expect(carriesPersonalData(plain)).toBe(false);
  expect(carriesPersonalData('')).toBe(true);
  expect(carriesPersonalData('a.b.c')).toBe(true);
});

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
    await received(db, 100, { status: 'rejected' });
    const recentlyReceived = await received(db, 10);

    const purged = await purge(db, { retentionDays: 90, now: NOW });

    // The recent row is a plain liaison message past the replay window: examined and kept, nothing blanked.
    expect(purged).toEqual({ outbox: 3, messages: 2, inbox: 2, personalBodies: 0 });
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

    await purge(db, { retentionDays: 1, now: NOW });

    expect(await inboxIds(db)).toEqual([withinWindow]);
    expect(await inboxIds(db)).not.toContain(pastWindow);
  });

  it('blanks received personal-data envelopes once the replay window passed, keeping every row and plain envelopes', async () => {
    const { db } = database();
    const { plain, personal } = await signedEnvelopes();
    const personalPastWindow = await received(db, MIN_RETENTION_DAYS + 1, {
      type: 'hit.notice',
      envelope: personal,
    });
    const rejectedPersonal = await received(db, 20, {
      status: 'rejected',
      type: 'hit.notice',
      envelope: personal,
    });
    const personalInWindow = await received(db, MIN_RETENTION_DAYS - 1, {
      type: 'hit.notice',
      envelope: personal,
    });
    const plainPastWindow = await received(db, 60, { envelope: plain });
    const envelopeOf = async (id: string) => (await store.findInbox(db, id))?.envelope;
    // Before the purge the stored copy can still be decrypted by this node: that is what must not outlive exchange.
    expect(await readableBody(await envelopeOf(personalPastWindow))).toEqual(PERSONAL_BODY);

    const purged = await purge(db, { retentionDays: 90, now: NOW });

    expect(purged).toEqual({ outbox: 0, messages: 0, inbox: 0, personalBodies: 2 });
    for (const id of [personalPastWindow, rejectedPersonal]) {
      expect(await store.findInbox(db, id)).toMatchObject({
        envelope: '',
        body_state: 'purged',
        receipt: 'receipt-jws',
      });
    }
    expect(await store.findInbox(db, personalPastWindow)).toMatchObject({ status: 'delivered' });
    expect(await readableBody(await envelopeOf(personalPastWindow))).toBeNull();
    expect(await envelopeOf(personalInWindow)).toBe(personal);
    expect(await store.findInbox(db, plainPastWindow)).toMatchObject({
      envelope: plain,
      body_state: 'plain',
    });
    expect(await inboxIds(db)).toEqual(
      [personalPastWindow, rejectedPersonal, personalInWindow, plainPastWindow].sort(),
    );
    // The row still refuses to store the same message a second time.
    expect(
      await store.insertInboxOnce(db, {
        message_id: personalPastWindow,
        sender: 'MN-GABP',
        type: 'hit.notice',
        status: 'delivered',
        reason: null,
        envelope: personal,
        receipt: 'another-receipt',
        received_via: 'http',
        received_at: NOW.toISOString(),
      }),
    ).toBe(false);

    const again = await purge(db, { retentionDays: 90, now: NOW });
    expect(again.personalBodies).toBe(0);
    const later = await purge(db, {
      retentionDays: 90,
      now: new Date(NOW.getTime() + 2 * 86_400_000),
    });
    expect(later.personalBodies).toBe(1);
    expect(await envelopeOf(personalInWindow)).toBe('');
  });

  it('blanks a personal-data type that arrived with a plain body once the replay window passed, by its type', async () => {
    const { db } = database();
    const { plain, plainPersonal } = await signedEnvelopes();
    // The envelope alone does not tell: it is well-formed and has no encrypted body.
    expect(carriesPersonalData(plainPersonal)).toBe(false);
    const plainHitPastWindow = await received(db, MIN_RETENTION_DAYS + 1, {
      status: 'rejected',
      type: 'hit.notice',
      envelope: plainPersonal,
    });
    const plainHitInWindow = await received(db, MIN_RETENTION_DAYS - 1, {
      status: 'rejected',
      type: 'hit.notice',
      envelope: plainPersonal,
    });
    const liaisonPastWindow = await received(db, MIN_RETENTION_DAYS + 1, { envelope: plain });
    expect(await readableBody((await store.findInbox(db, plainHitPastWindow))?.envelope)).toEqual(
      PERSONAL_BODY,
    );

    const purged = await purge(db, { retentionDays: 90, now: NOW });

    expect(purged).toEqual({ outbox: 0, messages: 0, inbox: 0, personalBodies: 1 });
    expect(await store.findInbox(db, plainHitPastWindow)).toMatchObject({
      status: 'rejected',
      envelope: '',
      body_state: 'purged',
      receipt: 'receipt-jws',
    });
    expect(await store.findInbox(db, plainHitInWindow)).toMatchObject({
      envelope: plainPersonal,
      body_state: null,
    });
    expect(await store.findInbox(db, liaisonPastWindow)).toMatchObject({
      envelope: plain,
      body_state: 'plain',
    });
  });

  it('purges when the retention worker starts', async () => {
    const { db } = database();
    await sent(db, 400, [{ peer: 'MN-GABP', status: 'delivered' }]);
    const pending = await sent(db, 400, [{ peer: 'MN-GABP', status: 'queued' }]);
    await received(db, 400);
    const worker = federationRetentionWorker(db, pino({ level: 'silent' }), {
      retentionDays: 90,
      isPersonalDataType,
    });
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
