/** Rows of the federation tables, as stored (instants ISO text, JSON as text). */
export interface IdentityRow {
  agency: string;
  /** `StoredNodeKeys` JSON, sealed with BORDERLINK_KEYS_SECRET when it is set. */
  key_set: string;
  created_at: string;
  updated_at: string;
}

export interface PeerRow {
  code: string;
  mode: string;
  url: string | null;
  /** Canonical fingerprint of the peer's current signing key. */
  fingerprint: string | null;
  email: string | null;
  language: string;
  status: string;
  /** The peer's announced public keys (JSON array of JWKs with optional `retires_at`). */
  keys: string;
  /** `issuedAt` of the last key announcement applied, so an older one is never applied over it. */
  keys_issued_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface MessageRow {
  id: string;
  type: string;
  envelope: string;
  created_at: string;
}

export interface OutboxRow {
  id: string;
  message_id: string;
  peer: string;
  status: string;
  attempts: number;
  next_attempt_at: string;
  claimed_until: string | null;
  last_error: string | null;
  receipt: string | null;
  delivered_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface InboxRow {
  message_id: string;
  sender: string;
  type: string;
  status: string;
  reason: string | null;
  envelope: string;
  receipt: string;
  received_via: string;
  received_at: string;
  /**
   * What the retention worker found in the envelope once the replay window passed: null = not examined yet,
   * 'plain' = kept, 'purged' = a personal-data body, blanked (envelope '').
   */
  body_state?: string | null;
}

export interface SeenDeliveryRow {
  hash: string;
  message_id: string;
  seen_at: string;
}

declare module '../../core/db/database.js' {
  interface Database {
    federation_identity: IdentityRow;
    federation_peers: PeerRow;
    federation_messages: MessageRow;
    federation_outbox: OutboxRow;
    federation_inbox: InboxRow;
    federation_seen_deliveries: SeenDeliveryRow;
  }
}
