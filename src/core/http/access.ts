import type { FastifyInstance, FastifyRequest } from 'fastify';
import { resolveApiToken, resolveSession } from '../auth/auth.service.js';
import { type Actor, hasRole, type Principal, type RouteAccess } from '../auth/roles.js';
import type { Db } from '../db/database.js';
import { AppError } from '../errors.js';

export const SESSION_COOKIE = 'bl_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What the caller needs; checked before the body is even parsed. */
    access?: RouteAccess;
  }
  interface FastifyRequest {
    principal: Principal | null;
    /** The session's CSRF token, for the session endpoint to hand back to the browser. */
    csrfToken: string | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The authenticated caller of a route that declared an access rule other than public. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('unauthenticated', 'auth.required', 'Log in first');
  return request.principal;
}

/** Who to write in the audit log for this request, logged in or not. */
export function actorOf(request: FastifyRequest): Actor {
  return (
    request.principal ?? { userId: null, name: 'anonymous', ip: request.ip, requestId: String(request.id) }
  );
}

async function authenticate(
  db: Db,
  request: FastifyRequest,
): Promise<{ principal: Principal; csrf?: string } | null> {
  const context = { ip: request.ip, requestId: String(request.id) };
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) {
    const principal = await resolveApiToken(db, header.slice('Bearer '.length).trim(), context);
    if (!principal)
      throw new AppError('unauthenticated', 'auth.bad_token', 'The API token is unknown, expired or revoked');
    return { principal };
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return null;
  const session = await resolveSession(db, cookie, context);
  return session && { principal: session.principal, csrf: session.csrfToken };
}

/**
 * Resolves the caller and enforces each route's declared access before validation runs, so an
 * unauthenticated or unauthorised request never reaches a handler and learns nothing about the body rules.
 */
export function registerAccessControl(app: FastifyInstance, db: Db): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('csrfToken', null);

  app.addHook('onRoute', (route) => {
    const url = route.url ?? '';
    if ((url.startsWith('/api/v1') || url.startsWith('/federation/')) && !route.config?.access) {
      throw new Error(`Route ${route.method} ${url} declares no access rule`);
    }
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (!access || 'public' in access) {
      // Public routes may still show who is asking (e.g. the session endpoint), but never require it.
      if (access) request.principal = (await authenticate(db, request).catch(() => null))?.principal ?? null;
      return;
    }
    const auth = await authenticate(db, request);
    if (!auth) throw new AppError('unauthenticated', 'auth.required', 'Log in or send an API token');
    request.principal = auth.principal;
    request.csrfToken = auth.csrf ?? null;
    if (auth.csrf !== undefined && !SAFE_METHODS.has(request.method)) {
      if (request.headers[CSRF_HEADER] !== auth.csrf) {
        throw new AppError(
          'forbidden',
          'auth.csrf',
          `Send the session's CSRF token in the ${CSRF_HEADER} header`,
        );
      }
    }
    if (!hasRole(auth.principal, access.roles)) {
      throw new AppError('forbidden', 'auth.role_required', 'Your role does not allow this');
    }
    if (access.personalData && !auth.principal.personalData) {
      throw new AppError(
        'forbidden',
        'auth.personal_data_required',
        'You are not cleared to see personal data',
      );
    }
  });
}
