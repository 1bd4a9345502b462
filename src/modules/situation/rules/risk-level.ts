import type { CountyDayFigures } from './derived-figures.js';

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** When a county's figures raise its risk level; a threshold set to null is not applied. */
export interface RiskThresholds {
  /** 7-day incidence per 100,000 from which the level is at least medium. */
  mediumIncidence7Per100k: number | null;
  /** 7-day incidence per 100,000 from which the level is high. */
  highIncidence7Per100k: number | null;
  /** New local cases over 7 days from which the level is at least medium. */
  mediumNewLocal7: number | null;
  /** New local cases over 7 days from which the level is high. */
  highNewLocal7: number | null;
}

/**
 * Defaults, in the style of public-health traffic lights:
 * - high from 50 cases per 100,000 in 7 days: Germany's 2020 "hotspot" mark (IfSG §28a) and where the US CDC's
 *   "substantial" community transmission begins;
 * - medium from 10 per 100,000 in 7 days: where the CDC's "moderate" transmission begins;
 * - medium at least from the first new local case in 7 days: local transmission in a border county calls for
 *   tighter port controls even while incidence is low (as risk-area zoning does for areas with local cases);
 *   imported cases alone do not, as they are caught and isolated at entry.
 * No absolute-count mark for high: the incidence says that relative to the population.
 */
export const DEFAULT_RISK_THRESHOLDS: Readonly<RiskThresholds> = Object.freeze({
  mediumIncidence7Per100k: 10,
  highIncidence7Per100k: 50,
  mediumNewLocal7: 1,
  highNewLocal7: null,
});

/** The risk level the figures reach: the highest level any applicable threshold gives. */
export function riskLevel(
  figures: Pick<CountyDayFigures, 'incidence7Per100k' | 'newLocal7'>,
  thresholds: RiskThresholds = DEFAULT_RISK_THRESHOLDS,
): RiskLevel {
  const reaches = (value: number | null, threshold: number | null) =>
    value !== null && threshold !== null && value >= threshold;
  const incidence = figures.incidence7Per100k;
  if (
    reaches(incidence, thresholds.highIncidence7Per100k) ||
    reaches(figures.newLocal7, thresholds.highNewLocal7)
  ) {
    return 'high';
  }
  if (
    reaches(incidence, thresholds.mediumIncidence7Per100k) ||
    reaches(figures.newLocal7, thresholds.mediumNewLocal7)
  ) {
    return 'medium';
  }
  return 'low';
}

/** A day on which a county's risk level differs from the previous reported day's. */
export interface RiskChange {
  date: string;
  from: RiskLevel;
  to: RiskLevel;
}

/** The days of a series (oldest first) on which the risk level changed; the first day sets the level, it is no change. */
export function riskChanges(
  series: readonly Pick<CountyDayFigures, 'date' | 'incidence7Per100k' | 'newLocal7'>[],
  thresholds: RiskThresholds = DEFAULT_RISK_THRESHOLDS,
): RiskChange[] {
  const changes: RiskChange[] = [];
  let current: RiskLevel | undefined;
  for (const figures of series) {
    const level = riskLevel(figures, thresholds);
    if (current !== undefined && level !== current)
      changes.push({ date: figures.date, from: current, to: level });
    current = level;
  }
  return changes;
}
