/** Shapes of the situation module's API (src/modules/situation/situation.schema.ts) the pages read. */

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const FIGURES = [
  'confirmed',
  'newLocal',
  'newImported',
  'asymptomatic',
  'deaths',
  'underObservation',
  'tests',
] as const;
export type Figure = (typeof FIGURES)[number];

export type CountyDayInput = Readonly<Record<Figure, number>> & {
  readonly remarks?: string;
  readonly correctionNote?: string;
};

/** A broken data rule; `rule` is its code and `details` the values a translated message names. */
export interface Violation {
  readonly rule: string;
  readonly severity: 'error' | 'warning';
  readonly field: string;
  readonly message: string;
  readonly details?: Readonly<Record<string, string | number | null>>;
}

export interface SituationReport extends Readonly<Record<Figure, number>> {
  readonly countyCode: string;
  readonly date: string;
  readonly source: string;
  readonly version: number;
  readonly remarks: string | null;
  readonly warnings: readonly Violation[];
  readonly updatedAt: string;
  readonly sentVersion: number | null;
}

export interface ReportWritten {
  readonly report: SituationReport;
  readonly changed: boolean;
  readonly warnings: readonly Violation[];
}

export interface ImportError {
  readonly line: number;
  readonly column: string | null;
  readonly code: string;
  readonly message: string;
}

export interface ImportReport {
  readonly imported: number;
  readonly unchanged: number;
  readonly rejected: number;
  readonly warned: number;
  readonly errors: readonly ImportError[];
}

export interface AgencyCompleteness {
  readonly agency: string;
  readonly side: 'own' | 'counterpart';
  readonly dueAt: string;
  readonly expected: number;
  readonly reported: number;
  readonly late: number;
  readonly missing: number;
  readonly counties: readonly {
    readonly countyCode: string;
    readonly state: 'reported' | 'late' | 'missing';
    readonly firstReportedAt: string | null;
  }[];
}

export interface Completeness {
  readonly date: string;
  readonly agencies: readonly AgencyCompleteness[];
}

export interface SeriesPoint {
  readonly date: string;
  readonly confirmed: number;
  readonly new: number;
  readonly newLocal: number;
  readonly avg7: number;
  readonly incidence7Per100k: number | null;
  readonly riskLevel: RiskLevel;
}

export interface CountySeries {
  readonly countyCode: string;
  readonly source: string;
  readonly population: number | null;
  readonly points: readonly SeriesPoint[];
}

export const PORT_STATUSES = ['open', 'cargo_only', 'passengers_restricted', 'closed'] as const;
export type PortStatusCode = (typeof PORT_STATUSES)[number];
export const TEST_REQUIREMENTS = ['none', 'antigen', 'pcr'] as const;

export interface PortMeasures {
  readonly testRequired: (typeof TEST_REQUIREMENTS)[number];
  readonly quarantineDays: number;
  readonly openingHours: string;
  readonly notes?: string;
}

export interface PortStatusVersion {
  readonly id: string;
  readonly portCode: string;
  readonly source: string;
  readonly status: PortStatusCode;
  readonly measures: PortMeasures;
  readonly effectiveFrom: string;
  readonly effectiveTo: string | null;
  readonly recordedAt: string;
  readonly recordedBy: string;
  readonly note: string | null;
}

export interface PortState {
  readonly portCode: string;
  readonly country: string;
  readonly side: 'own' | 'counterpart';
  readonly counterpartPortCode: string | null;
  readonly current: PortStatusVersion | null;
  readonly lastUpdateAt: string | null;
  readonly stale: boolean;
}

export interface MapFeature {
  readonly id: string;
  readonly properties: Readonly<Record<string, unknown>>;
}

/** GET /api/v1/situation/map: counties with their risk level and ports with their status, both sides. */
export interface SituationMap {
  readonly date: string;
  readonly counties: { readonly features: readonly MapFeature[] };
  readonly ports: { readonly features: readonly MapFeature[] };
}

/** PUT /api/v1/situation/ports/{code}/crossings/{date}: the day's count as the node stored it. */
export interface CrossingCount {
  readonly portCode: string;
  readonly date: string;
  readonly source: string;
  readonly people: number;
  readonly vehicles: number | null;
  readonly recordedAt: string;
}
