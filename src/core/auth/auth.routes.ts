import { Type } from '@sinclair/typebox';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import { AppError } from '../errors.js';
import { actorOf, principalOf, SESSION_COOKIE } from '../http/access.js';
import type { HttpApp } from '../http/app.js';
import { ErrorResponses, IdParams, Language, StringEnum } from '../http/schemas.js';
import * as auth from './auth.service.js';
import { ROLES } from './roles.js';

export const UserSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  agencyCode: Type.String(),
  unitId: Type.Union([Type.String(), Type.Null()]),
  language: Language,
  roles: Type.Array(StringEnum(ROLES)),
  personalData: Type.Boolean(),
  totpEnabled: Type.Boolean(),
  disabled: Type.Boolean(),
  lockedUntil: Type.Union([Type.String(), Type.Null()], {
    description: 'when a lockout after failed logins ends; null when not locked',
  }),
  createdAt: Type.String(),
});

const SessionResponse = Type.Object({ user: UserSchema, csrfToken: Type.String() });
const LoginResponse = Type.Union([SessionResponse, Type.Object({ totpRequired: Type.Literal(true) })]);
const Credentials = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 100 }),
    password: Type.String({ minLength: 1, maxLength: 500 }),
  },
  { additionalProperties: false },
);
const TotpCode = Type.Object(
  { code: Type.String({ pattern: '^[0-9]{6}$' }) },
  { additionalProperties: false },
);

/** Per-address attempt counter: slows password guessing across many usernames, which lockout alone cannot. */
class LoginThrottle {
  private readonly attempts = new Map<string, { count: number; windowStart: number }>();
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  check(ip: string): void {
    const now = Date.now();
    const entry = this.attempts.get(ip);
    if (!entry || now - entry.windowStart > this.windowMs) {
      if (this.attempts.size > 10_000) this.attempts.clear();
      this.attempts.set(ip, { count: 1, windowStart: now });
      return;
    }
    entry.count += 1;
    if (entry.count > this.limit) {
      throw new AppError(
        'too_many_requests',
        'auth.throttled',
        'Too many login attempts from this address; wait a minute',
      );
    }
  }
}

/** Login, second factor, session, logout, own password and TOTP enrolment; an administrator's unlock and TOTP reset. */
export function authRoutes(db: Db, config: Config) {
  const throttle = new LoginThrottle(30, 60_000);
  const cookieOptions = (expiresAt: string) => ({
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: config.secureCookies,
    expires: new Date(expiresAt),
  });

  return (app: HttpApp) => {
    const tags = ['auth'];
    app.post(
      '/api/v1/auth/login',
      {
        config: { access: { public: true } },
        schema: { tags, body: Credentials, response: { 200: LoginResponse, ...ErrorResponses } },
      },
      async (request, reply) => {
        throttle.check(request.ip);
        const result = await auth.login(db, actorOf(request), request.body, config.sessionTtlMinutes);
        reply.setCookie(SESSION_COOKIE, result.sessionToken, cookieOptions(result.expiresAt));
        if (result.kind === 'totp_required') return { totpRequired: true as const };
        return { user: result.user, csrfToken: result.csrfToken };
      },
    );

    app.post(
      '/api/v1/auth/totp',
      {
        config: { access: { public: true } },
        schema: { tags, body: TotpCode, response: { 200: SessionResponse, ...ErrorResponses } },
      },
      async (request, reply) => {
        throttle.check(request.ip);
        const token = request.cookies[SESSION_COOKIE];
        if (!token)
          throw new AppError(
            'unauthenticated',
            'auth.totp_no_pending_login',
            'Log in with your password first',
          );
        const result = await auth.completeTotpLogin(
          db,
          actorOf(request),
          token,
          request.body.code,
          config.sessionTtlMinutes,
        );
        reply.setCookie(SESSION_COOKIE, token, cookieOptions(result.expiresAt));
        return { user: result.user, csrfToken: result.csrfToken };
      },
    );

    app.get(
      '/api/v1/auth/session',
      {
        config: { access: { roles: 'any' } },
        schema: { tags, response: { 200: SessionResponse, ...ErrorResponses } },
      },
      async (request) => {
        const principal = principalOf(request);
        return { user: await auth.getUser(db, principal.userId), csrfToken: request.csrfToken ?? '' };
      },
    );

    app.post(
      '/api/v1/auth/logout',
      {
        config: { access: { roles: 'any' } },
        schema: { tags, response: { 204: Type.Null(), ...ErrorResponses } },
      },
      async (request, reply) => {
        await auth.endSession(db, principalOf(request));
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/v1/auth/password',
      {
        config: { access: { roles: 'any' } },
        schema: {
          tags,
          body: Type.Object(
            {
              currentPassword: Type.String({ minLength: 1, maxLength: 500 }),
              newPassword: Type.String({ minLength: 1, maxLength: 500 }),
            },
            { additionalProperties: false },
          ),
          response: { 204: Type.Null(), ...ErrorResponses },
        },
      },
      async (request, reply) => {
        await auth.changeOwnPassword(
          db,
          principalOf(request),
          request.body.currentPassword,
          request.body.newPassword,
        );
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/v1/auth/totp/enrol',
      {
        config: { access: { roles: 'any' } },
        schema: {
          tags,
          description:
            'Starts (or restarts) enrolment of an authenticator app; asks for the current password',
          body: Type.Object(
            { password: Type.String({ minLength: 1, maxLength: 500 }) },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ secret: Type.String(), uri: Type.String() }), ...ErrorResponses },
        },
      },
      async (request) => auth.beginTotpEnrolment(db, principalOf(request), request.body.password),
    );

    app.post(
      '/api/v1/auth/totp/confirm',
      {
        config: { access: { roles: 'any' } },
        schema: { tags, body: TotpCode, response: { 204: Type.Null(), ...ErrorResponses } },
      },
      async (request, reply) => {
        await auth.confirmTotpEnrolment(db, principalOf(request), request.body.code);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/v1/users/:id/unlock',
      {
        config: { access: { roles: ['admin'] } },
        schema: {
          tags: ['users'],
          description: 'Lifts a lockout after failed logins; the password stays as it is',
          params: IdParams,
          response: { 200: UserSchema, ...ErrorResponses },
        },
      },
      async (request) => auth.unlockUser(db, actorOf(request), request.params.id),
    );

    app.post(
      '/api/v1/users/:id/totp/reset',
      {
        config: { access: { roles: ['admin'] } },
        schema: {
          tags: ['users'],
          description: "Removes the user's authenticator (TOTP) and ends their sessions; they enrol again",
          params: IdParams,
          response: { 200: UserSchema, ...ErrorResponses },
        },
      },
      async (request) => auth.resetTotp(db, actorOf(request), request.params.id),
    );
  };
}
