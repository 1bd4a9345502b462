/**
 * Exponential backoff with full jitter: a random delay between 0 and min(cap, base·2^(failures-1)). Full jitter
 * spreads the retries of many senders that failed together (a peer coming back) instead of synchronising them.
 */
export function backoffDelay(
  failures: number,
  options: { baseMs: number; maxMs: number },
  random: () => number = Math.random,
): number {
  if (failures <= 0) return 0;
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.min(failures - 1, 40));
  return Math.floor(random() * ceiling);
}
