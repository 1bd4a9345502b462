export interface OperationScheduleRow {
  id: string;
  /** The recurrence rule as JSON, kept to show how the occurrences were made. */
  rule: string;
  created_by: string;
  created_at: string;
}

export interface OperationRow {
  id: string;
  kind: string;
  title: string;
  status: string;
  counterpart_agency: string;
  /** The agency that proposed the operation; with `origin_operation_id` it names the operation on both nodes. */
  origin_agency: string;
  origin_operation_id: string;
  section_code: string | null;
  starts_at: string;
  ends_at: string;
  /** Kind-specific plan (routes, meeting points, targets, scenario…) as JSON. */
  details: string;
  note: string | null;
  counter_proposal: string | null;
  report: string | null;
  counterpart_report: string | null;
  schedule_id: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface CheckInRow {
  id: string;
  operation_id: string;
  unit: string;
  at: string;
  lon: number;
  lat: number;
  note: string | null;
  created_by: string;
  created_at: string;
}

export interface InterceptionRow {
  id: string;
  occurred_at: string;
  lon: number;
  lat: number;
  border_section_code: string;
  county_code: string | null;
  pass_code: string | null;
  pass_distance_km: number | null;
  persons_count: number;
  nationality: string | null;
  direction: string;
  reason: string;
  outcome: string;
  operation_id: string | null;
  note: string | null;
  /** A likely duplicate of this earlier interception, awaiting an officer's merge or dismissal. */
  duplicate_of: string | null;
  merged_into: string | null;
  persons_purged_at: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** Personal data: one row per identified person, deleted when retention ends. */
export interface InterceptionPersonRow {
  id: string;
  interception_id: string;
  surname: string;
  given_names: string;
  nationality: string | null;
  birth_date: string | null;
  sex: string | null;
  document_number: string | null;
  created_at: string;
}

export interface HandoverRow {
  id: string;
  /** `handing` when we hand the person over, `receiving` when the counterpart does. */
  role: string;
  counterpart_agency: string;
  interception_id: string | null;
  status: string;
  /** Names the same handover on both nodes (the request body carries no id of its own). */
  person_key: string;
  /** The person as JSON (personal data); null once purged. */
  person: string | null;
  nationality: string;
  health: string;
  proposed_at: string;
  place: string;
  /** Who must answer the latest proposal (`us` or `counterpart`); null once accepted. */
  awaiting: string | null;
  confirmed_by_us_at: string | null;
  confirmed_by_counterpart_at: string | null;
  person_purged_at: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

declare module '../../core/db/database.js' {
  interface Database {
    operation_schedules: OperationScheduleRow;
    operations: OperationRow;
    operation_check_ins: CheckInRow;
    interceptions: InterceptionRow;
    interception_persons: InterceptionPersonRow;
    handovers: HandoverRow;
  }
}
