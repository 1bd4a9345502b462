import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/core/config.js';
import { openDatabase } from '../src/core/db/database.js';
import { migrateToLatest } from '../src/core/db/migrate.js';
import { newId } from '../src/core/ids.js';
import {
  type CrossingIdentity,
  createWatchlistIndex,
  jaroWinkler,
  type WatchlistIdentity,
} from '../src/modules/warning/matcher/index.js';
import { insertEntries } from '../src/modules/warning/warning.store.js';
import type { WatchlistEntryRow } from '../src/modules/warning/warning.tables.js';
import { createNode } from '../src/server.js';
import type { BenchOptions } from './run.js';

const SIZES = {
  quick: {
    entries: 100_000,
    crossings: 100_000,
    rps: 200,
    seconds: 10,
    retroEntries: 1000,
    retroCrossings: 200_000,
    baselineSample: 100,
  },
  full: {
    entries: 1_000_000,
    crossings: 1_000_000,
    rps: 1000,
    seconds: 10,
    retroEntries: 10_000,
    retroCrossings: 2_000_000,
    baselineSample: 50,
  },
} as const;

// A deterministic generator, so two runs screen the same people.
let seed = 42;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const SCRIPTS = [
  {
    surnames: ['WANG', 'LI', 'ZHANG', 'LIU', 'CHEN', 'YANG', 'HUANG', 'ZHAO', 'WU', 'ZHOU', 'XU', 'SUN'],
    given: [
      'WEI',
      'FANG',
      'NA',
      'XIUYING',
      'MIN',
      'JING',
      'QIANG',
      'LEI',
      'JUN',
      'YANG',
      'TAO',
      'MING',
      'CHAO',
      'XIA',
    ],
    nat: 'CHN',
  },
  {
    surnames: [
      'IVANOV',
      'SMIRNOV',
      'KUZNETSOV',
      'POPOV',
      'VASILIEV',
      'PETROV',
      'SOKOLOV',
      'MIKHAILOV',
      'FEDOROV',
      'MOROZOV',
    ],
    given: [
      'ALEKSANDR',
      'SERGEI',
      'DMITRII',
      'ANDREI',
      'ALEKSEI',
      'MAKSIM',
      'EVGENII',
      'IVAN',
      'MIKHAIL',
      'NATALIA',
      'OLGA',
      'ELENA',
    ],
    nat: 'RUS',
  },
  {
    surnames: ['BAT', 'GANBOLD', 'ENKHBAYAR', 'BOLD', 'TSEREN', 'DORJ', 'BAATAR', 'ERDENE', 'OTGON', 'SUKH'],
    given: [
      'TEMUJIN',
      'BOLORMAA',
      'NARAN',
      'GEREL',
      'ANAND',
      'BAYAR',
      'ODON',
      'SARANGEREL',
      'MUNKH',
      'TUYAA',
    ],
    nat: 'MNG',
  },
  {
    surnames: ['NGUYEN', 'TRAN', 'LE', 'PHAM', 'HOANG', 'PHAN', 'VU', 'DANG', 'BUI', 'DO'],
    given: ['VAN AN', 'THI MAI', 'MINH', 'THI LAN', 'DUC', 'QUANG', 'THI HOA', 'TUAN', 'HUNG', 'LINH'],
    nat: 'VNM',
  },
  {
    surnames: ['SAETANG', 'SRISUK', 'CHAIYAPORN', 'WONGSAWAT', 'BOONMA', 'KAEWKLA', 'SUKSAWAT', 'THONGDEE'],
    given: ['SOMCHAI', 'SOMSAK', 'MALEE', 'NATTAPONG', 'KANYA', 'PRASERT', 'SUDA', 'WICHAI'],
    nat: 'THA',
  },
];

function person(id: string): WatchlistIdentity {
  const script = pick(SCRIPTS);
  const year = 1940 + Math.floor(random() * 65);
  const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
  return {
    id,
    surname: `${pick(script.surnames)}${random() < 0.5 ? '' : pick(['', 'A', 'O', 'IN'])}`,
    givenNames: random() < 0.3 ? `${pick(script.given)} ${pick(script.given)}` : pick(script.given),
    sex: random() < 0.5 ? 'M' : 'F',
    birthDate: `${year}-${month}-${day}`,
    nationality: script.nat,
    documentNumber: `${script.nat[0]}${Math.floor(random() * 1e8)
      .toString()
      .padStart(8, '0')}`,
  };
}

/** A crossing: 1 in 100 is a watchlisted person, typed with an OCR slip or names in the other order. */
function crossingOf(entries: readonly WatchlistIdentity[], id: string): CrossingIdentity {
  if (random() >= 0.01) return person(id);
  const entry = pick(entries);
  const document = entry.documentNumber?.replace('0', 'O');
  return random() < 0.5
    ? { ...entry, id, documentNumber: document }
    : { ...entry, id, surname: entry.givenNames, givenNames: entry.surname };
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
const round = (value: number, digits = 3) => Number(value.toFixed(digits));
const heapMb = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};

function measureIndex(entries: readonly WatchlistIdentity[], crossings: readonly CrossingIdentity[]) {
  const before = heapMb();
  const started = performance.now();
  const index = createWatchlistIndex(entries);
  const buildSeconds = (performance.now() - started) / 1000;
  const indexMb = heapMb() - before;
  const latencies: number[] = [];
  let hits = 0;
  const screenStart = performance.now();
  for (const crossing of crossings) {
    const t = performance.now();
    if (index.screen(crossing).verdict !== 'clear') hits += 1;
    latencies.push(performance.now() - t);
  }
  const crossingsPerSecond = crossings.length / ((performance.now() - screenStart) / 1000);
  latencies.sort((a, b) => a - b);
  return {
    buildSeconds: round(buildSeconds),
    indexMb: round(indexMb, 1),
    crossingsPerSecond: Math.round(crossingsPerSecond),
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
    flagged: hits,
  };
}

/** The baseline the issue names: every entry compared by Jaro-Winkler on the full name, plus the document. */
function measureBaseline(entries: readonly WatchlistIdentity[], sample: readonly CrossingIdentity[]) {
  const names = entries.map((e) => `${e.givenNames ?? ''} ${e.surname ?? ''}`);
  const started = performance.now();
  for (const crossing of sample) {
    const name = `${crossing.givenNames ?? ''} ${crossing.surname ?? ''}`;
    let best = 0;
    for (let i = 0; i < entries.length; i++) {
      const score =
        entries[i]?.documentNumber === crossing.documentNumber ? 1 : jaroWinkler(name, names[i] ?? '');
      if (score > best) best = score;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    crossingsPerSecond: round(sample.length / seconds, 1),
    msPerCrossing: round((seconds * 1000) / sample.length, 1),
  };
}

function measureRetrospective(
  newEntries: readonly WatchlistIdentity[],
  crossings: number,
  pool: readonly WatchlistIdentity[],
) {
  const index = createWatchlistIndex(newEntries);
  let hits = 0;
  const started = performance.now();
  for (let i = 0; i < crossings; i++) {
    if (index.screen(crossingOf(pool, `r${i}`)).verdict !== 'clear') hits += 1;
  }
  const seconds = (performance.now() - started) / 1000;
  return { seconds: round(seconds, 1), crossingsPerSecond: Math.round(crossings / seconds), hits };
}

function entryRow(identity: WatchlistIdentity, today: string, until: string): WatchlistEntryRow {
  return {
    id: identity.id,
    source_agency: 'CN-NIA',
    source_entry_id: identity.id,
    shared_notification_id: null,
    category: 'close_contact',
    surname: identity.surname ?? null,
    given_names: identity.givenNames ?? null,
    native_name: null,
    aliases: '[]',
    sex: identity.sex ?? null,
    birth_date: identity.birthDate ?? null,
    nationality: identity.nationality ?? null,
    document_type: 'passport',
    document_number: identity.documentNumber ?? null,
    issuing_state: null,
    personal_number: null,
    reason: 'benchmark',
    valid_from: today,
    valid_until: until,
    sharing_scope: 'internal',
    share_with: '[]',
    retro_screened_at: today,
    created_by: 'bench',
    created_at: today,
    updated_at: today,
  };
}

async function login(url: string, username: string, password: string) {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = (await response.json()) as { csrfToken: string };
  return { cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '', csrf: body.csrfToken };
}

/** p99 over HTTP at a fixed request rate (open loop: requests go out on schedule whatever the latency). */
async function measureHttp(entries: readonly WatchlistIdentity[], rps: number, seconds: number) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'borderlink-bench-'));
  const today = new Date().toISOString().slice(0, 10);
  const until = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const handle = openDatabase({ databaseUrl: undefined, dataDir });
  await migrateToLatest(handle.db);
  for (let start = 0; start < entries.length; start += 10_000) {
    const rows = entries.slice(start, start + 10_000).map((e) => entryRow(e, today, until));
    await handle.db.transaction().execute((trx) => insertEntries(trx, rows));
  }
  await handle.close();
  const password = 'bench-admin-password';
  const config = loadConfig({
    PORT: '0',
    BORDERLINK_DATA_DIR: dataDir,
    BORDERLINK_ADMIN_PASSWORD: password,
    LOG_LEVEL: 'silent',
  });
  const node = await createNode(config);
  const url = await node.start();
  try {
    const admin = await login(url, 'admin', password);
    const headers = (session: { cookie: string; csrf: string }) => ({
      'content-type': 'application/json',
      cookie: session.cookie,
      'x-csrf-token': session.csrf,
    });
    await fetch(`${url}/api/v1/users`, {
      method: 'POST',
      headers: headers(admin),
      body: JSON.stringify({
        username: 'desk',
        displayName: 'desk',
        password,
        roles: ['port_officer'],
        personalData: true,
      }),
    });
    const desk = await login(url, 'desk', password);
    const latencies: number[] = [];
    const total = rps * seconds;
    const started = performance.now();
    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const due = started + (i * 1000) / rps;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const crossing = crossingOf(entries, `h${i}`);
      const body = JSON.stringify({
        direction: 'entry',
        portCode: 'ERLIAN',
        identity: {
          surname: crossing.surname,
          givenNames: crossing.givenNames,
          birthDate: crossing.birthDate,
          documentNumber: crossing.documentNumber,
        },
      });
      const sent = performance.now();
      inFlight.push(
        fetch(`${url}/api/v1/warning/crossings`, { method: 'POST', headers: headers(desk), body }).then(
          async (r) => {
            await r.arrayBuffer();
            if (r.status === 201) latencies.push(performance.now() - sent);
          },
        ),
      );
    }
    await Promise.all(inFlight);
    latencies.sort((a, b) => a - b);
    return {
      requests: total,
      ok: latencies.length,
      rps,
      p50Ms: round(percentile(latencies, 50), 1),
      p99Ms: round(percentile(latencies, 99), 1),
    };
  } finally {
    await node.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** `npm run bench -- screening`: index build, in-process and HTTP screening, retrospective, against a linear scan. */
export async function run(options: BenchOptions): Promise<void> {
  const size = SIZES[options.size];
  const log = (line: string) => {
    if (!options.json) process.stdout.write(`${line}\n`);
  };
  log(`screening benchmark (${options.size}): ${size.entries} entries, ${size.crossings} crossings`);
  const entries = Array.from({ length: size.entries }, () => person(newId()));
  const crossings = Array.from({ length: size.crossings }, (_, i) => crossingOf(entries, `c${i}`));
  const inProcess = measureIndex(entries, crossings);
  log(`index: built in ${inProcess.buildSeconds} s, ~${inProcess.indexMb} MB heap`);
  log(
    `in-process: ${inProcess.crossingsPerSecond} crossings/s, p50 ${inProcess.p50Ms} ms, p99 ${inProcess.p99Ms} ms`,
  );
  const baseline = measureBaseline(entries, crossings.slice(0, size.baselineSample));
  log(
    `baseline (linear Jaro-Winkler scan, ${size.baselineSample} crossings): ${baseline.crossingsPerSecond} crossings/s`,
  );
  const retro = measureRetrospective(
    entries.slice(0, size.retroEntries),
    size.retroCrossings,
    entries.slice(0, size.retroEntries),
  );
  log(
    `retrospective: ${size.retroEntries} new entries × ${size.retroCrossings} crossings in ${retro.seconds} s`,
  );
  const http = await measureHttp(entries, size.rps, size.seconds);
  log(
    `HTTP at ${http.rps} req/s: p50 ${http.p50Ms} ms, p99 ${http.p99Ms} ms (${http.ok}/${http.requests} ok)`,
  );
  const ratios = { indexedOverLinear: round(inProcess.crossingsPerSecond / baseline.crossingsPerSecond, 1) };
  log(`indexing screens ${ratios.indexedOverLinear}× faster than the linear scan`);
  if (options.json) {
    process.stdout.write(
      `${JSON.stringify({ bench: 'screening', figures: { size: options.size, ...size, inProcess, retrospective: retro, http }, baseline, ratios })}\n`,
    );
  }
}
