import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { migrateToLatest } from '../../src/core/db/migrate.js';
import { isNotificationType } from '../../src/modules/exchange/bodies/index.js';
import {
  buildPortPolicy,
  buildSituationDaily,
} from '../../src/modules/exchange/bodies/test-support/body-factories.js';
import { checkBody } from '../../src/modules/exchange/exchange.service.js';
import * as exchangeStore from '../../src/modules/exchange/exchange.store.js';
import { boxOf } from '../../src/modules/exchange/exchange.views.js';
import { describeMigrationsAfter } from '../support/migrations.js';

const BEFORE = '202611270801_warning_purge_keeps_counts';
const CREATED_AT = '2026-11-20T06:00:00.000Z';

describeMigrationsAfter(BEFORE, 'migrating the situation queue of unsent notifications', (db) => {
  it('turns every queued row into an outgoing draft with its body, priority and recipients, then drops the queue', async () => {
    const daily = buildSituationDaily();
    const policy = buildPortPolicy();
    const rows = [
      {
        id: '019ab0c0-0000-7000-8000-000000000001',
        type: 'situation.daily',
        recipients: JSON.stringify(['MN-GABP', 'RU-FSB']),
        priority: 'routine',
        body: JSON.stringify(daily),
        send: 1,
        reason: 'daily report of 2026-11-19',
        created_at: CREATED_AT,
      },
      {
        id: '019ab0c0-0000-7000-8000-000000000002',
        type: 'port.policy',
        recipients: JSON.stringify(['MN-GABP']),
        priority: 'urgent',
        body: JSON.stringify(policy),
        send: 0,
        reason: 'port CN-ERL closed',
        created_at: CREATED_AT,
      },
    ];
    // What the offline CLI left: its own agency in the directory, and the queue it never sent.
    await sql`insert into agencies (code, kind, country, names, language, time_zone, created_at, updated_at)
      values ('CN-NIA', 'own', 'CN', '{"en":"CN-NIA"}', 'zh', 'UTC', ${CREATED_AT}, ${CREATED_AT})`.execute(
      db(),
    );
    for (const row of rows) {
      await sql`insert into situation_pending_notifications (id, type, recipients, priority, body, send, reason, created_at)
        values (${row.id}, ${row.type}, ${row.recipients}, ${row.priority}, ${row.body}, ${row.send}, ${row.reason}, ${row.created_at})`.execute(
        db(),
      );
    }

    await migrateToLatest(db());

    const drafts = await exchangeStore.listNotifications(db(), {
      direction: 'outgoing',
      state: 'draft',
      includePersonal: false,
      limit: 10,
      now: new Date().toISOString(),
    });
    expect(
      drafts.map((row) => ({
        id: row.id,
        box: boxOf(row),
        type: row.type,
        priority: row.priority,
        sender: row.sender_agency,
        body: JSON.parse(row.body ?? 'null'),
        text: row.text,
        createdAt: row.created_at,
        sentAt: row.sent_at,
      })),
    ).toEqual([
      {
        id: rows[1]?.id,
        box: 'drafts',
        type: 'port.policy',
        priority: 'urgent',
        sender: 'CN-NIA',
        body: policy,
        text: null,
        createdAt: CREATED_AT,
        sentAt: null,
      },
      {
        id: rows[0]?.id,
        box: 'drafts',
        type: 'situation.daily',
        priority: 'routine',
        sender: 'CN-NIA',
        body: daily,
        text: null,
        createdAt: CREATED_AT,
        sentAt: null,
      },
    ]);
    // Exchange would send each as it stands: the bodies still pass its schema.
    for (const draft of drafts) {
      if (!isNotificationType(draft.type)) throw new Error(`${draft.type} is no notification type`);
      const { type } = draft;
      expect(() => checkBody(type, JSON.parse(draft.body ?? 'null'))).not.toThrow();
    }
    const recipients = await exchangeStore.recipientsOf(
      db(),
      rows.map((row) => row.id),
    );
    expect(
      recipients
        .map((r) => ({ id: r.notification_id, agency: r.agency, status: r.status, note: r.note }))
        .sort((x, y) => `${x.id}${x.agency}`.localeCompare(`${y.id}${y.agency}`)),
    ).toEqual([
      {
        id: rows[0]?.id,
        agency: 'MN-GABP',
        status: 'queued',
        note: 'offline situation import asked to send this: daily report of 2026-11-19',
      },
      {
        id: rows[0]?.id,
        agency: 'RU-FSB',
        status: 'queued',
        note: 'offline situation import asked to send this: daily report of 2026-11-19',
      },
      {
        id: rows[1]?.id,
        agency: 'MN-GABP',
        status: 'queued',
        note: 'offline situation import left this as a draft: port CN-ERL closed',
      },
    ]);
    await expect(sql`select count(*) from situation_pending_notifications`.execute(db())).rejects.toThrow();
  });
});
