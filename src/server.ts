import type { Logger } from 'pino';
import { auditRoutes } from './core/audit/audit.routes.js';
import { authRoutes } from './core/auth/auth.routes.js';
import { ensureFirstAdmin, type FirstStart } from './core/auth/auth.service.js';
import { type Actor, SYSTEM_ACTOR } from './core/auth/roles.js';
import type { Config } from './core/config.js';
import { type DatabaseHandle, type Db, openDatabase } from './core/db/database.js';
import { migrateToLatest } from './core/db/migrate.js';
import { EventBus } from './core/events.js';
import { sessionPurgeWorker } from './core/housekeeping.js';
import { buildHttpApp, type HttpApp, type RouteRegistrar } from './core/http/app.js';
import { createLogger } from './core/log.js';
import { createMetrics } from './core/metrics.js';
import type { NodeContext, Worker } from './core/module.js';
import { VERSION } from './core/version.js';
import { directoryRoutes } from './modules/directory/directory.routes.js';
import { ensureOwnAgency } from './modules/directory/directory.service.js';
import type {
  HandoverRequestBody,
  HitNoticeBody,
  OperationInviteBody,
  OperationReportBody,
  PortPolicyBody,
  SituationDailyBody,
  WatchlistShareBody,
} from './modules/exchange/bodies/index.js';
import type { IncomingConsumers } from './modules/exchange/exchange.messages.js';
import { createExchange, exchangeHandlers } from './modules/exchange/exchange.module.js';
import { createForModule, type ModuleNotification } from './modules/exchange/exchange.service.js';
import { createFederation, type Federation } from './modules/federation/federation.js';
import { federationRoutes } from './modules/federation/federation.routes.js';
import { liaisonRoutes } from './modules/liaison/liaison.routes.js';
import { recordIncomingHandoverRequest } from './modules/operations/handovers.service.js';
import { operationsRoutes } from './modules/operations/operations.routes.js';
import {
  recordIncomingOperationInvite,
  recordIncomingOperationReport,
} from './modules/operations/operations.service.js';
import { exchangeNotifier as operationsNotifier } from './modules/operations/operations-notifier.js';
import { retentionWorker as operationsRetentionWorker } from './modules/operations/retention.js';
import { moduleReportSources } from './modules/reports/module-sources.js';
import { reportsRoutes } from './modules/reports/reports.routes.js';
import { situationLookups } from './modules/situation/lookups.js';
import { recordIncomingPortPolicy } from './modules/situation/port-register.service.js';
import { exchangeNotifier as situationNotifier } from './modules/situation/situation.notifier.js';
import { situationRoutes } from './modules/situation/situation.routes.js';
import { recordIncomingSituationDaily } from './modules/situation/situation.service.js';
import { recordIncomingHitNotice } from './modules/warning/hit.service.js';
import { type PortStatus, exchangeNotifier as warningNotifier } from './modules/warning/ports.js';
import { createWarningModule } from './modules/warning/warning.module.js';
import { recordIncomingWatchlistShare } from './modules/warning/watchlist.service.js';

/**
 * Incoming notifications of a type another module owns are recorded by that module, in the transaction
 * that stores the message, so counterpart data lands in its tables exactly once. Bodies reach here
 * already validated against their type's schema.
 */
function incomingConsumers(): IncomingConsumers {
  return {
    'situation.daily': (trx, n) => recordIncomingSituationDaily(trx, n.from, n.body as SituationDailyBody),
    'port.policy': (trx, n) => recordIncomingPortPolicy(trx, n.from, n.body as PortPolicyBody),
    'watchlist.share': async (trx, n) => {
      await recordIncomingWatchlistShare(trx, n.from, n.body as WatchlistShareBody, n.id);
    },
    'hit.notice': async (trx, n) => {
      await recordIncomingHitNotice(trx, n.from, n.body as HitNoticeBody, n.id);
    },
    'operation.invite': (trx, n) => recordIncomingOperationInvite(trx, n.from, n.body as OperationInviteBody),
    'operation.report': (trx, n) => recordIncomingOperationReport(trx, n.from, n.body as OperationReportBody),
    'handover.request': (trx, n) => recordIncomingHandoverRequest(trx, n.from, n.body as HandoverRequestBody),
  };
}

export interface BorderlinkNode {
  readonly context: NodeContext;
  readonly app: HttpApp;
  readonly firstStart: FirstStart;
  /** Signed node-to-node delivery; exchange registers its handlers here and enqueues through it. */
  readonly federation: Federation;
  /** Listens on the configured host and port; resolves to the base URL. */
  start(): Promise<string>;
  /** Stops accepting, lets in-flight requests and workers finish, closes the database. */
  stop(): Promise<void>;
}

export interface NodeOptions {
  /** A test can point SQLite at its own file. */
  sqliteFile?: string;
  log?: Logger;
}

/** The composition root: opens the database, migrates, wires every module and its workers. */
export async function createNode(config: Config, options: NodeOptions = {}): Promise<BorderlinkNode> {
  const log = options.log ?? createLogger(config.logLevel, config.nodeCode);
  const handle: DatabaseHandle = openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    sqliteFile: options.sqliteFile,
  });
  try {
    const applied = await migrateToLatest(handle.db);
    if (applied.length > 0) log.info({ applied }, 'migrations applied');
    await ensureOwnAgency(handle.db, SYSTEM_ACTOR, config.nodeCode);
    const firstStart = await ensureFirstAdmin(handle.db, SYSTEM_ACTOR, config.nodeCode, config.adminPassword);

    const metrics = createMetrics();
    const events = new EventBus((event) => metrics.domainEvents.inc({ type: event.type }));
    const context: NodeContext = { config, db: handle.db, dialect: handle.dialect, log, events };
    const federation = await createFederation(context);
    federation.useHandlers(exchangeHandlers(context, incomingConsumers()));
    const exchange = createExchange(context, federation);
    // Modules hand their notifications to exchange inside their own transactions.
    const send = (trx: Db, actor: Actor, input: ModuleNotification) =>
      createForModule(exchange.deps, trx, actor, input);
    const lookups = situationLookups(handle.db);
    const warning = createWarningModule(context, {
      notifier: warningNotifier(send),
      options: config.warning,
      riskLookup: { riskLevel: (county, date) => lookups.riskLevel(county, date) },
      portStatusLookup: {
        status: async (port, at) => (await lookups.portStatus(port, at)) as PortStatus | null,
      },
    });
    const workers: Worker[] = [
      sessionPurgeWorker(handle.db, log),
      federation.worker,
      federation.retention,
      ...exchange.workers,
      ...warning.workers,
      operationsRetentionWorker(handle.db, log),
    ];
    const routes: RouteRegistrar[] = [
      authRoutes(handle.db, config),
      auditRoutes(handle.db),
      directoryRoutes(handle.db, config.nodeCode),
      federationRoutes(federation),
      ...exchange.routes,
      operationsRoutes(handle.db, {
        ownAgency: config.nodeCode,
        notifier: operationsNotifier(send),
      }),
      liaisonRoutes(handle.db),
      situationRoutes({
        db: handle.db,
        ownAgency: config.nodeCode,
        notifier: situationNotifier((trx, n) => send(trx, SYSTEM_ACTOR, n)),
        events,
      }),
      warning.routes,
      reportsRoutes({ db: handle.db, agency: config.nodeCode, sources: moduleReportSources(handle.db) }),
    ];
    const app = await buildHttpApp({ config, db: handle.db, log, metrics, routes, version: VERSION });

    let started = false;
    return {
      context,
      app,
      firstStart,
      federation,
      async start() {
        const address = await app.listen({ port: config.port, host: config.host });
        started = true;
        for (const worker of workers) worker.start();
        log.info({ address, database: handle.dialect, location: handle.location }, 'Borderlink node started');
        return address;
      },
      async stop() {
        await app.close();
        if (started) await Promise.all(workers.map((worker) => worker.stop()));
        await handle.close();
      },
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
