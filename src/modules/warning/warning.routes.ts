import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.js';
import { actorOf } from '../../core/http/access.js';
import type { HttpApp } from '../../core/http/app.js';
import { type ValidationIssue, validationErrors } from '../../core/http/problem.js';
import { ErrorResponses, IdParams, Page } from '../../core/http/schemas.js';
import { recordBulkCrossings } from './bulk-crossings.js';
import { getCrossing } from './crossing.service.js';
import * as hits from './hit.service.js';
import { ListedHit } from './hit-list.schema.js';
import { type ByteSource, type RowFormat, rowFormatOf } from './row-input.js';
import * as rules from './rules.service.js';
import { passengerListRefusals, recordCrossing, recordExpectedCrossings } from './screening.service.js';
import type { WarningRuntime } from './warning.runtime.js';
import {
  BulkReport,
  Crossing,
  type ExpectedPassenger,
  FlaggedConveyance,
  Hit,
  HitActionInput,
  HitDecision,
  HitQuery,
  ImportQuery,
  ImportReport,
  NewCrossing,
  NewExpectedCrossings,
  NewFlaggedConveyance,
  NewWatchlistEntry,
  RuleSetting,
  RuleSettings,
  ScreeningOutcome,
  WatchlistEntry,
  WatchlistEntryChanges,
  WatchlistQuery,
} from './warning.schema.js';
import * as watchlist from './watchlist.service.js';

const tags = ['warning'];
const WATCHLIST = { roles: ['port_officer', 'liaison_officer'], personalData: true } as const;
const DESK = { roles: ['port_officer'], personalData: true } as const;
const RULES_READ = { roles: ['port_officer', 'analyst'] } as const;
const RULES_WRITE = { roles: ['port_officer'] } as const;
const ADMIN = { roles: ['admin'] } as const;
const STREAM_TYPES = ['text/csv', 'application/x-ndjson', 'application/ndjson', 'application/jsonl'];
// Uploads stream through row by row, so their size is bounded by time, not memory.
const UPLOAD_LIMIT = 16 * 1024 ** 3;

/** The warning module's HTTP surface: watchlist, crossings, hits and early-warning rules. */
export function warningRoutes(rt: WarningRuntime) {
  return async (app: HttpApp) => {
    registerWatchlistRoutes(app, rt);
    registerCrossingRoutes(app, rt);
    registerHitRoutes(app, rt);
    registerRuleRoutes(app, rt);
    await app.register((scope, _options, registered) => {
      // Uploads reach their handler as the raw request stream; only these routes see the parser.
      scope.addContentTypeParser(STREAM_TYPES, (_request, payload, done) => {
        done(null, payload);
      });
      // Any other type (a form upload, XML, none) reaches the handler too, so its refusal says what to send
      // (`warning.upload_type`) rather than the framework's bare "Unsupported Media Type".
      scope.addContentTypeParser('*', (_request, payload, done) => {
        done(null, payload);
      });
      registerUploadRoutes(scope as unknown as HttpApp, rt);
      registered();
    });
  };
}

const UPLOAD_DESCRIPTION =
  'The body is the file itself, streamed: CSV (text/csv, a header row of snake_case columns, UTF-8) or NDJSON ' +
  '(application/x-ndjson, one JSON object per line). Each bad row is reported by line.';

function uploadOf(request: FastifyRequest): { source: ByteSource; format: RowFormat } {
  const format = rowFormatOf(request.headers['content-type']);
  if (!format) {
    throw new AppError(
      'unsupported_media_type',
      'warning.upload_type',
      'Send text/csv or application/x-ndjson',
    );
  }
  return { source: request.body as ByteSource, format };
}

function registerUploadRoutes(app: HttpApp, rt: WarningRuntime): void {
  app.post(
    '/api/v1/warning/watchlist/imports',
    {
      config: { access: WATCHLIST },
      bodyLimit: UPLOAD_LIMIT,
      schema: {
        tags,
        description: UPLOAD_DESCRIPTION,
        consumes: [...STREAM_TYPES],
        querystring: ImportQuery,
        response: { 201: ImportReport, ...ErrorResponses },
      },
    },
    async (request, reply) => {
      const { source, format } = uploadOf(request);
      const report = await watchlist.importEntries(
        rt,
        actorOf(request),
        source,
        format,
        request.query.partial ?? false,
      );
      return reply.status(201).send(report);
    },
  );
  app.post(
    '/api/v1/warning/crossings/bulk',
    {
      config: { access: DESK },
      bodyLimit: UPLOAD_LIMIT,
      schema: {
        tags,
        description: UPLOAD_DESCRIPTION,
        consumes: [...STREAM_TYPES],
        response: { 200: BulkReport, ...ErrorResponses },
      },
    },
    async (request) => {
      const { source, format } = uploadOf(request);
      return recordBulkCrossings(rt, actorOf(request), source, format);
    },
  );
}

function registerWatchlistRoutes(app: HttpApp, rt: WarningRuntime): void {
  app.get(
    '/api/v1/warning/watchlist',
    {
      config: { access: WATCHLIST },
      schema: {
        tags,
        querystring: WatchlistQuery,
        response: { 200: Page(WatchlistEntry), ...ErrorResponses },
      },
    },
    async (request) => watchlist.listEntries(rt, actorOf(request), request.query),
  );
  app.post(
    '/api/v1/warning/watchlist',
    {
      config: { access: WATCHLIST },
      schema: { tags, body: NewWatchlistEntry, response: { 201: WatchlistEntry, ...ErrorResponses } },
    },
    async (request, reply) =>
      reply.status(201).send(await watchlist.createEntry(rt, actorOf(request), request.body)),
  );
  app.get(
    '/api/v1/warning/watchlist/:id',
    {
      config: { access: WATCHLIST },
      schema: { tags, params: IdParams, response: { 200: WatchlistEntry, ...ErrorResponses } },
    },
    async (request) => watchlist.getEntry(rt, actorOf(request), request.params.id),
  );
  app.patch(
    '/api/v1/warning/watchlist/:id',
    {
      config: { access: WATCHLIST },
      schema: {
        tags,
        params: IdParams,
        body: WatchlistEntryChanges,
        response: { 200: WatchlistEntry, ...ErrorResponses },
      },
    },
    async (request) => watchlist.updateEntry(rt, actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/api/v1/warning/watchlist/:id',
    {
      config: { access: WATCHLIST },
      schema: { tags, params: IdParams, response: { 204: Type.Null(), ...ErrorResponses } },
    },
    async (request, reply) => {
      await watchlist.deleteEntry(rt, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}

function registerCrossingRoutes(app: HttpApp, rt: WarningRuntime): void {
  app.post(
    '/api/v1/warning/crossings',
    {
      config: { access: DESK },
      schema: { tags, body: NewCrossing, response: { 201: ScreeningOutcome, ...ErrorResponses } },
    },
    async (request, reply) =>
      reply.status(201).send(await recordCrossing(rt, actorOf(request), request.body)),
  );
  app.get(
    '/api/v1/warning/crossings/:id',
    {
      config: { access: DESK },
      schema: { tags, params: IdParams, response: { 200: Crossing, ...ErrorResponses } },
    },
    async (request) => getCrossing(rt, actorOf(request), request.params.id),
  );
  app.post(
    '/api/v1/warning/expected-crossings',
    {
      config: { access: DESK },
      // a list the schema refuses is answered here, so the answer names the rules' refusals as well
      attachValidation: true,
      schema: {
        tags,
        body: NewExpectedCrossings,
        response: { 201: Type.Object({ items: Type.Array(ScreeningOutcome) }), ...ErrorResponses },
      },
    },
    async (request, reply) => {
      if (request.validationError) throw await listRefusal(rt, request.validationError, request.body);
      return reply.status(201).send(await recordExpectedCrossings(rt, actorOf(request), request.body));
    },
  );
}

/**
 * A passenger list the schema refused, with the passengers it passed also checked against the crossing rules:
 * the carrier's manifest is corrected once, not once per kind of mistake.
 */
async function listRefusal(
  rt: WarningRuntime,
  schemaError: Error & { validation?: ValidationIssue[] },
  body: unknown,
): Promise<Error> {
  const list = body as { passengers?: unknown } | null;
  const passengers = list?.passengers;
  if (!schemaError.validation || !Array.isArray(passengers)) return schemaError;
  const schemaErrors = validationErrors('body', schemaError.validation);
  // a list refused as a whole (too long, not a list) is not read passenger by passenger
  if (schemaErrors.some((error) => error.path === '/body/passengers')) return schemaError;
  const bySchema = {
    passengers: new Set(
      schemaErrors.flatMap((error) => {
        const position = /^\/body\/passengers\/(\d+)/.exec(error.path)?.[1];
        return position === undefined ? [] : [Number(position)];
      }),
    ),
    fields: new Set(schemaErrors.map((error) => error.path.split('/')[2] ?? '')),
  };
  // only what the schema passed is read: it has the shape the rules expect
  const ruleErrors = await passengerListRefusals(
    rt,
    { ...list, passengers: passengers as ExpectedPassenger[] },
    bySchema,
  );
  if (ruleErrors.length === 0) return schemaError;
  const errors = [...schemaErrors, ...ruleErrors];
  const detail = errors.map((error) => `${error.path} ${error.message}`).join('; ');
  return new AppError('invalid', 'http.invalid_request', detail, { errors });
}

function registerHitRoutes(app: HttpApp, rt: WarningRuntime): void {
  app.get(
    '/api/v1/warning/hits',
    {
      config: { access: DESK },
      schema: { tags, querystring: HitQuery, response: { 200: Page(ListedHit), ...ErrorResponses } },
    },
    async (request) => hits.listHits(rt, actorOf(request), request.query),
  );
  app.get(
    '/api/v1/warning/hits/:id',
    {
      config: { access: DESK },
      schema: { tags, params: IdParams, response: { 200: Hit, ...ErrorResponses } },
    },
    async (request) => hits.getHit(rt, actorOf(request), request.params.id),
  );
  const decision = { tags, params: IdParams, body: HitDecision, response: { 200: Hit, ...ErrorResponses } };
  app.post(
    '/api/v1/warning/hits/:id/confirm',
    { config: { access: DESK }, schema: decision },
    async (request) => hits.confirmHit(rt, actorOf(request), request.params.id, request.body.reason),
  );
  app.post(
    '/api/v1/warning/hits/:id/dismiss',
    { config: { access: DESK }, schema: decision },
    async (request) => hits.dismissHit(rt, actorOf(request), request.params.id, request.body.reason),
  );
  app.post(
    '/api/v1/warning/hits/:id/action',
    {
      config: { access: DESK },
      schema: { tags, params: IdParams, body: HitActionInput, response: { 200: Hit, ...ErrorResponses } },
    },
    async (request) => hits.recordHitAction(rt, actorOf(request), request.params.id, request.body.action),
  );
}

function registerRuleRoutes(app: HttpApp, rt: WarningRuntime): void {
  app.get(
    '/api/v1/warning/flagged-conveyances',
    {
      config: { access: RULES_READ },
      schema: {
        tags,
        response: { 200: Type.Object({ items: Type.Array(FlaggedConveyance) }), ...ErrorResponses },
      },
    },
    async () => ({ items: await rules.listFlaggedConveyances(rt.db) }),
  );
  app.post(
    '/api/v1/warning/flagged-conveyances',
    {
      config: { access: RULES_WRITE },
      schema: { tags, body: NewFlaggedConveyance, response: { 201: FlaggedConveyance, ...ErrorResponses } },
    },
    async (request, reply) =>
      reply.status(201).send(await rules.flagConveyance(rt.db, actorOf(request), request.body)),
  );
  app.delete(
    '/api/v1/warning/flagged-conveyances/:id',
    {
      config: { access: RULES_WRITE },
      schema: { tags, params: IdParams, response: { 204: Type.Null(), ...ErrorResponses } },
    },
    async (request, reply) => {
      await rules.unflagConveyance(rt.db, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
  const Settings = Type.Object({ rules: Type.Array(RuleSetting) });
  app.get(
    '/api/v1/warning/rules',
    { config: { access: RULES_READ }, schema: { tags, response: { 200: Settings, ...ErrorResponses } } },
    async () => ({ rules: await rules.listRuleSettings(rt.db) }),
  );
  app.put(
    '/api/v1/warning/rules',
    {
      config: { access: ADMIN },
      schema: { tags, body: RuleSettings, response: { 200: Settings, ...ErrorResponses } },
    },
    async (request) => ({ rules: await rules.saveRuleSettings(rt.db, actorOf(request), request.body.rules) }),
  );
}
