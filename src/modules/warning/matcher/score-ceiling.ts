import type { FieldEvidence } from './types.js';

/**
 * The highest score an entry can reach, whatever the names: `others` is the evidence of its other fields
 * (`otherEvidence`), exact and cheap, and names add at most 1.
 */
export const scoreCeiling = (others: readonly FieldEvidence[]): number => {
  let sum = 0;
  for (const field of others) sum += field.weight;
  // a hair above the bound so summing in another order than the scorer never puts it just below
  return Math.min(1, 1 + sum) + 1e-9;
};

/**
 * Whether an entry with this ceiling can score above `score`. Scores are rounded to thousandths, so below
 * half a thousandth over `score` the best it can do is tie.
 */
export const mayExceed = (ceiling: number, score: number): boolean => ceiling >= score + ROUNDING;

/** Whether an entry with this ceiling can score at least `score` (tie it, at worst). */
export const mayReach = (ceiling: number, score: number): boolean => ceiling >= score - ROUNDING;

/** Half a thousandth: scores closer than this to one another round to the same figure. */
const ROUNDING = 0.0005;
