/** Shapes of the operations module's API (src/modules/operations/operations.schema.ts) the pages read. */

export type Position = readonly [number, number];

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

export interface Operation extends CalendarEntry {
  readonly proposedByUs: boolean;
  readonly note: string | null;
  readonly patrol?: {
    readonly routes: { readonly own?: { readonly coordinates: readonly Position[] } };
    readonly radioChannels: readonly string[];
  };
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
}

export interface Handover {
  readonly id: string;
  readonly role: 'handing' | 'receiving';
  readonly counterpartAgency: string;
  readonly status: string;
  readonly nationality: string;
  readonly health: { readonly testResult: string };
  readonly proposedAt: string;
  readonly place: { readonly portCode?: string; readonly passCode?: string; readonly description?: string };
}

export interface Hotspots {
  readonly passes: readonly {
    readonly passCode: string;
    readonly events: number;
    readonly persons: number;
  }[];
}
