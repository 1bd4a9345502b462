import { currentLanguage } from '../i18n/i18n.js';
import { listAll } from './client.js';
import type { Language, LocalisedNames } from './types.js';
import { localName } from './types.js';
import { type Resource, useResource } from './use-resource.js';

/** The directory's kinds of place a record names by code (an interception, an operation, a crossing). */
export type PlaceKind = 'border-sections' | 'counties' | 'passes' | 'ports';

/**
 * Names of the directory's places by code, one map per kind (codes may repeat across kinds), and the country of
 * each port: the directory lists the ports facing ours across the border too.
 */
export type PlaceNames = Readonly<Record<PlaceKind, ReadonlyMap<string, LocalisedNames>>> & {
  readonly portCountries: ReadonlyMap<string, string>;
};

interface NamedPlace {
  readonly code: string;
  readonly country: string;
  readonly names: LocalisedNames;
}

const namesOf = (places: readonly NamedPlace[]): ReadonlyMap<string, LocalisedNames> =>
  new Map(places.map((place) => [place.code, place.names]));

// The directory's names are read once per page load and shared by every component that names places: an alert
// card, each explanation row and each form would otherwise read the same four lists again.
let loading: Promise<PlaceNames> | undefined;

const loadPlaceNames = (): Promise<PlaceNames> => {
  if (loading !== undefined) return loading;
  loading = (async () => {
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
      portCountries: new Map((ports ?? []).map((port) => [port.code, port.country])),
    };
  })();
  // a read that failed (signed out, offline) is tried again by the next component that asks
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
};

/** The places of the directory by kind and code, for naming places shown by code. */
export function usePlaceNames(): Resource<PlaceNames> {
  return useResource('place-names', loadPlaceNames);
}

/**
 * Names a place shown by code in the reader's language (alerts, crossings and interceptions carry only codes);
 * its code while the directory loads or when it does not know the code.
 */
export function usePlaceName(): (kind: PlaceKind, code: string) => string {
  const places = usePlaceNames();
  const language: Language = currentLanguage();
  return (kind, code) => {
    const names = places.status === 'ready' ? places.data[kind].get(code) : undefined;
    return names ? localName(names, language, code) : code;
  };
}
