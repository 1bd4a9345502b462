/** Sex as written in travel documents (ICAO 9303: X for unspecified). */
export type Sex = 'M' | 'F' | 'X';

/** Who crossed (or is expected to cross): the identity fields the matcher reads. */
export interface CrossingIdentity {
  readonly id: string;
  readonly surname?: string;
  readonly givenNames?: string;
  /** The name in its own script (Han, Cyrillic, Thai...). */
  readonly nativeName?: string;
  readonly sex?: Sex;
  /** 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'. */
  readonly birthDate?: string;
  /** ISO 3166-1 alpha-3. */
  readonly nationality?: string;
  readonly documentNumber?: string;
  readonly issuingState?: string;
}

/** A person on a watchlist: a crossing identity plus the other names they are known by. */
export interface WatchlistIdentity extends CrossingIdentity {
  readonly aliases?: readonly string[];
}

/** How two values of one field relate. */
export type Agreement = 'exact' | 'strong' | 'partial' | 'none' | 'conflict' | 'missing';

/** The fields that carry evidence about identity. */
export type MatchField = 'name' | 'documentNumber' | 'birthDate' | 'nationality' | 'sex';

/** One field's part in a score: `weight` is what it added to (or took from) the score. */
export interface FieldEvidence {
  readonly field: MatchField;
  readonly agreement: Agreement;
  readonly weight: number;
  /** In English, for logs, the CLI and scripts. */
  readonly detail: string;
  /** What the detail says, as a code a reader's language words (with `values` filled in). */
  readonly reason: EvidenceReason;
  readonly values?: Readonly<Record<string, string | number>>;
}

/** The findings the matcher explains a field by; see `detail` for each one's English. */
export const EVIDENCE_REASONS = [
  'not_on_both',
  'no_name',
  'name_parts',
  'no_name_part_agrees',
  'same_number',
  'same_number_ocr',
  'one_edit_apart',
  'different_numbers',
  'same_number_identifies',
  'same_number_ocr_identifies',
  'year_mistyped',
  'different_dates',
  'years_one_apart',
  'years_apart',
  'different_years',
  'same_year',
  'same_month',
  'same_date',
  'same_month_other_day',
  'day_month_swapped',
  'different_months',
  'same',
  'different_states',
  'unspecified_on_one',
  'different_sexes',
] as const;
export type EvidenceReason = (typeof EVIDENCE_REASONS)[number];

/** A score from 0 to 1 and why. */
export interface MatchScore {
  readonly score: number;
  readonly explanation: readonly FieldEvidence[];
}

/** Outcome of screening one crossing. */
export type Verdict = 'hit' | 'possible' | 'clear';

/** Score limits at and above which a candidate is a hit or a possible match. */
export interface MatchThresholds {
  readonly hit: number;
  readonly possible: number;
}
