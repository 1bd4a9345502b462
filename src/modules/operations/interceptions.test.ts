import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import type { ApiClient } from '../../../test/support/http-client.js';
import { useTestNode } from '../../../test/support/nodes.js';
import type { HandoverRequestBody } from '../exchange/bodies/index.js';
import { addManualPeer } from '../exchange/test-support/exchange-nodes.js';
import * as handovers from './handovers.service.js';
import * as interceptions from './interceptions.service.js';
import type { Handover, Hotspots, ImportResult, Interception } from './operations.schema.js';
import { purgePersonalData } from './retention.js';
import {
  addCounterpartWithoutPeer,
  buildInterception,
  COUNTERPART,
  outboxOf,
  seedGeography,
} from './test-support/fixtures.js';

type Page<T> = { items: T[]; nextCursor: string | null };
const PERSON = { surname: 'BATBAYAR', givenNames: 'GANBOLD', nationality: 'MNG', birthDate: '1990-05-01' };

describeEachDatabase('interceptions and handovers', (dialect) => {
  const t = useTestNode(dialect, { code: 'CN-NIA' });
  let commander: ApiClient;
  let plainCommander: ApiClient;
  let viewer: ApiClient;
  const db = () => t().node.context.db;

  beforeAll(async () => {
    await seedGeography(await t().admin());
    await addManualPeer(t(), COUNTERPART, { language: 'en' });
    commander = await t().userWith(['patrol_commander'], { personalData: true });
    plainCommander = await t().userWith(['patrol_commander']);
    viewer = await t().userWith(['viewer']);
  });

  const intercept = async (overrides: Record<string, unknown> = {}) => {
    const response = await commander.post<Interception>(
      '/api/v1/operations/interceptions',
      buildInterception(overrides),
    );
    expect(response.status).toBe(201);
    return response.body;
  };

  describe('interceptions', () => {
    it('answers 401, 403 and 400 before recording anything', async () => {
      expect(
        (await t().anonymous().post('/api/v1/operations/interceptions', buildInterception())).status,
      ).toBe(401);
      expect((await viewer.post('/api/v1/operations/interceptions', buildInterception())).status).toBe(403);
      const bad = await commander.post(
        '/api/v1/operations/interceptions',
        buildInterception({ outcome: 'shot' }),
      );
      expect(bad.status).toBe(400);
    });

    it('resolves the point to its section, county and nearest pass', async () => {
      const created = await intercept({ occurredAt: '2026-05-01T03:00:00Z', lon: 100.75, lat: 42.7 });
      expect(created).toMatchObject({ borderSectionCode: 'S1', countyCode: 'C1', passCode: 'P2' });
      expect(created.passDistanceKm).toBeGreaterThan(0);
    });

    it('refuses a point outside every border section, naming the point', async () => {
      const response = await commander.post(
        '/api/v1/operations/interceptions',
        buildInterception({ lon: 110, lat: 30 }),
      );
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('operations.point_outside_sections');
      expect(response.body.detail).toContain('lon 110, lat 30');
    });

    it('shows identities only to holders of the grant, and audits each such read', async () => {
      const created = await intercept({
        occurredAt: '2026-05-02T03:00:00Z',
        persons: [PERSON],
        personsCount: 1,
      });
      const asViewer = await viewer.get<Page<Interception>>(
        '/api/v1/operations/interceptions?from=2026-05-02T00:00:00Z&to=2026-05-03T00:00:00Z',
      );
      expect(asViewer.body.items[0]).toMatchObject({ id: created.id, identifiedPersons: 1 });
      expect(asViewer.body.items[0]?.persons).toBeUndefined();
      expect((await viewer.get(`/api/v1/operations/interceptions/${created.id}`)).status).toBe(403);

      const one = await commander.get<Interception>(`/api/v1/operations/interceptions/${created.id}`);
      expect(one.body.persons?.[0]).toMatchObject({ surname: 'BATBAYAR' });
      const audit = await (await t().admin()).get<{
        items: Array<{ action: string; details: Record<string, unknown> }>;
      }>(`/api/v1/audit?targetId=${created.id}`);
      const reads = audit.body.items.filter((entry) => entry.action === 'interception.persons_read');
      expect(reads.length).toBeGreaterThanOrEqual(1);
      expect(JSON.stringify(reads)).not.toContain('BATBAYAR');
    });

    it('refuses identities from a commander without the personal-data grant', async () => {
      const response = await plainCommander.post(
        '/api/v1/operations/interceptions',
        buildInterception({ persons: [PERSON], personsCount: 1 }),
      );
      expect(response.status).toBe(403);
    });

    it('flags a likely duplicate and merges it into the first record', async () => {
      const first = await intercept({
        occurredAt: '2026-05-03T03:00:00Z',
        persons: [PERSON],
        personsCount: 2,
      });
      const second = await intercept({
        occurredAt: '2026-05-03T03:20:00Z',
        lon: 100.212,
        persons: [PERSON],
        personsCount: 2,
      });
      const far = await intercept({ occurredAt: '2026-05-03T03:20:00Z', lon: 100.3, personsCount: 2 });
      expect(second.duplicateOf).toBe(first.id);
      expect(far.duplicateOf).toBeNull();

      const flagged = await viewer.get<Page<Interception>>(
        '/api/v1/operations/interceptions?duplicates=true',
      );
      expect(flagged.body.items.map((item) => item.id)).toContain(second.id);

      const merged = await commander.post<Interception>(
        `/api/v1/operations/interceptions/${second.id}/merge`,
        {
          into: first.id,
        },
      );
      expect(merged.status).toBe(200);
      expect(merged.body).toMatchObject({ id: first.id, identifiedPersons: 1 });
      const again = await commander.post(`/api/v1/operations/interceptions/${second.id}/merge`, {
        into: first.id,
      });
      expect(again.status).toBe(409);
      const day = await viewer.get<Page<Interception>>(
        '/api/v1/operations/interceptions?from=2026-05-03T00:00:00Z&to=2026-05-04T00:00:00Z',
      );
      expect(day.body.items.map((item) => item.id).sort()).toEqual([first.id, far.id].sort());
    });

    it('imports CSV and NDJSON rows, reporting each bad row by number', async () => {
      const csv = [
        'occurredAt,lon,lat,personsCount,nationality,direction,reason,outcome',
        '2026-06-01T01:00:00Z,100.21,42.21,3,MNG,attempted_entry,smuggling,detained',
        '2026-06-01T02:00:00Z,120,30,1,MNG,attempted_entry,smuggling,detained',
        '2026-06-01T03:00:00Z,100.79,42.79,1,MNG,sideways,smuggling,detained',
      ].join('\n');
      const imported = await commander.postCsv<ImportResult>('/api/v1/operations/interceptions/import', csv);
      expect(imported.status).toBe(200);
      const result = imported.body;
      expect(result.imported).toBe(1);
      expect(result.errors.map((error) => error.row)).toEqual([3, 4]);
      expect(result.errors[0]?.message).toContain('outside every border section');

      const ndjson = `${JSON.stringify(buildInterception({ occurredAt: '2026-06-01T04:00:00Z', lon: 100.79, lat: 42.79 }))}\nnot json\n`;
      const second = await commander.postNdjson('/api/v1/operations/interceptions/import', ndjson);
      expect(second.body).toMatchObject({ imported: 1, errors: [{ row: 2 }] });
      // PostgreSQL cannot store a NUL character: the row is reported, not the import ended in a 500
      const withNul = `${JSON.stringify(buildInterception({ occurredAt: '2026-06-01T05:00:00Z', lon: 100.79, lat: 42.79, note: 'a\u0000b' }))}\n`;
      const nul = await commander.postNdjson('/api/v1/operations/interceptions/import', withNul);
      expect(nul.status).toBe(200);
      expect(nul.body).toMatchObject({
        imported: 0,
        errors: [{ row: 1, message: '/note: must not contain the NUL character' }],
      });
      expect((await viewer.postCsv('/api/v1/operations/interceptions/import', csv)).status).toBe(403);
    });

    it('ranks passes by persons intercepted and gives heat-map points', async () => {
      const response = await viewer.get<Hotspots>(
        '/api/v1/operations/hotspots?from=2026-06-01T00:00:00Z&to=2026-06-02T00:00:00Z',
      );
      expect(response.status).toBe(200);
      expect(response.body.passes).toEqual([
        { passCode: 'P1', events: 1, persons: 3, lon: 100.2, lat: 42.2 },
        { passCode: 'P2', events: 1, persons: 2, lon: 100.8, lat: 42.8 },
      ]);
      expect(response.body.heat).toContainEqual({ lon: 100.21, lat: 42.21, weight: 3 });
      const bad = await viewer.get(
        '/api/v1/operations/hotspots?from=2026-06-02T00:00:00Z&to=2026-06-01T00:00:00Z',
      );
      expect(bad.status).toBe(400);
    });

    it('counts events and persons by outcome, direction, nationality and pass', async () => {
      const counts = await interceptions.countInterceptions(db(), {
        from: '2026-06-01T00:00:00Z',
        to: '2026-06-02T00:00:00Z',
      });
      expect(counts).toMatchObject({
        events: 2,
        persons: 5,
        byOutcome: { detained: { events: 1, persons: 3 }, persuaded_to_return: { events: 1, persons: 2 } },
        byDirection: { attempted_entry: { events: 1, persons: 3 } },
        byNationality: { MNG: { events: 2, persons: 5 } },
        byPass: { P1: { events: 1, persons: 3 } },
      });
    });
  });

  describe('handovers', () => {
    const request = (interceptionId: string, overrides: Record<string, unknown> = {}) => ({
      interceptionId,
      counterpartAgency: COUNTERPART,
      person: PERSON,
      health: { testResult: 'negative', symptoms: [] },
      proposedAt: '2026-05-10T06:00:00Z',
      place: { passCode: 'P1' },
      ...overrides,
    });

    it('refuses to hand over a person of our own nationality', async () => {
      const interception = await intercept({ occurredAt: '2026-05-09T03:00:00Z', nationality: 'CHN' });
      const response = await commander.post(
        '/api/v1/operations/handovers',
        request(interception.id, { person: { ...PERSON, nationality: 'CHN' } }),
      );
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('operations.own_national');
      expect(response.body.detail).toContain('CHN');
    });

    it('refuses a handover to a counterpart that is not a peer (409 naming it) and records none', async () => {
      await addCounterpartWithoutPeer(await t().admin(), 'RU-FSB');
      const interception = await intercept({ occurredAt: '2026-05-09T03:30:00Z' });
      const response = await commander.post(
        '/api/v1/operations/handovers',
        request(interception.id, { counterpartAgency: 'RU-FSB' }),
      );
      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({ code: 'exchange.recipient_not_peer', agency: 'RU-FSB' });
      const listed = await commander.get<Page<Handover>>('/api/v1/operations/handovers?limit=200');
      expect(listed.body.items.filter((item) => item.interceptionId === interception.id)).toEqual([]);
    });

    it('needs the role and the personal-data grant to request a handover, and one place', async () => {
      const interception = await intercept({ occurredAt: '2026-05-09T04:00:00Z' });
      const nowhere = await commander.post(
        '/api/v1/operations/handovers',
        request(interception.id, { place: { portCode: 'ERENHOT', passCode: 'P1' } }),
      );
      expect(nowhere.body.code).toBe('operations.bad_handover_place');
      expect(
        (await t().anonymous().post('/api/v1/operations/handovers', request(interception.id))).status,
      ).toBe(401);
      expect(
        (await plainCommander.post('/api/v1/operations/handovers', request(interception.id))).status,
      ).toBe(403);
      expect((await viewer.post('/api/v1/operations/handovers', request(interception.id))).status).toBe(403);
    });

    it('goes from requested to accepted by the counterpart to done once both sides confirm', async () => {
      const interception = await intercept({ occurredAt: '2026-05-09T05:00:00Z' });
      const created = await commander.post<Handover>(
        '/api/v1/operations/handovers',
        request(interception.id),
      );
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        role: 'handing',
        status: 'requested',
        awaiting: 'counterpart',
        canAccept: false,
      });
      const selfAccept = await commander.post(`/api/v1/operations/handovers/${created.body.id}/accept`);
      expect(selfAccept.status).toBe(409);
      const stagesSent = async () =>
        (await outboxOf<HandoverRequestBody>(commander, 'handover.request'))
          .filter((item) => item.body.interceptionId === interception.id)
          .map((item) => [item.to, item.priority, item.body.stage, item.body.person.surname])
          .reverse();
      expect(await stagesSent()).toEqual([[[COUNTERPART], 'urgent', 'request', 'BATBAYAR']]);

      const body = {
        schemaVersion: 1 as const,
        person: PERSON,
        health: { testResult: 'negative' as const, symptoms: [] },
        proposedAt: '2026-05-10T06:00:00Z',
        place: { passCode: 'P1' },
        interceptionId: interception.id,
      };
      await handovers.recordIncomingHandoverRequest(db(), COUNTERPART, { ...body, stage: 'accept' });
      const early = await commander.post<Handover>(`/api/v1/operations/handovers/${created.body.id}/done`);
      expect(early.body).toMatchObject({ status: 'accepted', awaiting: null, canAccept: false });
      expect(early.body.confirmedByUsAt).not.toBeNull();
      await handovers.recordIncomingHandoverRequest(db(), COUNTERPART, { ...body, stage: 'done' });
      expect((await stagesSent()).map(([, , stage]) => stage)).toEqual(['request', 'done']);

      const listed = await viewer.get<Page<Handover>>('/api/v1/operations/handovers');
      const mine = listed.body.items.find((item) => item.id === created.body.id);
      expect(mine).toMatchObject({ status: 'done' });
      expect(mine?.person).toBeUndefined();
      const full = await commander.get<Handover>(`/api/v1/operations/handovers/${created.body.id}`);
      expect(full.body.person).toMatchObject({ surname: 'BATBAYAR' });
    });

    it('records a counterpart request and lets us reschedule and then the counterpart accept', async () => {
      await handovers.recordIncomingHandoverRequest(db(), COUNTERPART, {
        schemaVersion: 1,
        person: { surname: 'WANG', givenNames: 'LEI', nationality: 'CHN' },
        health: { testResult: 'pending', symptoms: ['fever'] },
        proposedAt: '2026-05-11T06:00:00Z',
        place: { passCode: 'P2', description: 'Marker 114' },
        stage: 'request',
      });
      const listed = await commander.get<Page<Handover>>('/api/v1/operations/handovers?status=requested');
      const incoming = listed.body.items.find((item) => item.role === 'receiving');
      if (!incoming) throw new Error('incoming request not recorded');
      expect(incoming).toMatchObject({ awaiting: 'us', canAccept: true });
      const moved = await commander.post<Handover>(`/api/v1/operations/handovers/${incoming.id}/reschedule`, {
        proposedAt: '2026-05-12T06:00:00Z',
      });
      expect(moved.body).toMatchObject({
        status: 'rescheduled',
        proposedAt: '2026-05-12T06:00:00.000Z',
        awaiting: 'counterpart',
        canAccept: false,
      });
      const told = (await outboxOf<HandoverRequestBody>(commander, 'handover.request')).find(
        (item) => item.body.person.surname === 'WANG',
      );
      expect(told).toMatchObject({
        to: [COUNTERPART],
        body: { stage: 'reschedule', proposedAt: '2026-05-12T06:00:00.000Z' },
      });
      expect((await commander.post(`/api/v1/operations/handovers/${incoming.id}/accept`)).status).toBe(409);
      const counts = await handovers.countHandovers(db(), {
        from: '2026-05-01T00:00:00Z',
        to: '2026-06-01T00:00:00Z',
      });
      expect(counts.byRole).toMatchObject({ receiving: 1 });
    });
  });

  describe('retention', () => {
    it('purges identities past retention and keeps the events and their counts', async () => {
      const old = await intercept({ occurredAt: '2025-01-01T03:00:00Z', persons: [PERSON], personsCount: 1 });
      const result = await purgePersonalData(db(), {
        retentionDays: 180,
        now: new Date('2026-01-01T00:00:00Z'),
      });
      expect(result.interceptions).toBe(1);
      const after = await commander.get<Interception>(`/api/v1/operations/interceptions/${old.id}`);
      expect(after.body).toMatchObject({
        personsCount: 1,
        identifiedPersons: 0,
        persons: [],
        personsPurged: true,
      });
      const recent = await purgePersonalData(db(), {
        retentionDays: 180,
        now: new Date('2026-01-01T00:00:00Z'),
      });
      expect(recent).toEqual({ interceptions: 0, handovers: 0 });
      const all = await purgePersonalData(db(), { retentionDays: 1, now: new Date('2027-01-01T00:00:00Z') });
      expect(all.handovers).toBeGreaterThanOrEqual(2);
      const handoverList = await commander.get<Page<Handover>>('/api/v1/operations/handovers');
      expect(handoverList.body.items.every((item) => item.person === null)).toBe(true);
    });
  });
});
