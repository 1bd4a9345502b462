/**
 * Load generator of the screening benchmark, run as a child process (bench/screening.ts forks it) so that
 * sending requests and timing them never shares the server's event loop or inflates its latencies.
 * Receives one `LoadPlan` message, posts the crossings open loop at the planned rate, answers one `LoadResult`.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';

/** What the benchmark asks the client to send. */
export interface LoadPlan {
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly rps: number;
  readonly seconds: number;
  /**
   * Seconds of requests sent at the rate before the timed ones, untimed: the client's own code starts cold,
   * and its delays in sending and reading would count as the server's.
   */
  readonly warmUpSeconds: number;
  /** Request bodies, sent in turn (repeated when fewer than rps × (warmUpSeconds + seconds)). */
  readonly bodies: readonly string[];
}

/** Latencies of the accepted requests, sorted, with the count of failures. */
export interface LoadResult {
  /** Timed requests sent. */
  readonly sent: number;
  /** Untimed requests sent before them (see LoadPlan.warmUpSeconds). */
  readonly warmUpSent: number;
  readonly failed: number;
  /** Answers by HTTP status ('error' when the request failed outright). */
  readonly statuses: Record<string, number>;
  readonly latenciesMs: readonly number[];
  /** How late the client itself sent requests at worst: a late client would understate the rate. */
  readonly worstSendDelayMs: number;
  /** The client's own CPU per request: it shares the machine with the server. */
  readonly clientCpuMsPerRequest: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// node:http with kept-alive connections costs the client far less CPU per request than fetch: on a two-core
// machine the load generator's CPU is taken from the server it measures.
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

/** Posts one body; resolves to the HTTP status once the whole answer has arrived. */
function post(url: URL, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: 'POST', agent, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } },
      (response) => {
        response.on('error', reject);
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.resume();
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** Kept-alive connections opened before the clock starts: as many as requests in flight at a burst. */
const WARM_CONNECTIONS = 32;

/**
 * Opens the agent's connections with concurrent health checks (no side effects): a desk keeps its connection
 * open, and the first requests of a run would otherwise time TCP set-up, not screening.
 */
function openConnections(url: URL): Promise<unknown> {
  const health = new URL('/healthz', url);
  return Promise.all(
    Array.from(
      { length: WARM_CONNECTIONS },
      () =>
        new Promise<void>((resolve, reject) => {
          http.get(health, { agent }, (response) => response.resume().on('end', resolve)).on('error', reject);
        }),
    ),
  );
}

/** Sends every request on schedule whatever the latency of the previous ones (open loop). */
async function runLoad(plan: LoadPlan): Promise<LoadResult> {
  const warmUp = Math.round(plan.rps * plan.warmUpSeconds);
  const total = warmUp + plan.rps * plan.seconds;
  const latencies: number[] = [];
  let failed = 0;
  const statuses: Record<string, number> = {};
  const count = (status: string) => {
    statuses[status] = (statuses[status] ?? 0) + 1;
  };
  let worstSendDelayMs = 0;
  const inFlight: Promise<void>[] = [];
  const url = new URL(plan.url);
  await openConnections(url);
  let cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / plan.rps;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    const body = plan.bodies[i % plan.bodies.length] ?? '{}';
    if (i < warmUp) {
      // untimed, but a refusal still shows in the statuses (and fails the benchmark there)
      inFlight.push(
        post(url, plan.headers, body).then(
          (status) => (status === 201 ? undefined : count(`warm-up ${status}`)),
          () => count('warm-up error'),
        ),
      );
      continue;
    }
    if (i === warmUp) cpu = process.cpuUsage();
    worstSendDelayMs = Math.max(worstSendDelayMs, performance.now() - due);
    const sent = performance.now();
    inFlight.push(
      post(url, plan.headers, body).then(
        (status) => {
          count(String(status));
          if (status === 201) latencies.push(performance.now() - sent);
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
  const used = process.cpuUsage(cpu);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    sent: total - warmUp,
    warmUpSent: warmUp,
    failed,
    statuses,
    latenciesMs: latencies,
    worstSendDelayMs,
    clientCpuMsPerRequest: (used.user + used.system) / 1000 / (total - warmUp),
  };
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
