import type { Priority } from './bodies/index.js';

/** Progress of one recipient, in the order it can only move forward. */
export const RECIPIENT_STATUSES = ['queued', 'sent', 'delivered', 'read', 'acknowledged'] as const;
export type RecipientStatus = (typeof RECIPIENT_STATUSES)[number] | 'rejected';
/** What a reader sees: the stored progress, or `overdue` once the deadline passed without acknowledgement. */
export type ShownStatus = RecipientStatus | 'overdue';

export const PRIORITIES = ['routine', 'urgent', 'flash'] as const satisfies readonly Priority[];

/** Hours a recipient has to acknowledge, by priority, unless a counterpart has its own. */
export const DEFAULT_ACK_HOURS: Readonly<Record<Priority, number>> = Object.freeze({
  routine: 48,
  urgent: 12,
  flash: 1,
});

export type AckHours = Readonly<Record<Priority, number>>;

const rank = (status: RecipientStatus): number =>
  status === 'rejected' ? -1 : RECIPIENT_STATUSES.indexOf(status);

/**
 * True when `next` moves a recipient forward. Receipts arrive out of order (an ack before the read, a
 * delivered receipt after the ack), so a status never moves back.
 */
export function advances(current: RecipientStatus, next: RecipientStatus): boolean {
  if (next === 'rejected') return current === 'queued' || current === 'sent';
  return rank(next) > rank(current);
}

/** The acknowledgement deadline of a notification sent at `sentAt`. */
export function ackDeadline(sentAt: string, priority: Priority, hours: AckHours = DEFAULT_ACK_HOURS): string {
  return new Date(Date.parse(sentAt) + hours[priority] * 3_600_000).toISOString();
}

/** Overdue: a deadline passed and the recipient has not acknowledged (nor refused the message). */
export function isOverdue(status: RecipientStatus, dueAt: string | null, now: Date): boolean {
  if (dueAt === null || status === 'acknowledged' || status === 'rejected') return false;
  return Date.parse(dueAt) < now.getTime();
}

/** The status shown to readers. */
export function shownStatus(status: RecipientStatus, dueAt: string | null, now: Date): ShownStatus {
  return isOverdue(status, dueAt, now) ? 'overdue' : status;
}

/** Narrows a stored status. */
export function asRecipientStatus(value: string): RecipientStatus {
  if (value === 'rejected' || (RECIPIENT_STATUSES as readonly string[]).includes(value)) {
    return value as RecipientStatus;
  }
  throw new Error(`unknown recipient status ${value}`);
}
