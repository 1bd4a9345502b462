import type { Ledger } from './ledger.js';

/** The report's figures the replay can vouch for, read from the `borderlink report --format json` shape. */
export interface ReportFigures {
  unavailable?: string[];
  notifications: { sent: number; received: number };
  interceptions: { events: number; persons: number };
  operations: { patrols: number; lawEnforcement: number; exercises: number };
  handovers: { requested: number };
  hits: { total: number; confirmed: number; dismissed: number };
  crossings: { total: number };
  liaison: { letters: number; calls: number; meetings: number };
}

export interface FigureCheck {
  figure: string;
  report: number | null;
  replay: number;
  ok: boolean;
}

/** Every report figure next to the count the replay made itself; a section the node left out is a mismatch. */
export function compareFigures(report: ReportFigures, ledger: Ledger): FigureCheck[] {
  const pairs: Array<[string, string, number | undefined, number]> = [
    ['notifications', 'notifications.sent', report.notifications?.sent, ledger.notifications.sent],
    [
      'notifications',
      'notifications.received',
      report.notifications?.received,
      ledger.notifications.received,
    ],
    ['interceptions', 'interceptions.events', report.interceptions?.events, ledger.interceptions.events],
    ['interceptions', 'interceptions.persons', report.interceptions?.persons, ledger.interceptions.persons],
    ['liaison', 'liaison.letters', report.liaison?.letters, ledger.liaison.letters],
    ['liaison', 'liaison.calls', report.liaison?.calls, ledger.liaison.calls],
    ['liaison', 'liaison.meetings', report.liaison?.meetings, ledger.liaison.meetings],
    ['operations', 'operations.patrols', report.operations?.patrols, ledger.operations.patrols],
    [
      'operations',
      'operations.lawEnforcement',
      report.operations?.lawEnforcement,
      ledger.operations.lawEnforcement,
    ],
    ['operations', 'operations.exercises', report.operations?.exercises, ledger.operations.exercises],
    ['handovers', 'handovers.requested', report.handovers?.requested, ledger.handovers.requested],
    ['hits', 'hits.total', report.hits?.total, ledger.hits.total],
    ['hits', 'hits.confirmed', report.hits?.confirmed, ledger.hits.confirmed],
    ['hits', 'hits.dismissed', report.hits?.dismissed, ledger.hits.dismissed],
    ['crossings', 'crossings.total', report.crossings?.total, ledger.crossings.total],
  ];
  const unavailable = new Set(report.unavailable ?? []);
  return pairs.map(([section, figure, reported, replayed]) => {
    const value = unavailable.has(section) || reported === undefined ? null : reported;
    return { figure, report: value, replay: replayed, ok: value === replayed };
  });
}

/** The comparison as aligned text lines. */
export function formatChecks(checks: readonly FigureCheck[]): string {
  const width = Math.max(...checks.map((c) => c.figure.length));
  return checks
    .map(
      (c) =>
        `${c.ok ? 'ok  ' : 'DIFF'}  ${c.figure.padEnd(width)}  report ${String(c.report ?? 'unavailable').padStart(11)}  replay ${String(c.replay).padStart(6)}`,
    )
    .join('\n');
}
