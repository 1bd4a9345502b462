import { ConfigError } from '../../core/config.js';
import { BATCH_LIMIT } from './federation.schema.js';

/** Tuning of delivery; production defaults, tests shorten them through the environment. */
export interface FederationSettings {
  /** How often the outbox worker looks for due rows when nobody kicked it. */
  readonly pollMs: number;
  /** First retry delay; doubles per failure, capped by `backoffMaxMs`, with full jitter. */
  readonly backoffBaseMs: number;
  readonly backoffMaxMs: number;
  readonly requestTimeoutMs: number;
  /** Deliveries in flight per peer. */
  readonly concurrencyPerPeer: number;
  /** Rows claimed per round. */
  readonly batchSize: number;
  /** Deliveries sent in one batch request (1: one request each). */
  readonly deliveriesPerRequest: number;
  /** Seals the node's private keys at rest (AES-256-GCM) when set. */
  readonly keysSecret: string | undefined;
}

type Env = Readonly<Record<string, string | undefined>>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(name, `must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

/**
 * Reads the federation variables once. They live here rather than in core/config.ts only because core is
 * owned elsewhere; the lead may move them there unchanged.
 */
export function loadFederationSettings(env: Env = process.env): FederationSettings {
  const keysSecret = env.BORDERLINK_KEYS_SECRET || undefined;
  if (keysSecret !== undefined && keysSecret.length < 16) {
    throw new ConfigError('BORDERLINK_KEYS_SECRET', 'must be at least 16 characters');
  }
  const backoffBaseMs = integer(env, 'BORDERLINK_OUTBOX_BACKOFF_MS', 1_000, 1, 3_600_000);
  return Object.freeze({
    pollMs: integer(env, 'BORDERLINK_OUTBOX_POLL_MS', 1_000, 5, 3_600_000),
    backoffBaseMs,
    backoffMaxMs: integer(env, 'BORDERLINK_OUTBOX_BACKOFF_MAX_MS', 300_000, backoffBaseMs, 86_400_000),
    requestTimeoutMs: integer(env, 'BORDERLINK_OUTBOX_TIMEOUT_MS', 30_000, 100, 600_000),
    concurrencyPerPeer: integer(env, 'BORDERLINK_OUTBOX_CONCURRENCY', 16, 1, 256),
    batchSize: integer(env, 'BORDERLINK_OUTBOX_BATCH', 200, 1, 5_000),
    deliveriesPerRequest: integer(env, 'BORDERLINK_OUTBOX_PER_REQUEST', 20, 1, BATCH_LIMIT),
    keysSecret,
  });
}
