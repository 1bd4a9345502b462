import type { Ledger } from './ledger.js';

/** The statistics JSON of `borderlink report --format json`, as far as the check needs to know it. */
export interface ReportFigures {
  agency: string;
  unavailable?: string[];
  [section: string]: unknown;
}

export interface FigureCheck {
  figure: string;
  report: number | null;
  replay: number | null;
  ok: boolean;
}

// Labels of the report, not figures: they say which report it is, not what happened.
const NOT_FIGURES = new Set(['period', 'agency', 'timeZone', 'generatedAt', 'unavailable']);

/** The report the replay expects, in the statistics' own shape, from what it did and counted itself. */
export function expectedReport(ledger: Ledger): Record<string, unknown> {
  const { withDeadline, ...notifications } = ledger.notifications;
  const { requests: _requests, ...figures } = ledger;
  return {
    ...figures,
    notifications: {
      ...notifications,
      // The counterparts acknowledge everything we send on the day it arrives, so well within every deadline.
      acknowledgedWithinDeadlinePct: withDeadline === 0 ? null : 100,
    },
  };
}

/** Every numeric (or null) leaf of a report-shaped object, by dotted path. */
function leaves(value: unknown, prefix: string, out: Map<string, number | null>): Map<string, number | null> {
  if (typeof value === 'number' || value === null) out.set(prefix, value);
  else if (typeof value === 'object' && value !== undefined && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
      if (prefix === '' && NOT_FIGURES.has(key)) continue;
      leaves(inner, prefix ? `${prefix}.${key}` : key, out);
    }
  }
  return out;
}

/**
 * Every figure of the report next to the replay's own count, over the union of both: a figure only one side
 * has is a difference unless the other side's value is zero (breakdowns leave out empty keys), and every
 * figure of a section the node marks unavailable is a difference.
 */
export function compareFigures(report: ReportFigures, ledger: Ledger): FigureCheck[] {
  const reported = leaves(report, '', new Map());
  const replayed = leaves(expectedReport(ledger), '', new Map());
  const unavailable = new Set(report.unavailable ?? []);
  const paths = [...new Set([...reported.keys(), ...replayed.keys()])].sort();
  return paths.map((figure) => {
    const fromReport = reported.has(figure) ? (reported.get(figure) ?? null) : undefined;
    const fromReplay = replayed.has(figure) ? (replayed.get(figure) ?? null) : undefined;
    const section = figure.split('.')[0] ?? figure;
    const ok =
      !unavailable.has(section) &&
      (fromReport === fromReplay ||
        (fromReport === undefined && fromReplay === 0) ||
        (fromReplay === undefined && fromReport === 0));
    return { figure, report: fromReport ?? null, replay: fromReplay ?? null, ok };
  });
}

/** The comparison as aligned text lines. */
export function formatChecks(checks: readonly FigureCheck[]): string {
  const width = Math.max(...checks.map((c) => c.figure.length));
  return checks
    .map(
      (c) =>
        `${c.ok ? 'ok  ' : 'DIFF'}  ${c.figure.padEnd(width)}  report ${String(c.report ?? '—').padStart(8)}  replay ${String(c.replay ?? '—').padStart(8)}`,
    )
    .join('\n');
}
