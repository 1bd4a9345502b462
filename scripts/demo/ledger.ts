import type { AgencyCode } from './topology.js';

/** What the replay itself did, counted from the side of the reporting agency (CN-NIA). */
export interface Ledger {
  notifications: {
    sent: number;
    received: number;
    byType: Record<string, { sent: number; received: number }>;
  };
  interceptions: { events: number; persons: number };
  operations: { patrols: number; lawEnforcement: number; exercises: number };
  handovers: { requested: number };
  hits: { total: number; confirmed: number; dismissed: number };
  crossings: { total: number };
  liaison: { letters: number; calls: number; meetings: number };
  /** Requests made to all nodes, for the timing line. */
  requests: number;
}

/** An empty ledger. */
export function newLedger(): Ledger {
  return {
    notifications: { sent: 0, received: 0, byType: {} },
    interceptions: { events: 0, persons: 0 },
    operations: { patrols: 0, lawEnforcement: 0, exercises: 0 },
    handovers: { requested: 0 },
    hits: { total: 0, confirmed: 0, dismissed: 0 },
    crossings: { total: 0 },
    liaison: { letters: 0, calls: 0, meetings: 0 },
    requests: 0,
  };
}

/** Counts one notification sent by `from` to `to`, as the reporting agency sees it. */
export function countNotification(
  ledger: Ledger,
  reporting: AgencyCode,
  from: AgencyCode,
  to: readonly string[],
  type: string,
): void {
  const entry = ledger.notifications.byType[type] ?? { sent: 0, received: 0 };
  if (from === reporting) {
    ledger.notifications.sent += 1;
    entry.sent += 1;
  } else if (to.includes(reporting)) {
    ledger.notifications.received += 1;
    entry.received += 1;
  }
  ledger.notifications.byType[type] = entry;
}
