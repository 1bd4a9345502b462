import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import type { GeneralJWS } from 'jose';
import { appendAudit } from '../../core/audit/audit.js';
import type { Actor } from '../../core/auth/roles.js';
import type { Db } from '../../core/db/database.js';
import { inTransaction } from '../../core/db/transaction.js';
import { AppError } from '../../core/errors.js';
import { nowIso } from '../../core/ids.js';
import {
  exportNodeKeys,
  generateNodeKeys,
  importNodeKeys,
  type NodeFingerprint,
  type NodeKeySet,
  nodeFingerprint,
  nodeKeys,
  type PublishedJwks,
  publicJwks,
  rotateKeys,
  signKeyAnnouncement,
} from './crypto/index.js';
import * as store from './federation.store.js';

const SEALED_PREFIX = 'sealed:v1:';
const CACHE_MS = 5_000;

/** Seals the key set with AES-256-GCM under a key derived from the secret (scrypt, per-seal salt). */
export function sealKeySet(plain: string, secret: string | undefined): string {
  if (secret === undefined) return plain;
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', scryptSync(secret, salt, 32), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `${SEALED_PREFIX}${[salt, iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.')}`;
}

/** Opens what `sealKeySet` wrote; plain JSON passes through so a secret can be introduced later. */
export function openKeySet(stored: string, secret: string | undefined): string {
  if (!stored.startsWith(SEALED_PREFIX)) return stored;
  if (secret === undefined) {
    throw new AppError(
      'unavailable',
      'federation.keys_sealed',
      'the node keys are sealed: set BORDERLINK_KEYS_SECRET to the secret they were sealed with',
    );
  }
  const [salt, iv, tag, body] = stored
    .slice(SEALED_PREFIX.length)
    .split('.')
    .map((part) => Buffer.from(part, 'base64url'));
  if (!salt || !iv || !tag || !body) {
    throw new AppError('unavailable', 'federation.keys_unreadable', 'the sealed node keys are damaged');
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', scryptSync(secret, salt, 32), iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } catch {
    throw new AppError(
      'unavailable',
      'federation.keys_unreadable',
      'the node keys do not open with BORDERLINK_KEYS_SECRET',
    );
  }
}

/** This node's keys: created on first start, read from the database, cached briefly so a CLI rotation shows up. */
export class NodeIdentity {
  private cached: { keys: NodeKeySet; at: number } | undefined;

  constructor(
    private readonly db: Db,
    readonly agency: string,
    private readonly secret: string | undefined,
  ) {}

  /** Creates the key set when the node has none; safe when several processes start at once. */
  async ensure(): Promise<NodeKeySet> {
    const existing = await store.findIdentity(this.db, this.agency);
    if (existing && this.secret !== undefined && !existing.key_set.startsWith(SEALED_PREFIX)) {
      // A secret was set after the keys were created: seal them now rather than at the next rotation.
      await store.updateIdentity(this.db, this.agency, sealKeySet(existing.key_set, this.secret), nowIso());
    }
    if (!existing) {
      const keys = await generateNodeKeys(this.agency);
      const now = nowIso();
      await store.insertIdentity(this.db, {
        agency: this.agency,
        key_set: sealKeySet(JSON.stringify(exportNodeKeys(keys)), this.secret),
        created_at: now,
        updated_at: now,
      });
    }
    return this.keys(this.db, true);
  }

  /**
   * The current key set (private parts included; never leaves this module). Inside a transaction pass it as
   * `db`: SQLite has one connection, so a query on the root handle would wait for the transaction forever.
   */
  async keys(db: Db = this.db, fresh = false): Promise<NodeKeySet> {
    if (!fresh && this.cached && Date.now() - this.cached.at < CACHE_MS) return this.cached.keys;
    const row = await store.findIdentity(db, this.agency);
    if (!row) return this.ensure();
    const keys = importNodeKeys(JSON.parse(openKeySet(row.key_set, this.secret)));
    this.cached = { keys, at: Date.now() };
    return keys;
  }

  async jwks(): Promise<PublishedJwks> {
    return publicJwks(nodeKeys(await this.keys()));
  }

  async announcement(): Promise<GeneralJWS> {
    return signKeyAnnouncement(await this.keys(), this.agency);
  }

  async fingerprint(): Promise<NodeFingerprint> {
    return nodeFingerprint(await this.jwks());
  }

  /** New active keys; the old ones stay published and honoured for `overlapDays`. */
  async rotate(actor: Actor, overlapDays: number): Promise<NodeFingerprint> {
    if (!(overlapDays > 0)) {
      throw new AppError(
        'invalid',
        'federation.overlap_invalid',
        'the overlap must be a positive number of days',
      );
    }
    await inTransaction(this.db, async (trx) => {
      await store.lockIdentity(trx);
      const row = await store.findIdentity(trx, this.agency);
      if (!row) throw new AppError('not_found', 'federation.no_identity', 'the node has no keys yet');
      const current = importNodeKeys(JSON.parse(openKeySet(row.key_set, this.secret)));
      const retiresAt = new Date(Date.now() + overlapDays * 86_400_000);
      const rotated = await rotateKeys(current, { retiresAt });
      await store.updateIdentity(
        trx,
        this.agency,
        sealKeySet(JSON.stringify(exportNodeKeys(rotated)), this.secret),
        nowIso(),
      );
      await appendAudit(trx, actor, {
        action: 'federation.keys_rotate',
        targetType: 'node',
        targetId: this.agency,
        details: { newKid: rotated.signing.kid, retiresAt: retiresAt.toISOString() },
      });
    });
    this.cached = undefined;
    return this.fingerprint();
  }
}
