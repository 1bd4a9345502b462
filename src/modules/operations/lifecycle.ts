import { conflict } from '../../core/errors.js';
import type { OperationStatus } from './operations.schema.js';

/** What an officer (or the counterpart, by message) does to an operation. */
export const OPERATION_ACTIONS = [
  'propose',
  'agree',
  'decline',
  'counter_propose',
  'start',
  'complete',
  'share_report',
] as const;
export type OperationAction = (typeof OPERATION_ACTIONS)[number];

/** Which side may take an action: the proposer, the invited counterpart, or either. */
export type Side = 'proposer' | 'invitee';

interface Transition {
  readonly from: readonly OperationStatus[];
  readonly to: OperationStatus;
  readonly by: readonly Side[];
}

/**
 * The lifecycle. A counter-proposal hands the move back to the proposer, who agrees to it, declines it or
 * proposes again; only the invitee answers a proposal.
 */
export const TRANSITIONS: Readonly<Record<OperationAction, Transition>> = {
  propose: { from: ['draft', 'counter_proposed'], to: 'proposed', by: ['proposer'] },
  agree: { from: ['proposed', 'counter_proposed'], to: 'agreed', by: ['proposer', 'invitee'] },
  decline: { from: ['proposed', 'counter_proposed'], to: 'declined', by: ['proposer', 'invitee'] },
  counter_propose: { from: ['proposed'], to: 'counter_proposed', by: ['invitee'] },
  start: { from: ['agreed'], to: 'in_progress', by: ['proposer', 'invitee'] },
  complete: { from: ['in_progress'], to: 'completed', by: ['proposer', 'invitee'] },
  share_report: { from: ['completed'], to: 'report_shared', by: ['proposer', 'invitee'] },
};

/** Whose turn it is in a waiting state: a proposal waits for the invitee, a counter-proposal for the proposer. */
function awaitedSide(status: OperationStatus): Side | null {
  if (status === 'proposed') return 'invitee';
  if (status === 'counter_proposed') return 'proposer';
  return null;
}

/** The next status, or a 409 naming the current status, the action and the states it is allowed from. */
export function nextStatus(current: OperationStatus, action: OperationAction, side: Side): OperationStatus {
  const transition = TRANSITIONS[action];
  if (!transition.from.includes(current)) {
    throw conflict(
      'operations.illegal_transition',
      `Cannot ${action.replace('_', ' ')} an operation that is ${current}; allowed only from ${transition.from.join(' or ')}`,
      { from: current, action, allowedFrom: transition.from, to: transition.to },
    );
  }
  const awaited = awaitedSide(current);
  const allowed = awaited ? [awaited] : transition.by;
  if (!allowed.includes(side)) {
    throw conflict(
      'operations.not_your_move',
      `The ${side} cannot ${action.replace('_', ' ')} an operation that is ${current}; it waits for the ${allowed.join(' or ')}`,
      { from: current, action, side },
    );
  }
  return transition.to;
}
