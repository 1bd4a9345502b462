import { useUser } from '../auth/session.js';
import { isoDayIn } from '../i18n/format.js';
import { api } from './client.js';
import type { Agency, Page } from './types.js';
import { type Resource, useResource } from './use-resource.js';

/** Every agency in the directory (own, counterparts, international bodies). */
export function useAgencies(): Resource<readonly Agency[]> {
  return useResource('agencies', () =>
    api<Page<Agency>>('GET', '/api/v1/directory/agencies').then((page) => page.items),
  );
}

/** The signed-in officer's own agency, once the directory has answered. */
export function useOwnAgency(): Agency | undefined {
  const user = useUser();
  const agencies = useAgencies();
  return agencies.status === 'ready' ? agencies.data.find((a) => a.code === user.agencyCode) : undefined;
}

/** Today's date at the own agency (its time zone decides when a reporting day starts). */
export function agencyToday(agency: Agency | undefined): string {
  return isoDayIn(new Date(), agency?.timeZone);
}
