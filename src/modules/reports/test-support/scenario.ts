import { expect } from 'vitest';
import type { ApiClient } from '../../../../test/support/http-client.js';
import { addTestPort } from '../../warning/test-support/factories.js';

/** The agencies on the other side of our two border sections. */
export const COUNTERPARTS = [
  { code: 'MN-GABP', country: 'MN', section: 'S1', county: 'C1', minLon: 100, passes: ['P1', 'P2'] },
  { code: 'VN-BG', country: 'VN', section: 'S2', county: 'C2', minLon: 106, passes: ['P3'] },
] as const;

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

async function expectOk(response: Promise<{ status: number; text: string }>): Promise<void> {
  const { status, text } = await response;
  expect([200, 201], text).toContain(status);
}

/**
 * Our agency in Beijing time, two counterparts (manual peers: operations tells them through exchange),
 * their border sections, counties and passes, and the test port, via the directory and federation APIs.
 */
export async function seedDirectory(admin: ApiClient, ownAgency: string): Promise<void> {
  await expectOk(admin.patch(`/api/v1/directory/agencies/${ownAgency}`, { timeZone: 'Asia/Shanghai' }));
  await addTestPort(admin);
  await expectOk(
    admin.put('/api/v1/directory/countries/CN', { code: 'CN', alpha3: 'CHN', names: { en: 'China' } }),
  );
  for (const side of COUNTERPARTS) {
    await expectOk(
      admin.post('/api/v1/directory/agencies', {
        code: side.code,
        kind: 'counterpart',
        country: side.country,
        names: { en: side.code },
        language: 'en',
        timeZone: 'Asia/Shanghai',
      }),
    );
    await expectOk(admin.post('/api/v1/federation/peers', { code: side.code, mode: 'manual' }));
    await expectOk(
      admin.put(`/api/v1/directory/border-sections/${side.section}`, {
        code: side.section,
        country: 'CN',
        neighbourCountry: side.country,
        names: { en: side.section },
        geometry: square(side.minLon, 42, 1),
      }),
    );
    await expectOk(
      admin.put(`/api/v1/directory/counties/${side.county}`, {
        code: side.county,
        country: 'CN',
        names: { en: side.county },
        borderSectionCode: side.section,
        geometry: square(side.minLon, 42, 1),
      }),
    );
    for (const [index, pass] of side.passes.entries()) {
      await expectOk(
        admin.put(`/api/v1/directory/passes/${pass}`, {
          code: pass,
          country: 'CN',
          kind: 'pass',
          names: { en: pass },
          borderSectionCode: side.section,
          lon: side.minLon + 0.2 + index * 0.6,
          lat: 42.2 + index * 0.6,
        }),
      );
    }
  }
}

const OUTCOMES = [
  'persuaded_to_return',
  'persuaded_to_return',
  'detained',
  'handed_over',
  'sent_to_quarantine',
];
const NATIONALITIES = ['MNG', 'VNM', undefined, 'CHN'];

/**
 * Interceptions across the half-year and just outside it, in local time: 2020-12-31T16:30Z is already
 * 1 January in Beijing, 2021-06-30T16:30Z is already 1 July.
 */
export function interceptionInputs(): Array<Record<string, unknown>> {
  const instants = [
    '2020-12-31T15:30:00Z',
    '2020-12-31T16:30:00Z',
    '2021-01-15T03:00:00Z',
    '2021-02-02T10:00:00Z',
    '2021-02-20T22:00:00Z',
    '2021-03-08T05:00:00Z',
    '2021-03-30T12:00:00Z',
    '2021-04-11T01:00:00Z',
    '2021-05-05T09:00:00Z',
    '2021-05-25T18:00:00Z',
    '2021-06-30T15:30:00Z',
    '2021-06-30T16:30:00Z',
  ];
  return instants.map((occurredAt, index) => {
    const side = COUNTERPARTS[index % 2] ?? COUNTERPARTS[0];
    const nationality = NATIONALITIES[index % NATIONALITIES.length];
    return {
      occurredAt,
      lon: side.minLon + 0.1 + (index % 5) * 0.15,
      lat: 42.1 + (index % 3) * 0.3,
      personsCount: 1 + ((index * 7) % 5),
      ...(nationality && { nationality }),
      direction: index % 3 === 0 ? 'attempted_entry' : 'attempted_exit',
      reason: 'illegal_crossing_attempt',
      outcome: OUTCOMES[index % OUTCOMES.length],
    };
  });
}

const plans = {
  patrol: {
    patrol: { routes: {}, meetingPoints: [], radioChannels: ['CH-7'], contacts: [] },
  },
  law_enforcement: { lawEnforcement: { targets: [{ kind: 'smuggling', description: 'Night crossings' }] } },
  exercise: { exercise: { scenario: 'A fever case at the port', objectives: ['Hand over within an hour'] } },
} as const;

/** Joint operations of each kind, one reaching into the period from before it and one entirely after it. */
export function operationInputs(): Array<Record<string, unknown>> {
  const windows: Array<[keyof typeof plans, string, string, number]> = [
    ['patrol', '2020-12-31T10:00:00Z', '2020-12-31T18:00:00Z', 0],
    ['patrol', '2021-01-20T00:00:00Z', '2021-01-20T06:00:00Z', 0],
    ['patrol', '2021-03-03T00:00:00Z', '2021-03-03T06:00:00Z', 1],
    ['patrol', '2021-05-10T00:00:00Z', '2021-05-10T06:00:00Z', 1],
    ['law_enforcement', '2021-04-01T00:00:00Z', '2021-04-03T00:00:00Z', 0],
    ['exercise', '2021-06-18T01:00:00Z', '2021-06-18T09:00:00Z', 1],
    ['exercise', '2021-07-02T01:00:00Z', '2021-07-02T09:00:00Z', 0],
  ];
  return windows.map(([kind, startsAt, endsAt, side]) => {
    const counterpart = COUNTERPARTS[side] ?? COUNTERPARTS[0];
    return {
      kind,
      title: `${kind} with ${counterpart.code}`,
      counterpartAgency: counterpart.code,
      sectionCode: counterpart.section,
      startsAt,
      endsAt,
      ...plans[kind],
    };
  });
}

/** Letters, calls and meetings with counterpart leaders and an international body, kept by local date. */
export function liaisonInputs(): Array<Record<string, unknown>> {
  const contacts: Array<[string, string, string, Array<'counterpart' | 'international' | 'own'>]> = [
    ['2020-12-31', 'letter', 'incoming', ['counterpart']],
    ['2021-01-01', 'letter', 'incoming', ['counterpart', 'own']],
    ['2021-01-28', 'phone', 'incoming', ['counterpart']],
    ['2021-02-14', 'letter', 'outgoing', ['counterpart']],
    ['2021-03-19', 'video', 'mutual', ['counterpart', 'international']],
    ['2021-04-22', 'phone', 'outgoing', ['counterpart']],
    ['2021-05-30', 'meeting', 'mutual', ['counterpart', 'own']],
    ['2021-06-30', 'letter', 'incoming', ['international']],
    ['2021-07-01', 'phone', 'incoming', ['counterpart']],
  ];
  return contacts.map(([occurredOn, channel, direction, kinds]) => ({
    occurredOn,
    channel,
    direction,
    parties: kinds.map((kind, index) => ({
      name: `Leader ${index + 1}`,
      kind,
      ...(kind === 'counterpart' && { agencyCode: 'MN-GABP' }),
    })),
    subject: `${channel} on ${occurredOn}`,
  }));
}
