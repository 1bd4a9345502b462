import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('sender_agency', 'text', (c) => c.notNull())
    .addColumn('body', 'text')
    .addColumn('text', 'text')
    .addColumn('in_reply_to', 'text')
    .addColumn('personal_data', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('purge_after', 'text')
    .addColumn('purged_at', 'text')
    .addColumn('cap_identifier', 'text')
    .addColumn('cap_sender', 'text')
    .addColumn('cap_sent', 'text')
    .execute();
  await db.schema
    .createIndex('notifications_box_idx')
    .on('notifications')
    .columns(['direction', 'id'])
    .execute();
  await db.schema.createIndex('notifications_reply_idx').on('notifications').column('in_reply_to').execute();
  await db.schema.createIndex('notifications_purge_idx').on('notifications').column('purge_after').execute();
  // An alert imported twice (a feed re-polled) must stay one notification.
  await db.schema
    .createIndex('notifications_cap_idx')
    .on('notifications')
    .columns(['cap_sender', 'cap_identifier', 'cap_sent'])
    .unique()
    .execute();

  await db.schema
    .createTable('notification_recipients')
    .addColumn('notification_id', 'text', (c) =>
      c.notNull().references('notifications.id').onDelete('cascade'),
    )
    .addColumn('agency', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('delivered_at', 'text')
    .addColumn('read_at', 'text')
    .addColumn('acknowledged_at', 'text')
    .addColumn('acknowledged_by', 'text')
    .addColumn('rejected_reason', 'text')
    .addColumn('note', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_recipients_pk', ['notification_id', 'agency'])
    .execute();
  await db.schema
    .createIndex('notification_recipients_due_idx')
    .on('notification_recipients')
    .columns(['status', 'due_at'])
    .execute();

  await db.schema
    .createTable('attachments')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('notification_attachments')
    .addColumn('notification_id', 'text', (c) =>
      c.notNull().references('notifications.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_attachments_pk', ['notification_id', 'position'])
    .execute();

  await db.schema
    .createTable('exchange_peer_deadlines')
    .addColumn('agency', 'text', (c) => c.primaryKey())
    .addColumn('routine_hours', 'integer', (c) => c.notNull())
    .addColumn('urgent_hours', 'integer', (c) => c.notNull())
    .addColumn('flash_hours', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('exchange_peer_deadlines').execute();
  await db.schema.dropTable('notification_attachments').execute();
  await db.schema.dropTable('attachments').execute();
  await db.schema.dropTable('notification_recipients').execute();
  await db.schema.dropTable('notifications').execute();
}
