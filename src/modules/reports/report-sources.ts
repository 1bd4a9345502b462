/**
 * What the report engine needs from the other modules: aggregate counts for a period, never rows and never
 * personal data. Each module answers from its own tables through its service; the composition root builds
 * one `ReportSources` (see `moduleReportSources`) and hands it to the reports routes and CLI.
 */

/** The span a count covers: UTC instants (start inclusive, end exclusive) and the local dates they map to. */
export interface CountWindow {
  readonly startsAt: string;
  readonly endsAt: string;
  /** First local day of the agency, for records kept by date (liaison contacts). */
  readonly from: string;
  /** Last local day (inclusive). */
  readonly to: string;
}

export type Counts = Record<string, number>;

/** Events and the persons they involved, for breakdowns of interceptions. */
export interface Tally {
  events: number;
  persons: number;
}

export interface SentReceived {
  sent: number;
  received: number;
}

export interface CounterpartAgency {
  code: string;
  country: string;
}

export interface NotificationCounts {
  /** Our notifications sent in the period (each counted once, however many recipients). */
  sent: number;
  /** Counterparts' notifications received in the period. */
  received: number;
  byType: Record<string, SentReceived>;
  /** Per counterpart: sent counts each recipient, received counts each sender. */
  byCounterpart: Record<string, SentReceived>;
  /** Outgoing recipients with an acknowledgement deadline. */
  withDeadline: number;
  acknowledgedWithinDeadline: number;
  /** Outgoing recipients past their deadline without an acknowledgement. */
  overdue: number;
}

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

export interface InterceptionCounts {
  events: number;
  persons: number;
  byOutcome: Record<string, Tally>;
  byDirection: Record<string, Tally>;
  byNationality: Record<string, Tally>;
  byPass: Record<string, Tally>;
  byCounty?: Record<string, Tally>;
}

export interface OperationCounts {
  total: number;
  byKind: Counts;
  byStatus: Counts;
}

export interface HandoverCounts {
  total: number;
  byStatus: Counts;
  byCounterpart?: Counts;
}

export interface LiaisonCounts {
  total: number;
  byChannel: Counts;
  byParty: Counts;
}

/**
 * The counts each module provides to reports; every function covers one period. A section whose module
 * provides no count (not installed, or not wired yet) is listed in the report's `unavailable` instead of
 * being reported as zero.
 */
export interface ReportSources {
  counterparts(): Promise<CounterpartAgency[]>;
  notifications?(window: CountWindow, now: Date): Promise<NotificationCounts>;
  hits?(window: CountWindow): Promise<HitCounts>;
  crossings?(window: CountWindow): Promise<CrossingCounts>;
  interceptions?(window: CountWindow): Promise<InterceptionCounts>;
  operations?(window: CountWindow): Promise<OperationCounts>;
  handovers?(window: CountWindow): Promise<HandoverCounts>;
  liaison?(window: CountWindow): Promise<LiaisonCounts>;
}

export const SECTIONS = [
  'notifications',
  'hits',
  'crossings',
  'interceptions',
  'operations',
  'handovers',
  'liaison',
] as const;
export type Section = (typeof SECTIONS)[number];
