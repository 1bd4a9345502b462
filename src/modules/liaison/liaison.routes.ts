import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Db } from '../../core/db/database.js';
import { AppError } from '../../core/errors.js';
import { actorOf } from '../../core/http/access.js';
import type { HttpApp } from '../../core/http/app.js';
import { ErrorResponses, IdParams, IsoDate, Page, Uuid } from '../../core/http/schemas.js';
import * as files from './liaison.attachments.js';
import {
  LiaisonContact,
  LiaisonContactChanges,
  LiaisonCounts,
  LiaisonFile,
  LiaisonListQuery,
  NewLiaisonContact,
} from './liaison.schema.js';
import * as liaison from './liaison.service.js';

const WRITERS = { roles: ['liaison_officer'] } as const;
/** Leaders' correspondence is need-to-know: port officers do not read it. */
const READERS = { roles: ['liaison_officer', 'analyst', 'patrol_commander', 'viewer'] } as const;
const tags = ['liaison'];
const FileParams = Type.Object({ id: Uuid, fileId: Uuid }, { additionalProperties: false });
const Binary = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'the file' });

/** The liaison log: letters, calls and meetings with counterpart leaders and international bodies. */
export function liaisonRoutes(db: Db) {
  return async (app: HttpApp) => {
    app.get(
      '/api/v1/liaison/contacts',
      {
        config: { access: READERS },
        schema: {
          tags,
          querystring: LiaisonListQuery,
          response: { 200: Page(LiaisonContact), ...ErrorResponses },
        },
      },
      async (request) => liaison.listContacts(db, request.query),
    );
    app.get(
      '/api/v1/liaison/contacts/counts',
      {
        config: { access: READERS },
        schema: {
          tags,
          querystring: Type.Object({ from: IsoDate, to: IsoDate }, { additionalProperties: false }),
          response: { 200: LiaisonCounts, ...ErrorResponses },
        },
      },
      async (request) => liaison.countLiaisonContacts(db, request.query),
    );
    app.post(
      '/api/v1/liaison/contacts',
      {
        config: { access: WRITERS },
        schema: { tags, body: NewLiaisonContact, response: { 201: LiaisonContact, ...ErrorResponses } },
      },
      async (request, reply) =>
        reply.status(201).send(await liaison.createContact(db, actorOf(request), request.body)),
    );
    app.get(
      '/api/v1/liaison/contacts/:id',
      {
        config: { access: READERS },
        schema: { tags, params: IdParams, response: { 200: LiaisonContact, ...ErrorResponses } },
      },
      async (request) => liaison.getContact(db, request.params.id),
    );
    app.patch(
      '/api/v1/liaison/contacts/:id',
      {
        config: { access: WRITERS },
        schema: {
          tags,
          params: IdParams,
          body: LiaisonContactChanges,
          response: { 200: LiaisonContact, ...ErrorResponses },
        },
      },
      async (request) => liaison.updateContact(db, actorOf(request), request.params.id, request.body),
    );
    app.delete(
      '/api/v1/liaison/contacts/:id',
      {
        config: { access: WRITERS },
        schema: { tags, params: IdParams, response: { 204: Type.Null(), ...ErrorResponses } },
      },
      async (request, reply) => {
        await liaison.deleteContact(db, actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
    // The raw-body parser lives in its own scope so it never changes how other modules' routes parse.
    await app.register((scope, _options, done) => {
      registerFileRoutes(scope.withTypeProvider<TypeBoxTypeProvider>(), db);
      done();
    });
  };
}

/**
 * Files kept with a contact. Uploads arrive as application/octet-stream, the file's name URL-encoded in
 * X-File-Name, as for a notification's attachments.
 */
function registerFileRoutes(app: HttpApp, db: Db): void {
  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: files.MAX_LIAISON_FILE_BYTES },
    (_request, body, done) => done(null, body),
  );
  app.get(
    '/api/v1/liaison/contacts/:id/files',
    {
      config: { access: READERS },
      schema: { tags, params: IdParams, response: { 200: Type.Array(LiaisonFile), ...ErrorResponses } },
    },
    async (request) => files.listFiles(db, request.params.id),
  );
  app.post(
    '/api/v1/liaison/contacts/:id/files',
    {
      config: { access: WRITERS },
      schema: {
        tags,
        description:
          'The raw file as application/octet-stream (up to 20 MB), its name URL-encoded in the X-File-Name header',
        params: IdParams,
        response: { 201: LiaisonFile, ...ErrorResponses },
      },
    },
    async (request, reply) => {
      const header = request.headers['x-file-name'];
      const name = typeof header === 'string' ? safeDecode(header) : '';
      const file = await files.attachFile(
        db,
        actorOf(request),
        request.params.id,
        name,
        rawBody(request.body),
      );
      return reply.status(201).send(file);
    },
  );
  app.get(
    '/api/v1/liaison/contacts/:id/files/:fileId',
    {
      config: { access: READERS },
      schema: { tags, params: FileParams, response: { 200: Binary, ...ErrorResponses } },
    },
    async (request, reply) => {
      const { file, data } = await files.readFile(db, request.params.id, request.params.fileId);
      return reply
        .type(file.mediaType)
        .header('content-disposition', contentDisposition(file.name))
        .header('x-content-sha256', file.sha256)
        .send(data);
    },
  );
  app.delete(
    '/api/v1/liaison/contacts/:id/files/:fileId',
    {
      config: { access: WRITERS },
      schema: { tags, params: FileParams, response: { 204: Type.Null(), ...ErrorResponses } },
    },
    async (request, reply) => {
      await files.removeFile(db, actorOf(request), request.params.id, request.params.fileId);
      return reply.status(204).send(null);
    },
  );
}

/** An ASCII fallback plus the UTF-8 name (RFC 6266), since letters are often named in Chinese or Russian. */
function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}

const encodeRfc5987 = (value: string) =>
  encodeURIComponent(value).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );

function rawBody(body: unknown): Buffer {
  if (Buffer.isBuffer(body)) return body;
  throw new AppError(
    'unsupported_media_type',
    'liaison.unsupported_media_type',
    'send the file as the raw request body (application/octet-stream)',
  );
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return '';
  }
}
