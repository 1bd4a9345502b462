import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../core/db/database.js';
import type {
  AttachmentRow,
  NotificationAttachmentRow,
  NotificationRow,
  PeerDeadlineRow,
  RecipientRow,
} from './exchange.tables.js';

const OPEN_STATUSES = ['queued', 'sent', 'delivered', 'read'] as const;

export async function insertNotification(db: Db, row: Insertable<NotificationRow>): Promise<void> {
  await db.insertInto('notifications').values(row).execute();
}

export async function updateNotification(db: Db, id: string, changes: Updateable<NotificationRow>) {
  await db.updateTable('notifications').set(changes).where('id', '=', id).execute();
}

export async function findNotification(db: Db, id: string): Promise<NotificationRow | undefined> {
  return db.selectFrom('notifications').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deleteNotification(db: Db, id: string): Promise<void> {
  await db.deleteFrom('notification_recipients').where('notification_id', '=', id).execute();
  await db.deleteFrom('notification_attachments').where('notification_id', '=', id).execute();
  await db.deleteFrom('notifications').where('id', '=', id).execute();
}

export async function findByCap(
  db: Db,
  cap: { sender: string; identifier: string; sent: string },
): Promise<NotificationRow | undefined> {
  return db
    .selectFrom('notifications')
    .selectAll()
    .where('cap_sender', '=', cap.sender)
    .where('cap_identifier', '=', cap.identifier)
    .where('cap_sent', '=', cap.sent)
    .executeTakeFirst();
}

export async function replaceRecipients(db: Db, id: string, rows: Insertable<RecipientRow>[]): Promise<void> {
  await db.deleteFrom('notification_recipients').where('notification_id', '=', id).execute();
  if (rows.length > 0) await db.insertInto('notification_recipients').values(rows).execute();
}

export async function recipientsOf(db: Db, ids: readonly string[]): Promise<RecipientRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('notification_recipients')
    .selectAll()
    .where('notification_id', 'in', ids)
    .orderBy('notification_id')
    .orderBy('agency')
    .execute();
}

export async function findRecipient(db: Db, id: string, agency: string): Promise<RecipientRow | undefined> {
  return db
    .selectFrom('notification_recipients')
    .selectAll()
    .where('notification_id', '=', id)
    .where('agency', '=', agency)
    .executeTakeFirst();
}

export async function updateRecipient(
  db: Db,
  id: string,
  agency: string,
  changes: Updateable<RecipientRow>,
): Promise<void> {
  await db
    .updateTable('notification_recipients')
    .set(changes)
    .where('notification_id', '=', id)
    .where('agency', '=', agency)
    .execute();
}

export async function replaceAttachments(
  db: Db,
  id: string,
  rows: Insertable<NotificationAttachmentRow>[],
): Promise<void> {
  await db.deleteFrom('notification_attachments').where('notification_id', '=', id).execute();
  if (rows.length > 0) await db.insertInto('notification_attachments').values(rows).execute();
}

export async function attachmentsOf(db: Db, id: string): Promise<NotificationAttachmentRow[]> {
  return db
    .selectFrom('notification_attachments')
    .selectAll()
    .where('notification_id', '=', id)
    .orderBy('position')
    .execute();
}

export async function saveAttachment(db: Db, row: AttachmentRow): Promise<void> {
  await db
    .insertInto('attachments')
    .values(row)
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
}

export async function findAttachments(db: Db, shas: readonly string[]): Promise<AttachmentRow[]> {
  if (shas.length === 0) return [];
  return db.selectFrom('attachments').selectAll().where('sha256', 'in', shas).execute();
}

/** An attachment that arrived with a message (not uploaded here). */
export async function receivedAttachment(
  db: Db,
  sha256: string,
): Promise<{ media_type: string } | undefined> {
  return db
    .selectFrom('notification_attachments')
    .select('media_type')
    .where('sha256', '=', sha256)
    .limit(1)
    .executeTakeFirst();
}

/** Whether notifications referencing an attachment carry personal data (for download checks). */
export async function attachmentUses(db: Db, sha256: string): Promise<{ personal_data: number }[]> {
  return db
    .selectFrom('notification_attachments as a')
    .innerJoin('notifications as n', 'n.id', 'a.notification_id')
    .select('n.personal_data')
    .where('a.sha256', '=', sha256)
    .execute();
}

export interface ListFilter {
  direction: 'incoming' | 'outgoing';
  state?: 'draft' | 'sent' | 'received';
  /** Whose recipient row a status filter looks at: ours for the inbox, any for the outbox. */
  statusAgency?: string;
  type?: string;
  priority?: string;
  status?: string;
  includePersonal: boolean;
  beforeId?: string;
  limit: number;
  now: string;
}

/** Newest first (ids are UUIDv7); the status filter matches any recipient row (or ours, for the inbox). */
export async function listNotifications(db: Db, filter: ListFilter): Promise<NotificationRow[]> {
  let query = db
    .selectFrom('notifications')
    .selectAll()
    .where('direction', '=', filter.direction)
    .orderBy('id', 'desc')
    .limit(filter.limit);
  if (filter.state) query = query.where('state', '=', filter.state);
  if (filter.type) query = query.where('type', '=', filter.type);
  if (filter.priority) query = query.where('priority', '=', filter.priority);
  if (!filter.includePersonal) query = query.where('personal_data', '=', 0);
  if (filter.beforeId) query = query.where('id', '<', filter.beforeId);
  const { status, statusAgency, now } = filter;
  if (status) {
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('notification_recipients as r')
          .select('r.agency')
          .whereRef('r.notification_id', '=', 'notifications.id')
          .$if(statusAgency !== undefined, (q) => q.where('r.agency', '=', statusAgency ?? ''))
          .$if(status === 'overdue', (q) =>
            q.where('r.status', 'in', OPEN_STATUSES).where('r.due_at', '<', now),
          )
          .$if(status !== 'overdue', (q) =>
            q.where('r.status', '=', status).where((eb) =>
              // A recipient past its deadline shows as overdue, not as its stored status.
              status === 'acknowledged' || status === 'rejected'
                ? eb.lit(true)
                : eb.or([eb('r.due_at', 'is', null), eb('r.due_at', '>=', now)]),
            ),
          ),
      ),
    );
  }
  return query.execute();
}

export interface OverdueRow {
  id: string;
  direction: string;
  type: string;
  priority: string;
  sender_agency: string;
  sent_at: string | null;
  agency: string;
  status: string;
  due_at: string;
}

/** Recipient rows whose deadline passed without acknowledgement, most overdue first. */
export async function listOverdue(
  db: Db,
  query: { now: string; includePersonal: boolean; limit: number; after?: readonly [string, string, string] },
): Promise<OverdueRow[]> {
  let q = db
    .selectFrom('notification_recipients as r')
    .innerJoin('notifications as n', 'n.id', 'r.notification_id')
    .select([
      'n.id',
      'n.direction',
      'n.type',
      'n.priority',
      'n.sender_agency',
      'n.sent_at',
      'r.agency',
      'r.status',
      'r.due_at',
    ])
    .where('r.status', 'in', OPEN_STATUSES)
    .where('r.due_at', '<', query.now)
    .where('n.state', '!=', 'draft')
    .orderBy('r.due_at')
    .orderBy('n.id')
    .orderBy('r.agency')
    .limit(query.limit);
  if (!query.includePersonal) q = q.where('n.personal_data', '=', 0);
  const after = query.after;
  if (after) {
    const [dueAt, id, agency] = after;
    q = q.where((eb) =>
      eb.or([
        eb('r.due_at', '>', dueAt),
        eb.and([eb('r.due_at', '=', dueAt), eb('n.id', '>', id)]),
        eb.and([eb('r.due_at', '=', dueAt), eb('n.id', '=', id), eb('r.agency', '>', agency)]),
      ]),
    );
  }
  const rows = await q.execute();
  return rows.map((row) => ({ ...row, due_at: row.due_at ?? '' }));
}

/** Overdue recipient rows by direction; without `includePersonal` they count only what the list would show. */
export async function countOverdue(
  db: Db,
  now: string,
  options: { includePersonal: boolean },
): Promise<{ incoming: number; outgoing: number }> {
  const rows = await db
    .selectFrom('notification_recipients as r')
    .innerJoin('notifications as n', 'n.id', 'r.notification_id')
    .select(['n.direction', (eb) => eb.fn.countAll().as('count')])
    .where('r.status', 'in', OPEN_STATUSES)
    .where('r.due_at', '<', now)
    .where('n.state', '!=', 'draft')
    .$if(!options.includePersonal, (q) => q.where('n.personal_data', '=', 0))
    .groupBy('n.direction')
    .execute();
  const count = (direction: string) => Number(rows.find((row) => row.direction === direction)?.count ?? 0);
  return { incoming: count('incoming'), outgoing: count('outgoing') };
}

/** Notifications whose personal data reached the end of its retention and is still there. */
export async function dueForPurge(db: Db, now: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('notifications')
    .select('id')
    .where('purge_after', '<=', now)
    .where('purged_at', 'is', null)
    .orderBy('purge_after')
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

export async function purgeNotifications(db: Db, ids: readonly string[], now: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('notifications')
    .set({ body: null, text: null, purged_at: now, updated_at: now })
    .where('id', 'in', ids)
    .execute();
  await db.deleteFrom('notification_attachments').where('notification_id', 'in', ids).execute();
}

export async function findPeerDeadlines(db: Db, agency: string): Promise<PeerDeadlineRow | undefined> {
  return db.selectFrom('exchange_peer_deadlines').selectAll().where('agency', '=', agency).executeTakeFirst();
}

export async function listPeerDeadlines(db: Db): Promise<PeerDeadlineRow[]> {
  return db.selectFrom('exchange_peer_deadlines').selectAll().orderBy('agency').execute();
}

export async function savePeerDeadlines(db: Db, row: PeerDeadlineRow): Promise<void> {
  await db
    .insertInto('exchange_peer_deadlines')
    .values(row)
    .onConflict((oc) =>
      oc.column('agency').doUpdateSet({
        routine_hours: row.routine_hours,
        urgent_hours: row.urgent_hours,
        flash_hours: row.flash_hours,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

export async function deletePeerDeadlines(db: Db, agency: string): Promise<void> {
  await db.deleteFrom('exchange_peer_deadlines').where('agency', '=', agency).execute();
}
