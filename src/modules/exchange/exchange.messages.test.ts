import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { startTestNode, type TestNode } from '../../../test/support/nodes.js';
import { MIN_RETENTION_DAYS, purgeSettled } from '../federation/retention.js';
import {
  buildOutgoing,
  eventually,
  FAST_OUTBOX,
  outboxOf,
  send,
} from '../federation/test-support/federation-nodes.js';
import { buildHitNotice } from './bodies/test-support/body-factories.js';
import { linkNodes } from './test-support/exchange-nodes.js';

/** A hit notice from CN-NIA to MN-GABP in exchange's wire format, encrypted or (wrongly) plain. */
const hitNotice = (personalData: boolean) =>
  buildOutgoing({
    type: 'hit.notice',
    to: ['MN-GABP'],
    body: { v: 1, priority: 'urgent', body: buildHitNotice(), text: null, deadlines: {} },
    personalData,
  });

describeEachDatabase('personal data arriving unencrypted', (dialect) => {
  let a: TestNode;
  let b: TestNode;

  beforeAll(async () => {
    [a, b] = await Promise.all([
      startTestNode(dialect, { code: 'CN-NIA', env: FAST_OUTBOX }),
      startTestNode(dialect, { code: 'MN-GABP', env: FAST_OUTBOX }),
    ]);
    await linkNodes(a, b);
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  it('refuses a signed hit notice with a plain body with a rejected receipt, and stores no notification', async () => {
    const plain = hitNotice(false);
    const encrypted = hitNotice(true);
    await send(a, plain, encrypted);

    await eventually(async () => {
      const rows = await outboxOf(a);
      expect(rows.find((row) => row.message_id === plain.id)?.status).toBe('rejected');
      expect(rows.find((row) => row.message_id === encrypted.id)?.status).toBe('delivered');
    });
    const refusal = /hit\.notice carries personal data and must arrive encrypted/;
    expect((await outboxOf(a)).find((row) => row.message_id === plain.id)?.last_error).toMatch(refusal);
    const db = b.node.context.db;
    const inbox = await db
      .selectFrom('federation_inbox')
      .select(['message_id', 'status', 'reason'])
      .where('message_id', 'in', [plain.id, encrypted.id])
      .execute();
    expect(inbox.find((row) => row.message_id === plain.id)).toMatchObject({ status: 'rejected' });
    expect(inbox.find((row) => row.message_id === plain.id)?.reason).toMatch(refusal);
    expect(inbox.find((row) => row.message_id === encrypted.id)).toMatchObject({ status: 'delivered' });
    const stored = await db
      .selectFrom('notifications')
      .select('id')
      .where('id', 'in', [plain.id, encrypted.id])
      .execute();
    expect(stored.map((row) => row.id)).toEqual([encrypted.id]);
  });

  it('has federation blank the refused plain envelope after the replay window, by the type exchange names', async () => {
    const plain = hitNotice(false);
    await send(a, plain);
    await eventually(async () => {
      expect((await outboxOf(a)).find((row) => row.message_id === plain.id)?.status).toBe('rejected');
    });
    const db = b.node.context.db;
    const handlers = b.node.federation.deps.handlers();
    expect(handlers.isPersonalDataType?.('hit.notice')).toBe(true);
    expect(handlers.isPersonalDataType?.('situation.daily')).toBe(false);

    const pastWindow = new Date(Date.now() + (MIN_RETENTION_DAYS + 1) * 86_400_000);
    await purgeSettled(db, {
      retentionDays: 90,
      now: pastWindow,
      isPersonalDataType: (type) => handlers.isPersonalDataType?.(type) ?? false,
    });

    expect(
      await db
        .selectFrom('federation_inbox')
        .select(['status', 'envelope', 'body_state'])
        .where('message_id', '=', plain.id)
        .executeTakeFirst(),
    ).toEqual({ status: 'rejected', envelope: '', body_state: 'purged' });
  });
});
