import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, type SqliteDatabase, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { type ChangeSource, countingWrites, WriteLog } from './changes.js';

/**
 * All tables of the node. Each module adds its own tables by augmenting this interface
 * (`declare module '…/core/db/database.js'`), so core never imports a module.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging from core and each module
export interface Database {}

export type DialectName = 'sqlite' | 'postgres';

/** The query handle passed to stores: the database itself or a transaction the caller owns. */
export type Db = Kysely<Database> | Transaction<Database>;

export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
  /** Where the data lives, for logs: a file path or a URL without its password. */
  readonly location: string;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl: string | undefined;
  dataDir: string;
  /** Overrides the SQLite file (tests use a temporary file per suite). */
  sqliteFile?: string;
  poolSize?: number;
}

/** Opens SQLite (WAL, foreign keys, busy timeout) or PostgreSQL, as configured. */
export function openDatabase(options: DatabaseOptions): DatabaseHandle {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  const file = options.sqliteFile ?? path.join(options.dataDir, 'borderlink.db');
  mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const writes = new WriteLog();
  const db = new Kysely<Database>({
    dialect: countingWrites(new SqliteDialect({ database: cachingStatements(sqlite) }), writes),
  });
  // Prepared once: the pragma is read on every use of a hot-path cache.
  const dataVersion = sqlite.prepare('PRAGMA data_version').pluck();
  changeSources.set(db, { writes, externalVersion: () => dataVersion.get() as number });
  return { db, dialect: 'sqlite', location: file, close: () => db.destroy() };
}

const changeSources = new WeakMap<Kysely<Database>, ChangeSource>();

/** How the handle `db` reports changes, for caches that must never serve data older than a write. */
export const changeSourceOf = (db: Kysely<Database>): ChangeSource | undefined => changeSources.get(db);

const STATEMENT_CACHE_SIZE = 500;

/**
 * The database as Kysely's SQLite driver sees it, with prepared statements kept in an LRU cache by SQL text:
 * the driver prepares on every query, which cost about a tenth of a busy route's CPU.
 */
export function cachingStatements(sqlite: SQLite.Database, capacity = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      const cached = cache.get(sql);
      // A statement is busy while a stream iterates it and cannot run again until it ends: that query
      // gets a statement of its own, left out of the cache.
      if (cached?.busy) return sqlite.prepare(sql);
      const statement = cached ?? sqlite.prepare(sql);
      // Re-inserting moves the entry to the end of the Map's order, so the first key is the least recently used.
      cache.delete(sql);
      cache.set(sql, statement);
      if (cache.size > capacity) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
      return statement;
    },
  };
}

// PostgreSQL int8 (count(*), sums) arrives as a string by default; our counts fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

function openPostgres(url: string, max: number): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle connection the server ends (a restart, an administrator) is dropped from the pool by pg and
  // the next query opens a new one; without a listener the event would crash the node instead.
  pool.on('error', () => {});
  const writes = new WriteLog();
  const db = new Kysely<Database>({ dialect: countingWrites(new PostgresDialect({ pool }), writes) });
  changeSources.set(db, { writes, externalVersion: () => null });
  const location = url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
  return { db, dialect: 'postgres', location, close: () => db.destroy() };
}
