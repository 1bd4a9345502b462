import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.js';

const options = { baseMs: 100, maxMs: 5_000 };

describe('backoffDelay', () => {
  it('retries at once when nothing has failed yet', () => {
    expect(backoffDelay(0, options, () => 0.99)).toBe(0);
  });

  it('doubles the ceiling with each failure', () => {
    const ceilings = [1, 2, 3, 4].map((failures) => backoffDelay(failures, options, () => 0.999_999));
    expect(ceilings).toEqual([99, 199, 399, 799]);
  });

  it('never waits longer than the cap, however many failures', () => {
    expect(backoffDelay(200, options, () => 0.999_999)).toBe(4_999);
  });

  it('draws the whole range from zero up to the ceiling (full jitter)', () => {
    expect(backoffDelay(3, options, () => 0)).toBe(0);
    expect(backoffDelay(3, options, () => 0.5)).toBe(200);
  });
});
