/** Shapes of the exchange module's API (src/modules/exchange/exchange.schema.ts) the inbox reads. */

export const BOXES = ['inbox', 'outbox', 'drafts'] as const;
export type Box = (typeof BOXES)[number];
export const PRIORITIES = ['routine', 'urgent', 'flash'] as const;
export const SHOWN_STATUSES = [
  'queued',
  'sent',
  'delivered',
  'read',
  'acknowledged',
  'rejected',
  'overdue',
] as const;

interface Header {
  readonly id: string;
  readonly box: Box;
  readonly state: 'draft' | 'sent' | 'received';
  readonly type: string;
  readonly priority: (typeof PRIORITIES)[number];
  readonly senderAgency: string;
  readonly createdAt: string;
  readonly sentAt: string | null;
  readonly inReplyTo: string | null;
  readonly personalData: boolean;
}

export interface NotificationSummary extends Header {
  readonly title: string | null;
  readonly recipients: readonly { readonly agency: string; readonly status: string }[];
}

export interface RecipientView {
  readonly agency: string;
  readonly status: string;
  readonly channel: 'node' | 'manual';
  readonly dueAt: string | null;
  readonly sentAt: string | null;
  readonly deliveredAt: string | null;
  readonly readAt: string | null;
  readonly acknowledgedAt: string | null;
  readonly note: string | null;
}

export interface NotificationView extends Header {
  readonly body: unknown;
  readonly text: string | null;
  readonly recipients: readonly RecipientView[];
  readonly attachments: readonly { readonly name: string; readonly sha256: string; readonly size: number }[];
  readonly rendered: {
    readonly language: string;
    readonly title: string;
    readonly lines: readonly string[];
    readonly senderText?: string;
  } | null;
}

export interface OverdueList {
  readonly items: readonly {
    readonly id: string;
    readonly box: 'inbox' | 'outbox';
    readonly type: string;
    readonly priority: string;
    readonly senderAgency: string;
    readonly agency: string;
    readonly dueAt: string;
  }[];
  readonly counts: { readonly inbox: number; readonly outbox: number };
}
