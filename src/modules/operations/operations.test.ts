import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import type { ApiClient } from '../../../test/support/http-client.js';
import { useTestNode } from '../../../test/support/nodes.js';
import type { OperationInviteBody, OperationReportBody } from '../exchange/bodies/index.js';
import { addManualPeer } from '../exchange/test-support/exchange-nodes.js';
import type { NewOperation, Operation } from './operations.schema.js';
import * as operations from './operations.service.js';
import {
  addCounterpartWithoutPeer,
  buildInterception,
  buildPatrol,
  COUNTERPART,
  outboxOf,
  seedGeography,
} from './test-support/fixtures.js';

const NOT_A_PEER = 'RU-FSB';

const inviteFrom = (operation: Operation, overrides: Partial<OperationInviteBody>): OperationInviteBody => ({
  schemaVersion: 1,
  operationId: operation.originOperationId,
  kind: operation.kind,
  title: operation.title,
  startsAt: operation.startsAt,
  endsAt: operation.endsAt,
  stage: 'agreed',
  ...overrides,
});

describeEachDatabase('joint operations', (dialect) => {
  const t = useTestNode(dialect, { code: 'CN-NIA' });
  let commander: ApiClient;
  let viewer: ApiClient;
  const db = () => t().node.context.db;

  beforeAll(async () => {
    await seedGeography(await t().admin());
    await addManualPeer(t(), COUNTERPART, { language: 'en' });
    commander = await t().userWith(['patrol_commander'], { personalData: true });
    viewer = await t().userWith(['viewer']);
  });

  const create = async (overrides: Record<string, unknown> = {}) => {
    const response = await commander.post<Operation>('/api/v1/operations', buildPatrol(overrides));
    expect(response.status).toBe(201);
    return response.body;
  };

  describe('routes', () => {
    it('answers 401 without a session, 403 to a viewer who plans, 400 on a plan without its kind fields', async () => {
      expect((await t().anonymous().get('/api/v1/operations')).status).toBe(401);
      expect((await viewer.post('/api/v1/operations', buildPatrol())).status).toBe(403);
      const bad = await commander.post('/api/v1/operations', { ...buildPatrol(), patrol: undefined });
      expect(bad.status).toBe(400);
      expect((await viewer.get('/api/v1/operations')).status).toBe(200);
    });

    it('refuses a time window that ends before it starts, naming both ends', async () => {
      const response = await commander.post(
        '/api/v1/operations',
        buildPatrol({ startsAt: '2026-03-02T12:00:00Z', endsAt: '2026-03-02T08:00:00Z' }),
      );
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('operations.window_ends_before_start');
      expect(response.body.detail).toContain('2026-03-02T08:00:00Z');
    });

    it('refuses an unknown border section and an agency that is not a counterpart', async () => {
      const section = await commander.post('/api/v1/operations', buildPatrol({ sectionCode: 'NOPE' }));
      expect(section.body.code).toBe('operations.unknown_section');
      const agency = await commander.post('/api/v1/operations', buildPatrol({ counterpartAgency: 'CN-NIA' }));
      expect(agency.body.code).toBe('operations.unknown_counterpart');
    });

    it('keeps kind-specific plans for law-enforcement operations and exercises', async () => {
      const { patrol, ...base } = buildPatrol() as Extract<NewOperation, { kind: 'patrol' }>;
      const law = await commander.post<Operation>('/api/v1/operations', {
        ...base,
        kind: 'law_enforcement',
        lawEnforcement: { targets: [{ kind: 'smuggling', description: 'Fuel smuggling ring' }] },
      });
      expect(law.status).toBe(201);
      expect(law.body.lawEnforcement?.targets[0]?.kind).toBe('smuggling');
      const exercise = await commander.post<Operation>('/api/v1/operations', {
        ...base,
        kind: 'exercise',
        exercise: { scenario: 'Group crossing with a fever case', objectives: ['Hand over within 2 h'] },
      });
      expect(exercise.body.exercise?.objectives).toEqual(['Hand over within 2 h']);
      const mixed = await commander.post('/api/v1/operations', {
        ...base,
        kind: 'exercise',
        patrol,
      });
      expect(mixed.status).toBe(400);
    });
  });

  describe('lifecycle', () => {
    it('runs a patrol we propose from draft to report shared, with check-ins only while in progress', async () => {
      const draft = await create();
      expect(draft).toMatchObject({ status: 'draft', proposedByUs: true });
      const proposed = await commander.post<Operation>(`/api/v1/operations/${draft.id}/propose`);
      expect(proposed.body.status).toBe('proposed');

      const ownAgree = await commander.post(`/api/v1/operations/${draft.id}/agree`);
      expect(ownAgree.status).toBe(409);
      expect(ownAgree.body.code).toBe('operations.not_your_move');

      await operations.recordIncomingOperationInvite(
        db(),
        COUNTERPART,
        inviteFrom(proposed.body, { stage: 'agreed' }),
      );
      expect((await commander.get<Operation>(`/api/v1/operations/${draft.id}`)).body.status).toBe('agreed');

      const early = await commander.post(`/api/v1/operations/${draft.id}/check-ins`, {
        unit: 'Post 3',
        at: '2026-03-02T08:10:00Z',
        lon: 100.2,
        lat: 42.2,
      });
      expect(early.status).toBe(409);
      expect(early.body.code).toBe('operations.not_in_progress');
      expect(early.body.detail).toContain('agreed');

      expect((await commander.post<Operation>(`/api/v1/operations/${draft.id}/start`)).body.status).toBe(
        'in_progress',
      );
      const checkIn = await commander.post(`/api/v1/operations/${draft.id}/check-ins`, {
        unit: 'Post 3',
        at: '2026-03-02T08:10:00Z',
        lon: 100.2,
        lat: 42.2,
      });
      expect(checkIn.status).toBe(201);
      const checkIns = await viewer.get<{ items: unknown[] }>(`/api/v1/operations/${draft.id}/check-ins`);
      expect(checkIns.body.items).toHaveLength(1);

      const interception = await commander.post(
        '/api/v1/operations/interceptions',
        buildInterception({
          operationId: draft.id,
          occurredAt: '2026-03-02T10:00:00Z',
          lon: 100.45,
          lat: 42.6,
        }),
      );
      expect(interception.status).toBe(201);

      const completed = await commander.post<Operation>(`/api/v1/operations/${draft.id}/complete`, {
        findings: 'Two persons turned back at marker 114',
        lessons: 'Radio relay needed in the valley',
      });
      expect(completed.body.status).toBe('completed');
      expect(completed.body.report?.interceptions).toMatchObject({ events: 1, persons: 2 });

      const shared = await commander.post<Operation>(`/api/v1/operations/${draft.id}/share-report`);
      expect(shared.body.status).toBe('report_shared');
      const reports = await outboxOf<OperationReportBody>(commander, 'operation.report');
      expect(reports.filter((item) => item.body.operationId === draft.originOperationId)).toEqual([
        expect.objectContaining({
          to: [COUNTERPART],
          body: expect.objectContaining({
            findings: 'Two persons turned back at marker 114',
            interceptions: expect.objectContaining({ events: 1, persons: 2 }),
          }),
        }),
      ]);

      const again = await commander.post(`/api/v1/operations/${draft.id}/start`);
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'operations.illegal_transition' });
      expect(again.body.detail).toContain('report_shared');
      expect(again.body.detail).toContain('agreed');

      await operations.recordIncomingOperationReport(db(), COUNTERPART, {
        schemaVersion: 1,
        operationId: draft.originOperationId,
        kind: 'patrol',
        findings: 'Nothing on our side',
        lessons: 'None',
        interceptions: { events: 0, persons: 0 },
        completedAt: '2026-03-02T13:00:00Z',
      });
      const final = await viewer.get<Operation>(`/api/v1/operations/${draft.id}`);
      expect(final.body.counterpartReport?.findings).toBe('Nothing on our side');
    });

    it('sends an operation.invite carrying our route, meeting points and radio channel when proposing', async () => {
      const draft = await create();
      const proposed = await commander.post<Operation>(`/api/v1/operations/${draft.id}/propose`);
      expect(proposed.status).toBe(200);
      const invites = await outboxOf<OperationInviteBody>(commander, 'operation.invite');
      const sent = invites.filter((item) => item.body.operationId === draft.id);
      expect(sent).toHaveLength(1);
      expect(sent[0]?.to).toEqual([COUNTERPART]);
      expect(sent[0]?.body).toMatchObject({
        stage: 'proposed',
        sectionCode: 'S1',
        radioChannel: 'CH-7',
        route: { type: 'LineString' },
        meetingPoints: [{ markerCode: '114' }],
      });
    });

    it('refuses to propose to a counterpart that is not a peer (409 naming it) and keeps the draft', async () => {
      await addCounterpartWithoutPeer(await t().admin(), NOT_A_PEER);
      const draft = await create({ counterpartAgency: NOT_A_PEER });
      const refused = await commander.post(`/api/v1/operations/${draft.id}/propose`);
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ code: 'exchange.recipient_not_peer', agency: NOT_A_PEER });
      expect(refused.body.detail).toContain(NOT_A_PEER);
      expect((await viewer.get<Operation>(`/api/v1/operations/${draft.id}`)).body.status).toBe('draft');
      const invites = await outboxOf<OperationInviteBody>(commander, 'operation.invite');
      expect(invites.filter((item) => item.body.operationId === draft.id)).toEqual([]);
    });

    it('answers a counterpart proposal with a counter-proposal and adopts it when they agree', async () => {
      const theirId = '019a0000-0000-7000-8000-000000000001';
      await operations.recordIncomingOperationInvite(db(), COUNTERPART, {
        schemaVersion: 1,
        operationId: theirId,
        kind: 'patrol',
        title: 'Their patrol',
        sectionCode: 'S1',
        startsAt: '2026-04-01T08:00:00Z',
        endsAt: '2026-04-01T10:00:00Z',
        route: {
          type: 'LineString',
          coordinates: [
            [100.5, 42.5],
            [100.6, 42.6],
          ],
        },
        stage: 'proposed',
      });
      const list = await viewer.get<{ items: Operation[] }>('/api/v1/operations?status=proposed&limit=500');
      const received = list.body.items.find((item) => item.originOperationId === theirId);
      expect(received).toMatchObject({ proposedByUs: false, originAgency: COUNTERPART });
      expect(received?.patrol?.routes.counterpart?.coordinates).toHaveLength(2);
      if (!received) throw new Error('proposal not recorded');

      const late = await commander.post(`/api/v1/operations/${received.id}/counter-propose`, {
        startsAt: '2026-04-01T12:00:00Z',
        endsAt: '2026-04-01T09:00:00Z',
      });
      expect(late.body.code).toBe('operations.window_ends_before_start');
      const counter = await commander.post<Operation>(`/api/v1/operations/${received.id}/counter-propose`, {
        startsAt: '2026-04-02T08:00:00Z',
        endsAt: '2026-04-02T10:00:00Z',
        note: 'The 1st is a holiday',
      });
      expect(counter.body.status).toBe('counter_proposed');
      const answers = await outboxOf<OperationInviteBody>(commander, 'operation.invite');
      expect(answers.filter((item) => item.body.operationId === theirId)).toEqual([
        expect.objectContaining({
          to: [COUNTERPART],
          body: expect.objectContaining({ stage: 'counter_proposed', startsAt: '2026-04-02T08:00:00.000Z' }),
        }),
      ]);

      await operations.recordIncomingOperationInvite(
        db(),
        COUNTERPART,
        inviteFrom(received, {
          stage: 'agreed',
          startsAt: '2026-04-02T08:00:00Z',
          endsAt: '2026-04-02T10:00:00Z',
        }),
      );
      const agreed = await viewer.get<Operation>(`/api/v1/operations/${received.id}`);
      expect(agreed.body).toMatchObject({ status: 'agreed', startsAt: '2026-04-02T08:00:00.000Z' });
    });

    it('refuses a counterpart answer to an operation it was never sent', async () => {
      const draft = await create();
      await expect(
        operations.recordIncomingOperationInvite(db(), COUNTERPART, inviteFrom(draft, { stage: 'agreed' })),
      ).rejects.toMatchObject({ kind: 'invalid', code: 'operations.illegal_transition' });
    });
  });

  describe('schedules and calendar', () => {
    it('expands a weekly patrol into occurrences that the calendar shows', async () => {
      const response = await commander.post<{ scheduleId: string; occurrences: Operation[] }>(
        '/api/v1/operations/schedules',
        {
          operation: buildPatrol({ startsAt: '2027-01-04T08:00:00Z', endsAt: '2027-01-04T11:00:00Z' }),
          recurrence: { frequency: 'weekly', byDay: ['MO', 'TH'], until: '2027-01-17T00:00:00Z' },
        },
      );
      expect(response.status).toBe(201);
      expect(response.body.occurrences.map((o) => o.startsAt)).toEqual([
        '2027-01-04T08:00:00.000Z',
        '2027-01-07T08:00:00.000Z',
        '2027-01-11T08:00:00.000Z',
        '2027-01-14T08:00:00.000Z',
      ]);
      const week = await viewer.get<{ items: Array<{ scheduleId: string; endsAt: string }> }>(
        '/api/v1/operations/calendar?from=2027-01-01T00:00:00Z&to=2027-01-08T00:00:00Z',
      );
      expect(week.body.items).toHaveLength(2);
      expect(week.body.items.every((item) => item.scheduleId === response.body.scheduleId)).toBe(true);
      expect(week.body.items[0]?.endsAt).toBe('2027-01-04T11:00:00.000Z');
    });

    it('refuses a calendar period that ends before it starts', async () => {
      const response = await viewer.get(
        '/api/v1/operations/calendar?from=2027-02-01T00:00:00Z&to=2027-01-01T00:00:00Z',
      );
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('operations.period_ends_before_start');
    });

    it('counts operations by kind and status for reports', async () => {
      const counts = await operations.countOperations(db(), {
        from: '2027-01-01T00:00:00Z',
        to: '2027-02-01T00:00:00Z',
      });
      expect(counts).toEqual({ total: 4, byKind: { patrol: 4 }, byStatus: { draft: 4 } });
    });
  });
});
