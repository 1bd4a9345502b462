import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { useTestNode } from '../../../test/support/nodes.js';
import type { PortPolicyBody } from '../exchange/bodies/index.js';
import { addManualPeer } from '../exchange/test-support/exchange-nodes.js';
import { recordIncomingPortPolicy } from './port-register.service.js';
import { recordIncomingSituationDaily } from './situation.service.js';
import {
  buildDayInput,
  COUNTERPART,
  notificationsIn,
  seedBorder,
} from './test-support/situation-fixtures.js';

const measures = { testRequired: 'pcr', quarantineDays: 7, openingHours: '08:00-18:00' } as const;

describeEachDatabase('situation port register and map', (dialect) => {
  const t = useTestNode(dialect, { code: 'CN-NIA' });
  let seeded = false;
  const node = async () => {
    if (!seeded) {
      await seedBorder(t().node.context.db);
      seeded = true;
    }
    return t();
  };

  it('refuses a status without a session (401), without a port role (403) and with a bad body (400)', async () => {
    const n = await node();
    const url = '/api/v1/situation/ports/CN-P1/status';
    const version = { status: 'open', measures, effectiveFrom: '2024-01-01' };
    expect((await n.anonymous().post(url, version)).status).toBe(401);
    expect((await (await n.userWith(['analyst'])).post(url, version)).status).toBe(403);
    const officer = await n.userWith(['port_officer']);
    expect((await officer.post(url, { ...version, status: 'half_open' })).status).toBe(400);
    expect((await officer.post('/api/v1/situation/ports/MN-P1/status', version)).body.code).toBe(
      'situation.not_own_port',
    );
  });

  it('answers status as of a date from effective-dated versions and keeps the history', async () => {
    const n = await node();
    const officer = await n.userWith(['port_officer']);
    const url = '/api/v1/situation/ports/CN-P1/status';
    expect((await officer.post(url, { status: 'open', measures, effectiveFrom: '2024-01-01' })).status).toBe(
      201,
    );
    await officer.post(url, {
      status: 'closed',
      measures,
      effectiveFrom: '2024-02-01',
      effectiveTo: '2024-02-10',
      note: 'outbreak in the county',
    });
    const statusOn = async (date: string) =>
      (
        await officer.get<{ items: Array<{ portCode: string; current: { status: string } | null }> }>(
          `/api/v1/situation/ports?asOf=${date}`,
        )
      ).body.items.find((p) => p.portCode === 'CN-P1')?.current?.status;
    expect(await statusOn('2023-12-31')).toBeUndefined();
    expect(await statusOn('2024-01-15')).toBe('open');
    expect(await statusOn('2024-02-05')).toBe('closed');
    expect(await statusOn('2024-02-11')).toBe('open');
    const history = await officer.get<{ items: unknown[] }>('/api/v1/situation/ports/CN-P1/history');
    expect(history.body.items).toHaveLength(2);
  });

  it('drafts a port.policy with local-midnight instants for the counterpart when our port changes', async () => {
    const n = await node();
    const drafts = await notificationsIn<PortPolicyBody>(
      await n.userWith(['liaison_officer']),
      'drafts',
      'port.policy',
    );
    const closed = drafts.find((item) => item.body.status === 'closed');
    expect(closed).toMatchObject({ to: [COUNTERPART], priority: 'urgent' });
    expect(closed?.body).toMatchObject({
      portCode: 'CN-P1',
      counterpartPortCode: 'MN-P1',
      effectiveFrom: '2024-02-01T00:00:00+00:00',
      effectiveTo: '2024-02-11T00:00:00+00:00',
    });
  });

  it('sends a port change at once to a peer when so configured, and keeps it as a draft for a non-peer', async () => {
    const n = await node();
    const admin = await n.admin();
    expect((await admin.patch('/api/v1/situation/settings', { sendNotifications: true })).status).toBe(200);
    const officer = await n.userWith(['port_officer']);
    const liaison = await n.userWith(['liaison_officer']);
    const url = '/api/v1/situation/ports/CN-P1/status';
    const restricted = { status: 'passengers_restricted', measures, effectiveFrom: '2024-06-01' };
    expect((await officer.post(url, restricted)).status).toBe(201);
    const restrictedIn = async (box: 'outbox' | 'drafts') =>
      (await notificationsIn<PortPolicyBody>(liaison, box, 'port.policy')).filter(
        (item) => item.body.status === 'passengers_restricted',
      );
    expect((await restrictedIn('drafts')).map((item) => item.to)).toEqual([[COUNTERPART]]);
    expect(await restrictedIn('outbox')).toEqual([]);

    await addManualPeer(n, COUNTERPART, { language: 'ru' });
    expect((await officer.post(url, { ...restricted, effectiveFrom: '2024-06-02' })).status).toBe(201);
    const sent = await restrictedIn('outbox');
    expect(sent.map((item) => [item.to, item.priority, item.body.effectiveFrom])).toEqual([
      [[COUNTERPART], 'routine', '2024-06-02T00:00:00+00:00'],
    ]);
    expect((await admin.patch('/api/v1/situation/settings', { sendNotifications: false })).status).toBe(200);
  });

  it("records the counterpart's port.policy under their port and flags ports without updates as stale", async () => {
    const n = await node();
    await recordIncomingPortPolicy(n.node.context.db, COUNTERPART, {
      schemaVersion: 1,
      portCode: 'MN-P1',
      counterpartPortCode: 'CN-P1',
      status: 'cargo_only',
      measures: { testRequired: 'antigen', quarantineDays: 0, openingHours: '09:00-17:00' },
      effectiveFrom: '2024-02-01T00:00:00+08:00',
      effectiveTo: '2024-03-01T00:00:00+08:00',
    });
    const client = await n.userWith(['viewer']);
    const ports = await client.get<{
      items: Array<{
        portCode: string;
        side: string;
        stale: boolean;
        current: { status: string; effectiveTo: string } | null;
      }>;
    }>('/api/v1/situation/ports?asOf=2024-02-05');
    const theirs = ports.body.items.find((p) => p.portCode === 'MN-P1');
    expect(theirs).toMatchObject({
      side: 'counterpart',
      current: { status: 'cargo_only', effectiveTo: '2024-02-29' },
    });
    // Both were recorded today, long after 2024-02-05: as known then, there was no update at all.
    expect(theirs?.stale).toBe(true);
    const today = await client.get<{ items: Array<{ portCode: string; stale: boolean }> }>(
      '/api/v1/situation/ports',
    );
    expect(today.body.items.find((p) => p.portCode === 'MN-P1')?.stale).toBe(false);
  });

  it("reads a recorded crossing count back and lists a port's counts in a bounded range", async () => {
    const n = await node();
    const officer = await n.userWith(['port_officer']);
    const day = '/api/v1/situation/ports/CN-P1/crossings/2024-03-02';
    const range = '/api/v1/situation/ports/CN-P1/crossings?from=2024-03-01&to=2024-03-31';
    const viewer = await n.userWith(['viewer']);
    for (const url of [day, range]) {
      expect((await n.anonymous().get(url)).status).toBe(401);
      expect((await viewer.get(url)).status).toBe(403);
    }
    const none = await officer.get<{ code: string }>(day);
    expect(none.status).toBe(404);
    expect(none.body.code).toBe('situation.crossings_not_found');
    expect((await officer.get('/api/v1/situation/ports/CN-P1/crossings/2024-13-02')).status).toBe(400);
    expect((await officer.get('/api/v1/situation/ports/NOPE/crossings/2024-03-02')).status).toBe(404);
    const backwards = await officer.get<{ code: string; details: { field: string } }>(
      '/api/v1/situation/ports/CN-P1/crossings?from=2024-03-31&to=2024-03-01',
    );
    expect(backwards.status).toBe(400);
    expect(backwards.body).toMatchObject({
      code: 'situation.bad_crossing_range',
      details: { field: 'from' },
    });
    const tooLong = await officer.get(
      '/api/v1/situation/ports/CN-P1/crossings?from=2023-01-01&to=2024-03-01',
    );
    expect(tooLong.status).toBe(400);
    expect((await officer.get('/api/v1/situation/ports/CN-P1/crossings?from=2024-03-01')).status).toBe(400);

    await officer.put(day, { people: 40, vehicles: 3 });
    await officer.put(day, { people: 42, vehicles: 3 });
    await officer.put(day, { people: 39, source: COUNTERPART });
    await officer.put('/api/v1/situation/ports/CN-P1/crossings/2024-03-05', { people: 7 });
    await officer.put('/api/v1/situation/ports/CN-P1/crossings/2024-04-01', { people: 8 });

    const ours = await officer.get<Record<string, unknown>>(day);
    expect(ours.status).toBe(200);
    expect(ours.body).toMatchObject({ portCode: 'CN-P1', date: '2024-03-02', source: 'CN-NIA', people: 42 });
    expect(ours.body.vehicles).toBe(3);
    const theirs = await officer.get(`${day}?source=${COUNTERPART}`);
    expect(theirs.body).toMatchObject({ source: COUNTERPART, people: 39, vehicles: null });

    const listed = await officer.get<{
      items: Array<{ date: string; source: string; people: number }>;
    }>(range);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((c) => [c.date, c.source, c.people])).toEqual([
      ['2024-03-05', 'CN-NIA', 7],
      ['2024-03-02', 'CN-NIA', 42],
      ['2024-03-02', COUNTERPART, 39],
    ]);
    const onlyOurs = await officer.get<{ items: unknown[] }>(`${range}&source=CN-NIA`);
    expect(onlyOurs.body.items).toHaveLength(2);
  });

  it('shows mirror counties and port pairs side by side and flags differing crossing counts', async () => {
    const n = await node();
    const officer = await n.userWith(['port_officer']);
    const crossings = '/api/v1/situation/ports/CN-P1/crossings/2024-02-05';
    expect((await n.anonymous().put(crossings, { people: 1 })).status).toBe(401);
    expect((await (await n.userWith(['viewer'])).put(crossings, { people: 1 })).status).toBe(403);
    expect((await officer.put(crossings, { people: -1 })).status).toBe(400);
    expect((await officer.put(crossings, { people: 120 })).status).toBe(200);
    await officer.put('/api/v1/situation/ports/MN-P1/crossings/2024-02-05', {
      people: 100,
      source: COUNTERPART,
    });
    await (await n.admin()).put(
      '/api/v1/situation/reports/CN-A/2024-02-05',
      buildDayInput({ confirmed: 10 }),
    );
    await recordIncomingSituationDaily(n.node.context.db, COUNTERPART, {
      schemaVersion: 1,
      reportDate: '2024-02-05',
      timeZone: 'Asia/Ulaanbaatar',
      version: 1,
      counties: [
        {
          countyCode: 'MN-A',
          confirmed: 9,
          newLocal: 3,
          newImported: 0,
          asymptomatic: 0,
          deaths: 0,
          underObservation: 1,
          tests: 9,
          riskLevel: 'high',
        },
      ],
    });
    const mirror = await officer.get<{
      counties: Array<{
        ours: { countyCode: string; figures: { riskLevel: string } };
        theirs: { countyCode: string; figures: { riskLevel: string } };
        riskDiffers: boolean;
      }>;
      ports: Array<{ crossingDifference: number; crossingDiscrepancy: boolean; statusDiffers: boolean }>;
    }>('/api/v1/situation/mirror?date=2024-02-05');
    expect(mirror.body.counties).toEqual([
      expect.objectContaining({
        ours: expect.objectContaining({
          countyCode: 'CN-A',
          figures: expect.objectContaining({ riskLevel: 'low' }),
        }),
        theirs: expect.objectContaining({
          countyCode: 'MN-A',
          figures: expect.objectContaining({ riskLevel: 'high' }),
        }),
        riskDiffers: true,
      }),
    ]);
    expect(mirror.body.ports).toEqual([
      expect.objectContaining({ crossingDifference: 20, crossingDiscrepancy: true, statusDiffers: true }),
    ]);
  });

  it('serves the map as GeoJSON layers of counties with risk level and ports with status, both sides', async () => {
    const n = await node();
    const map = await (await n.userWith(['viewer'])).get<{
      counties: {
        type: string;
        features: Array<{
          id: string;
          geometry: { type: string } | null;
          properties: Record<string, unknown>;
        }>;
      };
      ports: {
        type: string;
        features: Array<{
          id: string;
          geometry: { type: string; coordinates: number[] } | null;
          properties: Record<string, unknown>;
        }>;
      };
    }>('/api/v1/situation/map?date=2024-02-05');
    expect(map.status).toBe(200);
    expect(map.body.counties.type).toBe('FeatureCollection');
    const county = (id: string) => map.body.counties.features.find((f) => f.id === id);
    expect(county('CN-A')?.geometry?.type).toBe('Polygon');
    expect(county('CN-A')?.properties).toMatchObject({ side: 'own', riskLevel: 'low', reported: true });
    expect(county('MN-A')?.properties).toMatchObject({
      side: 'counterpart',
      riskLevel: 'high',
      source: COUNTERPART,
    });
    expect(county('CN-B')?.properties).toMatchObject({ reported: false });
    const port = map.body.ports.features.find((f) => f.id === 'CN-P1');
    expect(port?.geometry).toEqual({ type: 'Point', coordinates: [110.5, 40.5] });
    expect(port?.properties).toMatchObject({ side: 'own', status: 'closed' });
    expect(map.body.ports.features.find((f) => f.id === 'MN-P1')?.properties).toMatchObject({
      status: 'cargo_only',
    });
    expect((await n.anonymous().get('/api/v1/situation/map?date=2024-02-05')).status).toBe(401);
    expect((await (await n.admin()).get('/api/v1/situation/map?date=soon')).status).toBe(400);
  });
});
