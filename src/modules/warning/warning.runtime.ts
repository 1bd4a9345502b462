import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { WARNING_DEFAULTS, type WarningConfig } from '../../core/config.js';
import type { Database } from '../../core/db/database.js';
import type { EventBus } from '../../core/events.js';
import { DEFAULT_THRESHOLDS, type MatchThresholds } from './matcher/index.js';
import type { InboxLookup, PeerLookup, PortStatusLookup, RiskLookup, WarningNotifier } from './ports.js';
import type { ScreeningIndex } from './screening-index.js';

/**
 * Tunables of the warning module: the windows the node's config sets (core/config.ts), and the rest. The
 * composition root may override any of them.
 */
export interface WarningOptions extends WarningConfig {
  readonly thresholds: MatchThresholds;
  /** Rows per transaction in bulk crossing uploads. */
  readonly bulkBatchSize: number;
  readonly syncIntervalMs: number;
  readonly purgeIntervalMs: number;
}

export const DEFAULT_WARNING_OPTIONS: WarningOptions = Object.freeze({
  ...WARNING_DEFAULTS,
  thresholds: DEFAULT_THRESHOLDS,
  bulkBatchSize: 1000,
  syncIntervalMs: 5000,
  purgeIntervalMs: 60 * 60 * 1000,
});

/** Everything the warning use cases need, built once by `createWarningModule`. */
export interface WarningRuntime {
  readonly db: Kysely<Database>;
  readonly events: EventBus;
  readonly log: Logger;
  readonly ownAgency: string;
  readonly index: ScreeningIndex;
  readonly notifier: WarningNotifier;
  readonly peers: PeerLookup;
  readonly inbox: InboxLookup;
  readonly risk: RiskLookup;
  readonly ports: PortStatusLookup;
  readonly options: WarningOptions;
}

/** The calendar day (UTC) of an instant. */
export const dayOf = (instant: string): string => instant.slice(0, 10);

/** The instant `days` days before `now`. */
export const daysBefore = (now: Date, days: number): string =>
  new Date(now.getTime() - days * 86_400_000).toISOString();
