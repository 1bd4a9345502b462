/**
 * Load generator of the screening benchmark, run as a child process (bench/screening.ts forks it) so that
 * sending requests and timing them never shares the server's event loop or inflates its latencies.
 * Receives one `LoadPlan` message, posts the crossings open loop at the planned rate, answers one `LoadResult`.
 */
import { performance } from 'node:perf_hooks';

/** What the benchmark asks the client to send. */
export interface LoadPlan {
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly rps: number;
  readonly seconds: number;
  /** Request bodies, sent in turn (repeated when fewer than rps × seconds). */
  readonly bodies: readonly string[];
}

/** Latencies of the accepted requests, sorted, with the count of failures. */
export interface LoadResult {
  readonly sent: number;
  readonly failed: number;
  /** Answers by HTTP status ('error' when the request failed outright). */
  readonly statuses: Record<string, number>;
  readonly latenciesMs: readonly number[];
  /** How late the client itself sent requests at worst: a late client would understate the rate. */
  readonly worstSendDelayMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends every request on schedule whatever the latency of the previous ones (open loop). */
async function runLoad(plan: LoadPlan): Promise<LoadResult> {
  const total = plan.rps * plan.seconds;
  const latencies: number[] = [];
  let failed = 0;
  const statuses: Record<string, number> = {};
  const count = (status: string) => {
    statuses[status] = (statuses[status] ?? 0) + 1;
  };
  let worstSendDelayMs = 0;
  const inFlight: Promise<void>[] = [];
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / plan.rps;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    worstSendDelayMs = Math.max(worstSendDelayMs, performance.now() - due);
    const body = plan.bodies[i % plan.bodies.length] ?? '{}';
    const sent = performance.now();
    inFlight.push(
      fetch(plan.url, { method: 'POST', headers: plan.headers, body }).then(
        async (response) => {
          await response.arrayBuffer();
          count(String(response.status));
          if (response.status === 201) latencies.push(performance.now() - sent);
          else failed++;
        },
        () => {
          count('error');
          failed++;
        },
      ),
    );
  }
  await Promise.all(inFlight);
  latencies.sort((a, b) => a - b);
  return { sent: total, failed, statuses, latenciesMs: latencies, worstSendDelayMs };
}

process.once('message', (plan: LoadPlan) => {
  runLoad(plan).then(
    (result) => process.send?.(result, () => process.exit(0)),
    (error: unknown) => {
      process.stderr.write(`${String(error)}\n`);
      process.exit(1);
    },
  );
});
