import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import { SYSTEM_ACTOR } from '../src/core/auth/roles.js';
import { loadConfig } from '../src/core/config.js';
import { newId, nowIso } from '../src/core/ids.js';
import type { MessageHandlers, OutgoingMessage } from '../src/modules/federation/federation.contract.js';
import { type BorderlinkNode, createNode } from '../src/server.js';
import type { BenchOptions } from './run.js';

/*
 * Federation transport: A sends to B and C over loopback, each message signed, stored at A in the outbox,
 * delivered, verified and stored once at B and C, and acknowledged by a signed receipt stored at A.
 * Baseline: the same payloads POSTed to a bare HTTP server that neither signs, verifies nor stores.
 */

const SIZES = {
  quick: { messages: 1_000, drain: 1_000, rateSeconds: 5 },
  full: { messages: 10_000, drain: 10_000, rateSeconds: 20 },
};
const RATE_PER_SECOND = 100;
const log = (line: string) => process.stderr.write(`${line}\n`);

process.env.BORDERLINK_OUTBOX_POLL_MS ??= '50';
process.env.BORDERLINK_OUTBOX_BACKOFF_MS ??= '50';
process.env.BORDERLINK_OUTBOX_BACKOFF_MAX_MS ??= '250';

interface BenchNode {
  code: string;
  dir: string;
  port: number;
  node: BorderlinkNode;
  url: string;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startNode(code: string, existing?: { dir: string; port: number }): Promise<BenchNode> {
  const dir = existing?.dir ?? mkdtempSync(path.join(tmpdir(), `borderlink-bench-${code}-`));
  const port = existing?.port ?? (await freePort());
  const config = loadConfig({
    PORT: String(port),
    HOST: '127.0.0.1',
    BORDERLINK_DATA_DIR: dir,
    BORDERLINK_NODE_CODE: code,
    BORDERLINK_ADMIN_PASSWORD: 'bench-admin-password',
    LOG_LEVEL: 'silent',
    // The outbox timings above (or the caller's) reach the node only through its config.
    ...Object.fromEntries(
      Object.entries(process.env).filter(([name]) => name.startsWith('BORDERLINK_OUTBOX_')),
    ),
  });
  const node = await createNode(config, { log: pino({ level: 'silent' }) });
  const url = await node.start();
  return { code, dir, port, node, url };
}

async function trust(from: BenchNode, to: BenchNode): Promise<void> {
  const own = await to.node.federation.ownKeys();
  await from.node.federation.addPeer(SYSTEM_ACTOR, {
    code: to.code,
    url: to.url,
    fingerprint: own.fingerprint,
  });
}

// Exchange's wire format for a liaison message, so B and C store real notifications.
const payload = (i: number) => ({
  v: 1,
  priority: 'routine',
  body: {
    subject: `Daily situation ${i}`,
    text: 'Erenhot port: 1,204 crossings, 3 travellers referred for testing, no new local cases in the county.',
  },
  text: null,
  deadlines: {},
});

function outgoing(i: number, to: string[]): OutgoingMessage {
  return {
    id: newId(),
    type: 'liaison.message',
    to,
    createdAt: nowIso(),
    body: payload(i),
    attachments: [],
    personalData: false,
  };
}

/** Records when each delivery's receipt was stored at A, to time creation → receipt. */
function timingHandlers() {
  const delivered = new Map<string, number>();
  let count = 0;
  let onCount: (() => void) | undefined;
  const handlers: MessageHandlers = {
    incoming: async () => {},
    deliveryChanged: async (_trx, change) => {
      if (change.status === 'rejected')
        throw new Error(`${change.peer} rejected ${change.messageId}: ${change.reason}`);
      if (change.status !== 'delivered') return;
      delivered.set(`${change.messageId}|${change.peer}`, performance.now());
      count += 1;
      onCount?.();
    },
  };
  const waitFor = (target: number) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (count >= target) resolve();
      };
      onCount = check;
      check();
    });
  return { handlers, delivered, waitFor, count: () => count };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

async function enqueueAll(a: BenchNode, messages: OutgoingMessage[]): Promise<Map<string, number>> {
  const created = new Map<string, number>();
  for (const message of messages) {
    created.set(message.id, performance.now());
    await a.node.context.db.transaction().execute((trx) => a.node.federation.enqueue(trx, message));
    a.node.federation.kick();
  }
  return created;
}

async function measureRate(a: BenchNode, timing: ReturnType<typeof timingHandlers>, seconds: number) {
  const before = timing.count();
  const created = new Map<string, number>();
  const total = RATE_PER_SECOND * seconds;
  const start = performance.now();
  for (let i = 0; i < total; i += 1) {
    const due = start + (i * 1000) / RATE_PER_SECOND;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const message = outgoing(i, ['MN-GABP', 'RU-FSB']);
    created.set(message.id, performance.now());
    await a.node.context.db.transaction().execute((trx) => a.node.federation.enqueue(trx, message));
    a.node.federation.kick();
  }
  await timing.waitFor(before + total * 2);
  const latencies: number[] = [];
  for (const [id, at] of created) {
    for (const peer of ['MN-GABP', 'RU-FSB'])
      latencies.push((timing.delivered.get(`${id}|${peer}`) ?? at) - at);
  }
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), sent: total };
}

/** The same payloads over plain HTTP: no signing, no storage, same concurrency and keep-alive. */
async function baseline(messages: number, concurrency: number) {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      JSON.parse(Buffer.concat(chunks).toString('utf8'));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const post = async (i: number) => {
    const started = performance.now();
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        id: newId(),
        type: 'liaison.message',
        from: 'CN-NIA',
        to: ['MN-GABP', 'RU-FSB'],
        body: payload(i),
      }),
    });
    await response.text();
    return performance.now() - started;
  };
  const total = messages * 2;
  let next = 0;
  const latencies: number[] = [];
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency * 2 }, async () => {
      while (next < total) {
        next += 1;
        latencies.push(await post(next));
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  await new Promise((resolve) => server.close(resolve));
  return {
    messagesPerSecond: messages / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

/** `npm run bench -- exchange [--size quick|full] [--json]` */
export async function run(options: BenchOptions): Promise<void> {
  const size = SIZES[options.size];
  log(`exchange bench (${options.size}): ${size.messages} messages A→B,C; drain ${size.drain}; SQLite`);
  const timing = timingHandlers();
  const a = await startNode('CN-NIA');
  let b = await startNode('MN-GABP');
  const c = await startNode('RU-FSB');
  const nodes = () => [a, b, c];
  try {
    a.node.federation.useHandlers(timing.handlers);
    await trust(a, b);
    await trust(a, c);
    await trust(b, a);
    await trust(c, a);

    // Throughput: everything enqueued as fast as exchange could, delivered while enqueueing goes on.
    const messages = Array.from({ length: size.messages }, (_, i) => outgoing(i, ['MN-GABP', 'RU-FSB']));
    const start = performance.now();
    const created = await enqueueAll(a, messages);
    const enqueueSeconds = (performance.now() - start) / 1000;
    await timing.waitFor(size.messages * 2);
    const seconds = (performance.now() - start) / 1000;
    const messagesPerSecond = size.messages / seconds;
    const burstLatencies = messages.flatMap((m) =>
      ['MN-GABP', 'RU-FSB'].map(
        (peer) => (timing.delivered.get(`${m.id}|${peer}`) ?? 0) - (created.get(m.id) ?? 0),
      ),
    );
    log(
      `throughput: ${round(messagesPerSecond)} msg/s (${round(messagesPerSecond * 2)} deliveries/s); enqueue alone ${round(size.messages / enqueueSeconds)} msg/s`,
    );

    // Latency at a steady 100 messages/s.
    const steady = await measureRate(a, timing, size.rateSeconds);
    log(
      `at ${RATE_PER_SECOND} msg/s: p50 ${round(steady.p50)} ms, p99 ${round(steady.p99)} ms over ${steady.sent} messages`,
    );

    // Drain: B is down while its queue builds up, then comes back.
    const bAt = { dir: b.dir, port: b.port };
    await b.node.stop();
    const before = timing.count();
    const backlog = Array.from({ length: size.drain }, (_, i) => outgoing(i, ['MN-GABP']));
    await enqueueAll(a, backlog);
    await new Promise((resolve) => setTimeout(resolve, 300));
    b = await startNode('MN-GABP', bAt);
    const drainStart = performance.now();
    a.node.federation.worker.resetPeer('MN-GABP');
    await timing.waitFor(before + size.drain);
    const drainPerSecond = size.drain / ((performance.now() - drainStart) / 1000);
    log(`drain: ${round(drainPerSecond)} msg/s for ${size.drain} queued messages`);

    const base = await baseline(size.messages, Number(process.env.BORDERLINK_OUTBOX_CONCURRENCY ?? 16));
    log(
      `baseline plain HTTP: ${round(base.messagesPerSecond)} msg/s, p50 ${round(base.p50, 2)} ms, p99 ${round(base.p99, 2)} ms`,
    );

    const figures = {
      messages: size.messages,
      messagesPerSecond: round(messagesPerSecond),
      deliveriesPerSecond: round(messagesPerSecond * 2),
      burstP50Ms: round(percentile(burstLatencies, 50)),
      burstP99Ms: round(percentile(burstLatencies, 99)),
      steadyRatePerSecond: RATE_PER_SECOND,
      steadyP50Ms: round(steady.p50),
      steadyP99Ms: round(steady.p99),
      drainMessages: size.drain,
      drainPerSecond: round(drainPerSecond),
    };
    const baselineFigures = {
      messagesPerSecond: round(base.messagesPerSecond),
      p50Ms: round(base.p50, 2),
      p99Ms: round(base.p99, 2),
    };
    const ratios = {
      throughputOverhead: round(base.messagesPerSecond / messagesPerSecond, 2),
      steadyP99VsBaselineP99: round(steady.p99 / Math.max(base.p99, 0.01), 1),
    };
    log(
      `overhead: plain HTTP is ${ratios.throughputOverhead}× faster than signed, stored, receipted delivery`,
    );
    log(
      `goals: p99 < 250 ms at 100 msg/s → ${steady.p99 < 250 ? 'met' : 'missed'}; drain ≥ 500 msg/s → ${drainPerSecond >= 500 ? 'met' : 'missed'}`,
    );
    if (options.json) {
      process.stdout.write(
        `${JSON.stringify({ bench: 'exchange', figures, baseline: baselineFigures, ratios })}\n`,
      );
    }
  } finally {
    for (const node of nodes()) {
      await node.node.stop().catch(() => {});
      rmSync(node.dir, { recursive: true, force: true });
    }
  }
}
