export interface LiaisonContactRow {
  id: string;
  /** The day of the letter, call or meeting (YYYY-MM-DD). */
  occurred_on: string;
  channel: string;
  direction: string;
  /** Parties as JSON. */
  parties: string;
  /** The parties' kinds as `,counterpart,international,` so a filter is one LIKE. */
  party_kinds: string;
  subject: string;
  summary: string | null;
  assessment: string | null;
  commitments: string;
  follow_up_status: string;
  /** Attachment references (sha256 or ids) as JSON. */
  attachments: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** A file kept with a contact; `data` is selected only when the file is downloaded. */
export interface LiaisonAttachmentRow {
  id: string;
  contact_id: string;
  /** The name the officer's file had, shown and offered back on download. */
  name: string;
  /** Sniffed from the content, never taken from the name or the uploader's claim. */
  media_type: string;
  size: number;
  sha256: string;
  data: Buffer;
  uploaded_by: string;
  created_at: string;
}

declare module '../../core/db/database.js' {
  interface Database {
    liaison_contacts: LiaisonContactRow;
    liaison_attachments: LiaisonAttachmentRow;
  }
}
