import type { NormalisedName } from './normalise.js';
import { type PreparedIdentity, prepareIdentity, prepareNames, withPreparedFields } from './score.js';
import type { CrossingIdentity, WatchlistIdentity } from './types.js';

/** Distinct names remembered; the oldest is forgotten first. */
const CACHE_LIMIT = 50_000;
const namesByText = new Map<string, readonly NormalisedName[]>();

/**
 * Prepares a crossing for screening, reusing the normalised names of an earlier crossing with the same name
 * fields: travellers with common names, and the same people crossing again, make most names recur, and
 * transliterating them is most of a crossing's preparation. Reusing the very same name objects also reuses
 * what the scorer derives from them.
 */
export const prepareCrossing = (crossing: CrossingIdentity | WatchlistIdentity): PreparedIdentity => {
  if ('aliases' in crossing && crossing.aliases && crossing.aliases.length > 0)
    return prepareIdentity(crossing);
  const key = `${crossing.surname ?? ''}\u0000${crossing.givenNames ?? ''}\u0000${crossing.nativeName ?? ''}`;
  let names = namesByText.get(key);
  if (names === undefined) {
    names = prepareNames(crossing);
    if (namesByText.size >= CACHE_LIMIT) {
      const oldest = namesByText.keys().next();
      if (!oldest.done) namesByText.delete(oldest.value);
    }
    namesByText.set(key, names);
  }
  return withPreparedFields(crossing, names);
};
