/** A person on a watchlist, entered here or received from a counterpart; personal data until purged. */
export interface WatchlistEntryRow {
  id: string;
  /** The agency that put the person on the list (our own code for entries made here). */
  source_agency: string;
  /** The id the source agency gave the entry; ours equals `id`. */
  source_entry_id: string;
  /** The `watchlist.share` notification an incoming entry arrived in, quoted back in hit notices. */
  shared_notification_id: string | null;
  category: string;
  surname: string | null;
  given_names: string | null;
  native_name: string | null;
  /** JSON array of strings. */
  aliases: string;
  sex: string | null;
  birth_date: string | null;
  nationality: string | null;
  document_type: string | null;
  document_number: string | null;
  issuing_state: string | null;
  personal_number: string | null;
  reason: string;
  valid_from: string;
  valid_until: string;
  sharing_scope: string;
  /** JSON array of agency codes the entry is shared with. */
  share_with: string;
  /** Set once the entry was screened against past crossings. */
  retro_screened_at: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** An entry removed from the watchlist, kept (without personal data) so every process drops it from its index. */
export interface WatchlistTombstoneRow {
  entry_id: string;
  removed_at: string;
}

/** An entry a counterpart withdrew, and the notification that withdrew it (no personal data). */
export interface ShareWithdrawalRow {
  source_agency: string;
  source_entry_id: string;
  notification_id: string;
  withdrawn_at: string;
}

/** A crossing at a port, or an expected one from an advance passenger list. */
export interface CrossingRow {
  id: string;
  kind: string;
  direction: string;
  port_code: string;
  crossed_at: string;
  conveyance: string | null;
  from_county: string | null;
  residence_county: string | null;
  surname: string | null;
  given_names: string | null;
  native_name: string | null;
  sex: string | null;
  birth_date: string | null;
  nationality: string | null;
  document_type: string | null;
  document_number: string | null;
  issuing_state: string | null;
  verdict: string;
  score: number;
  source: string;
  import_id: string | null;
  /** The port system's own id of the crossing: one crossing per port and reference. */
  reference: string | null;
  created_by: string;
  created_at: string;
  /** Set when retention ended: the identity and conveyance are blanked, the crossing itself is kept. */
  purged_at: string | null;
}

/** One action taken on a confirmed hit; the hit's own `action` is the latest of them. */
export interface HitActionRow {
  id: string;
  hit_id: string;
  action: string;
  action_by: string;
  action_at: string;
}

/** A warning raised on a crossing: an identity match against an entry, or an early-warning rule. */
export interface HitRow {
  id: string;
  kind: string;
  /** `entry:<id>` or `rule:<name>`: one hit per crossing and subject, however often it is screened. */
  subject: string;
  rule: string | null;
  crossing_id: string;
  crossing_kind: string;
  port_code: string;
  direction: string;
  crossed_at: string;
  entry_id: string | null;
  source_agency: string | null;
  source_entry_id: string | null;
  verdict: string;
  score: number;
  /** JSON: the matcher's field evidence, or the rule's facts. */
  explanation: string;
  origin: string;
  status: string;
  decision_reason: string | null;
  decided_by: string | null;
  decided_at: string | null;
  action: string | null;
  action_by: string | null;
  action_at: string | null;
  notice_notification_id: string | null;
  reply_by: string | null;
  created_at: string;
  updated_at: string;
  /** Set when retention ended: the explanation and reasons are blanked, the hit and its outcome kept. */
  purged_at: string | null;
}

/** A counterpart told us one of our shared entries was found at their border. */
export interface HitNoticeRow {
  id: string;
  from_agency: string;
  entry_id: string;
  port_code: string;
  direction: string;
  crossed_at: string;
  verdict: string;
  score: number;
  action_taken: string;
  reply_by: string | null;
  received_at: string;
  /** The notification the notice arrived in (null for notices received before it was kept). */
  notification_id: string | null;
}

/** A vehicle, vessel, train or flight the early-warning rules watch for. */
export interface FlaggedConveyanceRow {
  id: string;
  /** Upper-case letters and digits only, so `AB-123` and `ab 123` are the same conveyance. */
  conveyance_key: string;
  conveyance: string;
  reason: string;
  valid_until: string | null;
  created_by: string;
  created_at: string;
}

/** Whether an early-warning rule runs; rules missing here are on. */
export interface WarningRuleRow {
  rule: string;
  enabled: number;
  updated_at: string;
}

declare module '../../core/db/database.js' {
  interface Database {
    warning_watchlist_entries: WatchlistEntryRow;
    warning_watchlist_tombstones: WatchlistTombstoneRow;
    warning_share_withdrawals: ShareWithdrawalRow;
    warning_crossings: CrossingRow;
    warning_hits: HitRow;
    warning_hit_actions: HitActionRow;
    warning_hit_notices: HitNoticeRow;
    warning_flagged_conveyances: FlaggedConveyanceRow;
    warning_rules: WarningRuleRow;
  }
}
