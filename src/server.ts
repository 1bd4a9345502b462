import type { Logger } from 'pino';
import { auditRoutes } from './core/audit/audit.routes.js';
import { authRoutes } from './core/auth/auth.routes.js';
import { ensureFirstAdmin, type FirstStart } from './core/auth/auth.service.js';
import { SYSTEM_ACTOR } from './core/auth/roles.js';
import type { Config } from './core/config.js';
import { type DatabaseHandle, openDatabase } from './core/db/database.js';
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

export interface BorderlinkNode {
  readonly context: NodeContext;
  readonly app: HttpApp;
  readonly firstStart: FirstStart;
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
    const workers: Worker[] = [sessionPurgeWorker(handle.db, log)];
    const routes: RouteRegistrar[] = [
      authRoutes(handle.db, config),
      auditRoutes(handle.db),
      directoryRoutes(handle.db, config.nodeCode),
    ];
    const app = await buildHttpApp({ config, db: handle.db, log, metrics, routes, version: VERSION });

    let started = false;
    return {
      context,
      app,
      firstStart,
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
