import type { ApiClient } from '../../../../test/support/http-client.js';
import { SYSTEM_ACTOR } from '../../../core/auth/roles.js';
import type { Db } from '../../../core/db/database.js';
import { createAgency, saveGeography } from '../../directory/directory.service.js';
import type { CountyDayInput } from '../situation.schema.js';

export const COUNTERPART = 'MN-GABP';

/** Two of our counties (one mirrored), one of theirs, a port pair and the counterpart agency. */
export async function seedBorder(db: Db): Promise<void> {
  await createAgency(db, SYSTEM_ACTOR, {
    code: COUNTERPART,
    kind: 'counterpart',
    country: 'MN',
    names: { en: 'General Authority for Border Protection' },
    language: 'ru',
    timeZone: 'Asia/Ulaanbaatar',
  });
  await saveGeography(db, SYSTEM_ACTOR, 'border_sections', {
    code: 'CN-MN-1',
    country: 'CN',
    neighbourCountry: 'MN',
    names: { en: 'Section 1' },
  });
  const square = (lon: number) => ({
    type: 'Polygon' as const,
    coordinates: [
      [
        [lon, 40],
        [lon + 1, 40],
        [lon + 1, 41],
        [lon, 41],
        [lon, 40],
      ],
    ],
  });
  await saveGeography(db, SYSTEM_ACTOR, 'counties', {
    code: 'CN-A',
    country: 'CN',
    names: { en: 'County A' },
    population: 100_000,
    borderSectionCode: 'CN-MN-1',
    mirrorCountyCode: 'MN-A',
    geometry: square(110),
  });
  await saveGeography(db, SYSTEM_ACTOR, 'counties', {
    code: 'CN-B',
    country: 'CN',
    names: { en: 'County B' },
    population: 50_000,
    borderSectionCode: 'CN-MN-1',
  });
  await saveGeography(db, SYSTEM_ACTOR, 'counties', {
    code: 'MN-A',
    country: 'MN',
    names: { en: 'Sum A' },
    population: 20_000,
    mirrorCountyCode: 'CN-A',
    geometry: square(111),
  });
  await saveGeography(db, SYSTEM_ACTOR, 'ports', {
    code: 'CN-P1',
    country: 'CN',
    names: { en: 'Port 1' },
    kind: 'road',
    countyCode: 'CN-A',
    counterpartPortCode: 'MN-P1',
    neighbourCountry: 'MN',
    lon: 110.5,
    lat: 40.5,
  });
  await saveGeography(db, SYSTEM_ACTOR, 'ports', {
    code: 'MN-P1',
    country: 'MN',
    names: { en: 'Port 1 (MN)' },
    kind: 'road',
    counterpartPortCode: 'CN-P1',
    neighbourCountry: 'CN',
    lon: 110.6,
    lat: 40.6,
  });
}

/** Plausible figures of a county day; override what the test is about. */
export const buildDayInput = (overrides: Partial<CountyDayInput> = {}): CountyDayInput => ({
  confirmed: 10,
  newLocal: 0,
  newImported: 0,
  asymptomatic: 0,
  deaths: 0,
  underObservation: 5,
  tests: 100,
  ...overrides,
});

/** A notification as exchange holds it: who it is addressed to and its body. */
export interface HeldNotification<B> {
  id: string;
  type: string;
  priority: string;
  to: string[];
  body: B;
}

/** The notifications of one type in exchange's outbox or drafts, newest first, read as `client` sees them. */
export async function notificationsIn<B>(
  client: ApiClient,
  box: 'outbox' | 'drafts',
  type: 'situation.daily' | 'port.policy',
): Promise<Array<HeldNotification<B>>> {
  const list = await client.get<{ items: Array<{ id: string }> }>(
    `/api/v1/notifications?box=${box}&type=${type}&limit=200`,
  );
  if (list.status !== 200) throw new Error(`cannot list ${box}: ${list.text}`);
  return Promise.all(
    list.body.items.map(async ({ id }) => {
      const view = await client.get<{
        type: string;
        priority: string;
        recipients: Array<{ agency: string }>;
        body: B;
      }>(`/api/v1/notifications/${id}`);
      const { type, priority, recipients, body } = view.body;
      return { id, type, priority, to: recipients.map((r) => r.agency), body };
    }),
  );
}
