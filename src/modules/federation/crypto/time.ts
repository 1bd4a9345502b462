/** An ISO-8601 UTC instant as every signed object carries it (the fixed-width form of `nowIso`, `Z` only). */
export const ISO_INSTANT_PATTERN = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z$';

const isoInstant = new RegExp(ISO_INSTANT_PATTERN);

/** Milliseconds since the epoch, or `undefined` when the text is not an ISO UTC instant of a real date. */
export function parseInstant(text: string): number | undefined {
  if (!isoInstant.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}
