import { expect } from 'vitest';
import type { ApiClient } from '../../../../test/support/http-client.js';
import type { TestNode } from '../../../../test/support/nodes.js';
import { newId, nowIso } from '../../../core/ids.js';
import type {
  DeliveryChange,
  IncomingMessage,
  MessageHandlers,
  OutgoingMessage,
} from '../federation.contract.js';

/** Outbox timings short enough that retries and polls happen within a test's patience. */
export const FAST_OUTBOX: Readonly<Record<string, string>> = {
  BORDERLINK_OUTBOX_POLL_MS: '50',
  BORDERLINK_OUTBOX_BACKOFF_MS: '20',
  BORDERLINK_OUTBOX_BACKOFF_MAX_MS: '200',
};

const admins = new WeakMap<TestNode, Promise<ApiClient>>();

/** One logged-in admin client per node (logging in hashes a password, which is slow on purpose). */
export function adminOf(node: TestNode): Promise<ApiClient> {
  const existing = admins.get(node);
  if (existing !== undefined) return existing;
  const client = node.admin();
  admins.set(node, client);
  return client;
}

/** Makes `from` trust `to` through the admin API, pinning the fingerprint `to` shows its own admin. */
export async function trustPeer(
  from: TestNode,
  to: TestNode,
  options: { url?: string; language?: 'zh' | 'en' | 'ru' } = {},
): Promise<void> {
  const keys = await (await adminOf(to)).get<{ fingerprint: string }>('/api/v1/federation/keys');
  const added = await (await adminOf(from)).post('/api/v1/federation/peers', {
    code: to.code,
    url: options.url ?? to.url,
    fingerprint: keys.body.fingerprint,
    language: options.language ?? 'en',
  });
  if (added.status !== 201) throw new Error(`${from.code} could not add ${to.code}: ${added.text}`);
}

/** Handlers that remember what federation told them, to count deliveries exactly. */
export function recordingHandlers() {
  const incoming = new Map<string, IncomingMessage[]>();
  const changes: DeliveryChange[] = [];
  const handlers: MessageHandlers = {
    async incoming(_trx, message) {
      incoming.set(message.id, [...(incoming.get(message.id) ?? []), message]);
    },
    async deliveryChanged(_trx, change) {
      changes.push(change);
    },
  };
  return { handlers, incoming, changes };
}

/** An outgoing liaison message; override any field. */
export function buildOutgoing(overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
  return {
    id: newId(),
    type: 'liaison.message',
    to: ['MN-GABP'],
    createdAt: nowIso(),
    // Exchange's wire format, so a node running exchange's handlers stores it too.
    body: {
      v: 1,
      priority: 'routine',
      body: { subject: 'Port hours', text: 'Erenhot closes at 18:00 on Friday.' },
      text: null,
      deadlines: {},
    },
    attachments: [],
    personalData: false,
    ...overrides,
  };
}

/** Enqueues messages at a node in one transaction each, as exchange does, then kicks the worker. */
export async function send(node: TestNode, ...messages: OutgoingMessage[]): Promise<void> {
  const { federation, context } = node.node;
  for (const message of messages) {
    await context.db.transaction().execute((trx) => federation.enqueue(trx, message));
  }
  federation.kick();
}

/** Waits until `check` passes (it throws until then), or fails with its last error. */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

/** Outbox rows of a node by message and peer. */
export async function outboxOf(node: TestNode) {
  return node.node.context.db
    .selectFrom('federation_outbox')
    .select(['message_id', 'peer', 'status', 'attempts', 'receipt', 'last_error'])
    .execute();
}

/** Asserts each message was handed to the handlers exactly once. */
export function expectEachOnce(incoming: Map<string, IncomingMessage[]>, ids: readonly string[]): void {
  expect([...incoming.keys()].sort()).toEqual([...ids].sort());
  for (const id of ids) expect(incoming.get(id)).toHaveLength(1);
}
