import type { AgencyCode } from './topology.js';

export type Counts = Record<string, number>;
export type Tallies = Record<string, { events: number; persons: number }>;
export type SentReceived = Record<string, { sent: number; received: number }>;

/**
 * What the replay itself did, counted from the side of the reporting agency (CN-NIA), in the shape of the
 * report's statistics so that every figure has its counterpart here.
 */
export interface Ledger {
  counterparts: number;
  counterpartCountries: number;
  notifications: {
    sent: number;
    received: number;
    byType: SentReceived;
    byCounterpart: SentReceived;
    /** Recipients of our notifications (each carries a deadline); the counterparts acknowledge all of them. */
    withDeadline: number;
    overdue: number;
  };
  hits: {
    total: number;
    confirmed: number;
    dismissed: number;
    open: number;
    byAction: Counts;
    byPort: Counts;
    byDirection: Counts;
  };
  crossings: { total: number; byDirection: Counts; byPort: Counts };
  interceptions: {
    events: number;
    persons: number;
    byOutcome: Tallies;
    byDirection: Tallies;
    byNationality: Tallies;
    byPass: Tallies;
  };
  operations: { patrols: number; lawEnforcement: number; exercises: number; byStatus: Counts };
  handovers: { requested: number; accepted: number; done: number; byStatus: Counts; byCounterpart: Counts };
  liaison: { letters: number; calls: number; meetings: number; byParty: Counts };
  /** Requests made to all nodes, for the timing line. */
  requests: number;
}

/** An empty ledger. */
export function newLedger(): Ledger {
  return {
    counterparts: 0,
    counterpartCountries: 0,
    notifications: { sent: 0, received: 0, byType: {}, byCounterpart: {}, withDeadline: 0, overdue: 0 },
    hits: { total: 0, confirmed: 0, dismissed: 0, open: 0, byAction: {}, byPort: {}, byDirection: {} },
    crossings: { total: 0, byDirection: {}, byPort: {} },
    interceptions: { events: 0, persons: 0, byOutcome: {}, byDirection: {}, byNationality: {}, byPass: {} },
    operations: { patrols: 0, lawEnforcement: 0, exercises: 0, byStatus: {} },
    handovers: { requested: 0, accepted: 0, done: 0, byStatus: {}, byCounterpart: {} },
    liaison: { letters: 0, calls: 0, meetings: 0, byParty: {} },
    requests: 0,
  };
}

/** Adds `by` to one key of a breakdown. */
export function bump(counts: Counts, key: string, by = 1): void {
  counts[key] = (counts[key] ?? 0) + by;
}

/** Adds one event of `persons` persons to one key of a tally. */
export function tally(tallies: Tallies, key: string, persons: number): void {
  const entry = tallies[key] ?? { events: 0, persons: 0 };
  entry.events += 1;
  entry.persons += persons;
  tallies[key] = entry;
}

const sentReceived = (map: SentReceived, key: string) => {
  const entry = map[key] ?? { sent: 0, received: 0 };
  map[key] = entry;
  return entry;
};

/**
 * Counts one notification sent by `from` to `to`, as the reporting agency sees it: ours once however many
 * recipients (and each recipient for the per-counterpart figure), theirs once when we are among the recipients.
 */
export function countNotification(
  ledger: Ledger,
  reporting: AgencyCode,
  from: AgencyCode,
  to: readonly string[],
  type: string,
): void {
  const n = ledger.notifications;
  if (from === reporting) {
    n.sent += 1;
    sentReceived(n.byType, type).sent += 1;
    for (const agency of to) sentReceived(n.byCounterpart, agency).sent += 1;
    n.withDeadline += to.length;
  } else if (to.includes(reporting)) {
    n.received += 1;
    sentReceived(n.byType, type).received += 1;
    sentReceived(n.byCounterpart, from).received += 1;
  }
}
