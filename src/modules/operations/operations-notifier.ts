import type { Actor } from '../../core/auth/roles.js';
import type { Db } from '../../core/db/database.js';
import type {
  HandoverRequestBody,
  OperationInviteBody,
  OperationReportBody,
} from '../exchange/bodies/index.js';

/** The notifications operations sends, typed by their exchange body. */
export type OperationsNotification =
  | { type: 'operation.invite'; to: string[]; priority: 'routine' | 'urgent'; body: OperationInviteBody }
  | { type: 'operation.report'; to: string[]; priority: 'routine' | 'urgent'; body: OperationReportBody }
  | { type: 'handover.request'; to: string[]; priority: 'routine' | 'urgent'; body: HandoverRequestBody };

/**
 * Sends a notification to counterparts, in the caller's transaction so the message leaves only if the change
 * that caused it commits (exchange writes it to the federation outbox).
 */
export interface OperationsNotifier {
  send(trx: Db, actor: Actor, notification: OperationsNotification): Promise<void>;
}

/** The shape of exchange's send use case (`POST /api/v1/notifications` behind the route). */
export type SendNotification = (
  db: Db,
  actor: Actor,
  input: { type: string; to: string[]; priority: OperationsNotification['priority']; body: unknown },
) => Promise<unknown>;

/** The notifier the node uses: hands each notification to exchange's service. */
export function exchangeNotifier(sendNotification: SendNotification): OperationsNotifier {
  return {
    async send(trx, actor, notification) {
      await sendNotification(trx, actor, notification);
    },
  };
}
