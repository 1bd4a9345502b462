import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { AppError } from '../../core/errors.js';
import { actorOf, principalOf } from '../../core/http/access.js';
import type { HttpApp } from '../../core/http/app.js';
import { AgencyCode, ErrorResponses, IdParams, Language, Page } from '../../core/http/schemas.js';
import { readAttachment, storeAttachment } from './attachments.js';
import { exportCap, importCap } from './cap-exchange.js';
import { READ_ROLES, SEND_ROLES, SUPERVISOR_ROLES } from './exchange.access.js';
import {
  AckBody,
  AttachmentView,
  CapImportQuery,
  DocumentQuery,
  DraftChanges,
  ListQuery,
  ManualIncoming,
  ManualStatus,
  NewNotification,
  NotificationSummary,
  NotificationView,
  OverdueItem,
  PeerDeadlines,
  Sha256,
} from './exchange.schema.js';
import * as exchange from './exchange.service.js';
import { MAX_ATTACHMENT_BYTES, MAX_CAP_BYTES } from './exchange.settings.js';
import { manualDocument, recordManualIncoming, recordManualStatus } from './manual-peers.js';

const tags = ['exchange'];
const READ = { roles: READ_ROLES } as const;
const SEND = { roles: SEND_ROLES } as const;
const SUPERVISE = { roles: SUPERVISOR_ROLES } as const;
const ADMIN = { roles: ['admin'] } as const;
const Created = Type.Object({ id: Type.String() });
const LangQuery = Type.Object({ lang: Type.Optional(Language) }, { additionalProperties: false });
const AgencyParams = Type.Object({ agency: AgencyCode }, { additionalProperties: false });
const CAP_TYPES = ['application/cap+xml', 'application/xml', 'text/xml'];
const Binary = (description: string) =>
  Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description });

/** Notifications, attachments, CAP, manual peers and acknowledgement deadlines. */
export function exchangeRoutes(deps: exchange.ExchangeDeps) {
  return async (app: HttpApp) => {
    registerNotificationRoutes(app, deps);
    registerRecipientRoutes(app, deps);
    registerDeadlineRoutes(app, deps);
    // Raw-body parsers live in their own scope so they never change how other modules' routes parse.
    await app.register((scope, _options, done) => {
      registerUploadRoutes(scope.withTypeProvider<TypeBoxTypeProvider>(), deps);
      done();
    });
  };
}

function registerNotificationRoutes(app: HttpApp, deps: exchange.ExchangeDeps): void {
  app.post(
    '/api/v1/notifications',
    {
      config: { access: SEND },
      schema: { tags, body: NewNotification, response: { 201: Created, ...ErrorResponses } },
    },
    async (request, reply) =>
      reply.status(201).send(await exchange.createNotification(deps, principalOf(request), request.body)),
  );
  app.get(
    '/api/v1/notifications',
    {
      config: { access: READ },
      schema: {
        tags,
        querystring: ListQuery,
        response: { 200: Page(NotificationSummary), ...ErrorResponses },
      },
    },
    async (request) => exchange.listNotifications(deps, principalOf(request), request.query),
  );
  app.get(
    '/api/v1/notifications/overdue',
    {
      config: { access: SUPERVISE },
      schema: {
        tags,
        querystring: Type.Object(
          {
            cursor: Type.Optional(Type.String({ maxLength: 500 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(OverdueItem),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
            counts: Type.Object({ inbox: Type.Integer(), outbox: Type.Integer() }),
          }),
          ...ErrorResponses,
        },
      },
    },
    async (request) => exchange.listOverdue(deps, principalOf(request), request.query),
  );
  app.get(
    '/api/v1/notifications/:id',
    {
      config: { access: READ },
      schema: {
        tags,
        params: IdParams,
        querystring: LangQuery,
        response: { 200: NotificationView, ...ErrorResponses },
      },
    },
    async (request) =>
      exchange.getNotification(deps, principalOf(request), request.params.id, request.query.lang),
  );
  app.patch(
    '/api/v1/notifications/:id',
    {
      config: { access: SEND },
      schema: {
        tags,
        params: IdParams,
        body: DraftChanges,
        response: { 204: Type.Null(), ...ErrorResponses },
      },
    },
    async (request, reply) => {
      await exchange.updateDraft(deps, principalOf(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );
  app.delete(
    '/api/v1/notifications/:id',
    {
      config: { access: SEND },
      schema: { tags, params: IdParams, response: { 204: Type.Null(), ...ErrorResponses } },
    },
    async (request, reply) => {
      await exchange.deleteDraft(deps, principalOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/v1/notifications/:id/send',
    {
      config: { access: SEND },
      schema: { tags, params: IdParams, response: { 204: Type.Null(), ...ErrorResponses } },
    },
    async (request, reply) => {
      await exchange.sendDraft(deps, principalOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/v1/notifications/:id/ack',
    {
      config: { access: SEND },
      // Acknowledging needs no body; an empty request stands for `{}`.
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: {
        tags,
        params: IdParams,
        body: AckBody,
        response: { 200: NotificationView, ...ErrorResponses },
      },
    },
    async (request) => exchange.acknowledge(deps, principalOf(request), request.params.id, request.body.note),
  );
  app.get(
    '/api/v1/notifications/:id/cap',
    {
      config: { access: READ },
      schema: {
        tags,
        params: IdParams,
        querystring: LangQuery,
        response: { 200: Type.String(), ...ErrorResponses },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const xml = await exportCap(
        deps,
        principal,
        request.params.id,
        request.query.lang ?? principal.language,
      );
      return reply.type('application/cap+xml; charset=utf-8').send(xml);
    },
  );
}

function registerRecipientRoutes(app: HttpApp, deps: exchange.ExchangeDeps): void {
  app.get(
    '/api/v1/notifications/:id/document',
    {
      config: { access: READ },
      schema: {
        tags,
        params: IdParams,
        querystring: DocumentQuery,
        response: { 200: Binary('PDF or text'), ...ErrorResponses },
      },
    },
    async (request, reply) => {
      const document = await manualDocument(deps, principalOf(request), request.params.id, request.query);
      return reply
        .type(document.contentType)
        .header('content-disposition', `attachment; filename="${document.fileName}"`)
        .header('content-language', document.language)
        .send(document.data);
    },
  );
  app.post(
    '/api/v1/notifications/:id/recipients/:agency/status',
    {
      config: { access: SEND },
      schema: {
        tags,
        params: Type.Object(
          { id: IdParams.properties.id, agency: AgencyCode },
          { additionalProperties: false },
        ),
        body: ManualStatus,
        response: { 204: Type.Null(), ...ErrorResponses },
      },
    },
    async (request, reply) => {
      await recordManualStatus(
        deps,
        principalOf(request),
        request.params.id,
        request.params.agency,
        request.body,
      );
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/v1/notifications/manual-incoming',
    {
      config: { access: SEND },
      schema: { tags, body: ManualIncoming, response: { 201: Created, ...ErrorResponses } },
    },
    async (request, reply) =>
      reply.status(201).send(await recordManualIncoming(deps, principalOf(request), request.body)),
  );
}

function registerDeadlineRoutes(app: HttpApp, deps: exchange.ExchangeDeps): void {
  const DeadlinesView = Type.Object({
    routine: Type.Integer(),
    urgent: Type.Integer(),
    flash: Type.Integer(),
    custom: Type.Boolean(),
  });
  app.get(
    '/api/v1/exchange/deadlines/:agency',
    {
      config: { access: READ },
      schema: { tags, params: AgencyParams, response: { 200: DeadlinesView, ...ErrorResponses } },
    },
    async (request) => exchange.getPeerDeadlines(deps.db, request.params.agency),
  );
  app.put(
    '/api/v1/exchange/deadlines/:agency',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        params: AgencyParams,
        body: PeerDeadlines,
        response: { 200: DeadlinesView, ...ErrorResponses },
      },
    },
    async (request) => {
      await exchange.setPeerDeadlines(deps.db, actorOf(request), request.params.agency, request.body);
      return exchange.getPeerDeadlines(deps.db, request.params.agency);
    },
  );
}

function registerUploadRoutes(app: HttpApp, deps: exchange.ExchangeDeps): void {
  app.addContentTypeParser(
    CAP_TYPES,
    { parseAs: 'buffer', bodyLimit: MAX_CAP_BYTES },
    (_request, body, done) => done(null, body),
  );
  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES },
    (_request, body, done) => done(null, body),
  );
  app.post(
    '/api/v1/cap',
    {
      config: { access: SEND },
      schema: {
        tags,
        description: 'CAP 1.2 XML (application/cap+xml or application/xml), up to 5 MB',
        querystring: CapImportQuery,
        response: {
          200: Type.Object({ id: Type.String(), created: Type.Boolean() }),
          201: Type.Object({ id: Type.String(), created: Type.Boolean() }),
          ...ErrorResponses,
        },
      },
    },
    async (request, reply) => {
      const result = await importCap(
        deps,
        principalOf(request),
        rawBody(request.body, 'CAP XML'),
        request.query,
      );
      return reply.status(result.created ? 201 : 200).send(result);
    },
  );
  app.post(
    '/api/v1/attachments',
    {
      config: { access: SEND },
      schema: {
        tags,
        description:
          'The raw file as application/octet-stream (up to 20 MB), its name URL-encoded in the X-File-Name header',
        response: { 201: AttachmentView, ...ErrorResponses },
      },
    },
    async (request, reply) => {
      const header = request.headers['x-file-name'];
      const name = typeof header === 'string' ? safeDecode(header) : '';
      const stored = await storeAttachment(deps, actorOf(request), name, rawBody(request.body, 'file'));
      return reply.status(201).send(stored);
    },
  );
  app.get(
    '/api/v1/attachments/:sha256',
    {
      config: { access: READ },
      schema: {
        tags,
        params: Type.Object({ sha256: Sha256 }, { additionalProperties: false }),
        response: { 200: Binary('the file'), ...ErrorResponses },
      },
    },
    async (request, reply) => {
      await exchange.assertMayDownload(deps, principalOf(request), request.params.sha256);
      const file = await readAttachment(deps, request.params.sha256);
      return reply.type(file.mediaType).header('content-disposition', 'attachment').send(file.data);
    },
  );
}

function rawBody(body: unknown, what: string): Buffer {
  if (Buffer.isBuffer(body)) return body;
  throw new AppError(
    'unsupported_media_type',
    'exchange.unsupported_media_type',
    `send the ${what} as the raw request body`,
  );
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return '';
  }
}
