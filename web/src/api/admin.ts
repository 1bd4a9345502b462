/** Shapes and calls of the administrator's API: users and the own agency (directory), the trust list (federation), audit, settings. */
import { api } from './client.js';
import type { Agency, Language, LocalisedNames, Role, User } from './types.js';

/** A user as GET /api/v1/users shows it; of the lockout the node shows only when it ends. */
export interface ManagedUser extends User {
  readonly totpEnabled: boolean;
  readonly disabled: boolean;
  /** When a lockout after failed sign-ins ends; null when the account is not locked. */
  readonly lockedUntil: string | null;
  readonly createdAt: string;
}

export interface NewUser {
  readonly username: string;
  readonly displayName: string;
  readonly password: string;
  readonly unitId?: string;
  readonly language: Language;
  readonly roles: readonly Role[];
  readonly personalData: boolean;
}

export type UserChanges = Partial<{
  readonly displayName: string;
  readonly unitId: string | null;
  readonly language: Language;
  readonly roles: readonly Role[];
  readonly personalData: boolean;
  readonly disabled: boolean;
}>;

/** A machine client's token; the secret itself is shown once, when it is created. */
export interface ApiToken {
  readonly id: string;
  readonly name: string;
  readonly scopes: readonly Role[];
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
}

export interface Unit {
  readonly id: string;
  readonly code: string;
  readonly kind: string;
  readonly names: LocalisedNames;
}

/** This node's signing key, as the administrator reads it out to a counterpart. */
export interface OwnKeys {
  readonly code: string;
  readonly url: string;
  readonly fingerprint: string;
  readonly fingerprintDisplay: string;
}

export interface Peer {
  readonly code: string;
  readonly mode: 'node' | 'manual';
  readonly url: string | null;
  readonly fingerprint: string | null;
  readonly fingerprintDisplay: string | null;
  readonly email: string | null;
  readonly language: Language;
  readonly status: 'active' | 'removed';
  readonly updatedAt: string;
}

export interface NewPeer {
  readonly code: string;
  readonly mode: 'node' | 'manual';
  readonly url?: string;
  readonly fingerprint?: string;
  readonly email?: string;
  readonly language: Language;
}

/** The outcome of re-computing the audit hash chain; `brokenAt` is the first entry whose hash does not follow. */
export interface AuditVerification {
  readonly ok: boolean;
  readonly entries: number;
  readonly brokenAt?: number;
  readonly reason?: string;
}

export interface AuditEntry {
  readonly seq: number;
  readonly at: string;
  readonly actorName: string;
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string | null;
}

export const RISK_THRESHOLDS = [
  'mediumIncidence7Per100k',
  'highIncidence7Per100k',
  'mediumNewLocal7',
  'highNewLocal7',
] as const;
export type RiskThreshold = (typeof RISK_THRESHOLDS)[number];

export interface SituationSettings {
  /** A null threshold is not applied, so that level is never reached by it. */
  readonly riskThresholds: Readonly<Record<RiskThreshold, number | null>>;
  readonly reportingCutoff: string;
  readonly portStaleAfterDays: number;
  readonly crossingDiscrepancyPercent: number;
  readonly sendNotifications: boolean;
  readonly outlierFactor: number;
}

/** Every user of this node, in pages of the node's largest size. */
export async function listUsers(): Promise<ManagedUser[]> {
  const users: ManagedUser[] = [];
  let after: string | undefined;
  // The list pages by the last username seen; a short page is the last one.
  for (;;) {
    const query = after ? `&after=${encodeURIComponent(after)}` : '';
    const { items } = await api<{ items: ManagedUser[] }>('GET', `/api/v1/users?limit=500${query}`);
    users.push(...items);
    const last = items.at(-1);
    if (items.length < 500 || !last) return users;
    after = last.username;
  }
}

/** Creates a user of the own agency. */
export const createUser = (user: NewUser) => api<ManagedUser>('POST', '/api/v1/users', user);

/** Changes a user's roles, grant, unit, language or disabled flag. */
export const updateUser = (id: string, changes: UserChanges) =>
  api<ManagedUser>('PATCH', `/api/v1/users/${encodeURIComponent(id)}`, changes);

/** Sets a new password; the node also lifts a lockout and ends the user's sessions. */
export const resetPassword = (id: string, password: string) =>
  api<undefined>('POST', `/api/v1/users/${encodeURIComponent(id)}/password`, { password });

/** Lifts a lockout after failed sign-ins; the password stays as it is. */
export const unlockUser = (id: string) =>
  api<ManagedUser>('POST', `/api/v1/users/${encodeURIComponent(id)}/unlock`);

/** Removes a user's authenticator app (a lost phone); the node ends their sessions and they enrol again. */
export const resetTotp = (id: string) =>
  api<ManagedUser>('POST', `/api/v1/users/${encodeURIComponent(id)}/totp/reset`);

/** The API tokens issued for a user, revoked ones included. */
export const listTokens = (userId: string) =>
  api<{ items: ApiToken[] }>('GET', `/api/v1/users/${encodeURIComponent(userId)}/tokens`).then(
    (body) => body.items,
  );

/** Issues a token for a user, scoped to some of their roles; the answer carries the only copy of the secret. */
export const createToken = (input: {
  readonly username: string;
  readonly name: string;
  readonly scopes?: readonly Role[];
  readonly expiresInDays?: number;
}) => api<{ token: string; view: ApiToken }>('POST', '/api/v1/tokens', input);

/** Revokes a token at once. */
export const revokeToken = (id: string) =>
  api<undefined>('DELETE', `/api/v1/tokens/${encodeURIComponent(id)}`);

/** The units of the own agency a user can belong to. */
export const listUnits = () =>
  api<{ items: Unit[] }>('GET', '/api/v1/directory/units').then((body) => body.items);

/** This node's current signing key fingerprint. */
export const ownKeys = () => api<OwnKeys>('GET', '/api/v1/federation/keys');

/** The trust list, removed peers included. */
export const listPeers = () =>
  api<{ items: Peer[] }>('GET', '/api/v1/federation/peers').then((body) => body.items);

/** Adds a peer; a node peer's keys are fetched and accepted only under the pinned fingerprint. */
export const addPeer = (peer: NewPeer) => api<Peer>('POST', '/api/v1/federation/peers', peer);

/** Stops trusting a peer. */
export const removePeer = (code: string) =>
  api<undefined>('DELETE', `/api/v1/federation/peers/${encodeURIComponent(code)}`);

/** Re-computes the audit hash chain from the first entry. */
export const verifyAudit = () => api<AuditVerification>('GET', '/api/v1/audit/verify');

/** The latest audit entries, newest first. */
export const latestAudit = (limit: number) =>
  api<{ items: AuditEntry[] }>('GET', `/api/v1/audit?limit=${limit}`).then((body) => body.items);

/** The node's situation thresholds and reporting settings. */
export const situationSettings = () => api<SituationSettings>('GET', '/api/v1/situation/settings');

/** Changes some of the situation settings. */
export const updateSituationSettings = (changes: Partial<SituationSettings>) =>
  api<SituationSettings>('PATCH', '/api/v1/situation/settings', changes);

/** What an administrator may change of the own agency from the settings page. */
export type AgencyChanges = Partial<{
  readonly names: LocalisedNames;
  readonly language: Language;
  readonly timeZone: string;
}>;

/** One agency of the directory, the own one included. */
export const agency = (code: string) =>
  api<Agency>('GET', `/api/v1/directory/agencies/${encodeURIComponent(code)}`);

/** Changes an agency's names, language or time zone; the node refuses a time zone it does not know. */
export const updateAgency = (code: string, changes: AgencyChanges) =>
  api<Agency>('PATCH', `/api/v1/directory/agencies/${encodeURIComponent(code)}`, changes);
