import type { Transaction } from 'kysely';
import type { Database, Db } from '../../core/db/database.js';

/**
 * The seam between exchange (what a notification means) and federation (getting signed messages to
 * peers exactly once). Exchange writes outgoing messages into the outbox in its own transaction and
 * is told, in federation's transactions, about incoming messages and delivery changes.
 */
export interface AttachmentRef {
  name: string;
  mediaType: string;
  sha256: string;
  size: number;
}

export interface OutgoingMessage {
  /** UUIDv7, the same id at every recipient (the idempotency key). */
  id: string;
  type: string;
  to: string[];
  createdAt: string;
  inReplyTo?: string | null;
  body: unknown;
  attachments: AttachmentRef[];
  /** Encrypt the body to each recipient (persons.movement, watchlist.share, hit.notice, handover.request). */
  personalData: boolean;
}

export interface IncomingMessage {
  id: string;
  from: string;
  to: string[];
  type: string;
  createdAt: string;
  inReplyTo: string | null;
  /** Already verified and decrypted. */
  body: unknown;
  /** The body arrived encrypted to us (`bodyJwe`), not as a plain `body` anyone on the way could read. */
  encrypted: boolean;
  attachments: AttachmentRef[];
}

export type DeliveryStatus = 'queued' | 'sent' | 'delivered' | 'rejected' | 'manual';

export interface DeliveryChange {
  messageId: string;
  peer: string;
  status: DeliveryStatus;
  at: string;
  reason?: string;
}

/** What exchange (or any module sending messages) registers with federation. */
export interface MessageHandlers {
  /**
   * Stores an incoming message; runs inside the transaction that records it as received, so it is
   * stored exactly once. Throw AppError('invalid', …) to refuse it (the sender gets a rejected receipt).
   */
  incoming(trx: Transaction<Database>, message: IncomingMessage): Promise<void>;
  /** A per-recipient delivery status changed (sent, delivered by signed receipt, rejected). */
  deliveryChanged(trx: Transaction<Database>, change: DeliveryChange): Promise<void>;
  /**
   * True when messages of this type carry personal data, whether or not the body arrived encrypted: the
   * retention worker blanks their stored envelopes once the replay window passed. Handlers without it leave
   * federation to judge by the envelope alone (an encrypted body counts as personal data).
   */
  isPersonalDataType?(type: string): boolean;
}

export type PeerMode = 'node' | 'manual';

export interface PeerView {
  code: string;
  mode: PeerMode;
  url: string | null;
  fingerprint: string | null;
  /** Where manual peers get their copies, when SMTP is configured. */
  email: string | null;
  language: 'zh' | 'en' | 'ru';
  status: 'active' | 'removed';
}

/** What federation offers other modules. */
export interface FederationApi {
  /** Queues a message for every recipient, in the caller's transaction (the transactional outbox). */
  enqueue(db: Db, message: OutgoingMessage): Promise<void>;
  getPeer(db: Db, code: string): Promise<PeerView | null>;
  listPeers(db: Db): Promise<PeerView[]>;
  /** Stores bytes to attach to an outgoing message (content-addressed); the envelope carries the returned reference. */
  storeAttachment(bytes: Uint8Array, meta: { name: string; mediaType: string }): Promise<AttachmentRef>;
  /** The bytes of an attachment sent or received. */
  readAttachment(sha256: string): Promise<Buffer>;
}
