import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // One row: this node's key set (private parts included), never served over the API.
  await db.schema
    .createTable('federation_identity')
    .addColumn('agency', 'text', (c) => c.primaryKey())
    .addColumn('key_set', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('federation_peers')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('fingerprint', 'text')
    .addColumn('email', 'text')
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('keys', 'text', (c) => c.notNull())
    .addColumn('keys_issued_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // Each outgoing envelope once, signed at enqueue; the outbox has a row per recipient.
  await db.schema
    .createTable('federation_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('envelope', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('federation_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('message_id', 'text', (c) => c.notNull().references('federation_messages.id'))
    .addColumn('peer', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('claimed_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('receipt', 'text')
    .addColumn('delivered_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('federation_outbox_message_peer_uq', ['message_id', 'peer'])
    .execute();
  await db.schema
    .createIndex('federation_outbox_due_idx')
    .on('federation_outbox')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema
    .createIndex('federation_outbox_peer_idx')
    .on('federation_outbox')
    .columns(['peer', 'status'])
    .execute();

  // Every message received, once: the idempotency record and the receipt a duplicate gets again.
  await db.schema
    .createTable('federation_inbox')
    .addColumn('message_id', 'text', (c) => c.primaryKey())
    .addColumn('sender', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('envelope', 'text', (c) => c.notNull())
    .addColumn('receipt', 'text', (c) => c.notNull())
    .addColumn('received_via', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('federation_inbox_sender_idx')
    .on('federation_inbox')
    .columns(['sender', 'received_at'])
    .execute();

  // Hashes of delivery wrappers already accepted: the same signed request presented twice is a replay.
  await db.schema
    .createTable('federation_seen_deliveries')
    .addColumn('hash', 'text', (c) => c.primaryKey())
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('federation_seen_deliveries_seen_idx')
    .on('federation_seen_deliveries')
    .column('seen_at')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'federation_seen_deliveries',
    'federation_inbox',
    'federation_outbox',
    'federation_messages',
    'federation_peers',
    'federation_identity',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
