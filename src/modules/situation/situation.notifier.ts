import type { Db } from '../../core/db/database.js';
import type { PortPolicyBody, Priority, SituationDailyBody } from '../exchange/bodies/index.js';
import { listPeers } from '../federation/trust.js';

/** A notification the situation module wants the counterparts to get, in exchange's terms. */
export type SituationNotification =
  | { type: 'situation.daily'; body: SituationDailyBody }
  | { type: 'port.policy'; body: PortPolicyBody };

export interface SituationNotificationRequest {
  notification: SituationNotification;
  /** Counterpart agency codes. */
  to: string[];
  priority: Priority;
  /** True: send now; false: leave a draft for a liaison officer to review and send. */
  send: boolean;
  /** Why it was raised, e.g. `risk level of CN-5331 low → high`. */
  reason: string;
}

/** Where a request went: sent to the counterparts that are active peers, left as a draft for the others. */
export interface HandedOver {
  sentTo: string[];
  draftFor: string[];
}

/**
 * How the situation module hands notifications over, inside the transaction of the change that caused
 * them (so a rolled-back change raises nothing). The composition root supplies one backed by exchange.
 */
export interface SituationNotifier {
  notify(trx: Db, request: SituationNotificationRequest): Promise<HandedOver>;
}

/** What exchange offers to create a notification (its service function, as `POST /api/v1/notifications` does). */
export type CreateNotification = (
  trx: Db,
  input: { type: string; to: string[]; priority: Priority; body: unknown; draft: boolean },
) => Promise<unknown>;

/** The agency codes this node may send to now (active federation peers, node or manual). */
export type ActivePeers = (trx: Db) => Promise<ReadonlySet<string>>;

const federationPeers: ActivePeers = async (trx) => new Set((await listPeers(trx)).map((peer) => peer.code));

/**
 * A notifier that creates each notification through exchange's service function. Exchange refuses to send
 * to an agency that is not an active peer, and a report or port status must not be lost for that, so
 * those agencies get a draft instead: a liaison officer sees what they did not get and can send it once
 * the peer is set up.
 */
export function exchangeNotifier(
  createNotification: CreateNotification,
  activePeers: ActivePeers = federationPeers,
): SituationNotifier {
  return {
    async notify(trx, request) {
      const peers = request.send ? await activePeers(trx) : new Set<string>();
      const handed: HandedOver = {
        sentTo: request.to.filter((agency) => peers.has(agency)),
        draftFor: request.to.filter((agency) => !peers.has(agency)),
      };
      const create = (to: string[], draft: boolean) =>
        createNotification(trx, {
          type: request.notification.type,
          to,
          priority: request.priority,
          body: request.notification.body,
          draft,
        });
      if (handed.sentTo.length > 0) await create(handed.sentTo, false);
      if (handed.draftFor.length > 0) await create(handed.draftFor, true);
      return handed;
    },
  };
}
