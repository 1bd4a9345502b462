/** The roles a user can hold; personal data needs the separate `personalData` grant on top. */
export const ROLES = [
  'admin',
  'liaison_officer',
  'port_officer',
  'patrol_commander',
  'analyst',
  'viewer',
] as const;
export type Role = (typeof ROLES)[number];

export const LANGUAGES = ['zh', 'en', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Who is acting, for audit entries; services receive it from the route. */
export interface Actor {
  readonly userId: string | null;
  readonly name: string;
  readonly ip: string | null;
  readonly requestId: string | null;
}

/** An authenticated caller: a user through a browser session or a machine client through an API token. */
export interface Principal extends Actor {
  readonly userId: string;
  readonly username: string;
  readonly displayName: string;
  readonly agencyCode: string;
  readonly unitId: string | null;
  readonly language: Language;
  readonly roles: readonly Role[];
  readonly personalData: boolean;
  readonly via: 'session' | 'token';
  readonly sessionId: string | null;
}

/** What a route needs from its caller; every /api route must declare one. */
export type RouteAccess =
  | { readonly public: true }
  | { readonly roles: readonly Role[] | 'any'; readonly personalData?: boolean };

/** The system actor for work no person started (migrations, workers, first start). */
export const SYSTEM_ACTOR: Actor = Object.freeze({ userId: null, name: 'system', ip: null, requestId: null });

/** Admins pass every role check; personal data is never implied by a role. */
export function hasRole(principal: Pick<Principal, 'roles'>, allowed: readonly Role[] | 'any'): boolean {
  if (allowed === 'any' || principal.roles.includes('admin')) return true;
  return principal.roles.some((role) => allowed.includes(role));
}
