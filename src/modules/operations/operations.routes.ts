import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../core/db/database.js';
import { actorOf, principalOf } from '../../core/http/access.js';
import type { HttpApp } from '../../core/http/app.js';
import { ErrorResponses, IdParams, Page, StringEnum, Uuid } from '../../core/http/schemas.js';
import * as handovers from './handovers.service.js';
import * as interceptions from './interceptions.service.js';
import {
  AfterActionReport,
  CalendarEntry,
  CheckIn,
  CounterProposal,
  HANDOVER_STATUSES,
  Handover,
  Hotspots,
  ImportResult,
  Interception,
  InterceptionListQuery,
  NewCheckIn,
  NewHandover,
  NewInterception,
  NewOperation,
  NewSchedule,
  Operation,
  OperationChanges,
  OperationListQuery,
  PeriodQuery,
  Reschedule,
} from './operations.schema.js';
import * as operations from './operations.service.js';

const COMMANDER = { roles: ['patrol_commander'] } as const;
const ANYONE = { roles: 'any' } as const;
const tags = ['operations'];

export interface OperationsRouteOptions {
  readonly duplicateRule?: interceptions.DuplicateRule;
}

const readerOf = (request: FastifyRequest): interceptions.Reader => ({
  actor: actorOf(request),
  personalData: principalOf(request).personalData,
});

/** Joint operations, interceptions, handovers and hotspots. */
export function operationsRoutes(
  db: Db,
  deps: operations.OperationsDeps,
  options: OperationsRouteOptions = {},
) {
  const rule = options.duplicateRule ?? interceptions.DEFAULT_DUPLICATE_RULE;
  return async (app: HttpApp) => {
    registerOperationRoutes(app, db, deps);
    await registerInterceptionRoutes(app, db, rule);
    registerHandoverRoutes(app, db, deps);
  };
}

function registerOperationRoutes(app: HttpApp, db: Db, deps: operations.OperationsDeps): void {
  app.get(
    '/api/v1/operations',
    {
      config: { access: ANYONE },
      schema: {
        tags,
        querystring: OperationListQuery,
        response: { 200: Page(Operation), ...ErrorResponses },
      },
    },
    async (request) => operations.listOperations(db, request.query),
  );
  app.post(
    '/api/v1/operations',
    {
      config: { access: COMMANDER },
      schema: { tags, body: NewOperation, response: { 201: Operation, ...ErrorResponses } },
    },
    async (request, reply) =>
      reply.status(201).send(await operations.createOperation(db, deps, actorOf(request), request.body)),
  );
  app.post(
    '/api/v1/operations/schedules',
    {
      config: { access: COMMANDER },
      schema: {
        tags,
        body: NewSchedule,
        response: {
          201: Type.Object({ scheduleId: Type.String(), occurrences: Type.Array(Operation) }),
          ...ErrorResponses,
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await operations.createSchedule(db, deps, actorOf(request), request.body)),
  );
  app.get(
    '/api/v1/operations/calendar',
    {
      config: { access: ANYONE },
      schema: {
        tags,
        querystring: PeriodQuery,
        response: { 200: Type.Object({ items: Type.Array(CalendarEntry) }), ...ErrorResponses },
      },
    },
    async (request) => operations.calendar(db, request.query.from, request.query.to),
  );
  app.get(
    '/api/v1/operations/hotspots',
    {
      config: { access: ANYONE },
      schema: { tags, querystring: PeriodQuery, response: { 200: Hotspots, ...ErrorResponses } },
    },
    async (request) => interceptions.hotspots(db, request.query.from, request.query.to),
  );
  app.get(
    '/api/v1/operations/:id',
    {
      config: { access: ANYONE },
      schema: { tags, params: IdParams, response: { 200: Operation, ...ErrorResponses } },
    },
    async (request) => operations.getOperation(db, request.params.id),
  );
  app.patch(
    '/api/v1/operations/:id',
    {
      config: { access: COMMANDER },
      schema: {
        tags,
        params: IdParams,
        body: OperationChanges,
        response: { 200: Operation, ...ErrorResponses },
      },
    },
    async (request) => operations.updateOperation(db, actorOf(request), request.params.id, request.body),
  );
  for (const [path, action] of [
    ['propose', 'propose'],
    ['agree', 'agree'],
    ['decline', 'decline'],
    ['start', 'start'],
    ['share-report', 'share_report'],
  ] as const) {
    app.post(
      `/api/v1/operations/:id/${path}`,
      {
        config: { access: COMMANDER },
        schema: { tags, params: IdParams, response: { 200: Operation, ...ErrorResponses } },
      },
      async (request) => operations.transition(db, deps, actorOf(request), request.params.id, action),
    );
  }
  app.post(
    '/api/v1/operations/:id/counter-propose',
    {
      config: { access: COMMANDER },
      schema: {
        tags,
        params: IdParams,
        body: CounterProposal,
        response: { 200: Operation, ...ErrorResponses },
      },
    },
    async (request) => operations.counterPropose(db, deps, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/v1/operations/:id/complete',
    {
      config: { access: COMMANDER },
      schema: {
        tags,
        params: IdParams,
        body: AfterActionReport,
        response: { 200: Operation, ...ErrorResponses },
      },
    },
    async (request) => operations.complete(db, actorOf(request), request.params.id, request.body),
  );
  app.get(
    '/api/v1/operations/:id/check-ins',
    {
      config: { access: ANYONE },
      schema: {
        tags,
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(CheckIn) }), ...ErrorResponses },
      },
    },
    async (request) => ({ items: await operations.listCheckIns(db, request.params.id) }),
  );
  app.post(
    '/api/v1/operations/:id/check-ins',
    {
      config: { access: COMMANDER },
      schema: { tags, params: IdParams, body: NewCheckIn, response: { 201: CheckIn, ...ErrorResponses } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await operations.addCheckIn(db, actorOf(request), request.params.id, request.body)),
  );
}

async function registerInterceptionRoutes(
  app: HttpApp,
  db: Db,
  rule: interceptions.DuplicateRule,
): Promise<void> {
  app.get(
    '/api/v1/operations/interceptions',
    {
      config: { access: ANYONE },
      schema: {
        tags,
        querystring: InterceptionListQuery,
        response: { 200: Page(Interception), ...ErrorResponses },
      },
    },
    async (request) => interceptions.listInterceptions(db, readerOf(request), request.query),
  );
  app.post(
    '/api/v1/operations/interceptions',
    {
      config: { access: COMMANDER },
      schema: { tags, body: NewInterception, response: { 201: Interception, ...ErrorResponses } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await interceptions.createInterception(db, rule, readerOf(request), request.body)),
  );
  app.get(
    '/api/v1/operations/interceptions/:id',
    {
      config: { access: { roles: 'any', personalData: true } },
      schema: { tags, params: IdParams, response: { 200: Interception, ...ErrorResponses } },
    },
    async (request) => interceptions.getInterception(db, readerOf(request), request.params.id),
  );
  app.post(
    '/api/v1/operations/interceptions/:id/merge',
    {
      config: { access: COMMANDER },
      schema: {
        tags,
        params: IdParams,
        body: Type.Object({ into: Uuid }, { additionalProperties: false }),
        response: { 200: Interception, ...ErrorResponses },
      },
    },
    async (request) =>
      interceptions.mergeInterception(db, actorOf(request), request.params.id, request.body.into),
  );
  app.post(
    '/api/v1/operations/interceptions/:id/not-duplicate',
    {
      config: { access: COMMANDER },
      schema: { tags, params: IdParams, response: { 200: Interception, ...ErrorResponses } },
    },
    async (request) => interceptions.dismissDuplicate(db, actorOf(request), request.params.id),
  );
  // Its own plugin, so the CSV and NDJSON parsers apply to the import route only.
  await app.register((scoped: HttpApp, _options, done) => {
    for (const type of ['text/csv', 'application/x-ndjson']) {
      scoped.addContentTypeParser(type, { parseAs: 'string' }, (_request, body, done) => done(null, body));
    }
    scoped.post(
      '/api/v1/operations/interceptions/import',
      {
        config: { access: COMMANDER },
        schema: {
          tags,
          consumes: ['text/csv', 'application/x-ndjson'],
          response: { 200: ImportResult, ...ErrorResponses },
        },
      },
      async (request) => {
        const format = (request.headers['content-type'] ?? '').startsWith('text/csv') ? 'csv' : 'ndjson';
        return interceptions.importInterceptions(db, rule, readerOf(request), format, String(request.body));
      },
    );
    done();
  });
}

function registerHandoverRoutes(app: HttpApp, db: Db, deps: operations.OperationsDeps): void {
  const PERSONAL_COMMANDER = { roles: ['patrol_commander'], personalData: true } as const;
  app.get(
    '/api/v1/operations/handovers',
    {
      config: { access: ANYONE },
      schema: {
        tags,
        querystring: Type.Object(
          {
            status: Type.Optional(StringEnum(HANDOVER_STATUSES)),
            cursor: Type.Optional(Type.String({ maxLength: 500 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(Handover), ...ErrorResponses },
      },
    },
    async (request) => handovers.listHandovers(db, readerOf(request), request.query),
  );
  app.post(
    '/api/v1/operations/handovers',
    {
      config: { access: PERSONAL_COMMANDER },
      schema: { tags, body: NewHandover, response: { 201: Handover, ...ErrorResponses } },
    },
    async (request, reply) =>
      reply.status(201).send(await handovers.requestHandover(db, deps, actorOf(request), request.body)),
  );
  app.get(
    '/api/v1/operations/handovers/:id',
    {
      config: { access: { roles: 'any', personalData: true } },
      schema: { tags, params: IdParams, response: { 200: Handover, ...ErrorResponses } },
    },
    async (request) => handovers.getHandover(db, readerOf(request), request.params.id),
  );
  for (const step of ['accept', 'done'] as const) {
    app.post(
      `/api/v1/operations/handovers/:id/${step}`,
      {
        config: { access: PERSONAL_COMMANDER },
        schema: { tags, params: IdParams, response: { 200: Handover, ...ErrorResponses } },
      },
      async (request) => handovers.handoverStep(db, deps, actorOf(request), request.params.id, step),
    );
  }
  app.post(
    '/api/v1/operations/handovers/:id/reschedule',
    {
      config: { access: PERSONAL_COMMANDER },
      schema: { tags, params: IdParams, body: Reschedule, response: { 200: Handover, ...ErrorResponses } },
    },
    async (request) =>
      handovers.handoverStep(db, deps, actorOf(request), request.params.id, 'reschedule', request.body),
  );
}
