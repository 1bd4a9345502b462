/** Shapes of the operations module's API (src/modules/operations/operations.schema.ts) the pages read. */

export type Position = readonly [number, number];

export interface LineString {
  readonly type: 'LineString';
  readonly coordinates: readonly Position[];
}

export const OPERATION_KINDS = ['patrol', 'law_enforcement', 'exercise'] as const;
export type OperationKind = (typeof OPERATION_KINDS)[number];
export const TARGET_KINDS = ['illegal_crossing_route', 'smuggling', 'crossing_organiser', 'other'] as const;

export interface CalendarEntry {
  readonly id: string;
  readonly kind: string;
  readonly title: string;
  readonly status: string;
  readonly counterpartAgency: string;
  readonly startsAt: string;
  readonly endsAt: string;
}

export interface OperationReport {
  readonly findings: string;
  readonly lessons: string;
  readonly interceptions: { readonly events: number; readonly persons: number };
  readonly completedAt: string;
}

export interface MeetingPoint {
  readonly name: string;
  readonly markerCode?: string;
  readonly position?: Position;
  readonly at?: string;
}

export interface Contact {
  readonly name: string;
  readonly role?: string;
  readonly phone?: string;
  readonly callSign?: string;
}

export interface PatrolPlan {
  readonly routes: { readonly own?: LineString; readonly counterpart?: LineString };
  readonly meetingPoints: readonly MeetingPoint[];
  readonly radioChannels: readonly string[];
  readonly contacts: readonly Contact[];
}

export interface CounterProposal {
  readonly startsAt: string;
  readonly endsAt: string;
  readonly note?: string;
  readonly route?: LineString;
}

export interface Operation extends CalendarEntry {
  readonly kind: OperationKind;
  readonly proposedByUs: boolean;
  readonly originAgency: string;
  readonly sectionCode: string | null;
  readonly note: string | null;
  readonly patrol?: PatrolPlan;
  readonly lawEnforcement?: {
    readonly targets: readonly {
      readonly kind: (typeof TARGET_KINDS)[number];
      readonly description: string;
    }[];
  };
  readonly exercise?: { readonly scenario: string; readonly objectives: readonly string[] };
  readonly counterProposal: CounterProposal | null;
  readonly report: OperationReport | null;
  readonly counterpartReport: OperationReport | null;
}

export interface CheckIn {
  readonly id: string;
  readonly unit: string;
  readonly at: string;
  readonly lon: number;
  readonly lat: number;
  readonly note: string | null;
}

export interface PersonIdentity {
  readonly surname: string;
  readonly givenNames: string;
  readonly nationality?: string;
  readonly birthDate?: string;
  readonly documentNumber?: string;
}

export interface Interception {
  readonly id: string;
  readonly occurredAt: string;
  readonly lon: number;
  readonly lat: number;
  readonly borderSectionCode: string;
  readonly countyCode: string | null;
  readonly passCode: string | null;
  readonly personsCount: number;
  readonly nationality: string | null;
  readonly direction: 'attempted_exit' | 'attempted_entry';
  readonly reason: string;
  readonly outcome: string;
  readonly duplicateOf: string | null;
  readonly mergedInto: string | null;
  /** Present only for officers cleared for personal data. */
  readonly persons?: readonly (PersonIdentity & { readonly id: string })[];
}

export const HANDOVER_STATUSES = ['requested', 'accepted', 'rescheduled', 'done'] as const;

export interface HandoverPlace {
  readonly portCode?: string;
  readonly passCode?: string;
  readonly description?: string;
}

export interface Handover {
  readonly id: string;
  readonly role: 'handing' | 'receiving';
  readonly counterpartAgency: string;
  readonly interceptionId: string | null;
  readonly status: (typeof HANDOVER_STATUSES)[number];
  readonly nationality: string;
  /** Present only for officers cleared for personal data, until retention ends. */
  readonly person?: PersonIdentity | null;
  readonly health: {
    readonly testResult: string;
    readonly testedAt?: string;
    readonly symptoms: readonly string[];
  };
  readonly proposedAt: string;
  readonly place: HandoverPlace;
  /** Whose answer the proposed time waits for; null once accepted. */
  readonly awaiting: 'us' | 'counterpart' | null;
  /** Only the side the proposal waits for may accept it. */
  readonly canAccept: boolean;
  readonly confirmedByUsAt: string | null;
  readonly confirmedByCounterpartAt: string | null;
}

export interface Hotspots {
  readonly passes: readonly {
    readonly passCode: string;
    readonly events: number;
    readonly persons: number;
  }[];
}

/** A place in the directory a handover can happen at: a port or a pass. */
export interface PlaceChoice {
  readonly code: string;
  readonly names: Readonly<Partial<Record<'zh' | 'en' | 'ru' | 'local', string>>>;
}
