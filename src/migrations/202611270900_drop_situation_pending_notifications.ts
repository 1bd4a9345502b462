import type { Kysely } from 'kysely';

/** A row of the old queue, as the offline `import situation` wrote it (recipients and body as JSON text). */
interface PendingRow {
  id: string;
  type: string;
  recipients: string;
  priority: string;
  body: string;
  send: number;
  reason: string;
  created_at: string;
}

/** The columns of `notifications` and `notification_recipients` this migration writes, as exchange stores them. */
interface Tables {
  situation_pending_notifications: PendingRow;
  notifications: {
    id: string;
    direction: string;
    state: string;
    origin: string;
    type: string;
    priority: string;
    sender_agency: string;
    body: string;
    text: string | null;
    in_reply_to: string | null;
    personal_data: number;
    created_by: string | null;
    created_at: string;
    updated_at: string;
    sent_at: string | null;
    purge_after: string | null;
    purged_at: string | null;
    cap_identifier: string | null;
    cap_sender: string | null;
    cap_sent: string | null;
  };
  notification_recipients: {
    notification_id: string;
    agency: string;
    status: string;
    channel: string;
    due_at: string | null;
    sent_at: string | null;
    delivered_at: string | null;
    read_at: string | null;
    acknowledged_at: string | null;
    acknowledged_by: string | null;
    rejected_reason: string | null;
    note: string | null;
    updated_at: string;
  };
  federation_identity: { agency: string };
  agencies: { code: string; kind: string };
}

const recipientsOf = (row: PendingRow): string[] => {
  const parsed: unknown = JSON.parse(row.recipients);
  return Array.isArray(parsed) ? parsed.filter((agency): agency is string => typeof agency === 'string') : [];
};

/** Tells the liaison officer where the draft came from and what the import meant to do with it. */
const noteOf = (row: PendingRow): string =>
  `${row.send === 1 ? 'offline situation import asked to send this' : 'offline situation import left this as a draft'}: ${row.reason}`.slice(
    0,
    2000,
  );

/**
 * The node code exchange writes as the sender of its own notifications: the federation identity's agency, or
 * else the own agency every CLI command entered in the directory before the import could write its queue.
 */
async function ownAgency(tables: Kysely<Tables>): Promise<string> {
  const identity = await tables.selectFrom('federation_identity').select('agency').executeTakeFirst();
  if (identity) return identity.agency;
  const own = await tables
    .selectFrom('agencies')
    .select('code')
    .where('kind', '=', 'own')
    .orderBy('code')
    .executeTakeFirst();
  if (own) return own.code;
  throw new Error(
    "situation_pending_notifications has rows but no agency of kind 'own' names this node as their sender; add that agencies row and migrate again",
  );
}

/**
 * The offline `import situation` now hands notifications to exchange like the running node does, so situation
 * no longer keeps its own queue. Earlier imports left rows there that were only listed, never sent — daily
 * reports and port notices (`send = 1`) among them that the import meant to send. Each row becomes an outgoing
 * exchange draft with the same id, body, priority and recipients, so a liaison officer finds it among the
 * drafts and sends (or discards) it; why it was raised goes into each recipient's note, never to the
 * counterpart. The bodies are exchange bodies already (situation.daily, port.policy), so nothing is lost.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const tables = db as unknown as Kysely<Tables>;
  const pending = await tables.selectFrom('situation_pending_notifications').selectAll().execute();
  if (pending.length > 0) {
    const sender = await ownAgency(tables);
    const at = new Date().toISOString();
    for (const row of pending) {
      await tables
        .insertInto('notifications')
        .values({
          id: row.id,
          direction: 'outgoing',
          state: 'draft',
          origin: 'local',
          type: row.type,
          priority: row.priority,
          sender_agency: sender,
          body: row.body,
          text: null,
          in_reply_to: null,
          personal_data: 0,
          created_by: null,
          created_at: row.created_at,
          updated_at: at,
          sent_at: null,
          purge_after: null,
          purged_at: null,
          cap_identifier: null,
          cap_sender: null,
          cap_sent: null,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      const recipients = recipientsOf(row);
      if (recipients.length === 0) continue;
      await tables
        .insertInto('notification_recipients')
        .values(
          recipients.map((agency) => ({
            notification_id: row.id,
            agency,
            status: 'queued',
            channel: 'node',
            due_at: null,
            sent_at: null,
            delivered_at: null,
            read_at: null,
            acknowledged_at: null,
            acknowledged_by: null,
            rejected_reason: null,
            note: noteOf(row),
            updated_at: at,
          })),
        )
        .onConflict((oc) => oc.columns(['notification_id', 'agency']).doNothing())
        .execute();
    }
  }
  await db.schema.dropTable('situation_pending_notifications').execute();
}

/** Recreates the empty queue; the drafts made from its rows stay in exchange, where officers may have sent them. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('situation_pending_notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('recipients', 'text', (c) => c.notNull())
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('send', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
