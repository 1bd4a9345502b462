import { ConfigError } from '../../core/config.js';

/** Exchange tuning and mail delivery for manual peers; read once at start-up and frozen. */
export interface ExchangeSettings {
  /** `smtp://user:pass@host:port` or `smtps://…`; unset means copies for manual peers are only downloaded. */
  readonly smtpUrl: string | undefined;
  readonly smtpFrom: string | undefined;
  /** How often the retention worker purges expired personal data. */
  readonly purgeIntervalMs: number;
  /** Comment lines on idle event streams, so proxies keep them open and clients notice a dead link. */
  readonly heartbeatMs: number;
}

/** Attachments above this are refused with 413 (issue 3: up to 20 MB each). */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
/** Large enough for IPAWS alerts with long polygons, small enough to parse in memory. */
export const MAX_CAP_BYTES = 5 * 1024 * 1024;

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
 * Reads the exchange variables. They live here rather than in core/config.ts only because core is owned
 * elsewhere; the lead may move them there unchanged.
 */
export function loadExchangeSettings(env: Env = process.env): ExchangeSettings {
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
