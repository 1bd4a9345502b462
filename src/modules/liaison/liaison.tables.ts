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

declare module '../../core/db/database.js' {
  interface Database {
    liaison_contacts: LiaisonContactRow;
  }
}
