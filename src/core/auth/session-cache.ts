/**
 * A short-lived memory of resolved sessions, so a busy desk does not read its session and user rows on every
 * request. Security first: any write to sessions or users in this process (logout, password change, disabling,
 * role or grant changes, a new login) forgets every entry at once, and an entry is trusted for at most
 * SESSION_CACHE_TTL_MS, which bounds how long another process sharing the database (a second node process, the
 * CLI) may take to see a revocation. Only positive answers are kept: an unknown cookie always reads the database.
 */

/** How long a resolved session is trusted without reading the database again. */
export const SESSION_CACHE_TTL_MS = 2000;
/** Enough for every desk of a large port; beyond it the oldest entries go first. */
const MAX_ENTRIES = 10_000;

interface Cached<T> {
  readonly value: T;
  readonly generation: number;
  readonly cachedAt: number;
}

// One counter for the whole process: a write through any database handle forgets every cache, so several
// nodes in one process (tests) can never lend each other a stale session.
let generation = 0;

/** Forgets every cached session in this process; called by every write to sessions or users. */
export function forgetCachedSessions(): void {
  generation += 1;
}

/** The process-wide revocation counter, taken before reading the database so a concurrent write voids the entry. */
export const sessionGeneration = (): number => generation;

/** Resolved sessions by session id, for one database handle. */
export class SessionCache<T> {
  private readonly entries = new Map<string, Cached<T>>();

  constructor(
    private readonly ttlMs = SESSION_CACHE_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** The value cached for a session, unless it is older than the TTL or a write has happened since it was read. */
  get(sessionId: string): T | undefined {
    const entry = this.entries.get(sessionId);
    if (!entry) return undefined;
    if (entry.generation !== generation || this.now() - entry.cachedAt >= this.ttlMs) {
      this.entries.delete(sessionId);
      return undefined;
    }
    return entry.value;
  }

  /** Keeps a value read from the database while the revocation counter stood at `readAt`. */
  set(sessionId: string, value: T, readAt: number): void {
    // A write that happened while the rows were being read makes them stale already.
    if (readAt !== generation) return;
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(sessionId, { value, generation: readAt, cachedAt: this.now() });
  }
}
