import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { type Kysely, sql } from 'kysely';
import { SYSTEM_ACTOR } from '../src/core/auth/roles.js';
import { type Database, type DialectName, openDatabase } from '../src/core/db/database.js';
import { migrateToLatest } from '../src/core/db/migrate.js';
import { ensureOwnAgency } from '../src/modules/directory/directory.service.js';
import { moduleReportSources } from '../src/modules/reports/module-sources.js';
import type { CountWindow, ReportSources } from '../src/modules/reports/report-sources.js';
import type { Statistics } from '../src/modules/reports/reports.schema.js';
import { statistics } from '../src/modules/reports/reports.service.js';
import { withPostgres } from '../test/support/embedded-postgres.js';
import type { BenchOptions } from './run.js';

/*
 * The half-year report over a year of crossings and interceptions (10 million rows; quick: 1 million),
 * p50 on SQLite and PostgreSQL. Baseline in the same run: one `SELECT count(*)` over the largest table.
 *
 * The report is timed through `moduleReportSources`, the modules' count functions as the routes and the CLI
 * use them, so the figure is the product's. Rows are generated in SQL straight into the owners' tables: a
 * benchmark fixture, not a path the product takes.
 */

const SIZES = { quick: 1_000_000, full: 10_000_000 } as const;
/** Crossings outnumber interceptions at a real border by far more; 70/30 keeps both tables large. */
const CROSSING_SHARE = 0.7;
const AGENCY = 'CN-NIA';
const YEAR_SECONDS = 365 * 86_400;
const log = (line: string) => process.stderr.write(`${line}\n`);

type Db = Kysely<Database>;

async function generate(
  db: Db,
  dialect: DialectName,
  crossings: number,
  interceptions: number,
): Promise<void> {
  const crossingStep = YEAR_SECONDS / crossings;
  const interceptionStep = YEAR_SECONDS / interceptions;
  const batch = 250_000;
  for (let first = 0; first < crossings; first += batch) {
    const last = Math.min(crossings, first + batch) - 1;
    await sql
      .raw(
        dialect === 'postgres'
          ? `insert into warning_crossings (id, kind, direction, port_code, crossed_at, verdict, score, source, created_by, created_at)
             select 'c' || n, 'actual', case when n % 2 = 0 then 'entry' else 'exit' end, 'PORT' || (n % 12),
               to_char(timestamp '2021-01-01' + n * interval '${crossingStep} seconds', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
               'clear', 0, 'bulk', 'bench', '2021-01-01T00:00:00.000Z'
             from generate_series(${first}, ${last}) as n`
          : `with recursive seq(n) as (select ${first} union all select n + 1 from seq where n < ${last})
             insert into warning_crossings (id, kind, direction, port_code, crossed_at, verdict, score, source, created_by, created_at)
             select 'c' || n, 'actual', case when n % 2 = 0 then 'entry' else 'exit' end, 'PORT' || (n % 12),
               strftime('%Y-%m-%dT%H:%M:%fZ', julianday('2021-01-01') + n * ${crossingStep} / 86400.0),
               'clear', 0, 'bulk', 'bench', '2021-01-01T00:00:00.000Z'
             from seq`,
      )
      .execute(db);
  }
  const outcome = `case n % 5 when 0 then 'detained' when 1 then 'handed_over' when 2 then 'sent_to_quarantine' else 'persuaded_to_return' end`;
  const nationality = `case n % 4 when 0 then 'MNG' when 1 then 'VNM' when 2 then 'CHN' else null end`;
  for (let first = 0; first < interceptions; first += batch) {
    const last = Math.min(interceptions, first + batch) - 1;
    const columns = `id, occurred_at, lon, lat, border_section_code, county_code, pass_code, pass_distance_km, persons_count,
      nationality, direction, reason, outcome, merged_into, created_by, created_at, updated_at`;
    const values = (occurredAt: string) =>
      `'i' || n, ${occurredAt}, 100.5, 42.5, 'S' || (n % 3), 'C' || (n % 6), 'P' || (n % 20), 0.5, 1 + n % 4,
       ${nationality}, case when n % 3 = 0 then 'attempted_entry' else 'attempted_exit' end, 'illegal_crossing_attempt',
       ${outcome}, case when n % 100 = 7 then 'i' || (n - 1) else null end, 'bench', '2021-01-01T00:00:00.000Z',
       '2021-01-01T00:00:00.000Z'`;
    await sql
      .raw(
        dialect === 'postgres'
          ? `insert into interceptions (${columns})
             select ${values(`to_char(timestamp '2021-01-01' + n * interval '${interceptionStep} seconds', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`)}
             from generate_series(${first}, ${last}) as n`
          : `with recursive seq(n) as (select ${first} union all select n + 1 from seq where n < ${last})
             insert into interceptions (${columns})
             select ${values(`strftime('%Y-%m-%dT%H:%M:%fZ', julianday('2021-01-01') + n * ${interceptionStep} / 86400.0)`)}
             from seq`,
      )
      .execute(db);
  }
  await sql.raw(dialect === 'postgres' ? 'vacuum analyze' : 'analyze').execute(db);
}

/**
 * The report's counts checked against plain SQL over the same window, so a fast report cannot be a wrong one.
 * The window is the one the report engine computes, caught once outside the timed runs.
 */
async function checkFigures(db: Db, report: (sources: ReportSources) => Promise<Statistics>): Promise<void> {
  const wired = moduleReportSources(db);
  let window: CountWindow | undefined;
  const stats = await report({
    ...wired,
    interceptions: (counted) => {
      window = counted;
      if (!wired.interceptions) throw new Error('the operations module provides no interception counts');
      return wired.interceptions(counted);
    },
  });
  if (!window) throw new Error('the report asked for no interception counts');
  const interceptions = await db
    .selectFrom('interceptions')
    .select([
      (eb) => eb.fn.countAll<number>().as('events'),
      (eb) => eb.fn.sum<number>('persons_count').as('persons'),
    ])
    .where('merged_into', 'is', null)
    .where('occurred_at', '>=', window.startsAt)
    .where('occurred_at', '<', window.endsAt)
    .executeTakeFirstOrThrow();
  const crossings = await db
    .selectFrom('warning_crossings')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .where('kind', '=', 'actual')
    .where('crossed_at', '>=', window.startsAt)
    .where('crossed_at', '<', window.endsAt)
    .executeTakeFirstOrThrow();
  const expected = [Number(interceptions.events), Number(interceptions.persons), Number(crossings.total)];
  const reported = [stats.interceptions.events, stats.interceptions.persons, stats.crossings.total];
  if (expected.join() !== reported.join() || expected.includes(0)) {
    throw new Error(
      `the report says ${reported.join('/')} (events/persons/crossings), SQL says ${expected.join('/')}`,
    );
  }
}

/** Median time of `runs` runs, and what the last run returned. */
async function p50<T>(runs: number, work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const times: number[] = [];
  let result: T | undefined;
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    result = await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  if (result === undefined) throw new Error('p50 needs at least one run');
  return { ms: times[Math.floor((times.length - 1) / 2)] ?? Number.NaN, result };
}

interface Figures {
  baselineCountMs: number;
  reportMs: number;
  persons: number;
}

async function benchOn(
  dialect: DialectName,
  databaseUrl: string | undefined,
  rows: number,
): Promise<Figures> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'borderlink-bench-reports-'));
  const handle = openDatabase({ databaseUrl, dataDir });
  try {
    await migrateToLatest(handle.db);
    await ensureOwnAgency(handle.db, SYSTEM_ACTOR, AGENCY);
    const crossings = Math.round(rows * CROSSING_SHARE);
    const started = performance.now();
    await generate(handle.db, dialect, crossings, rows - crossings);
    log(
      `${dialect}: generated ${crossings} crossings and ${rows - crossings} interceptions in ${Math.round((performance.now() - started) / 1000)} s`,
    );
    const baseline = await p50(5, () => sql`select count(*) from warning_crossings`.execute(handle.db));
    log(`${dialect}: baseline count(*) p50 ${Math.round(baseline.ms)} ms`);
    const request = { period: '2021-H1' };
    const report = (sources: ReportSources) =>
      statistics({ db: handle.db, agency: AGENCY, sources }, request);
    await checkFigures(handle.db, report);
    const product = await p50(5, () => report(moduleReportSources(handle.db)));
    log(`${dialect}: report p50 ${Math.round(product.ms)} ms`);
    return {
      baselineCountMs: baseline.ms,
      reportMs: product.ms,
      persons: product.result.interceptions.persons,
    };
  } finally {
    await handle.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const round = (value: number, digits = 1) => Number(value.toFixed(digits));

/** The half-year report over a year of crossings and interceptions, on SQLite and PostgreSQL. */
export async function run(options: BenchOptions): Promise<void> {
  const rows = SIZES[options.size];
  const results: Record<string, Figures> = {};
  results.sqlite = await benchOn('sqlite', undefined, rows);
  results.postgres = await withPostgres((url) => benchOn('postgres', url, rows));
  for (const [dialect, f] of Object.entries(results)) {
    process.stdout.write(
      `${dialect}: H1 report over ${rows} rows (${f.persons} persons intercepted): p50 ${round(f.reportMs)} ms; ` +
        `baseline count(*) p50 ${round(f.baselineCountMs)} ms (×${round(f.reportMs / f.baselineCountMs)})\n`,
    );
  }
  if (options.json) {
    const pick = (key: 'baselineCountMs' | 'reportMs') =>
      Object.fromEntries(Object.entries(results).map(([d, f]) => [d, round(f[key], 1)]));
    process.stdout.write(
      `${JSON.stringify({
        bench: 'reports',
        size: options.size,
        rows,
        figures: { reportP50Ms: pick('reportMs') },
        baseline: { countAllP50Ms: pick('baselineCountMs') },
        ratios: {
          reportOverBaseline: Object.fromEntries(
            Object.entries(results).map(([d, f]) => [d, round(f.reportMs / f.baselineCountMs, 2)]),
          ),
        },
      })}\n`,
    );
  }
}
