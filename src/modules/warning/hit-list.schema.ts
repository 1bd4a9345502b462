import { type Static, Type } from '@sinclair/typebox';
import { Hit } from './warning.schema.js';

const Name = Type.Union([Type.String(), Type.Null()]);

/**
 * Who the desk is looking at: the traveller's name as recorded on the crossing. Null once retention purged the
 * crossing's identity, so a client can say "no longer held" rather than show blank names.
 */
export const HitTraveller = Type.Object({ surname: Name, givenNames: Name, nativeName: Name });
export type HitTraveller = Static<typeof HitTraveller>;

/** A hit as the desk's lists show it: the hit, the traveller's name and the watchlisted entry's category. */
export const ListedHit = Type.Composite([
  Hit,
  Type.Object({
    traveller: Type.Union([HitTraveller, Type.Null()]),
    entryCategory: Type.Union([Type.String(), Type.Null()], {
      description: 'null for a rule hit, or once the entry is deleted or expired',
    }),
  }),
]);
export type ListedHit = Static<typeof ListedHit>;
