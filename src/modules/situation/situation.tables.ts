/** The current value of one county, day and source; earlier values live in `situation_report_versions`. */
export interface SituationReportRow {
  id: string;
  county_code: string;
  /** The reporting agency's local date, `YYYY-MM-DD`. */
  report_date: string;
  source_agency: string;
  /** The reporting agency's time zone, which the local date is in. */
  time_zone: string;
  version: number;
  confirmed: number;
  new_local: number;
  new_imported: number;
  asymptomatic: number;
  deaths: number;
  under_observation: number;
  tests: number;
  vaccination_coverage: number | null;
  remarks: string | null;
  correction_note: string | null;
  /** The level a counterpart stated in its `situation.daily`; ours is derived, never stated. */
  stated_risk_level: string | null;
  /** JSON array of the rule warnings the current value raised. */
  warnings: string;
  first_reported_at: string;
  updated_at: string;
  updated_by: string;
  /** The version last handed to the counterparts (own reports only); null until sent. */
  sent_version: number | null;
}

export interface SituationReportVersionRow {
  id: string;
  report_id: string;
  version: number;
  /** JSON of the county day as it stood after this version. */
  figures: string;
  /** JSON `{field: {from, to}}` against the previous version; `{}` for the first. */
  changes: string;
  correction_note: string | null;
  via: string;
  recorded_at: string;
  recorded_by: string;
  recorded_by_id: string | null;
}

/** Which `situation.daily` version of our own report for a day went out last. */
export interface SituationDailySendRow {
  report_date: string;
  version: number;
  sent_at: string;
}

export interface SituationPortStatusRow {
  id: string;
  port_code: string;
  source_agency: string;
  status: string;
  measures: string;
  effective_from: string;
  effective_to: string | null;
  recorded_at: string;
  recorded_by: string;
  note: string | null;
}

export interface SituationPortCrossingRow {
  port_code: string;
  crossing_date: string;
  source_agency: string;
  people: number;
  vehicles: number | null;
  recorded_at: string;
  recorded_by: string;
}

/** The last risk level derived for a county, so that a change can be noticed and announced once. */
export interface SituationRiskLevelRow {
  county_code: string;
  source_agency: string;
  level: string;
  as_of: string;
  changed_at: string;
}

export interface SituationSettingRow {
  key: string;
  value: string;
  updated_at: string;
  updated_by: string;
}

declare module '../../core/db/database.js' {
  interface Database {
    situation_reports: SituationReportRow;
    situation_report_versions: SituationReportVersionRow;
    situation_daily_sends: SituationDailySendRow;
    situation_port_statuses: SituationPortStatusRow;
    situation_port_crossings: SituationPortCrossingRow;
    situation_risk_levels: SituationRiskLevelRow;
    situation_settings: SituationSettingRow;
  }
}
