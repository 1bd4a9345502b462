import type { Db } from '../../core/db/database.js';

export interface SentReceived {
  sent: number;
  received: number;
}

/** Period figures of the exchange for reports: never rows, never personal data. */
export interface NotificationCounts {
  sent: number;
  received: number;
  byType: Record<string, SentReceived>;
  byCounterpart: Record<string, SentReceived>;
  withDeadline: number;
  acknowledgedWithinDeadline: number;
  overdue: number;
}

const bump = (map: Record<string, SentReceived>, key: string, field: keyof SentReceived, by: number) => {
  const entry = map[key] ?? { sent: 0, received: 0 };
  entry[field] += by;
  map[key] = entry;
};

/**
 * Notifications sent (each once, whatever the number of recipients) and received in [from, to), by
 * the sender's timestamp, with breakdowns and the acknowledgement record of what we sent.
 */
export async function countNotifications(
  db: Db,
  window: { from: string; to: string },
  now: Date,
): Promise<NotificationCounts> {
  const inWindow = db
    .selectFrom('notifications')
    .where('sent_at', '>=', window.from)
    .where('sent_at', '<', window.to);
  const byTypeRows = await inWindow
    .select(['direction', 'type', (eb) => eb.fn.countAll<number>().as('n')])
    .where('state', 'in', ['sent', 'received'])
    .groupBy(['direction', 'type'])
    .execute();
  const received = await inWindow
    .select(['sender_agency', (eb) => eb.fn.countAll<number>().as('n')])
    .where('direction', '=', 'incoming')
    .groupBy('sender_agency')
    .execute();
  const recipients = await db
    .selectFrom('notification_recipients as r')
    .innerJoin('notifications as n', 'n.id', 'r.notification_id')
    .select(['r.agency', 'r.due_at', 'r.acknowledged_at'])
    .where('n.direction', '=', 'outgoing')
    .where('n.state', '=', 'sent')
    .where('n.sent_at', '>=', window.from)
    .where('n.sent_at', '<', window.to)
    .execute();

  const counts: NotificationCounts = {
    sent: 0,
    received: 0,
    byType: {},
    byCounterpart: {},
    withDeadline: 0,
    acknowledgedWithinDeadline: 0,
    overdue: 0,
  };
  for (const row of byTypeRows) {
    const field = row.direction === 'outgoing' ? 'sent' : 'received';
    counts[field] += Number(row.n);
    bump(counts.byType, row.type, field, Number(row.n));
  }
  for (const row of received) bump(counts.byCounterpart, row.sender_agency, 'received', Number(row.n));
  const nowIso = now.toISOString();
  for (const row of recipients) {
    bump(counts.byCounterpart, row.agency, 'sent', 1);
    if (!row.due_at) continue;
    counts.withDeadline += 1;
    if (row.acknowledged_at && row.acknowledged_at <= row.due_at) counts.acknowledgedWithinDeadline += 1;
    else if (!row.acknowledged_at && row.due_at < nowIso) counts.overdue += 1;
  }
  return counts;
}
