import { currentLanguage } from '../i18n/i18n.js';
import { listAll } from './client.js';
import type { Language, LocalisedNames } from './types.js';
import { localName } from './types.js';
import { type Resource, useResource } from './use-resource.js';

/** The directory's kinds of place a record names by code (an interception, an operation, a crossing). */
export type PlaceKind = 'border-sections' | 'counties' | 'passes' | 'ports';

/** Names of the directory's places by code, one map per kind (codes may repeat across kinds). */
export type PlaceNames = Readonly<Record<PlaceKind, ReadonlyMap<string, LocalisedNames>>>;

interface NamedPlace {
  readonly code: string;
  readonly names: LocalisedNames;
}

const namesOf = (places: readonly NamedPlace[]): ReadonlyMap<string, LocalisedNames> =>
  new Map(places.map((place) => [place.code, place.names]));

/** Reads the places of the directory once, for naming places shown by code. */
export function usePlaceNames(): Resource<PlaceNames> {
  return useResource('place-names', async () => {
    const [sections, counties, passes, ports] = await Promise.all(
      (['border-sections', 'counties', 'passes', 'ports'] as const).map((kind) =>
        listAll<NamedPlace>(`/api/v1/directory/${kind}?limit=1000`),
      ),
    );
    return {
      'border-sections': namesOf(sections ?? []),
      counties: namesOf(counties ?? []),
      passes: namesOf(passes ?? []),
      ports: namesOf(ports ?? []),
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

/** Names a port shown by code in the reader's language: alerts and crossings carry only the code. */
export function usePortName(): (code: string) => string {
  const places = usePlaceNames();
  const language = currentLanguage();
  return (code) => placeName(places, 'ports', code, language);
}
