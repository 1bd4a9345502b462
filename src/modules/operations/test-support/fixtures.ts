import { expect } from 'vitest';
import { buildAgency } from '../../../../test/support/agencies.js';
import type { ApiClient } from '../../../../test/support/http-client.js';
import type { NewInterception, NewOperation } from '../operations.schema.js';

export const COUNTERPART = 'MN-GABP';
const square = (minLon: number, minLat: number, size: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [minLon, minLat],
      [minLon + size, minLat],
      [minLon + size, minLat + size],
      [minLon, minLat + size],
      [minLon, minLat],
    ],
  ],
});

/** A counterpart agency, one border section with its county, and two passes, through the directory API. */
export async function seedGeography(admin: ApiClient, counterpart = COUNTERPART): Promise<void> {
  const puts = [
    admin.post('/api/v1/directory/agencies', buildAgency(counterpart)),
    admin.put('/api/v1/directory/countries/CN', { code: 'CN', alpha3: 'CHN', names: { en: 'China' } }),
    admin.put('/api/v1/directory/border-sections/S1', {
      code: 'S1',
      country: 'CN',
      neighbourCountry: 'MN',
      names: { en: 'Section one' },
      geometry: square(100, 42, 1),
    }),
    admin.put('/api/v1/directory/counties/C1', {
      code: 'C1',
      country: 'CN',
      names: { en: 'County one' },
      borderSectionCode: 'S1',
      geometry: square(100, 42, 1),
    }),
    admin.put('/api/v1/directory/passes/P1', {
      code: 'P1',
      country: 'CN',
      kind: 'pass',
      names: { en: 'Pass one' },
      borderSectionCode: 'S1',
      lon: 100.2,
      lat: 42.2,
    }),
    admin.put('/api/v1/directory/passes/P2', {
      code: 'P2',
      country: 'CN',
      kind: 'access_road',
      names: { en: 'Road two' },
      borderSectionCode: 'S1',
      lon: 100.8,
      lat: 42.8,
    }),
  ];
  for (const response of await Promise.all(puts)) expect([200, 201, 409]).toContain(response.status);
}

/** A weekly patrol plan on section S1 with the counterpart. */
export function buildPatrol(overrides: Record<string, unknown> = {}): NewOperation {
  // Overrides may break the shape on purpose (bad-input tests), so the result is only asserted to be a plan.
  return {
    kind: 'patrol',
    title: 'Non-contact patrol S1',
    counterpartAgency: COUNTERPART,
    sectionCode: 'S1',
    startsAt: '2026-03-02T08:00:00Z',
    endsAt: '2026-03-02T12:00:00Z',
    patrol: {
      routes: {
        own: {
          type: 'LineString',
          coordinates: [
            [100.1, 42.1],
            [100.5, 42.4],
          ],
        },
      },
      meetingPoints: [{ name: 'Marker 114', markerCode: '114', position: [100.3, 42.3] }],
      radioChannels: ['CH-7'],
      contacts: [{ name: 'Duty officer', phone: '+86 10 1234 5678' }],
    },
    ...overrides,
  } as NewOperation;
}

export function buildInterception(overrides: Record<string, unknown> = {}): NewInterception {
  return {
    occurredAt: '2026-03-02T09:30:00Z',
    lon: 100.21,
    lat: 42.21,
    personsCount: 2,
    nationality: 'MNG',
    direction: 'attempted_exit',
    reason: 'illegal_crossing_attempt',
    outcome: 'persuaded_to_return',
    ...overrides,
  } as NewInterception;
}

/** A notification as exchange holds it: its addressees and body. */
export interface HeldNotification<B> {
  id: string;
  priority: string;
  to: string[];
  body: B;
}

/** Notifications of one type in exchange's outbox, newest first, as `client` sees them. */
export async function outboxOf<B>(
  client: ApiClient,
  type: 'operation.invite' | 'operation.report' | 'handover.request',
): Promise<Array<HeldNotification<B>>> {
  const list = await client.get<{ items: Array<{ id: string }> }>(
    `/api/v1/notifications?box=outbox&type=${type}&limit=200`,
  );
  expect(list.status).toBe(200);
  return Promise.all(
    list.body.items.map(async ({ id }) => {
      const view = await client.get<{ priority: string; recipients: Array<{ agency: string }>; body: B }>(
        `/api/v1/notifications/${id}`,
      );
      const { priority, recipients, body } = view.body;
      return { id, priority, to: recipients.map((r) => r.agency), body };
    }),
  );
}

/** A second counterpart agency in the directory that is not a peer of the node. */
export async function addCounterpartWithoutPeer(admin: ApiClient, code: string): Promise<void> {
  const created = await admin.post('/api/v1/directory/agencies', buildAgency(code));
  expect([201, 409]).toContain(created.status);
}
