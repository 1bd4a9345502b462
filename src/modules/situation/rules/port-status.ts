import { invalid } from '../../../core/errors.js';

export const PORT_STATUSES = ['open', 'cargo_only', 'passengers_restricted', 'closed'] as const;
export type PortStatus = (typeof PORT_STATUSES)[number];

/** Which test a traveller must show; the same codes as the `port.policy` notification body. */
export const TEST_REQUIREMENTS = ['none', 'antigen', 'pcr'] as const;
export type TestRequirement = (typeof TEST_REQUIREMENTS)[number];

/** Control measures in force at a port, in the terms of the `port.policy` notification body. */
export interface PortMeasures {
  testRequired?: TestRequirement;
  quarantineDays?: number;
  /** Opening hours as the port states them, e.g. `08:00-18:00`. */
  openingHours?: string;
  notes?: string;
}

/** One recorded version of a port's control status, effective over a range of dates. */
export interface PortStatusVersion {
  status: PortStatus;
  measures: PortMeasures;
  /** First day in force, `YYYY-MM-DD`. */
  effectiveFrom: string;
  /** Last day in force, inclusive, `YYYY-MM-DD`; open-ended when absent. */
  effectiveTo?: string | null;
  /** When this version was recorded, an ISO 8601 instant. */
  recordedAt: string;
}

const DAY_MS = 86_400_000;

/** Whether a port's last update (ISO instant, or none at all) is more than `maxDays` days before `now`. */
export function isStale(lastUpdateIso: string | null | undefined, now: Date, maxDays: number): boolean {
  if (!lastUpdateIso) return true;
  const lastUpdate = Date.parse(lastUpdateIso);
  if (Number.isNaN(lastUpdate)) {
    throw invalid('situation.bad_timestamp', `${JSON.stringify(lastUpdateIso)} is not an ISO 8601 instant`);
  }
  return now.getTime() - lastUpdate > maxDays * DAY_MS;
}

/**
 * The port status in force on `date` (`YYYY-MM-DD`): of the versions effective that day, the one recorded last
 * (on a tie, the one effective from later, then the later in the list). Null when none is effective.
 */
export function portStatusAsOf<V extends PortStatusVersion>(versions: readonly V[], date: string): V | null {
  let inForce: V | null = null;
  for (const version of versions) {
    const effective = version.effectiveFrom <= date && (!version.effectiveTo || date <= version.effectiveTo);
    if (effective && (!inForce || supersedes(version, inForce))) inForce = version;
  }
  return inForce;
}

function supersedes(candidate: PortStatusVersion, current: PortStatusVersion): boolean {
  const byRecording = Date.parse(candidate.recordedAt) - Date.parse(current.recordedAt);
  if (byRecording !== 0) return byRecording > 0;
  return candidate.effectiveFrom >= current.effectiveFrom;
}
