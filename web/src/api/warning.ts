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
  /** The node's English. */
  readonly detail: string;
  /** What the detail says as a code the reader's language words; absent on hits raised before it was kept. */
  readonly reason?: string;
  readonly values?: Readonly<Record<string, string | number>>;
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
  /** The latest action taken. */
  readonly action: string | null;
  /** Every action taken, oldest first. */
  readonly actions: readonly { readonly action: string; readonly by: string; readonly at: string }[];
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
  readonly personalNumber: string | null;
  readonly reason: string;
  readonly validFrom: string;
  readonly validUntil: string;
  readonly sharingScope: 'internal' | 'counterparts';
  readonly shareWith: readonly string[];
}

export interface ScreeningOutcome {
  readonly crossingId: string;
  /** Who was screened, as recorded (read from the MRZ when one was given). */
  readonly traveller: {
    readonly surname: string | null;
    readonly givenNames: string | null;
    readonly nativeName: string | null;
    readonly documentNumber: string | null;
  };
  /** The expiry date read from the MRZ when the document has expired. */
  readonly documentExpiredOn: string | null;
  readonly verdict: 'hit' | 'possible' | 'clear';
  readonly score: number;
  readonly explanation: readonly Evidence[];
  readonly hitId: string | null;
  readonly entry: {
    readonly id: string;
    readonly surname: string | null;
    readonly givenNames: string | null;
  } | null;
  readonly warnings: readonly { readonly hitId: string; readonly rule: string; readonly detail: string }[];
}

/** The traveller as recorded at a crossing; null once retention has purged it. */
export interface CrossingIdentity {
  readonly surname: string | null;
  readonly givenNames: string | null;
  readonly nativeName: string | null;
  readonly sex: string | null;
  readonly birthDate: string | null;
  readonly nationality: string | null;
  readonly documentType: string | null;
  readonly documentNumber: string | null;
  readonly issuingState: string | null;
}

export interface Crossing {
  readonly id: string;
  readonly kind: string;
  readonly direction: string;
  readonly portCode: string;
  readonly crossedAt: string;
  readonly conveyance: string | null;
  readonly fromCounty: string | null;
  readonly residenceCounty: string | null;
  readonly identity: CrossingIdentity | null;
  readonly purgedAt: string | null;
}

export const RULES = ['high_risk_county', 'port_closed_to_passengers', 'flagged_conveyance'] as const;
export type RuleName = (typeof RULES)[number];

export interface RuleSetting {
  readonly rule: RuleName;
  readonly enabled: boolean;
}

export interface FlaggedConveyance {
  readonly id: string;
  readonly conveyance: string;
  readonly reason: string;
  readonly validUntil: string | null;
  readonly createdAt: string;
}

/** A row of an uploaded file the node could not take; `line` counts the CSV header. */
/** A row the node could not take; a schema failure also names the field and carries Ajv's keyword and params. */
export interface RowError {
  readonly line: number;
  readonly code: string;
  readonly message: string;
  readonly path?: string;
  readonly keyword?: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

export interface WatchlistImportReport {
  readonly imported: number;
  readonly rejected: number;
  readonly errors: readonly RowError[];
  readonly errorsTruncated: boolean;
}

export interface BulkReport {
  readonly importId: string;
  readonly accepted: number;
  readonly rejected: number;
  /** Rows left out because their port and reference are already recorded. */
  readonly alreadyRecorded: number;
  readonly hits: number;
  readonly possibles: number;
  readonly errors: readonly RowError[];
  readonly errorsTruncated: boolean;
}

/** The traveller's name as recorded on the crossing behind a hit; null once retention purged it. */
export interface HitTraveller {
  readonly surname: string | null;
  readonly givenNames: string | null;
  readonly nativeName: string | null;
}

/** A hit as the desk's lists carry it: who the traveller is and the watchlisted entry's category. */
export interface ListedHit extends Hit {
  readonly traveller: HitTraveller | null;
  /** Null for a rule hit, or once the entry is gone. */
  readonly entryCategory: string | null;
}

/** A counterpart's notice that its desk found a person on an entry we shared (src/modules/warning/warning.schema.ts). */
export interface ReceivedHitNotice {
  readonly id: string;
  readonly fromAgency: string;
  readonly entryId: string;
  /** Null once our entry was deleted or expired. */
  readonly entry: {
    readonly id: string;
    readonly category: string;
    readonly surname: string | null;
    readonly givenNames: string | null;
    readonly nativeName: string | null;
  } | null;
  readonly crossing: { readonly portCode: string; readonly direction: string; readonly crossedAt: string };
  readonly verdict: string;
  readonly score: number;
  /** `none` until the counterpart records an action. */
  readonly actionTaken: string;
  readonly replyBy: string | null;
  readonly receivedAt: string;
  /** The inbox notification it arrived in: acknowledging it answers the counterpart. */
  readonly notificationId: string | null;
  /** Null for notices received before their notification was kept. */
  readonly reply: {
    readonly state: 'awaited' | 'acknowledged' | 'overdue';
    readonly acknowledgedAt: string | null;
  } | null;
}
