import type { Db } from '../../core/db/database.js';
import { newId, nowIso } from '../../core/ids.js';
import type { PortPolicyBody, Priority, SituationDailyBody } from '../exchange/bodies/index.js';

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

/**
 * How the situation module hands notifications over, inside the transaction of the change that caused
 * them (so a rolled-back change raises nothing). The composition root supplies one backed by exchange.
 */
export interface SituationNotifier {
  notify(trx: Db, request: SituationNotificationRequest): Promise<void>;
}

/** What exchange offers to create a notification (its service function, as `POST /api/v1/notifications` does). */
export type CreateNotification = (
  trx: Db,
  input: { type: string; to: string[]; priority: Priority; body: unknown; draft: boolean },
) => Promise<unknown>;

/** A notifier that creates each notification through exchange's service function. */
export function exchangeNotifier(createNotification: CreateNotification): SituationNotifier {
  return {
    async notify(trx, request) {
      await createNotification(trx, {
        type: request.notification.type,
        to: request.to,
        priority: request.priority,
        body: request.notification.body,
        draft: !request.send,
      });
    },
  };
}

/** Until exchange is wired in, notifications wait in the module's own table (listed by the API). */
export const pendingTableNotifier: SituationNotifier = {
  async notify(trx, request) {
    await trx
      .insertInto('situation_pending_notifications')
      .values({
        id: newId(),
        type: request.notification.type,
        recipients: JSON.stringify(request.to),
        priority: request.priority,
        body: JSON.stringify(request.notification.body),
        send: request.send ? 1 : 0,
        reason: request.reason,
        created_at: nowIso(),
      })
      .execute();
  },
};
