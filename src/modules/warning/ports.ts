import type { Transaction } from 'kysely';
import type { Actor } from '../../core/auth/roles.js';
import type { Database, Db } from '../../core/db/database.js';
import type { HitNoticeBody, Priority, WatchlistShareBody } from '../exchange/bodies/index.js';
import { acknowledgedAt } from '../exchange/exchange.service.js';
import { getPeer } from '../federation/trust.js';

/** A notification the warning module asks the exchange to send. */
export type WarningNotification =
  | { type: 'watchlist.share'; to: string[]; priority: Priority; body: WatchlistShareBody }
  | { type: 'hit.notice'; to: string[]; priority: Priority; body: HitNoticeBody; draft?: boolean };

/**
 * Sends notifications to counterparts. It runs inside the caller's transaction so the notification is
 * written (to the outbox) together with the change that caused it, or not at all.
 */
export interface WarningNotifier {
  send(trx: Transaction<Database>, actor: Actor, notification: WarningNotification): Promise<{ id: string }>;
}

/** The shape of the exchange's "create a notification" use case, as `POST /api/v1/notifications` takes it. */
export type SendNotification = (
  db: Transaction<Database>,
  actor: Actor,
  input: { type: string; to: string[]; priority: Priority; body: unknown; draft?: boolean },
) => Promise<{ id: string }>;

/** Adapts the exchange's create-notification use case to the warning module's notifier. */
export const exchangeNotifier = (send: SendNotification): WarningNotifier => ({
  send: (trx, actor, notification) => send(trx, actor, notification),
});

/** Whether this node may send to an agency now (an active federation peer, node or manual). */
export interface PeerLookup {
  isActive(db: Transaction<Database>, agency: string): Promise<boolean>;
}

/** The federation's own answer: active peers only (removed ones are kept for history). */
export const federationPeers: PeerLookup = {
  isActive: async (db, agency) => (await getPeer(db, agency))?.status === 'active',
};

/** When we acknowledged notifications we received, by id (ids not in our inbox are left out). */
export interface InboxLookup {
  acknowledgedAt(db: Db, notificationIds: readonly string[]): Promise<Map<string, string | null>>;
}

/** The exchange's inbox of our agency. */
export const exchangeInbox = (ownAgency: string): InboxLookup => ({
  acknowledgedAt: (db, ids) => acknowledgedAt(db, ownAgency, ids),
});

export type RiskLevel = 'low' | 'medium' | 'high';
export type PortStatus = 'open' | 'cargo_only' | 'passengers_restricted' | 'closed';

/** The situation module's risk level of a border county on a day (`YYYY-MM-DD`), null when unknown. */
export interface RiskLookup {
  riskLevel(countyCode: string, date: string): Promise<RiskLevel | null>;
}

/** The port control status in force at an instant, null when the register has none. */
export interface PortStatusLookup {
  status(portCode: string, at: string): Promise<PortStatus | null>;
}

export const unknownRisk: RiskLookup = { riskLevel: async () => null };
export const unknownPortStatus: PortStatusLookup = { status: async () => null };
