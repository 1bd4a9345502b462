import type { Role, User } from '../api/types.js';

/** A page of the app: its path, its catalogue key under `nav.`, and who may open it. */
export interface Destination {
  readonly key:
    | 'home'
    | 'inbox'
    | 'situation'
    | 'ports'
    | 'warnings'
    | 'operations'
    | 'liaison'
    | 'reports'
    | 'admin'
    | 'account';
  readonly path: string;
  /** `any` for every signed-in user; administrators pass every check, as on the node. */
  readonly roles: readonly Role[] | 'any';
  /** The page shows personal data, so the user must be cleared for it (as the node checks on every call). */
  readonly personalData?: boolean;
  /** False for pages reached from elsewhere (the header's user name), kept out of the main navigation. */
  readonly inMainNavigation?: false;
}

// Role lists follow DESIGN.md's "who uses it" table; the node enforces the same rules on every API call.
export const DESTINATIONS: readonly Destination[] = [
  { key: 'home', path: '/', roles: 'any' },
  {
    key: 'inbox',
    path: '/inbox',
    roles: ['liaison_officer', 'port_officer', 'patrol_commander', 'analyst', 'viewer'],
  },
  { key: 'situation', path: '/situation', roles: ['liaison_officer', 'analyst', 'viewer'] },
  {
    key: 'ports',
    path: '/ports',
    roles: ['port_officer', 'liaison_officer', 'analyst', 'viewer'],
  },
  { key: 'warnings', path: '/warnings', roles: ['port_officer', 'liaison_officer'], personalData: true },
  { key: 'operations', path: '/operations', roles: ['patrol_commander'] },
  { key: 'liaison', path: '/liaison', roles: ['liaison_officer'] },
  { key: 'reports', path: '/reports', roles: ['analyst', 'liaison_officer'] },
  { key: 'admin', path: '/admin', roles: ['admin'] },
  { key: 'account', path: '/account', roles: 'any', inMainNavigation: false },
];

/** Whether the user's roles open a destination. */
export function canOpen(user: Pick<User, 'roles' | 'personalData'>, destination: Destination): boolean {
  if (destination.personalData && !user.personalData) return false;
  if (destination.roles === 'any' || user.roles.includes('admin')) return true;
  const allowed = destination.roles;
  return user.roles.some((role) => allowed.includes(role));
}
