import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import type { ApiClient } from '../../../test/support/http-client.js';
import { startTestNode, type TestNode } from '../../../test/support/nodes.js';
import { linkNodes } from '../exchange/test-support/exchange-nodes.js';
import { eventually } from '../federation/test-support/federation-nodes.js';
import type { Handover, Operation } from './operations.schema.js';
import { buildInterception, buildPatrol, seedGeography } from './test-support/fixtures.js';

type Page<T> = { items: T[]; nextCursor: string | null };

/** Two real nodes that trust each other: every notification travels through exchange and federation. */
describeEachDatabase('operations between two nodes', (dialect) => {
  let a: TestNode;
  let b: TestNode;
  let atA: ApiClient;
  let atB: ApiClient;

  beforeAll(async () => {
    [a, b] = await Promise.all([
      startTestNode(dialect, { code: 'CN-NIA' }),
      startTestNode(dialect, { code: 'MN-GABP' }),
    ]);
    await linkNodes(a, b);
    await seedGeography(await a.admin(), 'MN-GABP');
    await seedGeography(await b.admin(), 'CN-NIA');
    [atA, atB] = await Promise.all([
      a.userWith(['patrol_commander'], { personalData: true }),
      b.userWith(['patrol_commander'], { personalData: true }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  const operationAt = async (client: ApiClient, id: string) =>
    (await client.get<Operation>(`/api/v1/operations/${id}`)).body;
  const ok = async <T>(response: Promise<{ status: number; body: T; text: string }>, status = 200) => {
    const answer = await response;
    if (answer.status !== status) throw new Error(`expected ${status}, got ${answer.status}: ${answer.text}`);
    return answer.body;
  };

  it('a patrol proposed at A is agreed at B, both record check-ins and exchange after-action reports', async () => {
    const planned = await ok(atA.post<Operation>('/api/v1/operations', buildPatrol()), 201);
    await ok(atA.post(`/api/v1/operations/${planned.id}/propose`));

    let theirs: Operation | undefined;
    await eventually(async () => {
      const proposed = await atB.get<Page<Operation>>('/api/v1/operations?status=proposed');
      theirs = proposed.body.items.find((item) => item.originOperationId === planned.id);
      expect(theirs).toMatchObject({ originAgency: 'CN-NIA', proposedByUs: false });
    });
    if (!theirs) throw new Error('the invite did not reach B');
    const atBId = theirs.id;
    await ok(atB.post(`/api/v1/operations/${atBId}/agree`));
    await eventually(async () => expect((await operationAt(atA, planned.id)).status).toBe('agreed'));

    for (const [node, client, id] of [
      [a, atA, planned.id],
      [b, atB, atBId],
    ] as const) {
      await ok(client.post(`/api/v1/operations/${id}/start`));
      await ok(
        client.post(`/api/v1/operations/${id}/check-ins`, {
          unit: `${node.code} unit 1`,
          at: '2026-03-02T09:00:00Z',
          lon: 100.3,
          lat: 42.3,
        }),
        201,
      );
      await ok(
        client.post(`/api/v1/operations/${id}/complete`, {
          findings: `${node.code} findings`,
          lessons: 'none',
        }),
      );
      await ok(client.post(`/api/v1/operations/${id}/share-report`));
    }
    await eventually(async () => {
      expect(await operationAt(atA, planned.id)).toMatchObject({
        status: 'report_shared',
        counterpartReport: { findings: 'MN-GABP findings' },
      });
      expect(await operationAt(atB, atBId)).toMatchObject({
        status: 'report_shared',
        counterpartReport: { findings: 'CN-NIA findings' },
      });
    });
    const checkIns = await atB.get<{ items: unknown[] }>(`/api/v1/operations/${atBId}/check-ins`);
    expect(checkIns.body.items).toHaveLength(1);
  });

  it('an interception at A becomes a handover rescheduled by B, accepted at A and done once both confirm', async () => {
    const caught = await ok(
      atA.post<{ id: string }>('/api/v1/operations/interceptions', buildInterception()),
      201,
    );
    const requested = await ok(
      atA.post<Handover>('/api/v1/operations/handovers', {
        interceptionId: caught.id,
        counterpartAgency: 'MN-GABP',
        person: { surname: 'BAT', givenNames: 'ERDENE', nationality: 'MNG' },
        health: { testResult: 'negative', symptoms: [] },
        proposedAt: '2026-03-03T06:00:00Z',
        place: { passCode: 'P1' },
      }),
      201,
    );
    expect(requested).toMatchObject({ awaiting: 'counterpart', canAccept: false });
    let received: Handover | undefined;
    await eventually(async () => {
      const listed = await atB.get<Page<Handover>>('/api/v1/operations/handovers');
      received = listed.body.items.find((item) => item.role === 'receiving');
      expect(received).toMatchObject({
        status: 'requested',
        person: { surname: 'BAT' },
        awaiting: 'us',
        canAccept: true,
      });
    });
    if (!received) throw new Error('the request did not reach B');
    const receivedId = received.id;

    const moved = await ok(
      atB.post<Handover>(`/api/v1/operations/handovers/${receivedId}/reschedule`, {
        proposedAt: '2026-03-04T06:00:00Z',
      }),
    );
    expect(moved).toMatchObject({ status: 'rescheduled', awaiting: 'counterpart', canAccept: false });
    const handoverAt = async (client: ApiClient, id: string) =>
      (await client.get<Handover>(`/api/v1/operations/handovers/${id}`)).body;
    await eventually(async () =>
      expect(await handoverAt(atA, requested.id)).toMatchObject({
        status: 'rescheduled',
        proposedAt: '2026-03-04T06:00:00.000Z',
        awaiting: 'us',
        canAccept: true,
      }),
    );
    expect((await atB.post(`/api/v1/operations/handovers/${receivedId}/accept`)).status).toBe(409);
    const accepted = await ok(atA.post<Handover>(`/api/v1/operations/handovers/${requested.id}/accept`));
    expect(accepted).toMatchObject({ status: 'accepted', awaiting: null, canAccept: false });
    await eventually(async () =>
      expect(await handoverAt(atB, receivedId)).toMatchObject({ status: 'accepted', canAccept: false }),
    );

    await ok(atA.post(`/api/v1/operations/handovers/${requested.id}/done`));
    await ok(atB.post(`/api/v1/operations/handovers/${receivedId}/done`));
    await eventually(async () => {
      expect((await handoverAt(atA, requested.id)).status).toBe('done');
      expect((await handoverAt(atB, receivedId)).status).toBe('done');
    });
  });
});
