import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MultiBar, Presets } from 'cli-progress';
import type { WorkSummary } from '../../src/modules/reports/reports.schema.js';
import { summaryMarkdown } from '../../src/modules/reports/summary.js';
import { compareFigures, type FigureCheck, formatChecks, type ReportFigures } from './figures.js';
import { type Ledger, newLedger } from './ledger.js';
import { type RunningNode, setClock, startNodes, stopNodes } from './nodes.js';
import { REPORTING, Replay } from './replay.js';
import { type DemoNode, federate, prepareNode } from './setup.js';
import { AGENCIES, type AgencyCode } from './topology.js';

export interface DemoOptions {
  root: string;
  dataDir: string;
  basePort: number;
  seed: number;
  firstDay: string;
  days: number;
  concurrency: number;
  runFrom: 'dist' | 'source';
  password: string;
  /** Report period as the reports API takes it (`2021-H1`), or from/to dates for a short replay. */
  period: { period: string } | { from: string; to: string };
  /** File name part of the written report, e.g. `2021H1`. */
  label: string;
  progress: boolean;
  log: (line: string) => void;
}

export interface DemoResult {
  nodes: RunningNode[];
  ledger: Ledger;
  checks: FigureCheck[];
  report: ReportFigures;
  replaySeconds: number;
  totalSeconds: number;
}

/**
 * Starts the three nodes, federates them, replays the scenario through their APIs, waits for the federation
 * to deliver everything, writes CN-NIA's report and summaries, and compares the figures with the ledger.
 * The nodes are left running; the caller stops them.
 */
export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const started = Date.now();
  for (const code of ['CN-NIA', 'MN-GABP', 'VN-BG'])
    rmSync(path.join(options.dataDir, code), { recursive: true, force: true });
  mkdirSync(options.dataDir, { recursive: true });
  const clockStart = new Date(Date.parse(`${options.firstDay}T00:00:00Z`) - 12 * 3_600_000).toISOString();
  const nodes = await startNodes({
    root: options.root,
    dataDir: options.dataDir,
    basePort: options.basePort,
    adminPassword: options.password,
    runFrom: options.runFrom,
    clockStart,
    logLevel: 'warn',
  });
  try {
    const bars = options.progress
      ? new MultiBar(
          { stream: process.stderr, format: ' {phase} [{bar}] {value}/{total} {detail}', hideCursor: true },
          Presets.shades_classic,
        )
      : null;
    const setupBar = bars?.create(6, 0, { phase: 'setup   ', detail: '' });
    const prepared: DemoNode[] = [];
    for (const node of nodes) {
      prepared.push(await prepareNode(node, options.password));
      setupBar?.increment(1, { detail: node.agency.code });
    }
    await federate(prepared);
    setupBar?.increment(3, { detail: 'peers trusted' });
    const byCode = Object.fromEntries(prepared.map((n) => [n.code, n])) as Record<AgencyCode, DemoNode>;
    const ledger = newLedger();
    const counterparts = AGENCIES.filter((a) => a.code !== REPORTING);
    ledger.counterparts = counterparts.length;
    ledger.counterpartCountries = new Set(counterparts.map((a) => a.country)).size;
    const replay = new Replay(byCode, ledger, {
      seed: options.seed,
      firstDay: options.firstDay,
      days: options.days,
      concurrency: options.concurrency,
      // CN-NIA's local day (UTC+8) after the last replayed day.
      periodEndsAt: new Date(
        Date.parse(`${options.firstDay}T00:00:00+08:00`) + options.days * 86_400_000,
      ).toISOString(),
      settle: () => waitForOutboxes(prepared, 60_000),
    });
    const replayStarted = Date.now();
    const dayBar = bars?.create(options.days, 0, { phase: 'replay  ', detail: '' });
    for (let day = 0; day < options.days; day += 1) {
      const date = replay.dateOf(day);
      // 23:00 in Beijing: every event of the day (stamped earlier that day) lies in the past.
      await setClock(nodes, `${date}T15:00:00Z`);
      await replay.runDay(day);
      dayBar?.increment(1, { detail: `${date} · ${ledger.requests} requests` });
      // Without a terminal there are no bars: a line a simulated week shows the replay is alive.
      if (!bars && ((day + 1) % 7 === 0 || day + 1 === options.days)) {
        options.log(
          `replayed ${day + 1}/${options.days} days (up to ${date}), ${ledger.requests} API requests`,
        );
      }
    }
    const replaySeconds = (Date.now() - replayStarted) / 1000;
    const deliveryBar = bars?.create(1, 0, { phase: 'delivery', detail: 'waiting for the outboxes' });
    await waitForDelivery(prepared, ledger);
    await replay.decideLateHits();
    await waitForDelivery(prepared, ledger);
    deliveryBar?.update(1, { detail: 'all delivered' });
    bars?.stop();
    const cn = byCode[REPORTING];
    const query = 'period' in options.period ? { period: options.period.period } : options.period;
    const report = await cn.as.analyst.get<ReportFigures>('/api/v1/reports/statistics', query);
    writeFileSync(
      path.join(options.dataDir, `report-${options.label}.json`),
      `${JSON.stringify(report, null, 2)}\n`,
    );
    for (const lang of ['zh', 'en'] as const) {
      const summary = await cn.as.analyst.get<WorkSummary>('/api/v1/reports/summary', { ...query, lang });
      writeFileSync(
        path.join(options.dataDir, `summary-${options.label}.${lang}.md`),
        summaryMarkdown(summary, REPORTING),
      );
    }
    const checks = compareFigures(report, ledger);
    options.log(`CN-NIA report ${options.label} against the replay's own counts:\n${formatChecks(checks)}`);
    return { nodes, ledger, checks, report, replaySeconds, totalSeconds: (Date.now() - started) / 1000 };
  } catch (error) {
    await stopNodes(nodes);
    throw error;
  }
}

/** Messages waiting in all the nodes' outboxes (not yet delivered, nor given up on). */
async function pendingMessages(nodes: readonly DemoNode[]): Promise<number> {
  let pending = 0;
  for (const node of nodes) {
    const status = await node.admin.get<{ outbox: Record<string, Record<string, number>> }>(
      '/api/v1/federation/status',
    );
    for (const counts of Object.values(status.outbox)) {
      for (const [state, count] of Object.entries(counts)) if (!DONE_STATES.has(state)) pending += count;
    }
  }
  return pending;
}

/** Polls the nodes' federation status until no message waits in an outbox. */
async function waitForOutboxes(nodes: readonly DemoNode[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await pendingMessages(nodes)) > 0) {
    if (Date.now() > deadline) {
      throw new Error(`the federation did not deliver every message within ${timeoutMs / 1000} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 40));
  }
}

/** Waits until the outboxes are empty and CN's inbox holds every notification the replay sent it. */
async function waitForDelivery(nodes: readonly DemoNode[], ledger: Ledger): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    await waitForOutboxes(nodes, 180_000);
    if ((await countInbox(nodes.find((n) => n.code === REPORTING))) >= ledger.notifications.received) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('CN-NIA did not receive every notification within 3 minutes');
}

const DONE_STATES = new Set(['delivered', 'done', 'sent', 'acknowledged', 'rejected', 'failed', 'dead']);

async function countInbox(node: DemoNode | undefined): Promise<number> {
  if (!node) return 0;
  let count = 0;
  let cursor: string | undefined;
  do {
    const page = await node.as.liaison.get<{ items: unknown[]; nextCursor: string | null }>(
      '/api/v1/notifications',
      {
        box: 'inbox',
        limit: 200,
        cursor,
      },
    );
    count += page.items.length;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return count;
}
