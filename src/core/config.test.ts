import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const SMTP = {
  BORDERLINK_SMTP_URL: 'smtp://mail.cn-nia.example:25',
  BORDERLINK_SMTP_FROM: 'liaison@cn-nia.example',
};

describe('module configuration', () => {
  it('uses the production defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.federation).toEqual({
      pollMs: 1_000,
      backoffBaseMs: 1_000,
      backoffMaxMs: 300_000,
      requestTimeoutMs: 30_000,
      concurrencyPerPeer: 16,
      batchSize: 200,
      deliveriesPerRequest: 20,
      keysSecret: undefined,
      retentionDays: 90,
    });
    expect(config.exchange).toEqual({
      smtpUrl: undefined,
      smtpFrom: undefined,
      purgeIntervalMs: 3_600_000,
      heartbeatMs: 15_000,
    });
    expect(config.warning).toEqual({
      retrospectiveDays: 14,
      crossingRetentionDays: 28,
      hitRetentionDays: 90,
      hitReplyHours: 24,
    });
  });

  it.each([
    ['BORDERLINK_OUTBOX_POLL_MS', '50', 'federation', 'pollMs', 50],
    ['BORDERLINK_OUTBOX_BACKOFF_MS', '20', 'federation', 'backoffBaseMs', 20],
    ['BORDERLINK_OUTBOX_BACKOFF_MAX_MS', '60000', 'federation', 'backoffMaxMs', 60_000],
    ['BORDERLINK_OUTBOX_TIMEOUT_MS', '5000', 'federation', 'requestTimeoutMs', 5_000],
    ['BORDERLINK_OUTBOX_CONCURRENCY', '4', 'federation', 'concurrencyPerPeer', 4],
    ['BORDERLINK_OUTBOX_BATCH', '5', 'federation', 'batchSize', 5],
    ['BORDERLINK_OUTBOX_PER_REQUEST', '50', 'federation', 'deliveriesPerRequest', 50],
    ['BORDERLINK_KEYS_SECRET', 'a-secret-of-20-chars', 'federation', 'keysSecret', 'a-secret-of-20-chars'],
    ['BORDERLINK_FEDERATION_RETENTION_DAYS', '30', 'federation', 'retentionDays', 30],
    ['BORDERLINK_PURGE_INTERVAL_MS', '60000', 'exchange', 'purgeIntervalMs', 60_000],
    ['BORDERLINK_EVENTS_HEARTBEAT_MS', '1000', 'exchange', 'heartbeatMs', 1_000],
    ['BORDERLINK_RETROSPECTIVE_DAYS', '7', 'warning', 'retrospectiveDays', 7],
    ['BORDERLINK_CROSSING_RETENTION_DAYS', '14', 'warning', 'crossingRetentionDays', 14],
    ['BORDERLINK_HIT_RETENTION_DAYS', '365', 'warning', 'hitRetentionDays', 365],
    ['BORDERLINK_HIT_REPLY_HOURS', '2', 'warning', 'hitReplyHours', 2],
  ] as const)('reads %s=%s', (name, raw, section, key, expected) => {
    expect(loadConfig({ [name]: raw })[section]).toHaveProperty(key, expected);
  });

  it('reads the mail server and sender for manual peers', () => {
    expect(loadConfig(SMTP).exchange).toMatchObject({
      smtpUrl: 'smtp://mail.cn-nia.example:25',
      smtpFrom: 'liaison@cn-nia.example',
    });
  });

  it.each([
    ['BORDERLINK_OUTBOX_POLL_MS', { BORDERLINK_OUTBOX_POLL_MS: 'often' }],
    ['BORDERLINK_OUTBOX_BACKOFF_MS', { BORDERLINK_OUTBOX_BACKOFF_MS: '0' }],
    // The cap may not be below the first delay.
    [
      'BORDERLINK_OUTBOX_BACKOFF_MAX_MS',
      { BORDERLINK_OUTBOX_BACKOFF_MS: '5000', BORDERLINK_OUTBOX_BACKOFF_MAX_MS: '100' },
    ],
    ['BORDERLINK_OUTBOX_TIMEOUT_MS', { BORDERLINK_OUTBOX_TIMEOUT_MS: '1.5' }],
    ['BORDERLINK_OUTBOX_CONCURRENCY', { BORDERLINK_OUTBOX_CONCURRENCY: '0' }],
    ['BORDERLINK_OUTBOX_BATCH', { BORDERLINK_OUTBOX_BATCH: '-1' }],
    // A batch request carries at most 50 deliveries; the receiver would refuse more.
    ['BORDERLINK_OUTBOX_PER_REQUEST', { BORDERLINK_OUTBOX_PER_REQUEST: '51' }],
    ['BORDERLINK_KEYS_SECRET', { BORDERLINK_KEYS_SECRET: 'short' }],
    [
      'BORDERLINK_SMTP_URL',
      { BORDERLINK_SMTP_URL: 'http://mail.example', BORDERLINK_SMTP_FROM: 'a@b.example' },
    ],
    ['BORDERLINK_SMTP_FROM', { BORDERLINK_SMTP_URL: 'smtp://mail.example' }],
    ['BORDERLINK_FEDERATION_RETENTION_DAYS', { BORDERLINK_FEDERATION_RETENTION_DAYS: '7' }],
    ['BORDERLINK_PURGE_INTERVAL_MS', { BORDERLINK_PURGE_INTERVAL_MS: '10' }],
    ['BORDERLINK_EVENTS_HEARTBEAT_MS', { BORDERLINK_EVENTS_HEARTBEAT_MS: 'never' }],
    ['BORDERLINK_RETROSPECTIVE_DAYS', { BORDERLINK_RETROSPECTIVE_DAYS: '0' }],
    // The retrospective round reads past crossings: they may not be purged before its window ends.
    [
      'BORDERLINK_CROSSING_RETENTION_DAYS',
      { BORDERLINK_RETROSPECTIVE_DAYS: '30', BORDERLINK_CROSSING_RETENTION_DAYS: '20' },
    ],
    ['BORDERLINK_HIT_RETENTION_DAYS', { BORDERLINK_HIT_RETENTION_DAYS: 'forever' }],
    ['BORDERLINK_HIT_REPLY_HOURS', { BORDERLINK_HIT_REPLY_HOURS: '0.5' }],
  ] as const)('refuses a bad %s and names it', (name, env) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^Invalid configuration: ${name} `));
  });

  it('keeps crossings at least as long as the retrospective window reads them, unless told otherwise', () => {
    expect(loadConfig({ BORDERLINK_RETROSPECTIVE_DAYS: '60' }).warning.crossingRetentionDays).toBe(60);
  });

  it('freezes the module settings with the rest of the config', () => {
    const config = loadConfig(SMTP);
    expect(Object.isFrozen(config.federation)).toBe(true);
    expect(Object.isFrozen(config.exchange)).toBe(true);
    expect(Object.isFrozen(config.warning)).toBe(true);
  });
});
