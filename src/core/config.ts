import path from 'node:path';

/** Node configuration, read from the environment once at start-up and frozen. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** `postgres://…` selects PostgreSQL; undefined means embedded SQLite in `dataDir`. */
  readonly databaseUrl: string | undefined;
  readonly nodeCode: string;
  readonly adminPassword: string | undefined;
  readonly publicUrl: string;
  readonly logLevel: string;
  readonly sessionTtlMinutes: number;
  /** Set when the node sits behind TLS, so session cookies carry `Secure`. */
  readonly secureCookies: boolean;
  readonly bodyLimitBytes: number;
  readonly federation: FederationConfig;
  readonly exchange: ExchangeConfig;
  readonly warning: WarningConfig;
}

/** Outbox delivery tuning and key sealing; production defaults, tests shorten them. */
export interface FederationConfig {
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
  /** Days settled outbox rows and received inbox rows are kept before the retention worker deletes them. */
  readonly retentionDays: number;
}

/** Mail delivery for manual peers and exchange's background timings. */
export interface ExchangeConfig {
  /** `smtp://user:pass@host:port` or `smtps://…`; unset means copies for manual peers are only downloaded. */
  readonly smtpUrl: string | undefined;
  readonly smtpFrom: string | undefined;
  /** How often the retention worker purges expired personal data. */
  readonly purgeIntervalMs: number;
  /** Comment lines on idle event streams, so proxies keep them open and clients notice a dead link. */
  readonly heartbeatMs: number;
}

/** Early-warning windows: each agency's law and its liaison arrangements with neighbours set them. */
export interface WarningConfig {
  /** Days back a new watchlist entry is screened against the crossings already made. */
  readonly retrospectiveDays: number;
  /** Days crossings (personal data) are kept: at least the retrospective window, which reads them. */
  readonly crossingRetentionDays: number;
  /** Days hits and received hit notices are kept. */
  readonly hitRetentionDays: number;
  /** Hours a `hit.notice` gives the agency that shared the entry to reply. */
  readonly hitReplyHours: number;
}

/**
 * The early-warning windows when no variable sets them; the warning module's own defaults are these, so a node
 * and a runtime built without a config (tests, benchmarks) keep personal data for the same time.
 */
export const WARNING_DEFAULTS: WarningConfig = Object.freeze({
  retrospectiveDays: 14,
  // twice the screening window, as for shared movements and watchlists (exchange personal-data retention)
  crossingRetentionDays: 28,
  hitRetentionDays: 90,
  hitReplyHours: 24,
});

/** Most deliveries one federation batch request may carry; the wire schema enforces the same bound. */
export const FEDERATION_BATCH_LIMIT = 50;
/**
 * The inbox is the receiver's memory of message ids, which replay protection needs for as long as a captured
 * delivery could still pass the freshness check (7 days, plus clock skew); federation holds the same floor.
 */
export const FEDERATION_MIN_RETENTION_DAYS = 8;

export class ConfigError extends Error {
  constructor(variable: string, problem: string) {
    super(`Invalid configuration: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
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

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

const AGENCY_CODE = /^[A-Z]{2}-[A-Z0-9]{2,12}$/;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Parses and validates the environment; throws ConfigError naming the first bad variable. */
export function loadConfig(env: Env = process.env): Config {
  const port = integer(env, 'PORT', 8080, 0, 65535);
  const host = env.HOST || '127.0.0.1';
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL', 'must start with postgres:// (leave it unset for embedded SQLite)');
  }
  const nodeCode = env.BORDERLINK_NODE_CODE || 'CN-NIA';
  if (!AGENCY_CODE.test(nodeCode)) {
    throw new ConfigError(
      'BORDERLINK_NODE_CODE',
      `must look like CN-NIA (country-agency), got "${nodeCode}"`,
    );
  }
  const adminPassword = env.BORDERLINK_ADMIN_PASSWORD || undefined;
  if (adminPassword !== undefined && adminPassword.length < 10) {
    throw new ConfigError('BORDERLINK_ADMIN_PASSWORD', 'must be at least 10 characters');
  }
  const logLevel = env.LOG_LEVEL || 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`);
  }
  const publicUrl = (env.BORDERLINK_PUBLIC_URL || `http://${host}:${port}`).replace(/\/+$/, '');
  return Object.freeze({
    port,
    host,
    dataDir: path.resolve(env.BORDERLINK_DATA_DIR || './data'),
    databaseUrl,
    nodeCode,
    adminPassword,
    publicUrl,
    logLevel,
    sessionTtlMinutes: integer(env, 'BORDERLINK_SESSION_TTL_MINUTES', 480, 5, 60 * 24 * 30),
    secureCookies: bool(env, 'BORDERLINK_SECURE_COOKIES', publicUrl.startsWith('https://')),
    bodyLimitBytes: integer(env, 'BORDERLINK_BODY_LIMIT_BYTES', 1_048_576, 1024, 64 * 1_048_576),
    federation: federationConfig(env),
    exchange: exchangeConfig(env),
    warning: warningConfig(env),
  });
}

function federationConfig(env: Env): FederationConfig {
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
    deliveriesPerRequest: integer(env, 'BORDERLINK_OUTBOX_PER_REQUEST', 20, 1, FEDERATION_BATCH_LIMIT),
    keysSecret,
    retentionDays: integer(
      env,
      'BORDERLINK_FEDERATION_RETENTION_DAYS',
      90,
      FEDERATION_MIN_RETENTION_DAYS,
      36_500,
    ),
  });
}

function exchangeConfig(env: Env): ExchangeConfig {
  const smtpUrl = env.BORDERLINK_SMTP_URL || undefined;
  if (smtpUrl !== undefined && !/^smtps?:\/\//.test(smtpUrl)) {
    throw new ConfigError('BORDERLINK_SMTP_URL', 'must start with smtp:// or smtps://');
  }
  const smtpFrom = env.BORDERLINK_SMTP_FROM || undefined;
  if (smtpUrl !== undefined && smtpFrom === undefined) {
    throw new ConfigError('BORDERLINK_SMTP_FROM', 'must be set when BORDERLINK_SMTP_URL is');
  }
  return Object.freeze({
    smtpUrl,
    smtpFrom,
    purgeIntervalMs: integer(env, 'BORDERLINK_PURGE_INTERVAL_MS', 3_600_000, 1_000, 86_400_000),
    heartbeatMs: integer(env, 'BORDERLINK_EVENTS_HEARTBEAT_MS', 15_000, 100, 300_000),
  });
}

function warningConfig(env: Env): WarningConfig {
  const retrospectiveDays = integer(
    env,
    'BORDERLINK_RETROSPECTIVE_DAYS',
    WARNING_DEFAULTS.retrospectiveDays,
    1,
    365,
  );
  return Object.freeze({
    retrospectiveDays,
    crossingRetentionDays: integer(
      env,
      'BORDERLINK_CROSSING_RETENTION_DAYS',
      Math.max(WARNING_DEFAULTS.crossingRetentionDays, retrospectiveDays),
      retrospectiveDays,
      36_500,
    ),
    hitRetentionDays: integer(
      env,
      'BORDERLINK_HIT_RETENTION_DAYS',
      WARNING_DEFAULTS.hitRetentionDays,
      1,
      36_500,
    ),
    hitReplyHours: integer(env, 'BORDERLINK_HIT_REPLY_HOURS', WARNING_DEFAULTS.hitReplyHours, 1, 24 * 30),
  });
}
