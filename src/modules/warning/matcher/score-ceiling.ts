import { type PreparedIdentity, scorePrepared } from './score.js';

/** The query with its names left out: scored against an entry, it yields the evidence of every other field. */
export const withoutNames = (query: PreparedIdentity): PreparedIdentity => ({ ...query, names: [] });

/**
 * The highest score an entry can reach against a query, whatever their names: the other fields' evidence is
 * exact and cheap (no name comparison), and names add at most 1. `bare` is the query `withoutNames`.
 */
export const scoreCeiling = (bare: PreparedIdentity, entry: PreparedIdentity): number => {
  let others = 0;
  for (const field of scorePrepared(bare, entry).explanation) others += field.weight;
  // a hair above the bound so summing in another order than the scorer never puts it just below
  return Math.min(1, 1 + others) + 1e-9;
};
