import { listAll } from './client.js';
import type { Language, LocalisedNames } from './types.js';
import { localName } from './types.js';
import { type Resource, useResource } from './use-resource.js';

/** The directory's kinds of place an interception or operation names by code. */
export type PlaceKind = 'border-sections' | 'counties' | 'passes';

/** Names of border sections, counties and passes by code, one map per kind (codes may repeat across kinds). */
export type PlaceNames = Readonly<Record<PlaceKind, ReadonlyMap<string, LocalisedNames>>>;

interface NamedPlace {
  readonly code: string;
  readonly names: LocalisedNames;
}

const namesOf = (places: readonly NamedPlace[]): ReadonlyMap<string, LocalisedNames> =>
  new Map(places.map((place) => [place.code, place.names]));

/** Reads the border sections, counties and passes of the directory once, for naming places shown by code. */
export function usePlaceNames(): Resource<PlaceNames> {
  return useResource('place-names', async () => {
    const [sections, counties, passes] = await Promise.all(
      (['border-sections', 'counties', 'passes'] as const).map((kind) =>
        listAll<NamedPlace>(`/api/v1/directory/${kind}?limit=1000`),
      ),
    );
    return {
      'border-sections': namesOf(sections ?? []),
      counties: namesOf(counties ?? []),
      passes: namesOf(passes ?? []),
    };
  });
}

/** The reader's name of a place, or its code while the directory loads or when it does not know the code. */
export function placeName(
  places: Resource<PlaceNames>,
  kind: PlaceKind,
  code: string,
  language: Language,
): string {
  const names = places.status === 'ready' ? places.data[kind].get(code) : undefined;
  return names ? localName(names, language, code) : code;
}
