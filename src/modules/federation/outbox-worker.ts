import type { Worker } from '../../core/module.js';
import { backoffDelay } from './backoff.js';
import type { FederationDeps } from './federation.deps.js';
import * as store from './federation.store.js';
import {
  type AttemptResult,
  attemptDeliveries,
  attemptDelivery,
  deliveryRequest,
  recordFailure,
  retryDelay,
  type Settlement,
  settleWithReceipts,
  verifyReceiptFor,
} from './outbox.js';

interface PeerState {
  /** Consecutive rounds in which the peer could not be reached. */
  failures: number;
  /** Not before this instant (ms), unless kicked after the peer came back in an offline bundle. */
  notBefore: number;
  draining: Promise<void> | undefined;
  /** Work arrived while a drain was running: drain once more before stopping. */
  again: boolean;
}

const SEEN_RETENTION_MS = 8 * 24 * 3_600_000;
const PURGE_EVERY_MS = 3_600_000;
// Receipts recorded per transaction; small enough that a receipt waits at most a few round trips.
const SETTLE_GROUP = 16;
const STOP_GRACE_MS = 2_000;

type Outcome = Settlement | 'failed' | 'unreachable';

/**
 * Delivers the outbox. Each peer is drained by its own loop (oldest first, `concurrencyPerPeer` requests in
 * flight over keep-alive connections), so a slow or absent peer never holds up the others. A peer that cannot
 * be reached is backed off as a whole (exponential, full jitter) and probed again later; its rows keep their
 * order, so when it comes back it gets everything, oldest first.
 */
export class OutboxWorker implements Worker {
  readonly name = 'federation-outbox';
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private kicked = false;
  private readonly peers = new Map<string, PeerState>();
  private lastPurge = 0;
  /** Peers that answered the batch route with 404 (an older node): one request per delivery. */
  private readonly noBatch = new Set<string>();

  /**
   * Cancels requests still waiting on a peer once the stop grace period is over: a peer that is itself
   * shutting down may hold a request open until the full request timeout. Renewed at every start.
   */
  private inFlight = new AbortController();

  constructor(private readonly deps: FederationDeps) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.inFlight = new AbortController();
    this.loop = this.run();
  }

  /** Stops claiming new work and waits for the deliveries in flight. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    // An aborted delivery counts as unreachable: its rows are claimed again once their lease ends.
    const inFlight = this.inFlight;
    const grace = setTimeout(() => inFlight.abort(), STOP_GRACE_MS);
    await this.loop;
    await Promise.all([...this.peers.values()].map((state) => state.draining));
    clearTimeout(grace);
  }

  /** Looks for due work now (after an enqueue commits, or a peer is known to be back). */
  kick(): void {
    this.kicked = true;
    this.wake?.();
  }

  /** Forgets a peer's backoff, so the next round tries it at once. */
  resetPeer(code: string): void {
    const state = this.peers.get(code);
    if (state) {
      state.failures = 0;
      state.notBefore = 0;
    }
    this.kick();
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.kicked = false;
      try {
        await this.round();
      } catch (error) {
        this.deps.log.error({ err: error }, 'outbox round failed');
      }
      if (!this.running) break;
      if (!this.kicked) await this.sleep(this.deps.settings.pollMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    }).then(() => {
      this.wake = undefined;
    });
  }

  private async round(): Promise<void> {
    const now = Date.now();
    if (now - this.lastPurge > PURGE_EVERY_MS) {
      this.lastPurge = now;
      await store.purgeSeenDeliveries(this.deps.db, new Date(now - SEEN_RETENTION_MS).toISOString());
    }
    for (const peer of await store.listPeers(this.deps.db, 'active')) {
      if (peer.mode !== 'node' || !peer.url) continue;
      const state = this.peers.get(peer.code) ?? {
        failures: 0,
        notBefore: 0,
        draining: undefined,
        again: false,
      };
      this.peers.set(peer.code, state);
      if (state.draining !== undefined) {
        state.again = true;
        continue;
      }
      if (now < state.notBefore) continue;
      const url = peer.url;
      state.draining = this.drain(peer.code, url, state)
        .catch((error: unknown) =>
          this.deps.log.error({ err: error, peer: peer.code }, 'outbox drain failed'),
        )
        .finally(() => {
          state.draining = undefined;
        });
    }
  }

  private async drain(peer: string, url: string, state: PeerState): Promise<void> {
    const { settings } = this.deps;
    const lease = Math.max(60_000, settings.requestTimeoutMs * 3);
    while (this.running) {
      state.again = false;
      const now = new Date();
      const rows = await store.claimDue(this.deps.db, {
        peer,
        now: now.toISOString(),
        leaseUntil: new Date(now.getTime() + lease).toISOString(),
        limit: settings.batchSize,
      });
      if (rows.length === 0) {
        if (state.again) continue;
        return;
      }
      const reachable = await this.deliverBatch(url, rows);
      if (reachable) {
        state.failures = 0;
        state.notBefore = 0;
        continue;
      }
      state.failures += 1;
      const wait = backoffDelay(state.failures, {
        baseMs: settings.backoffBaseMs,
        maxMs: settings.backoffMaxMs,
      });
      state.notBefore = Date.now() + wait;
      this.deps.log.info(
        { peer, failures: state.failures, retryInMs: wait },
        'peer unreachable, backing off',
      );
      return;
    }
  }

  /** Delivers claimed rows with bounded concurrency; false as soon as the peer proved unreachable. */
  private async deliverBatch(url: string, rows: store.ClaimedRow[]): Promise<boolean> {
    const perRequest = this.deps.settings.deliveriesPerRequest;
    let next = 0;
    let reachable = true;
    let settled: Settlement[] = [];
    // Receipts are recorded in groups: one commit for many, while keeping receipts of a slow batch flowing.
    const flush = async () => {
      const group = settled;
      settled = [];
      await settleWithReceipts(this.deps, group);
    };
    const lane = async () => {
      while (reachable && next < rows.length) {
        const chunk = rows.slice(next, next + perRequest);
        next += chunk.length;
        for (const outcome of await this.deliverChunk(url, chunk)) {
          if (outcome === 'unreachable') reachable = false;
          else if (outcome !== 'failed') settled.push(outcome);
        }
        if (settled.length >= SETTLE_GROUP) await flush();
      }
    };
    const lanes = Math.min(this.deps.settings.concurrencyPerPeer, Math.ceil(rows.length / perRequest));
    await Promise.all(Array.from({ length: lanes }, lane));
    await flush();
    // Rows never tried in this batch go back to the queue at once, in their order.
    const untried = rows.slice(next).map((row) => row.id);
    for (const id of untried) await store.updateOutbox(this.deps.db, id, { claimed_until: null });
    return reachable;
  }

  /**
   * One attempt for each row of a chunk: in one batch request when the peer offers it and no row carries
   * attachments, else one request per row.
   */
  private async deliverChunk(url: string, chunk: store.ClaimedRow[]): Promise<Outcome[]> {
    const requests = await Promise.all(
      chunk.map((row) => deliveryRequest(this.deps, row.envelope, row.attempts + 1)),
    );
    const peer = chunk[0]?.peer ?? '';
    let results: AttemptResult[] | undefined;
    if (chunk.length > 1 && !this.noBatch.has(peer) && requests.every((r) => r.attachments === undefined)) {
      const answer = await attemptDeliveries(this.deps, url, requests, this.inFlight.signal);
      if (answer === 'unsupported') this.noBatch.add(peer);
      else if (answer !== 'singly') results = answer;
    }
    if (!results) {
      results = [];
      for (const request of requests) {
        results.push(await attemptDelivery(this.deps, url, request, this.inFlight.signal));
      }
    }
    const answers = results;
    return Promise.all(chunk.map((row, i) => this.outcomeOf(row, answers[i])));
  }

  /** What an attempt came to: a receipt to record, a failure already recorded, or an unreachable peer. */
  private async outcomeOf(row: store.ClaimedRow, result: AttemptResult | undefined): Promise<Outcome> {
    const attempt = row.attempts + 1;
    if (result?.kind === 'receipt') {
      const verified = await verifyReceiptFor(this.deps, result.receipt, row);
      if (verified.ok)
        return { row, receiptJws: result.receipt, receipt: verified.receipt, attempts: attempt };
      await recordFailure(this.deps, row, {
        error: `receipt refused (${verified.reason}): ${verified.message}`,
        reachedPeer: true,
        retryInMs: retryDelay(this.deps, attempt),
      });
      return 'failed';
    }
    if (result === undefined || result.kind === 'refused') {
      const error = result?.error ?? 'no answer for this delivery';
      this.deps.log.warn({ peer: row.peer, messageId: row.message_id, error }, 'delivery refused');
      await recordFailure(this.deps, row, {
        error,
        reachedPeer: true,
        retryInMs: retryDelay(this.deps, attempt),
      });
      return 'failed';
    }
    // The row stays due: the peer as a whole is backed off, and retried oldest first when it answers again.
    await recordFailure(this.deps, row, {
      error: result.error,
      reachedPeer: result.reachedPeer,
      retryInMs: 0,
    });
    return 'unreachable';
  }
}
