import { base64url } from 'jose';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../core/db/database.js';
import { invalid } from '../../core/errors.js';
import { newId, nowIso } from '../../core/ids.js';
import {
  attachmentPayload,
  hasAttachment,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS_TOTAL_BYTES,
} from './attachments.js';
import { backoffDelay } from './backoff.js';
import {
  type Envelope,
  encryptBodyForRecipients,
  signDelivery,
  signEnvelope,
  verifyReceipt,
} from './crypto/index.js';
import type { DeliveryStatus, OutgoingMessage } from './federation.contract.js';
import type { FederationDeps } from './federation.deps.js';
import type { DeliveryRequest } from './federation.schema.js';
import * as store from './federation.store.js';
import type { OutboxRow } from './federation.tables.js';
import { describeFetchError, recipientKeys, refreshPeerKeys, trustedKeysLookup } from './trust.js';

export const MESSAGES_PATH = '/federation/v1/messages';
export const BATCH_PATH = '/federation/v1/messages/batch';

/**
 * Writes a message into the outbox in the caller's transaction: the envelope, signed now, once, and a row per
 * recipient (`queued` for node peers, `manual` for peers without a node, which exchange renders for e-mail or fax).
 */
export async function enqueue(deps: FederationDeps, db: Db, message: OutgoingMessage): Promise<void> {
  const recipients = [...new Set(message.to)];
  if (recipients.length === 0) throw invalid('federation.no_recipients', 'a message needs a recipient');
  const peers = await Promise.all(recipients.map((code) => store.findPeer(db, code)));
  const unknown = recipients.filter((_code, i) => peers[i]?.status !== 'active');
  if (unknown.length > 0) {
    throw invalid('federation.unknown_recipient', `not a peer of this node: ${unknown.join(', ')}`, {
      field: 'to',
    });
  }
  await checkAttachments(deps, message);
  const nodeRecipients = recipients.filter((_code, i) => peers[i]?.mode === 'node');
  const envelope: Envelope = {
    v: 1,
    id: message.id,
    from: deps.agency,
    to: recipients,
    type: message.type,
    createdAt: message.createdAt,
    ...(message.inReplyTo ? { inReplyTo: message.inReplyTo } : {}),
    // A message only for manual peers never leaves the node, so there is nobody to encrypt it to.
    ...(message.personalData && nodeRecipients.length > 0
      ? { bodyJwe: await encryptBodyForRecipients(message.body, await recipientKeys(db, nodeRecipients)) }
      : { body: message.body }),
    attachments: message.attachments,
  };
  const { signing } = await deps.identity.keys(db);
  const now = nowIso();
  await store.insertMessage(db, {
    id: message.id,
    type: message.type,
    envelope: await signEnvelope(envelope, signing),
    created_at: now,
  });
  await store.insertOutboxRows(
    db,
    recipients.map(
      (peer, i): OutboxRow => ({
        id: newId(),
        message_id: message.id,
        peer,
        status: peers[i]?.mode === 'node' ? 'queued' : 'manual',
        attempts: 0,
        next_attempt_at: now,
        claimed_until: null,
        last_error: null,
        receipt: null,
        delivered_at: null,
        created_at: now,
        updated_at: now,
      }),
    ),
  );
}

async function checkAttachments(deps: FederationDeps, message: OutgoingMessage): Promise<void> {
  let total = 0;
  for (const ref of message.attachments) {
    total += ref.size;
    if (ref.size > MAX_ATTACHMENT_BYTES || total > MAX_ATTACHMENTS_TOTAL_BYTES) {
      throw invalid(
        'federation.attachments_too_large',
        `attachments may have ${MAX_ATTACHMENT_BYTES} bytes each and ${MAX_ATTACHMENTS_TOTAL_BYTES} in all`,
        { maxBytes: MAX_ATTACHMENT_BYTES, maxTotalBytes: MAX_ATTACHMENTS_TOTAL_BYTES },
      );
    }
    if (!(await hasAttachment(deps.dataDir, ref.sha256))) {
      throw invalid('federation.attachment_not_stored', `store the bytes of ${ref.name} before sending`, {
        sha256: ref.sha256,
      });
    }
  }
}

const envelopeAttachments = (envelopeJws: string): Envelope['attachments'] =>
  (JSON.parse(new TextDecoder().decode(base64url.decode(envelopeJws.split('.')[1] ?? ''))) as Envelope)
    .attachments;

/** One signed delivery of a stored envelope (fresh `sentAt`), with its attachment bytes. */
export async function deliveryRequest(
  deps: FederationDeps,
  envelopeJws: string,
  attempt: number,
): Promise<DeliveryRequest> {
  const { signing } = await deps.identity.keys();
  const delivery = await signDelivery({ envelopeJws, attempt }, signing);
  const attachments = await attachmentPayload(deps.dataDir, envelopeAttachments(envelopeJws));
  return attachments ? { delivery, attachments } : { delivery };
}

/** What one attempt came to; only a verified receipt settles a row. */
export type AttemptResult =
  | { kind: 'receipt'; receipt: string }
  | { kind: 'refused'; error: string }
  | { kind: 'unreachable'; error: string; reachedPeer: boolean };

interface AnswerBody {
  receipt?: unknown;
  code?: unknown;
  detail?: unknown;
  /** In a batch answer: the status each item would have had on its own. */
  httpStatus?: unknown;
}

/** Classifies one answer (a whole response, or one item of a batch answer) by its status and body. */
function classify(status: number, body: AnswerBody): AttemptResult {
  // A replay refusal carries the receipt of the first delivery, which settles the row as well as a 200.
  if (typeof body.receipt === 'string' && (status === 200 || status === 409)) {
    return { kind: 'receipt', receipt: body.receipt };
  }
  const error = `${status} ${String(body.code ?? '')}: ${String(body.detail ?? '')}`.trim();
  // 503 is a node shutting down or overloaded: back off the peer. Any other error concerns this message only,
  // so it is retried on its own schedule and never holds up the messages behind it.
  if (status === 503) return { kind: 'unreachable', error, reachedPeer: true };
  return { kind: 'refused', error };
}

async function post(
  deps: FederationDeps,
  url: string,
  body: unknown,
  cancel?: AbortSignal,
): Promise<{ status: number; body: unknown } | Extract<AttemptResult, { kind: 'unreachable' }>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: cancel
        ? AbortSignal.any([AbortSignal.timeout(deps.settings.requestTimeoutMs), cancel])
        : AbortSignal.timeout(deps.settings.requestTimeoutMs),
    });
  } catch (error) {
    const reason = describeFetchError(error);
    return { kind: 'unreachable', error: reason, reachedPeer: reason !== 'ECONNREFUSED' };
  }
  try {
    return { status: response.status, body: await response.json() };
  } catch {
    // A proxy's HTML error page, or a connection cut mid-answer: judged by the status alone.
    return { status: response.status, body: {} };
  }
}

/** POSTs one delivery and classifies the answer. */
export async function attemptDelivery(
  deps: FederationDeps,
  url: string,
  request: DeliveryRequest,
  cancel?: AbortSignal,
): Promise<AttemptResult> {
  const answer = await post(deps, `${url}${MESSAGES_PATH}`, request, cancel);
  if ('kind' in answer) return answer;
  return classify(answer.status, answer.body as AnswerBody);
}

/**
 * POSTs several deliveries in one request (each still signed and answered on its own). `unsupported` when the
 * peer has no batch route (an older node); `singly` when the peer refused the batch as a whole (too large,
 * malformed), so one bad delivery cannot hold back the others it travelled with.
 */
export async function attemptDeliveries(
  deps: FederationDeps,
  url: string,
  requests: readonly DeliveryRequest[],
  cancel?: AbortSignal,
): Promise<AttemptResult[] | 'unsupported' | 'singly'> {
  const answer = await post(deps, `${url}${BATCH_PATH}`, { items: requests }, cancel);
  if ('kind' in answer) return requests.map(() => answer);
  if (answer.status === 404 || answer.status === 405) return 'unsupported';
  const results = (answer.body as { results?: unknown }).results;
  if (answer.status === 200 && Array.isArray(results) && results.length === requests.length) {
    return results.map((item: AnswerBody) =>
      classify(typeof item.httpStatus === 'number' ? item.httpStatus : 500, item),
    );
  }
  const whole = classify(answer.status, answer.body as AnswerBody);
  return whole.kind === 'unreachable' ? requests.map(() => whole) : 'singly';
}

/** Verifies a receipt for an outbox row; a peer that rotated its keys gets one chance to show its new ones. */
export async function verifyReceiptFor(
  deps: FederationDeps,
  receiptJws: string,
  row: Pick<OutboxRow, 'peer' | 'message_id'>,
) {
  const options = () => ({ trustedKeys: trustedKeysLookup(deps.db), self: deps.agency });
  let verified = await verifyReceipt(receiptJws, options());
  if (!verified.ok && verified.reason === 'untrusted_key' && (await refreshPeerKeys(deps.db, row.peer))) {
    verified = await verifyReceipt(receiptJws, options());
  }
  if (!verified.ok) return verified;
  if (verified.receipt.from !== row.peer || verified.receipt.messageId !== row.message_id) {
    return {
      ok: false as const,
      reason: 'malformed' as const,
      message: `the receipt is for ${verified.receipt.messageId} from ${verified.receipt.from}`,
    };
  }
  return verified;
}

/** A row and the verified receipt that settles it. */
export interface Settlement {
  row: Pick<OutboxRow, 'id' | 'message_id' | 'peer'>;
  receiptJws: string;
  receipt: { status: 'delivered' | 'rejected'; receivedAt: string; reason?: string };
  attempts: number;
}

async function settleIn(
  deps: FederationDeps,
  trx: Transaction<Database>,
  settlement: Settlement,
): Promise<void> {
  const { row, receipt } = settlement;
  const settled = await store.updatePending(trx, row.id, {
    status: receipt.status,
    receipt: settlement.receiptJws,
    delivered_at: receipt.receivedAt,
    attempts: settlement.attempts,
    claimed_until: null,
    last_error: receipt.reason ?? null,
    updated_at: nowIso(),
  });
  if (!settled) return;
  await deps.handlers().deliveryChanged(trx, {
    messageId: row.message_id,
    peer: row.peer,
    status: receipt.status,
    at: receipt.receivedAt,
    ...(receipt.reason !== undefined && { reason: receipt.reason }),
  });
}

/**
 * Settles rows with verified receipts and tells the handlers, in one transaction (one commit for many receipts
 * is what lets a drain keep up). A row already settled (by another process, or a receipt from a bundle) is left
 * alone, so handlers hear of each outcome once. If the batch fails, each row is settled on its own so one
 * failing handler call cannot hold back the others.
 */
export async function settleWithReceipts(
  deps: FederationDeps,
  settlements: readonly Settlement[],
): Promise<void> {
  if (settlements.length === 0) return;
  try {
    await deps.db.transaction().execute(async (trx) => {
      for (const settlement of settlements) await settleIn(deps, trx, settlement);
    });
  } catch (error) {
    if (settlements.length === 1) throw error;
    for (const settlement of settlements) {
      try {
        await deps.db.transaction().execute((trx) => settleIn(deps, trx, settlement));
      } catch (single) {
        deps.log.error({ err: single, messageId: settlement.row.message_id }, 'could not record a receipt');
      }
    }
  }
}

/** Records a failed attempt; a row that reached the peer becomes `sent` (handed over, no receipt yet). */
export async function recordFailure(
  deps: FederationDeps,
  row: OutboxRow,
  failure: { error: string; reachedPeer: boolean; retryInMs: number },
): Promise<void> {
  const now = new Date();
  const becameSent = failure.reachedPeer && row.status === 'queued';
  const changes: Partial<OutboxRow> = {
    attempts: row.attempts + 1,
    last_error: failure.error.slice(0, 1000),
    claimed_until: null,
    next_attempt_at: new Date(now.getTime() + failure.retryInMs).toISOString(),
    updated_at: now.toISOString(),
    ...(becameSent && { status: 'sent' satisfies DeliveryStatus }),
  };
  if (!becameSent) {
    await store.updatePending(deps.db, row.id, changes);
    return;
  }
  await deps.db.transaction().execute(async (trx) => {
    if (!(await store.updatePending(trx, row.id, changes))) return;
    await deps.handlers().deliveryChanged(trx, {
      messageId: row.message_id,
      peer: row.peer,
      status: 'sent',
      at: now.toISOString(),
    });
  });
}

/** Applies a receipt that came back by another way (an offline bundle); unknown or settled rows are left alone. */
export async function applyReceipt(
  deps: FederationDeps,
  receiptJws: string,
): Promise<'applied' | 'known' | 'refused'> {
  const options = { trustedKeys: trustedKeysLookup(deps.db), self: deps.agency };
  const verified = await verifyReceipt(receiptJws, options);
  if (!verified.ok) {
    deps.log.warn(
      { reason: verified.reason, messageId: verified.messageId },
      `receipt refused: ${verified.message}`,
    );
    return 'refused';
  }
  const { receipt } = verified;
  const row = await store.findOutboxByMessage(deps.db, receipt.messageId, receipt.from);
  if (!row) return 'refused';
  if (row.status !== 'queued' && row.status !== 'sent') return 'known';
  await settleWithReceipts(deps, [{ row, receiptJws, receipt, attempts: row.attempts }]);
  return 'applied';
}

export const retryDelay = (deps: FederationDeps, failures: number) =>
  backoffDelay(failures, { baseMs: deps.settings.backoffBaseMs, maxMs: deps.settings.backoffMaxMs });
