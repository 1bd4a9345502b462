import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { pino } from 'pino';
import { createOfflineExchange } from '../src/cli/offline-exchange.js';
import { SYSTEM_ACTOR } from '../src/core/auth/roles.js';
import { loadConfig } from '../src/core/config.js';
import { type DatabaseHandle, type DialectName, openDatabase } from '../src/core/db/database.js';
import { migrateToLatest } from '../src/core/db/migrate.js';
import { createAgency, ensureOwnAgency, saveGeography } from '../src/modules/directory/directory.service.js';
import { addDays, parseSituationCsv } from '../src/modules/situation/rules/index.js';
import { exchangeNotifier } from '../src/modules/situation/situation.notifier.js';
import type { SituationContext } from '../src/modules/situation/situation-context.js';
import { importReports } from '../src/modules/situation/situation-import.js';
import { countySeries, situationMap } from '../src/modules/situation/situation-picture.service.js';
import { withPostgres } from '../test/support/embedded-postgres.js';
import type { BenchOptions } from './run.js';

const COUNTIES = 500;
const START = '2023-01-01';
const BATCH = 1000;
const SERIES_RUNS = 100;
const MAP_RUNS = 20;
const log = (line: string) => process.stderr.write(`${line}\n`);

interface Figures {
  importRowsPerSecond: number;
  baselineRowsPerSecond: number;
  importOverhead: number;
  seriesP50Ms: number;
  seriesP99Ms: number;
  mapP50Ms: number;
  mapP99Ms: number;
}

const countyCode = (i: number) => `CN-C${String(i).padStart(4, '0')}`;

/** The benchmark file: every county every day, cumulative counts consistent with the new cases. */
function buildCsv(days: number): { csv: string; rows: number } {
  const lines = [
    'county_code,date,confirmed,new_local,new_imported,asymptomatic,deaths,under_observation,tests',
  ];
  const confirmed = new Array<number>(COUNTIES).fill(0);
  for (let d = 0; d < days; d++) {
    const date = addDays(START, d);
    for (let c = 0; c < COUNTIES; c++) {
      const newLocal = (c * 7 + d * 3) % 5;
      const newImported = (c + d) % 3 === 0 ? 1 : 0;
      confirmed[c] = (confirmed[c] ?? 0) + newLocal + newImported;
      lines.push(
        `${countyCode(c)},${date},${confirmed[c]},${newLocal},${newImported},0,0,${c % 50},${100 + (d % 40)}`,
      );
    }
  }
  return { csv: `${lines.join('\n')}\n`, rows: days * COUNTIES };
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function timeRuns(runs: number, work: (i: number) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work(i);
    samples.push(performance.now() - started);
  }
  return samples;
}

async function seedDirectory(handle: DatabaseHandle): Promise<void> {
  await ensureOwnAgency(handle.db, SYSTEM_ACTOR, 'CN-NIA');
  await createAgency(handle.db, SYSTEM_ACTOR, {
    code: 'MN-GABP',
    kind: 'counterpart',
    country: 'MN',
    names: { en: 'MN' },
    language: 'ru',
    timeZone: 'Asia/Ulaanbaatar',
  });
  for (let c = 0; c < COUNTIES; c++) {
    await saveGeography(
      handle.db,
      SYSTEM_ACTOR,
      'counties',
      { code: countyCode(c), country: 'CN', names: { en: `County ${c}` }, population: 50_000 + c * 100 },
      false,
    );
  }
}

/** Plain batched INSERTs of the same rows into a copy of the reports table: the floor our import is held to. */
async function baseline(handle: DatabaseHandle, csv: string): Promise<number> {
  await sql`create table bench_reports (id text primary key, county_code text not null, report_date text not null,
    confirmed integer not null, new_local integer not null, new_imported integer not null, asymptomatic integer not null,
    deaths integer not null, under_observation integer not null, tests integer not null,
    unique (county_code, report_date))`.execute(handle.db);
  const lines = csv.trimEnd().split('\n').slice(1);
  const started = performance.now();
  await handle.db.transaction().execute(async (trx) => {
    for (let start = 0; start < lines.length; start += BATCH) {
      const values = lines.slice(start, start + BATCH).map((line, i) => {
        const [county, date, ...counts] = line.split(',');
        const [confirmed, newLocal, newImported, asymptomatic, deaths, observation, tests] =
          counts.map(Number);
        return sql`(${`b${start + i}`}, ${county}, ${date}, ${confirmed}, ${newLocal}, ${newImported}, ${asymptomatic}, ${deaths}, ${observation}, ${tests})`;
      });
      await sql`insert into bench_reports values ${sql.join(values)}`.execute(trx);
    }
  });
  return lines.length / ((performance.now() - started) / 1000);
}

async function benchOn(dialect: DialectName, url: string | undefined, days: number): Promise<Figures> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'borderlink-bench-'));
  const handle = openDatabase({ databaseUrl: url, dataDir });
  try {
    await migrateToLatest(handle.db);
    await seedDirectory(handle);
    const { csv, rows } = buildCsv(days);
    log(`[${dialect}] ${rows} rows, ${(csv.length / 1048576).toFixed(1)} MB of CSV`);
    // The notifier the node uses: notifications the import raises become exchange drafts or outbox rows.
    const config = loadConfig({
      BORDERLINK_DATA_DIR: dataDir,
      BORDERLINK_NODE_CODE: 'CN-NIA',
      LOG_LEVEL: 'silent',
      ...(url && { DATABASE_URL: url }),
    });
    const exchange = await createOfflineExchange({
      config,
      db: handle.db,
      dialect: handle.dialect,
      log: pino({ level: 'silent' }),
    });
    const notifier = exchangeNotifier((trx, n) => exchange.send(trx, SYSTEM_ACTOR, n));
    const ctx: SituationContext = { db: handle.db, ownAgency: 'CN-NIA', notifier };
    const started = performance.now();
    const result = await importReports(ctx, SYSTEM_ACTOR, parseSituationCsv(csv));
    const importSeconds = (performance.now() - started) / 1000;
    if (!result.committed || result.imported !== rows)
      throw new Error(`import failed: ${JSON.stringify(result).slice(0, 500)}`);
    const baselineRowsPerSecond = await baseline(handle, csv);
    const last = addDays(START, days - 1);
    const seriesFrom = addDays(last, -Math.min(89, days - 1));
    const series = await timeRuns(SERIES_RUNS, (i) =>
      countySeries(ctx, countyCode((i * 37) % COUNTIES), seriesFrom, last),
    );
    const map = await timeRuns(MAP_RUNS, () => situationMap(ctx, last));
    const importRowsPerSecond = rows / importSeconds;
    return {
      importRowsPerSecond,
      baselineRowsPerSecond,
      importOverhead: baselineRowsPerSecond / importRowsPerSecond,
      seriesP50Ms: percentile(series, 50),
      seriesP99Ms: percentile(series, 99),
      mapP50Ms: percentile(map, 50),
      mapP99Ms: percentile(map, 99),
    };
  } finally {
    await handle.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const round = (value: number, digits = 1) => Number(value.toFixed(digits));

/** Import a year (full) or a month (quick) of 500 counties, then query series and map, on SQLite and PostgreSQL. */
export async function run(options: BenchOptions): Promise<void> {
  const days = options.size === 'full' ? 365 : 30;
  const results: Record<string, Figures> = {};
  results.sqlite = await benchOn('sqlite', undefined, days);
  results.postgres = await withPostgres((url) => benchOn('postgres', url, days));
  for (const [dialect, f] of Object.entries(results)) {
    process.stdout.write(
      `${dialect}: import ${round(f.importRowsPerSecond, 0)} rows/s vs baseline ${round(f.baselineRowsPerSecond, 0)} rows/s ` +
        `(overhead ×${round(f.importOverhead, 2)}); 90-day series p50 ${round(f.seriesP50Ms)} ms p99 ${round(f.seriesP99Ms)} ms; ` +
        `map p50 ${round(f.mapP50Ms)} ms p99 ${round(f.mapP99Ms)} ms\n`,
    );
  }
  if (options.json) {
    const pick = (key: keyof Figures) =>
      Object.fromEntries(Object.entries(results).map(([d, f]) => [d, round(f[key], 2)]));
    process.stdout.write(
      `${JSON.stringify({
        bench: 'situation',
        size: options.size,
        rows: days * COUNTIES,
        figures: {
          importRowsPerSecond: pick('importRowsPerSecond'),
          seriesP99Ms: pick('seriesP99Ms'),
          mapP99Ms: pick('mapP99Ms'),
        },
        baseline: { plainInsertRowsPerSecond: pick('baselineRowsPerSecond') },
        ratios: { baselineOverImport: pick('importOverhead') },
      })}\n`,
    );
  }
}
