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
    | 'admin';
  readonly path: string;
  /** `any` for every signed-in user; administrators pass every check, as on the node. */
  readonly roles: readonly Role[] | 'any';
  /** False until the module's API lands; the page then says so instead of showing invented data. */
  readonly available: boolean;
}

// Role lists follow DESIGN.md's "who uses it" table; the node enforces the same rules on every API call.
export const DESTINATIONS: readonly Destination[] = [
  { key: 'home', path: '/', roles: 'any', available: true },
  {
    key: 'inbox',
    path: '/inbox',
    roles: ['liaison_officer', 'port_officer', 'patrol_commander', 'analyst', 'viewer'],
    available: false,
  },
  { key: 'situation', path: '/situation', roles: ['liaison_officer', 'analyst', 'viewer'], available: false },
  {
    key: 'ports',
    path: '/ports',
    roles: ['port_officer', 'liaison_officer', 'analyst', 'viewer'],
    available: false,
  },
  { key: 'warnings', path: '/warnings', roles: ['port_officer'], available: false },
  { key: 'operations', path: '/operations', roles: ['patrol_commander'], available: false },
  { key: 'liaison', path: '/liaison', roles: ['liaison_officer'], available: false },
  { key: 'reports', path: '/reports', roles: ['analyst', 'liaison_officer'], available: false },
  { key: 'admin', path: '/admin', roles: [], available: false },
];

/** Whether the user's roles open a destination. */
export function canOpen(user: Pick<User, 'roles'>, destination: Destination): boolean {
  if (destination.roles === 'any' || user.roles.includes('admin')) return true;
  const allowed = destination.roles;
  return user.roles.some((role) => allowed.includes(role));
}
