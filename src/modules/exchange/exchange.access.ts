import { hasRole, type Principal, type Role } from '../../core/auth/roles.js';
import { AppError } from '../../core/errors.js';
import type { NotificationType } from './bodies/index.js';

/** Who may read notifications at all; personal-data types need the grant on top. */
export const READ_ROLES = [
  'liaison_officer',
  'port_officer',
  'patrol_commander',
  'analyst',
  'viewer',
] as const satisfies readonly Role[];
/** Who writes, sends, acknowledges and records by hand. */
export const SEND_ROLES = [
  'liaison_officer',
  'patrol_commander',
  'port_officer',
] as const satisfies readonly Role[];
/** Supervisors who follow up overdue items and count them for reports. */
export const SUPERVISOR_ROLES = ['liaison_officer', 'analyst'] as const satisfies readonly Role[];

/**
 * Liaison officers send every type; commanders send what their operations produce and port officers what
 * happens at their desk. Admins pass every check.
 */
const TYPES_BY_ROLE: Readonly<Partial<Record<Role, readonly NotificationType[] | 'all'>>> = {
  liaison_officer: 'all',
  patrol_commander: ['operation.invite', 'operation.report', 'handover.request', 'liaison.message'],
  port_officer: ['hit.notice', 'port.policy', 'liaison.message'],
};

/** Throws unless the principal may send (or acknowledge) notifications of this type. */
export function assertMaySend(principal: Principal, type: NotificationType): void {
  if (principal.roles.includes('admin')) return;
  const allowed = principal.roles.some((role) => {
    const types = TYPES_BY_ROLE[role];
    return types === 'all' || (types?.includes(type) ?? false);
  });
  if (!allowed) {
    throw new AppError(
      'forbidden',
      'exchange.type_not_allowed',
      `Your role does not send ${type} notifications`,
    );
  }
}

/** Throws unless the principal may see a notification carrying (or not) personal data. */
export function assertMayRead(principal: Principal, personalData: boolean): void {
  if (!hasRole(principal, READ_ROLES)) {
    throw new AppError('forbidden', 'auth.role_required', 'Your role does not allow this');
  }
  if (personalData && !principal.personalData) {
    throw new AppError(
      'forbidden',
      'exchange.personal_data_required',
      'This notification carries personal data; you are not cleared to see it',
    );
  }
}
