import type {
  CompiledQuery,
  DatabaseConnection,
  Dialect,
  Driver,
  QueryCompiler,
  QueryResult,
  TransactionSettings,
} from 'kysely';

/**
 * What this process has written, counted per table. A write is counted once it is visible to every reader: at
 * once for a statement outside a transaction, after COMMIT (or ROLLBACK) for one inside. A reader that takes the
 * count before it reads and finds it unchanged later therefore knows that no write made by this process since
 * then could have been missed — the basis of the exact caches on hot paths (`FreshValue`).
 */
export class WriteLog {
  private total = 0;
  private readonly perTable = new Map<string, number>();

  /** Counts one write to each table; `*` stands for a statement whose target could not be told. */
  record(tables: Iterable<string>): void {
    for (const table of tables) {
      this.total += 1;
      this.perTable.set(table, (this.perTable.get(table) ?? 0) + 1);
    }
  }

  /** Writes counted so far, except those to the `ignored` tables (a statement of unknown target always counts). */
  writesExcept(ignored: readonly string[]): number {
    let count = this.total;
    for (const table of ignored) count -= this.perTable.get(table) ?? 0;
    return count;
  }
}

const BEGIN = /^\s*(?:begin|start\s+transaction)\b/i;
const END = /^\s*(?:commit|end|rollback)\b(?!\s+to\b)/i;
const READS =
  /^\s*(?:select|pragma|begin|start\s+transaction|commit|end|rollback|savepoint|release|explain|show|set|values)\b/i;
const WRITES =
  /^\s*(?:insert\s+(?:or\s+\w+\s+)?into|replace\s+into|update(?:\s+or\s+\w+)?|delete\s+from)\s+((?:"[^"]+"|[\w$]+)(?:\s*\.\s*(?:"[^"]+"|[\w$]+))?)/i;

/**
 * The table a statement writes, `*` when it may write but the target cannot be told (DDL, a data-modifying CTE),
 * or null for a statement that only reads. Wrong guesses must only ever err towards `*`; this relies on the
 * node writing only through INSERT, UPDATE and DELETE (no writing functions called from a SELECT, no triggers
 * that write other tables — the audit triggers only refuse changes).
 */
export function writtenTable(sql: string): string | null {
  if (READS.test(sql)) return null;
  const target = WRITES.exec(sql)?.[1];
  if (!target) return '*';
  const name = target.split('.').pop() ?? target;
  return name.trim().replace(/^"|"$/g, '').toLowerCase();
}

/** A connection that counts the tables its statements write, holding them back while a transaction is open. */
class CountingConnection implements DatabaseConnection {
  /** Tables written in the open transaction; null outside one. */
  pending: Set<string> | null = null;

  constructor(
    readonly inner: DatabaseConnection,
    private readonly log: WriteLog,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const table = writtenTable(query.sql);
    if (table === null) {
      // Transactions opened by hand (raw BEGIN on a reserved connection) are held back like Kysely's own.
      if (!this.pending && BEGIN.test(query.sql)) this.pending = new Set();
      else if (this.pending && END.test(query.sql)) return this.end(() => this.inner.executeQuery<R>(query));
      return this.inner.executeQuery<R>(query);
    }
    if (this.pending) {
      this.pending.add(table);
      return this.inner.executeQuery<R>(query);
    }
    try {
      return await this.inner.executeQuery<R>(query);
    } finally {
      this.log.record([table]);
    }
  }

  async *streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    const table = writtenTable(query.sql);
    if (table !== null) this.pending?.add(table);
    try {
      yield* this.inner.streamQuery<R>(query, chunkSize);
    } finally {
      if (table !== null && !this.pending) this.log.record([table]);
    }
  }

  /** Ends the transaction (commit or rollback) and counts what it wrote once the end has happened. */
  async end<T>(finish: (inner: DatabaseConnection) => Promise<T>): Promise<T> {
    const written = this.pending ?? new Set<string>();
    this.pending = null;
    try {
      return await finish(this.inner);
    } finally {
      // A rollback counts too: a needless reload is cheap, a missed one would be wrong.
      this.log.record(written);
    }
  }
}

const innerOf = (connection: DatabaseConnection): DatabaseConnection =>
  connection instanceof CountingConnection ? connection.inner : connection;

function countingDriver(driver: Driver, log: WriteLog): Driver {
  const counted: Driver = {
    init: () => driver.init(),
    acquireConnection: async () => new CountingConnection(await driver.acquireConnection(), log),
    async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
      await driver.beginTransaction(innerOf(connection), settings);
      if (connection instanceof CountingConnection) connection.pending = new Set();
    },
    commitTransaction: (connection) =>
      connection instanceof CountingConnection
        ? connection.end((inner) => driver.commitTransaction(inner))
        : driver.commitTransaction(connection),
    rollbackTransaction: (connection) =>
      connection instanceof CountingConnection
        ? connection.end((inner) => driver.rollbackTransaction(inner))
        : driver.rollbackTransaction(connection),
    releaseConnection: (connection) => driver.releaseConnection(innerOf(connection)),
    destroy: () => driver.destroy(),
  };
  // Savepoints only exist when the wrapped driver has them (Kysely checks for the methods).
  type SavepointCall = (
    c: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ) => Promise<void>;
  const pass = (call: SavepointCall | undefined): SavepointCall | undefined =>
    call && ((connection, name, compile) => call.call(driver, innerOf(connection), name, compile));
  counted.savepoint = pass(driver.savepoint);
  counted.rollbackToSavepoint = pass(driver.rollbackToSavepoint);
  counted.releaseSavepoint = pass(driver.releaseSavepoint);
  return counted;
}

/** The dialect with every write counted in `log` (see `WriteLog`). */
export function countingWrites(dialect: Dialect, log: WriteLog): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createDriver: () => countingDriver(dialect.createDriver(), log),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createIntrospector: (db) => dialect.createIntrospector(db),
  };
}

/** How a database handle reports changes: this process's writes, and other processes' where it can tell. */
export interface ChangeSource {
  readonly writes: WriteLog;
  /**
   * A number that moves whenever another connection commits (SQLite's `PRAGMA data_version`), or null when the
   * database cannot tell cheaply (PostgreSQL): caches then trust a value for at most `CROSS_PROCESS_BOUND_MS`.
   */
  externalVersion(): number | null;
}

/**
 * How long a cached value may miss a write made by another process on PostgreSQL (another node process, the
 * CLI): there is no cheap exact change check there without triggers, so the age of the value bounds it.
 */
export const CROSS_PROCESS_BOUND_MS = 1000;

interface Stamp {
  readonly key: string;
  readonly writes: number;
  readonly external: number | null;
  readonly at: number;
}

/**
 * A value derived from the database, reloaded whenever it may have changed: after any write this process made
 * to a table other than `ignored` (the hot path's own inserts), after any commit by another connection on
 * SQLite, at most CROSS_PROCESS_BOUND_MS after loading on PostgreSQL, and whenever the key changes. Without a
 * change source (a handle not opened by `openDatabase`) every call loads.
 */
export class FreshValue<T> {
  private cached: { stamp: Stamp; value: Promise<T> } | null = null;

  constructor(
    private readonly source: ChangeSource | undefined,
    private readonly ignored: readonly string[],
    private readonly load: (key: string) => Promise<T>,
    private readonly now: () => number = Date.now,
  ) {}

  /** The value for `key`, from memory when nothing it may depend on was written since it was loaded. */
  get(key: string): Promise<T> {
    if (!this.source) return this.load(key);
    // Taken before loading: a write that lands while the value loads makes the stamp old at once.
    const stamp: Stamp = {
      key,
      writes: this.source.writes.writesExcept(this.ignored),
      external: this.source.externalVersion(),
      at: this.now(),
    };
    const cached = this.cached;
    if (cached && this.holds(cached.stamp, stamp)) return cached.value;
    const value = this.load(key);
    const entry = { stamp, value };
    this.cached = entry;
    // A failed load is not kept: the next caller tries again.
    value.catch(() => {
      if (this.cached === entry) this.cached = null;
    });
    return value;
  }

  private holds(then: Stamp, now: Stamp): boolean {
    if (then.key !== now.key || then.writes !== now.writes || then.external !== now.external) return false;
    return now.external !== null || now.at - then.at < CROSS_PROCESS_BOUND_MS;
  }
}
