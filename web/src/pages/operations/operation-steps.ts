import type { Operation } from '../../api/operations.js';

/** A lifecycle step an officer takes with one button; the path is the API's. */
export type StepPath = 'propose' | 'agree' | 'decline' | 'start' | 'share-report';

/** What the detail page offers for an operation, on our side of it. */
export interface OpenSteps {
  readonly buttons: readonly StepPath[];
  /** The invitee may answer a proposal with other times (and its own route). */
  readonly counterPropose: boolean;
  /** Only our own plan, while still ours to change (a draft, or answering a counter-proposal). */
  readonly edit: boolean;
  /** The move is the counterpart's: nothing to do here but wait. */
  readonly waiting: boolean;
}

/**
 * The steps open from an operation's status for our side, mirroring the node's lifecycle
 * (src/modules/operations/lifecycle.ts): a proposal waits for the invitee, a counter-proposal for the proposer.
 */
export function openSteps(operation: Operation): OpenSteps {
  const ours = operation.proposedByUs;
  const none = { buttons: [], counterPropose: false, edit: false, waiting: false };
  switch (operation.status) {
    case 'draft':
      return { ...none, buttons: ['propose'], edit: true };
    case 'proposed':
      return ours
        ? { ...none, waiting: true }
        : { ...none, buttons: ['agree', 'decline'], counterPropose: true };
    case 'counter_proposed':
      return ours
        ? { ...none, buttons: ['agree', 'decline', 'propose'], edit: true }
        : { ...none, waiting: true };
    case 'agreed':
      return { ...none, buttons: ['start'] };
    case 'completed':
      return { ...none, buttons: ['share-report'] };
    default:
      return none;
  }
}
