import type { OperationsNotification, OperationsNotifier } from '../operations-notifier.js';

/** A notifier that keeps what it was asked to send, for tests that read the bodies. */
export function recordingNotifier(): OperationsNotifier & { readonly sent: OperationsNotification[] } {
  const sent: OperationsNotification[] = [];
  return {
    sent,
    async send(_trx, _actor, notification) {
      sent.push(notification);
    },
  };
}
