import { createHash } from 'node:crypto';
import { base64url } from 'jose';
import type { Db } from '../../core/db/database.js';
import { AppError, type ErrorKind } from '../../core/errors.js';
import { nowIso } from '../../core/ids.js';
import { storeReceivedAttachment } from './attachments.js';
import {
  decryptBody,
  type Envelope,
  nodeKeys,
  signReceipt,
  type VerificationFailureReason,
  verifyDelivery,
} from './crypto/index.js';
import type { IncomingMessage } from './federation.contract.js';
import type { FederationDeps } from './federation.deps.js';
import type { DeliveryRequest } from './federation.schema.js';
import * as store from './federation.store.js';
import { refreshPeerKeys, trustedKeysLookup } from './trust.js';

export type ReceivedVia = 'http' | 'bundle';

export interface ReceiveOutcome {
  receipt: string;
  status: 'delivered' | 'rejected';
  /** The message was already stored; this is the receipt it got then. */
  duplicate: boolean;
}

const REFUSAL_KINDS: Record<VerificationFailureReason, ErrorKind> = {
  malformed: 'invalid',
  unknown_sender: 'forbidden',
  untrusted_key: 'forbidden',
  revoked_key: 'forbidden',
  bad_signature: 'unauthenticated',
  not_addressed_to_us: 'invalid',
  stale: 'invalid',
  from_future: 'invalid',
  replay: 'conflict',
};

/** Thrown inside the storing transaction when another request stored the same message first. */
class AlreadyStored extends Error {}

const hashOf = (text: string) => createHash('sha256').update(text).digest('hex');

/** The agency the delivery claims to come from, read without trusting it (only to refresh its keys). */
function claimedSender(deliveryJws: string): string | undefined {
  try {
    const delivery = JSON.parse(
      Buffer.from(deliveryJws.split('.')[1] ?? '', 'base64url').toString('utf8'),
    ) as {
      envelope?: string;
    };
    const envelope = JSON.parse(
      new TextDecoder().decode(base64url.decode(delivery.envelope?.split('.')[1] ?? '')),
    ) as { from?: unknown };
    return typeof envelope.from === 'string' ? envelope.from : undefined;
  } catch {
    return undefined;
  }
}

async function verify(deps: FederationDeps, deliveryJws: string) {
  // A fresh lookup per verification: the second one must see keys adopted in between.
  const options = () => ({ trustedKeys: trustedKeysLookup(deps.db), self: deps.agency });
  const first = await verifyDelivery(deliveryJws, options());
  if (first.ok || first.reason !== 'untrusted_key') return first;
  // An unknown kid from a known peer usually means it rotated its keys: adopt them if its old key vouches.
  const sender = claimedSender(deliveryJws);
  if (sender && (await refreshPeerKeys(deps.db, sender))) return verifyDelivery(deliveryJws, options());
  return first;
}

/**
 * Receives one delivery (over HTTP or from an offline bundle): verifies it against the trust list, stores the
 * message once together with `handlers.incoming`, and returns the signed receipt. A duplicate gets the receipt
 * it got the first time; the very same signed request presented again is refused as a replay.
 */
export async function receiveDelivery(
  deps: FederationDeps,
  request: DeliveryRequest,
  via: ReceivedVia,
): Promise<ReceiveOutcome> {
  const verified = await verify(deps, request.delivery);
  if (!verified.ok) {
    deps.log.warn(
      { reason: verified.reason, messageId: verified.messageId, via },
      `federation delivery refused: ${verified.message}`,
    );
    throw new AppError(REFUSAL_KINDS[verified.reason], `federation.${verified.reason}`, verified.message, {
      reason: verified.reason,
      ...(verified.messageId && { messageId: verified.messageId }),
    });
  }
  const { envelope } = verified;
  const seen = { hash: hashOf(request.delivery), message_id: envelope.id, seen_at: nowIso() };
  const existing = await store.findInbox(deps.db, envelope.id);
  if (existing) return answerDuplicate(deps, existing, seen, via);

  const receivedAt = nowIso();
  let message: IncomingMessage;
  try {
    message = await readMessage(deps, envelope, request.attachments);
  } catch (error) {
    if (!(error instanceof AppError) || error.kind !== 'invalid') throw error;
    return storeRejected(deps, envelope, verified.envelopeJws, error.message, receivedAt, via);
  }
  const receipt = await signReceiptFor(deps, envelope, 'delivered', receivedAt);
  try {
    await deps.db.transaction().execute(async (trx) => {
      const stored = await store.insertInboxOnce(trx, {
        message_id: envelope.id,
        sender: envelope.from,
        type: envelope.type,
        status: 'delivered',
        reason: null,
        envelope: verified.envelopeJws,
        receipt,
        received_via: via,
        received_at: receivedAt,
      });
      if (!stored) throw new AlreadyStored();
      await store.markDeliverySeen(trx, seen);
      await deps.handlers().incoming(trx, message);
    });
  } catch (error) {
    if (error instanceof AlreadyStored) {
      const winner = await store.findInbox(deps.db, envelope.id);
      if (winner)
        return {
          receipt: winner.receipt,
          status: winner.status as ReceiveOutcome['status'],
          duplicate: true,
        };
    }
    if (error instanceof AppError && error.kind === 'invalid') {
      return storeRejected(deps, envelope, verified.envelopeJws, error.message, receivedAt, via);
    }
    throw error;
  }
  deps.log.debug({ messageId: envelope.id, from: envelope.from, via }, 'federation message received');
  return { receipt, status: 'delivered', duplicate: false };
}

async function answerDuplicate(
  deps: FederationDeps,
  existing: { receipt: string; status: string; message_id: string },
  seen: { hash: string; message_id: string; seen_at: string },
  via: ReceivedVia,
): Promise<ReceiveOutcome> {
  if (!(await store.markDeliverySeen(deps.db, seen))) {
    deps.log.warn(
      { reason: 'replay', messageId: existing.message_id, via },
      'federation delivery refused: replay',
    );
    // The receipt goes with the refusal: an honest sender whose request the network doubled still learns it.
    throw new AppError(
      'conflict',
      'federation.replay',
      `this delivery of ${existing.message_id} was already received`,
      {
        reason: 'replay',
        messageId: existing.message_id,
        receipt: existing.receipt,
      },
    );
  }
  return { receipt: existing.receipt, status: existing.status as ReceiveOutcome['status'], duplicate: true };
}

async function readMessage(
  deps: FederationDeps,
  envelope: Envelope,
  attachments: DeliveryRequest['attachments'],
): Promise<IncomingMessage> {
  const keys = nodeKeys(await deps.identity.keys()).filter((key) => key.use === 'enc');
  const body = await decryptBody(envelope, keys);
  for (const ref of envelope.attachments) {
    await storeReceivedAttachment(deps.dataDir, ref, attachments?.[ref.sha256]);
  }
  return {
    id: envelope.id,
    from: envelope.from,
    to: envelope.to,
    type: envelope.type,
    createdAt: envelope.createdAt,
    inReplyTo: envelope.inReplyTo ?? null,
    body,
    encrypted: envelope.bodyJwe !== undefined,
    attachments: envelope.attachments,
  };
}

async function signReceiptFor(
  deps: FederationDeps,
  envelope: Envelope,
  status: 'delivered' | 'rejected',
  receivedAt: string,
  reason?: string,
): Promise<string> {
  const { signing } = await deps.identity.keys();
  return signReceipt(
    {
      messageId: envelope.id,
      from: deps.agency,
      to: envelope.from,
      status,
      receivedAt,
      ...(reason !== undefined && { reason: reason.slice(0, 1000) }),
    },
    signing,
  );
}

/** Records a message we refuse on its content, so every later duplicate gets the same rejected receipt. */
async function storeRejected(
  deps: FederationDeps,
  envelope: Envelope,
  envelopeJws: string,
  reason: string,
  receivedAt: string,
  via: ReceivedVia,
): Promise<ReceiveOutcome> {
  const receipt = await signReceiptFor(deps, envelope, 'rejected', receivedAt, reason);
  const stored = await store.insertInboxOnce(deps.db as Db, {
    message_id: envelope.id,
    sender: envelope.from,
    type: envelope.type,
    status: 'rejected',
    reason,
    envelope: envelopeJws,
    receipt,
    received_via: via,
    received_at: receivedAt,
  });
  deps.log.warn({ messageId: envelope.id, from: envelope.from, via, reason }, 'federation message rejected');
  if (!stored) {
    const winner = await store.findInbox(deps.db, envelope.id);
    if (winner)
      return { receipt: winner.receipt, status: winner.status as ReceiveOutcome['status'], duplicate: true };
  }
  return { receipt, status: 'rejected', duplicate: false };
}
