import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { stopNodes } from './demo/nodes.js';
import { runDemo } from './demo/run.js';
import { DEMO_USERS } from './demo/setup.js';
import { AGENCIES } from './demo/topology.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    fast: { type: 'boolean', default: false },
    days: { type: 'string', default: '181' },
    seed: { type: 'string', default: '2021' },
    'base-port': { type: 'string', default: '8080' },
    'data-dir': { type: 'string', default: 'data/demo' },
    concurrency: { type: 'string', default: '12' },
    source: { type: 'boolean', default: false, description: 'run the nodes from src through tsx (no build)' },
  },
});

const PASSWORD = 'borderlink-demo-2021';
const FIRST_DAY = '2021-01-01';
const days = Number(values.days);
const lastDay = new Date(Date.parse(`${FIRST_DAY}T00:00:00Z`) + (days - 1) * 86_400_000)
  .toISOString()
  .slice(0, 10);
const fullHalfYear = lastDay === '2021-06-30';
const counted = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** Builds dist/ when it is missing or older than the sources, so `node dist/cli/main.js` runs current code. */
function ensureBuilt(): void {
  const main = path.join(root, 'dist/cli/main.js');
  if (existsSync(main) && statSync(main).mtimeMs >= statSync(path.join(root, 'src/server.ts')).mtimeMs)
    return;
  process.stderr.write('building dist/ (tsc -p tsconfig.build.json)…\n');
  try {
    execFileSync(
      process.execPath,
      [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
      {
        cwd: root,
        stdio: 'inherit',
      },
    );
  } catch {
    // tsc still emits JavaScript when some file has type errors; the nodes start if dist/ is usable.
    if (!existsSync(main)) throw new Error('the build produced no dist/cli/main.js');
  }
}

async function main(): Promise<number> {
  if (!values.source) ensureBuilt();
  const result = await runDemo({
    root,
    dataDir: path.resolve(root, values['data-dir']),
    basePort: Number(values['base-port']),
    seed: Number(values.seed),
    firstDay: FIRST_DAY,
    days,
    concurrency: Number(values.concurrency),
    runFrom: values.source ? 'source' : 'dist',
    password: PASSWORD,
    period: fullHalfYear ? { period: '2021-H1' } : { from: FIRST_DAY, to: lastDay },
    label: fullHalfYear ? '2021H1' : `${FIRST_DAY}_${lastDay}`,
    progress: process.stderr.isTTY === true,
    log: (line) => process.stdout.write(`${line}\n`),
  });
  const { ledger } = result;
  const exchanged = ledger.notifications.sent + ledger.notifications.received;
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(
    `replayed ${days} days in ${result.replaySeconds.toFixed(0)} s (${ledger.requests} API requests); total ${result.totalSeconds.toFixed(0)} s`,
  );
  out(
    `scale: ${counted(exchanged, 'notification', 'notifications')} exchanged by CN-NIA, ${counted(ledger.interceptions.persons, 'person', 'persons')} intercepted, ${counted(ledger.liaison.letters + ledger.liaison.calls, 'letter or call', 'letters and calls')}`,
  );
  const mismatches = result.checks.filter((c) => !c.ok).length;
  if (values.fast) {
    await stopNodes(result.nodes);
    out(mismatches === 0 ? 'all figures match' : `${mismatches} figures differ`);
    return mismatches === 0 ? 0 : 1;
  }
  out('\nThe nodes keep running until Ctrl-C:');
  for (const agency of AGENCIES) {
    out(
      `  ${agency.code.padEnd(8)} http://127.0.0.1:${Number(values['base-port']) + agency.portOffset}  (${agency.language})`,
    );
  }
  out(
    `  logins on every node: admin, ${DEMO_USERS.map((u) => u.username).join(', ')} — password ${PASSWORD}`,
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await stopNodes(result.nodes);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // A port in use is the operator's to fix, not a bug: the message says what to do, a stack would hide it.
    const expected = error instanceof Error && /already in use/.test(error.message);
    const text =
      error instanceof Error ? (expected ? error.message : (error.stack ?? error.message)) : String(error);
    process.stderr.write(`demo failed: ${text}\n`);
    process.exit(1);
  },
);
