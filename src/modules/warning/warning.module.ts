import type { RouteRegistrar } from '../../core/http/app.js';
import { nowIso } from '../../core/ids.js';
import type { NodeContext, Worker } from '../../core/module.js';
import { hitNoticeRoutes } from './hit-notices.routes.js';
import { purgeExpired, runRetrospectiveScreening } from './maintenance.js';
import {
  exchangeInbox,
  federationPeers,
  type PeerLookup,
  type PortStatusLookup,
  type RiskLookup,
  unknownPortStatus,
  unknownRisk,
  type WarningNotifier,
} from './ports.js';
import { createScreeningIndex } from './screening-index.js';
import { warningRoutes } from './warning.routes.js';
import {
  DEFAULT_WARNING_OPTIONS,
  dayOf,
  type WarningOptions,
  type WarningRuntime,
} from './warning.runtime.js';

/** What the composition root plugs into the warning module; the lookups have harmless defaults. */
export interface WarningDeps {
  /** Exchange: shares and hit notices leave the node through it. */
  readonly notifier: WarningNotifier;
  readonly peerLookup?: PeerLookup;
  readonly riskLookup?: RiskLookup;
  readonly portStatusLookup?: PortStatusLookup;
  readonly options?: Partial<WarningOptions>;
}

export interface WarningModule {
  readonly runtime: WarningRuntime;
  /** Loads the watchlist into this process's index, then registers the routes. */
  readonly routes: RouteRegistrar;
  readonly workers: Worker[];
}

/** Builds the warning module for one node process. */
export function createWarningModule(context: NodeContext, deps: WarningDeps): WarningModule {
  const options = { ...DEFAULT_WARNING_OPTIONS, ...deps.options };
  const runtime: WarningRuntime = {
    db: context.db,
    events: context.events,
    log: context.log,
    ownAgency: context.config.nodeCode,
    index: createScreeningIndex({ thresholds: options.thresholds, log: context.log }),
    notifier: deps.notifier,
    peers: deps.peerLookup ?? federationPeers,
    inbox: exchangeInbox(context.config.nodeCode),
    risk: deps.riskLookup ?? unknownRisk,
    ports: deps.portStatusLookup ?? unknownPortStatus,
    options,
  };
  return {
    runtime,
    routes: async (app) => {
      await runtime.index.load(runtime.db, dayOf(nowIso()));
      await warningRoutes(runtime)(app);
      hitNoticeRoutes(runtime)(app);
    },
    workers: [maintenanceWorker(runtime)],
  };
}

/**
 * Keeps the index in step with other processes, screens new entries retrospectively and purges expired
 * personal data. One tick at a time: a slow tick delays the next instead of overlapping it. Stopping it closes
 * the index's thread.
 */
function maintenanceWorker(rt: WarningRuntime): Worker {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let lastPurge = 0;
  let stopped = true;

  const tick = async () => {
    try {
      await rt.index.sync(rt.db);
      await runRetrospectiveScreening(rt);
      if (Date.now() - lastPurge >= rt.options.purgeIntervalMs) {
        lastPurge = Date.now();
        const purged = await purgeExpired(rt.db, rt.options);
        if (purged.entries > 0) await rt.index.sync(rt.db);
      }
    } catch (error) {
      rt.log.error({ err: error }, 'warning maintenance failed; retrying at the next tick');
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick().finally(schedule);
    }, rt.options.syncIntervalMs);
    timer.unref();
  };

  return {
    name: 'warning-maintenance',
    start() {
      stopped = false;
      schedule();
    },
    // the index's thread goes last: a tick in flight may still be keeping it current
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      await rt.index.close();
    },
  };
}
