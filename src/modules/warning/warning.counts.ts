import type { Db } from '../../core/db/database.js';

type Counts = Record<string, number>;

export interface HitCounts {
  total: number;
  byStatus: Counts;
  byAction: Counts;
  byPort: Counts;
  byDirection: Counts;
}

export interface CrossingCounts {
  total: number;
  byDirection: Counts;
  byPort: Counts;
}

const add = (map: Counts, key: string | null, n: number) => {
  const name = key ?? 'none';
  map[name] = (map[name] ?? 0) + n;
};

/** Watchlist (identity) hits raised at crossings in [from, to), by status, action, port and direction. */
export async function countHits(db: Db, window: { from: string; to: string }): Promise<HitCounts> {
  const rows = await db
    .selectFrom('warning_hits')
    .select(['status', 'action', 'port_code', 'direction', (eb) => eb.fn.countAll<number>().as('n')])
    .where('crossed_at', '>=', window.from)
    .where('crossed_at', '<', window.to)
    .where('kind', '=', 'identity')
    .where('crossing_kind', '=', 'actual')
    .groupBy(['status', 'action', 'port_code', 'direction'])
    .execute();
  const counts: HitCounts = { total: 0, byStatus: {}, byAction: {}, byPort: {}, byDirection: {} };
  for (const row of rows) {
    const n = Number(row.n);
    counts.total += n;
    add(counts.byStatus, row.status, n);
    if (row.action) add(counts.byAction, row.action, n);
    add(counts.byPort, row.port_code, n);
    add(counts.byDirection, row.direction, n);
  }
  return counts;
}

/** Crossings screened in [from, to) (expected crossings from passenger lists excluded), by direction and port. */
export async function countCrossings(db: Db, window: { from: string; to: string }): Promise<CrossingCounts> {
  const rows = await db
    .selectFrom('warning_crossings')
    .select(['direction', 'port_code', (eb) => eb.fn.countAll<number>().as('n')])
    .where('kind', '=', 'actual')
    .where('crossed_at', '>=', window.from)
    .where('crossed_at', '<', window.to)
    .groupBy(['direction', 'port_code'])
    .execute();
  const counts: CrossingCounts = { total: 0, byDirection: {}, byPort: {} };
  for (const row of rows) {
    const n = Number(row.n);
    counts.total += n;
    add(counts.byDirection, row.direction, n);
    add(counts.byPort, row.port_code, n);
  }
  return counts;
}
