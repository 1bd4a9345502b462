/** Rows of the exchange tables, as stored (instants ISO text, JSON as text, booleans 0/1). */
export interface NotificationRow {
  id: string;
  /** `outgoing` (we are the sender) or `incoming` (we are a recipient). */
  direction: string;
  /** `draft` or `sent` for outgoing; `received` for incoming. */
  state: string;
  /** How it reached us: `local` (created here), `node` (federation), `manual` (recorded by hand), `cap`. */
  origin: string;
  type: string;
  priority: string;
  sender_agency: string;
  /** The structured body as JSON; null once personal data was purged. */
  body: string | null;
  text: string | null;
  in_reply_to: string | null;
  personal_data: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
  purge_after: string | null;
  purged_at: string | null;
  cap_identifier: string | null;
  cap_sender: string | null;
  cap_sent: string | null;
}

export interface RecipientRow {
  notification_id: string;
  agency: string;
  status: string;
  /** `node` (federation delivers) or `manual` (e-mail, fax; officers record progress). */
  channel: string;
  due_at: string | null;
  sent_at: string | null;
  delivered_at: string | null;
  read_at: string | null;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  rejected_reason: string | null;
  note: string | null;
  updated_at: string;
}

export interface AttachmentRow {
  sha256: string;
  size: number;
  media_type: string;
  created_at: string;
}

export interface NotificationAttachmentRow {
  notification_id: string;
  position: number;
  name: string;
  sha256: string;
  size: number;
  media_type: string;
}

export interface PeerDeadlineRow {
  agency: string;
  routine_hours: number;
  urgent_hours: number;
  flash_hours: number;
  updated_at: string;
}

declare module '../../core/db/database.js' {
  interface Database {
    notifications: NotificationRow;
    notification_recipients: RecipientRow;
    attachments: AttachmentRow;
    notification_attachments: NotificationAttachmentRow;
    exchange_peer_deadlines: PeerDeadlineRow;
  }
}
