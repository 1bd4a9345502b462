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
  readonly detail: string;
}

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
