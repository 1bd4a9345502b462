import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Ajv } from 'ajv';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type RawServerDefault } from 'fastify';
import helmet from 'helmet';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { migrationsPending, ping } from '../db/migrate.js';
import { AppError } from '../errors.js';
import { newId } from '../ids.js';
import type { Metrics } from '../metrics.js';
import { projectRoot } from '../paths.js';
import { registerAccessControl } from './access.js';
import { nulCharacterAt, nulIssue, withNodeFormats } from './formats.js';
import { sendProblem } from './problem.js';
import { Problem } from './schemas.js';

export type HttpApp = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** A module's HTTP surface, registered by the composition root. */
export type RouteRegistrar = (app: HttpApp) => void | Promise<void>;

export interface HttpDeps {
  config: Config;
  db: Kysely<Database>;
  log: Logger;
  metrics: Metrics;
  routes: RouteRegistrar[];
  version: string;
}

function validatorCompilers() {
  // Bodies are taken as sent (no coercion, unknown fields refused); query strings and path params arrive
  // as text, so only they are coerced to the declared types.
  const options = { allErrors: true, removeAdditional: false, useDefaults: true, strict: false } as const;
  const strict = withNodeFormats(new Ajv({ ...options, coerceTypes: false }));
  const coercing = withNodeFormats(new Ajv({ ...options, coerceTypes: 'array' }));
  return { strict, coercing };
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Builds the node's HTTP server: conventions, security, docs, health and every module's routes. */
export async function buildHttpApp(deps: HttpDeps): Promise<HttpApp> {
  const app = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    bodyLimit: deps.config.bodyLimitBytes,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : newId();
    },
    routerOptions: { maxParamLength: 200 },
    // the router's own refusals (a malformed or overlong path) answer as problem+json like every other
    frameworkErrors: (error, request, reply) => sendProblem(error, request, reply),
    return503OnClosing: true,
  }).withTypeProvider<TypeBoxTypeProvider>();

  const { strict, coercing } = validatorCompilers();
  app.setValidatorCompiler(({ schema, httpPart }) =>
    httpPart === 'body' ? strict.compile(schema) : coercing.compile(schema),
  );
  app.addSchema(Problem);
  app.setErrorHandler((error, request, reply) => sendProblem(error, request, reply));

  // While the node stops, every answer closes its connection: a kept-alive connection that was busy when
  // the server began closing would otherwise hold the close open until the keep-alive timeout.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', String(request.id));
    if (closing) reply.header('connection', 'close');
  });
  app.addHook('onResponse', async (request, reply) => {
    deps.metrics.httpDuration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: reply.statusCode },
      reply.elapsedTime / 1000,
    );
  });

  // Built once: @fastify/helmet rebuilt helmet's middleware (parsing the policy) on every request.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        workerSrc: ["'self'", 'blob:'],
        childSrc: ["'self'", 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: deps.config.secureCookies,
  });
  app.addHook('onRequest', (request, reply, done) =>
    securityHeaders(request.raw, reply.raw, (error?: unknown) =>
      error === undefined ? done() : done(error instanceof Error ? error : new Error(String(error))),
    ),
  );
  // a NUL character anywhere in a request is refused as bad input (see nulIssue)
  app.addHook('preValidation', async (request) => {
    const parts = { params: request.params, querystring: request.query, body: request.body };
    for (const [part, value] of Object.entries(parts)) {
      const at = nulCharacterAt(value);
      if (at === undefined) continue;
      const issue = nulIssue(at);
      throw Object.assign(new Error(`${part}${at} ${issue.message}`), {
        statusCode: 400,
        validationContext: part,
        validation: [issue],
      });
    }
  });
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Borderlink API',
        version: deps.version,
        description: 'Cross-border epidemic liaison between border and immigration agencies.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'bl_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `def-${i}`) },
    // A streamed upload has no body schema (its handler reads the raw request): the document still shows the
    // file types it takes, as a binary body of each.
    transform: ({ schema, url }) => ({
      schema:
        schema?.consumes && !schema.body ? { ...schema, body: { type: 'string', format: 'binary' } } : schema,
      url,
    }),
  });
  registerAccessControl(app, deps.db);

  registerOperationalRoutes(app, deps);
  for (const register of deps.routes) await register(app);
  await registerWebApp(app);
  return app;
}

function registerOperationalRoutes(app: HttpApp, deps: HttpDeps): void {
  const hidden = { hide: true };
  app.get('/healthz', { schema: hidden }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: hidden }, async (_request, reply) => {
    try {
      await ping(deps.db);
      const pending = await migrationsPending(deps.db);
      if (pending > 0)
        throw new AppError('unavailable', 'db.migrations_pending', `${pending} migrations pending`);
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('unavailable', 'db.unreachable', 'The database does not answer');
    }
    return reply.send({ status: 'ready' });
  });
  app.get('/metrics', { schema: hidden }, async (_request, reply) =>
    reply.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics()),
  );
  app.get('/api/openapi.json', { schema: hidden }, async () => app.swagger());
}

const API_PREFIXES = ['/api/', '/federation/', '/.well-known/', '/healthz', '/readyz', '/metrics'];

/** Serves the built web app with a fallback to index.html for client-side routes; APIs answer 404 problems. */
async function registerWebApp(app: HttpApp): Promise<void> {
  const root = path.join(projectRoot, 'web', 'dist');
  const hasWeb = existsSync(path.join(root, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root, wildcard: false, index: ['index.html'] });
  app.setNotFoundHandler((request, reply) => {
    const isApi = API_PREFIXES.some((prefix) => request.url.startsWith(prefix));
    if (hasWeb && request.method === 'GET' && !isApi) return reply.sendFile('index.html');
    return sendProblem(
      new AppError(
        'not_found',
        'http.route_not_found',
        `No route ${request.method} ${request.url.split('?')[0]}`,
      ),
      request,
      reply,
    );
  });
}
