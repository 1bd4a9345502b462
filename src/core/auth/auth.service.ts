import { createHash, randomBytes } from 'node:crypto';
import * as OTPAuth from 'otpauth';
import { appendAudit } from '../audit/audit.js';
import type { Db } from '../db/database.js';
import { inTransaction } from '../db/transaction.js';
import { AppError, conflict, invalid, notFound } from '../errors.js';
import { newId, nowIso } from '../ids.js';
import * as store from './accounts.store.js';
import { hashPassword, PASSWORD_MIN_LENGTH, verifyPassword } from './passwords.js';
import { type Actor, hasRole, LANGUAGES, type Language, type Principal, ROLES, type Role } from './roles.js';
import { SessionCache, sessionGeneration } from './session-cache.js';
import type { ApiTokenRow } from './tables.js';

/** A user as the API shows it: never the hash, the TOTP secret or the lockout counters. */
export interface UserView {
  id: string;
  username: string;
  displayName: string;
  agencyCode: string;
  unitId: string | null;
  language: Language;
  roles: Role[];
  personalData: boolean;
  totpEnabled: boolean;
  disabled: boolean;
  /** When a lockout after failed logins ends; null when the account is not locked now. */
  lockedUntil: string | null;
  createdAt: string;
}

/** The API's view of a user row. */
export function toUserView(row: store.User): UserView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    agencyCode: row.agency_code,
    unitId: row.unit_id,
    language: row.language as Language,
    roles: JSON.parse(row.roles) as Role[],
    personalData: row.personal_data === 1,
    totpEnabled: row.totp_enabled === 1,
    disabled: row.disabled === 1,
    // A lockout that has run out is no lockout: the row keeps it only until the next login.
    lockedUntil: row.locked_until !== null && row.locked_until > nowIso() ? row.locked_until : null,
    createdAt: row.created_at,
  };
}

const MAX_FAILED_LOGINS = 5;
const LOCKOUT_MINUTES = 15;
const TOTP_ISSUER = 'Borderlink';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const secretToken = (prefix: string) => `${prefix}${randomBytes(32).toString('base64url')}`;
const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  agencyCode: string;
  unitId?: string | null;
  language?: Language;
  roles: Role[];
  personalData?: boolean;
}

function checkPassword(password: string, field = 'password'): void {
  if (password.length < PASSWORD_MIN_LENGTH) {
    throw invalid(
      'auth.password_too_short',
      `The password must have at least ${PASSWORD_MIN_LENGTH} characters`,
      { field, minLength: PASSWORD_MIN_LENGTH },
    );
  }
}

/** Creates a user; the username must be new. */
export async function createUser(db: Db, actor: Actor, input: NewUser): Promise<UserView> {
  checkPassword(input.password);
  const unknownRole = input.roles.find((role) => !ROLES.includes(role));
  if (unknownRole) throw invalid('auth.unknown_role', `Unknown role "${unknownRole}"`, { field: 'roles' });
  if (input.language && !LANGUAGES.includes(input.language)) {
    throw invalid('auth.unknown_language', `Unknown language "${input.language}"`, { field: 'language' });
  }
  const now = nowIso();
  const row: store.User = {
    id: newId(),
    username: input.username,
    display_name: input.displayName,
    password_hash: await hashPassword(input.password),
    agency_code: input.agencyCode,
    unit_id: input.unitId ?? null,
    language: input.language ?? 'en',
    roles: JSON.stringify(input.roles),
    personal_data: input.personalData ? 1 : 0,
    totp_secret: null,
    totp_enabled: 0,
    failed_logins: 0,
    locked_until: null,
    disabled: 0,
    password_changed_at: now,
    created_at: now,
    updated_at: now,
  };
  await inTransaction(db, async (trx) => {
    if (await store.findUserByUsername(trx, input.username)) {
      throw conflict('auth.username_taken', `A user named "${input.username}" already exists`, {
        field: 'username',
      });
    }
    await store.insertUser(trx, row);
    await appendAudit(trx, actor, {
      action: 'user.create',
      targetType: 'user',
      targetId: row.id,
      details: { username: row.username, roles: input.roles, personalData: Boolean(input.personalData) },
    });
  });
  return toUserView(row);
}

export interface UserChanges {
  displayName?: string;
  unitId?: string | null;
  language?: Language;
  roles?: Role[];
  personalData?: boolean;
  disabled?: boolean;
}

/** Changes a user's profile, roles or grants; disabling ends their sessions. */
export async function updateUser(
  db: Db,
  actor: Actor,
  userId: string,
  changes: UserChanges,
): Promise<UserView> {
  return inTransaction(db, async (trx) => {
    const existing = await store.findUserById(trx, userId);
    if (!existing) throw notFound('auth.user_not_found', 'User', userId);
    await store.updateUser(trx, userId, {
      ...(changes.displayName !== undefined && { display_name: changes.displayName }),
      ...(changes.unitId !== undefined && { unit_id: changes.unitId }),
      ...(changes.language !== undefined && { language: changes.language }),
      ...(changes.roles !== undefined && { roles: JSON.stringify(changes.roles) }),
      ...(changes.personalData !== undefined && { personal_data: changes.personalData ? 1 : 0 }),
      ...(changes.disabled !== undefined && { disabled: changes.disabled ? 1 : 0 }),
      updated_at: nowIso(),
    });
    // Without an enabled administrator nobody could manage accounts or peers short of shell access to the node.
    if ((changes.roles !== undefined || changes.disabled) && (await store.countEnabledAdmins(trx)) === 0) {
      throw conflict('auth.last_admin', 'This change would leave the node without an enabled administrator');
    }
    if (changes.disabled) await store.deleteSessionsOfUser(trx, userId);
    await appendAudit(trx, actor, {
      action: 'user.update',
      targetType: 'user',
      targetId: userId,
      details: { changed: Object.keys(changes) },
    });
    const updated = await store.findUserById(trx, userId);
    if (!updated) throw notFound('auth.user_not_found', 'User', userId);
    return toUserView(updated);
  });
}

/** Sets a new password (admin reset or CLI); ends every session of that user. */
export async function setPassword(db: Db, actor: Actor, username: string, password: string): Promise<void> {
  checkPassword(password);
  const hash = await hashPassword(password);
  await inTransaction(db, async (trx) => {
    const user = await store.findUserByUsername(trx, username);
    if (!user) throw notFound('auth.user_not_found', 'User', username);
    const now = nowIso();
    await store.updateUser(trx, user.id, {
      password_hash: hash,
      password_changed_at: now,
      failed_logins: 0,
      locked_until: null,
      updated_at: now,
    });
    await store.deleteSessionsOfUser(trx, user.id);
    await appendAudit(trx, actor, { action: 'user.password_set', targetType: 'user', targetId: user.id });
  });
}

async function changeAccount(
  db: Db,
  actor: Actor,
  userId: string,
  action: string,
  change: (trx: Db, user: store.User) => Promise<void>,
): Promise<UserView> {
  return inTransaction(db, async (trx) => {
    const user = await store.findUserById(trx, userId);
    if (!user) throw notFound('auth.user_not_found', 'User', userId);
    await change(trx, user);
    await appendAudit(trx, actor, { action, targetType: 'user', targetId: userId });
    const updated = await store.findUserById(trx, userId);
    if (!updated) throw notFound('auth.user_not_found', 'User', userId);
    return toUserView(updated);
  });
}

/** Lifts a lockout after failed logins without touching the password (an administrator's call). */
export async function unlockUser(db: Db, actor: Actor, userId: string): Promise<UserView> {
  return changeAccount(db, actor, userId, 'user.unlock', async (trx, user) => {
    await store.updateUser(trx, user.id, { failed_logins: 0, locked_until: null, updated_at: nowIso() });
  });
}

/**
 * Removes a user's second factor (a lost or replaced phone) so they sign in with the password and enrol again;
 * their sessions end, since whoever holds one may be the reason for the reset.
 */
export async function resetTotp(db: Db, actor: Actor, userId: string): Promise<UserView> {
  return changeAccount(db, actor, userId, 'user.totp_reset', async (trx, user) => {
    await store.updateUser(trx, user.id, { totp_secret: null, totp_enabled: 0, updated_at: nowIso() });
    await store.deleteSessionsOfUser(trx, user.id);
  });
}

/** A user changes their own password, proving the current one; other sessions end. */
export async function changeOwnPassword(
  db: Db,
  principal: Principal,
  currentPassword: string,
  newPassword: string,
): Promise<void> {
  checkPassword(newPassword, 'newPassword');
  const user = await store.findUserById(db, principal.userId);
  if (!user || !(await verifyPassword(currentPassword, user.password_hash))) {
    throw invalid('auth.wrong_password', 'The current password is not correct', { field: 'currentPassword' });
  }
  const hash = await hashPassword(newPassword);
  await inTransaction(db, async (trx) => {
    const now = nowIso();
    await store.updateUser(trx, user.id, { password_hash: hash, password_changed_at: now, updated_at: now });
    await store.deleteSessionsOfUser(trx, user.id, principal.sessionId ?? undefined);
    await appendAudit(trx, principal, {
      action: 'user.password_change',
      targetType: 'user',
      targetId: user.id,
    });
  });
}

export type FirstStart = { created: false } | { created: true; password: string; generated: boolean };

/** On a node with no users, creates `admin` with the configured password or a random one to print once. */
export async function ensureFirstAdmin(
  db: Db,
  actor: Actor,
  agencyCode: string,
  configuredPassword: string | undefined,
): Promise<FirstStart> {
  if ((await store.countUsers(db)) > 0) return { created: false };
  const password = configuredPassword ?? randomBytes(12).toString('base64url');
  await createUser(db, actor, {
    username: 'admin',
    displayName: 'Administrator',
    password,
    agencyCode,
    roles: ['admin'],
    personalData: false,
  });
  return { created: true, password, generated: configuredPassword === undefined };
}

export type LoginResult =
  | { kind: 'session'; sessionToken: string; csrfToken: string; user: UserView; expiresAt: string }
  | { kind: 'totp_required'; sessionToken: string; csrfToken: string; expiresAt: string };

const loginFailed = () => new AppError('unauthenticated', 'auth.login_failed', 'Wrong username or password');

/** Checks credentials with lockout after repeated failures; starts a session (or its TOTP step). */
export async function login(
  db: Db,
  actor: Actor,
  credentials: { username: string; password: string },
  sessionTtlMinutes: number,
): Promise<LoginResult> {
  const user = await store.findUserByUsername(db, credentials.username);
  if (!user || user.disabled === 1) {
    // Same work and answer as a wrong password, so usernames cannot be probed by timing.
    await verifyPassword(
      credentials.password,
      'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    );
    throw loginFailed();
  }
  const now = nowIso();
  if (user.locked_until && user.locked_until > now) {
    throw new AppError(
      'too_many_requests',
      'auth.locked',
      `Too many failed logins; try again after ${user.locked_until}`,
      {
        lockedUntil: user.locked_until,
      },
    );
  }
  if (!(await verifyPassword(credentials.password, user.password_hash))) {
    const failures = user.failed_logins + 1;
    const lock = failures >= MAX_FAILED_LOGINS;
    await store.updateUser(db, user.id, {
      failed_logins: lock ? 0 : failures,
      locked_until: lock ? minutesFromNow(LOCKOUT_MINUTES) : user.locked_until,
    });
    await appendAudit(db, actor, {
      action: lock ? 'auth.locked' : 'auth.login_failed',
      targetType: 'user',
      targetId: user.id,
    });
    throw loginFailed();
  }
  const sessionToken = secretToken('');
  const csrfToken = randomBytes(24).toString('base64url');
  const awaitingTotp = user.totp_enabled === 1;
  const expiresAt = minutesFromNow(awaitingTotp ? 5 : sessionTtlMinutes);
  await inTransaction(db, async (trx) => {
    await store.updateUser(trx, user.id, { failed_logins: 0, locked_until: null });
    await store.insertSession(trx, {
      id: sha256(sessionToken),
      user_id: user.id,
      csrf_token: csrfToken,
      awaiting_totp: awaitingTotp ? 1 : 0,
      ip: actor.ip,
      created_at: now,
      expires_at: expiresAt,
    });
    await appendAudit(
      trx,
      { ...actor, userId: user.id, name: user.username },
      {
        action: awaitingTotp ? 'auth.password_ok' : 'auth.login',
        targetType: 'user',
        targetId: user.id,
      },
    );
  });
  if (awaitingTotp) return { kind: 'totp_required', sessionToken, csrfToken, expiresAt };
  return { kind: 'session', sessionToken, csrfToken, user: toUserView(user), expiresAt };
}

function totpFor(user: store.User, secret: string): OTPAuth.TOTP {
  return new OTPAuth.TOTP({
    issuer: TOTP_ISSUER,
    label: user.username,
    secret: OTPAuth.Secret.fromBase32(secret),
    digits: 6,
    period: 30,
  });
}

const codeMatches = (totp: OTPAuth.TOTP, code: string) => totp.validate({ token: code, window: 1 }) !== null;

/** Completes a login that is waiting for its second factor. */
export async function completeTotpLogin(
  db: Db,
  actor: Actor,
  sessionToken: string,
  code: string,
  sessionTtlMinutes: number,
): Promise<{ user: UserView; csrfToken: string; expiresAt: string }> {
  const session = await store.findSession(db, sha256(sessionToken));
  if (session?.awaiting_totp !== 1 || session.expires_at < nowIso()) {
    throw new AppError('unauthenticated', 'auth.totp_no_pending_login', 'Log in with your password first');
  }
  const user = await store.findUserById(db, session.user_id);
  if (!user?.totp_secret || !codeMatches(totpFor(user, user.totp_secret), code)) {
    await appendAudit(db, actor, {
      action: 'auth.totp_failed',
      targetType: 'user',
      targetId: session.user_id,
    });
    throw new AppError('unauthenticated', 'auth.totp_wrong_code', 'The authentication code is not correct');
  }
  const expiresAt = minutesFromNow(sessionTtlMinutes);
  await store.updateSession(db, session.id, { awaiting_totp: 0, expires_at: expiresAt });
  await appendAudit(
    db,
    { ...actor, userId: user.id, name: user.username },
    {
      action: 'auth.login',
      targetType: 'user',
      targetId: user.id,
    },
  );
  return { user: toUserView(user), csrfToken: session.csrf_token, expiresAt };
}

/** Starts TOTP enrolment: stores a new secret (not yet enforced) and returns it for the authenticator app. */
export async function beginTotpEnrolment(
  db: Db,
  principal: Principal,
  password: string,
): Promise<{ secret: string; uri: string }> {
  const user = await store.findUserById(db, principal.userId);
  if (!user) throw notFound('auth.user_not_found', 'User', principal.userId);
  // Enrolling replaces the second factor: a borrowed or stolen session alone must not be enough to do that.
  if (!(await verifyPassword(password, user.password_hash))) {
    throw invalid('auth.wrong_password', 'The current password is not correct', { field: 'password' });
  }
  const secret = new OTPAuth.Secret({ size: 20 }).base32;
  await store.updateUser(db, user.id, { totp_secret: secret, totp_enabled: 0, updated_at: nowIso() });
  return { secret, uri: totpFor(user, secret).toString() };
}

/** Turns TOTP on once the user proves their app produces the right codes. */
export async function confirmTotpEnrolment(db: Db, principal: Principal, code: string): Promise<void> {
  const user = await store.findUserById(db, principal.userId);
  if (!user?.totp_secret) throw invalid('auth.totp_not_started', 'Start TOTP enrolment first');
  if (!codeMatches(totpFor(user, user.totp_secret), code)) {
    throw invalid('auth.totp_wrong_code', 'The authentication code is not correct', { field: 'code' });
  }
  await store.updateUser(db, user.id, { totp_enabled: 1, updated_at: nowIso() });
  await appendAudit(db, principal, { action: 'auth.totp_enabled', targetType: 'user', targetId: user.id });
}

/** The code an authenticator app would show now; for tests and the CLI's enrolment check. */
export function currentTotpCode(secret: string): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate();
}

function principalOf(
  user: store.User,
  via: 'session' | 'token',
  sessionId: string | null,
  roles: Role[],
  context: Pick<Actor, 'ip' | 'requestId'>,
): Principal {
  return {
    userId: user.id,
    name: user.username,
    username: user.username,
    displayName: user.display_name,
    agencyCode: user.agency_code,
    unitId: user.unit_id,
    language: user.language as Language,
    roles,
    personalData: user.personal_data === 1,
    via,
    sessionId,
    ip: context.ip,
    requestId: context.requestId,
  };
}

export interface SessionPrincipal {
  principal: Principal;
  csrfToken: string;
}

interface ResolvedSession {
  readonly user: store.User;
  readonly roles: Role[];
  readonly sessionId: string;
  readonly csrfToken: string;
  readonly expiresAt: string;
}

// One cache per database handle: a session of one node is never looked up in another's.
const sessionCaches = new WeakMap<Db, SessionCache<ResolvedSession>>();

async function readSession(db: Db, sessionId: string): Promise<ResolvedSession | null> {
  const session = await store.findSession(db, sessionId);
  if (!session || session.awaiting_totp === 1) return null;
  const user = await store.findUserById(db, session.user_id);
  if (!user || user.disabled === 1) return null;
  return {
    user,
    roles: JSON.parse(user.roles) as Role[],
    sessionId: session.id,
    csrfToken: session.csrf_token,
    expiresAt: session.expires_at,
  };
}

/**
 * The user behind a session cookie, or null when it is unknown, expired, half-done or the user is disabled.
 * Answers are remembered briefly (see session-cache.ts: forgotten on any session or user write in this
 * process, at most SESSION_CACHE_TTL_MS old otherwise); expiry is checked on every request.
 */
export async function resolveSession(
  db: Db,
  sessionToken: string,
  context: Pick<Actor, 'ip' | 'requestId'>,
): Promise<SessionPrincipal | null> {
  const sessionId = sha256(sessionToken);
  let cache = sessionCaches.get(db);
  if (!cache) {
    cache = new SessionCache<ResolvedSession>();
    sessionCaches.set(db, cache);
  }
  let resolved = cache.get(sessionId) ?? null;
  if (!resolved) {
    const readAt = sessionGeneration();
    resolved = await readSession(db, sessionId);
    if (resolved) cache.set(sessionId, resolved, readAt);
  }
  if (!resolved || resolved.expiresAt < nowIso()) return null;
  return {
    principal: principalOf(resolved.user, 'session', resolved.sessionId, [...resolved.roles], context),
    csrfToken: resolved.csrfToken,
  };
}

/** Ends a session (logout). */
export async function endSession(db: Db, principal: Principal): Promise<void> {
  if (principal.sessionId) await store.deleteSession(db, principal.sessionId);
  await appendAudit(db, principal, { action: 'auth.logout', targetType: 'user', targetId: principal.userId });
}

export interface TokenView {
  id: string;
  name: string;
  scopes: Role[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const toTokenView = (row: ApiTokenRow): TokenView => ({
  id: row.id,
  name: row.name,
  scopes: JSON.parse(row.scopes) as Role[],
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  lastUsedAt: row.last_used_at,
  revokedAt: row.revoked_at,
});

/** Issues an API token for a machine client; only its hash is stored, the token is shown once. */
export async function createApiToken(
  db: Db,
  actor: Actor,
  input: { username: string; name: string; scopes?: Role[]; expiresInDays?: number },
): Promise<{ token: string; view: TokenView }> {
  const user = await store.findUserByUsername(db, input.username);
  if (!user) throw notFound('auth.user_not_found', 'User', input.username);
  const userRoles = JSON.parse(user.roles) as Role[];
  const scopes = input.scopes ?? userRoles;
  const beyond = scopes.find((scope) => !hasRole({ roles: userRoles }, [scope]));
  if (beyond) {
    throw invalid('auth.scope_beyond_roles', `User "${user.username}" does not hold the role "${beyond}"`, {
      field: 'scopes',
    });
  }
  const token = secretToken('blt_');
  const row = {
    id: newId(),
    user_id: user.id,
    name: input.name,
    token_hash: sha256(token),
    scopes: JSON.stringify(scopes),
    created_at: nowIso(),
    expires_at: input.expiresInDays ? minutesFromNow(input.expiresInDays * 24 * 60) : null,
    last_used_at: null,
    revoked_at: null,
  };
  await inTransaction(db, async (trx) => {
    await store.insertToken(trx, row);
    await appendAudit(trx, actor, {
      action: 'token.create',
      targetType: 'api_token',
      targetId: row.id,
      details: { user: user.username, scopes },
    });
  });
  return { token, view: toTokenView(row) };
}

/** Revokes a token at once; requests carrying it are refused from then on. */
export async function revokeApiToken(db: Db, actor: Actor, tokenId: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    const token = await store.findToken(trx, tokenId);
    if (!token) throw notFound('auth.token_not_found', 'API token', tokenId);
    if (!token.revoked_at) await store.updateToken(trx, tokenId, { revoked_at: nowIso() });
    await appendAudit(trx, actor, { action: 'token.revoke', targetType: 'api_token', targetId: tokenId });
  });
}

export async function listApiTokens(db: Db, username: string): Promise<TokenView[]> {
  const user = await store.findUserByUsername(db, username);
  if (!user) throw notFound('auth.user_not_found', 'User', username);
  return (await store.listTokensOfUser(db, user.id)).map(toTokenView);
}

/** The machine client behind a bearer token, limited to the token's scopes. */
export async function resolveApiToken(
  db: Db,
  token: string,
  context: Pick<Actor, 'ip' | 'requestId'>,
): Promise<Principal | null> {
  const row = await store.findTokenByHash(db, sha256(token));
  const now = nowIso();
  if (!row || row.revoked_at || (row.expires_at && row.expires_at < now)) return null;
  const user = await store.findUserById(db, row.user_id);
  if (!user || user.disabled === 1) return null;
  const userRoles = JSON.parse(user.roles) as Role[];
  const scopes = (JSON.parse(row.scopes) as Role[]).filter((scope) => hasRole({ roles: userRoles }, [scope]));
  // Recording every use would write on every request; a minute's precision is enough to spot idle tokens.
  if (!row.last_used_at || row.last_used_at < new Date(Date.now() - 60_000).toISOString()) {
    await store.updateToken(db, row.id, { last_used_at: now });
  }
  return principalOf(user, 'token', null, scopes, context);
}

export async function getUser(db: Db, userId: string): Promise<UserView> {
  const user = await store.findUserById(db, userId);
  if (!user) throw notFound('auth.user_not_found', 'User', userId);
  return toUserView(user);
}

export async function listUsers(db: Db, opts: { after?: string; limit: number }): Promise<UserView[]> {
  return (await store.listUsers(db, { afterUsername: opts.after, limit: opts.limit })).map(toUserView);
}

export async function purgeExpiredSessions(db: Db): Promise<void> {
  await store.deleteExpiredSessions(db, nowIso());
}
