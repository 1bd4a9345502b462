/** Shapes of the warning module's API (src/modules/warning/warning.schema.ts) the pages read. */

export const HIT_ACTIONS = [
  'secondary_health_check',
  'quarantine',
  'refused_entry',
  'handed_to_health_authority',
] as const;
export type HitAction = (typeof HIT_ACTIONS)[number];

export interface Evidence {
  readonly field: string;
  readonly agreement: string;
  readonly weight: number;
  readonly detail: string;
}

export interface Hit {
  readonly id: string;
  readonly kind: 'identity' | 'rule';
  readonly rule: string | null;
  readonly crossingId: string;
  readonly portCode: string;
  readonly direction: string;
  readonly crossedAt: string;
  readonly entryId: string | null;
  readonly sourceAgency: string | null;
  readonly verdict: string;
  readonly score: number;
  readonly explanation: readonly Evidence[];
  readonly origin: string;
  readonly status: 'open' | 'confirmed' | 'dismissed';
  readonly decisionReason: string | null;
  readonly decidedAt: string | null;
  readonly action: string | null;
  readonly createdAt: string;
}

export interface WatchlistEntry {
  readonly id: string;
  readonly sourceAgency: string;
  readonly category: string;
  readonly surname: string | null;
  readonly givenNames: string | null;
  readonly nativeName: string | null;
  readonly aliases: readonly string[];
  readonly sex: string | null;
  readonly birthDate: string | null;
  readonly nationality: string | null;
  readonly documentType: string | null;
  readonly documentNumber: string | null;
  readonly issuingState: string | null;
  readonly reason: string;
  readonly validFrom: string;
  readonly validUntil: string;
  readonly sharingScope: 'internal' | 'counterparts';
}

export interface ScreeningOutcome {
  readonly crossingId: string;
  readonly verdict: 'hit' | 'possible' | 'clear';
  readonly score: number;
  readonly explanation: readonly Evidence[];
  readonly hitId: string | null;
  readonly warnings: readonly { readonly hitId: string; readonly rule: string; readonly detail: string }[];
}
