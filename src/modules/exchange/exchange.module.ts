import { SYSTEM_ACTOR } from '../../core/auth/roles.js';
import { periodicWorker } from '../../core/housekeeping.js';
import type { RouteRegistrar } from '../../core/http/app.js';
import type { NodeContext, Worker } from '../../core/module.js';
import type { FederationApi, MessageHandlers } from '../federation/federation.contract.js';
import { eventStreamRoutes } from './event-stream.routes.js';
import { exchangeMessageHandlers, type IncomingConsumers } from './exchange.messages.js';
import { exchangeRoutes } from './exchange.routes.js';
import { type ExchangeDeps, purgeExpired } from './exchange.service.js';
import { mailManualCopies } from './manual-peers.js';

export interface ExchangeModule {
  readonly deps: ExchangeDeps;
  readonly routes: RouteRegistrar[];
  readonly workers: Worker[];
  /** Resolves once the copies being mailed to manual peers are handled; a command awaits it before closing the database. */
  settled(): Promise<void>;
}

/** What federation calls for exchange's message types; needs no FederationApi, so it can be built first. */
export function exchangeHandlers(context: NodeContext, consumers: IncomingConsumers = {}): MessageHandlers {
  return exchangeMessageHandlers({
    ownAgency: context.config.nodeCode,
    events: context.events,
    now: () => new Date(),
    consumers,
    log: context.log,
  });
}

/** Wires the exchange use cases, routes (incl. the live event stream) and the retention worker. */
export function createExchange(context: NodeContext, federation: FederationApi): ExchangeModule {
  const settings = context.config.exchange;
  const mailing = new Set<Promise<unknown>>();
  const deps: ExchangeDeps = {
    db: context.db,
    ownAgency: context.config.nodeCode,
    events: context.events,
    federation,
    settings,
    log: context.log,
    now: () => new Date(),
    afterManualSend: (id, agencies) => {
      const job = mailManualCopies(deps, id, agencies)
        .catch((error: unknown) =>
          context.log.error({ err: error, notification: id }, 'mailing copies to manual peers failed'),
        )
        .finally(() => mailing.delete(job));
      mailing.add(job);
    },
  };
  return {
    deps,
    routes: [exchangeRoutes(deps), eventStreamRoutes(context.events, settings.heartbeatMs)],
    workers: [retentionWorker(deps, settings.purgeIntervalMs)],
    async settled() {
      await Promise.all(mailing);
    },
  };
}

/** Purges personal data whose retention ended, at start and then every interval. */
export function retentionWorker(deps: Pick<ExchangeDeps, 'db' | 'now' | 'log'>, intervalMs: number): Worker {
  return periodicWorker('exchange-retention', intervalMs, deps.log, async () => {
    const purged = await purgeExpired(deps, SYSTEM_ACTOR);
    if (purged > 0) deps.log.info({ purged }, 'personal data past its retention purged');
  });
}
