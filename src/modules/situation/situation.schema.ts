import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { AgencyCode, Code, IsoDate, StringEnum } from '../../core/http/schemas.js';
import { PORT_STATUSES, RISK_LEVELS, TEST_REQUIREMENTS } from './rules/index.js';

const strict = { additionalProperties: false } as const;
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
// Counts are plain numbers here so that a negative or fractional count reaches the rules, which name it.
const FigureInput = Type.Number({ minimum: -1_000_000_000, maximum: 1_000_000_000 });
const OPENING_HOURS =
  '^([01]\\d|2[0-3]):[0-5]\\d-(([01]\\d|2[0-3]):[0-5]\\d|24:00)(,([01]\\d|2[0-3]):[0-5]\\d-(([01]\\d|2[0-3]):[0-5]\\d|24:00))*$';

/** The figures of one county day as entered through the API. */
export const CountyDayInput = Type.Object(
  {
    confirmed: FigureInput,
    newLocal: FigureInput,
    newImported: FigureInput,
    asymptomatic: FigureInput,
    deaths: FigureInput,
    underObservation: FigureInput,
    tests: FigureInput,
    vaccinationCoverage: Type.Optional(Type.Number({ minimum: -1000, maximum: 1000 })),
    remarks: Type.Optional(Type.String({ maxLength: 4000 })),
    correctionNote: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  strict,
);
export type CountyDayInput = Static<typeof CountyDayInput>;

export const ViolationView = Type.Object({
  rule: Type.String(),
  severity: StringEnum(['error', 'warning'] as const),
  field: Type.String(),
  message: Type.String(),
  details: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Null()])),
});
export type ViolationView = Static<typeof ViolationView>;

export const SituationReport = Type.Object({
  countyCode: Type.String(),
  date: Type.String(),
  source: Type.String(),
  timeZone: Type.String(),
  version: Type.Integer(),
  confirmed: Type.Integer(),
  newLocal: Type.Integer(),
  newImported: Type.Integer(),
  asymptomatic: Type.Integer(),
  deaths: Type.Integer(),
  underObservation: Type.Integer(),
  tests: Type.Integer(),
  vaccinationCoverage: Nullable(Type.Number()),
  remarks: Nullable(Type.String()),
  correctionNote: Nullable(Type.String()),
  statedRiskLevel: Nullable(Type.String()),
  warnings: Type.Array(ViolationView),
  firstReportedAt: Type.String(),
  updatedAt: Type.String(),
  updatedBy: Type.String(),
  sentVersion: Nullable(Type.Number()),
});
export type SituationReport = Static<typeof SituationReport>;

export const ReportWritten = Type.Object({
  report: SituationReport,
  /** Whether this write changed anything (an identical re-entry makes no new version). */
  changed: Type.Boolean(),
  warnings: Type.Array(ViolationView),
});
export type ReportWritten = Static<typeof ReportWritten>;

export const ReportVersion = Type.Object({
  version: Type.Integer(),
  figures: Type.Record(Type.String(), Type.Unknown()),
  changes: Type.Record(Type.String(), Type.Object({ from: Type.Unknown(), to: Type.Unknown() })),
  correctionNote: Nullable(Type.String()),
  via: Type.String(),
  recordedAt: Type.String(),
  recordedBy: Type.String(),
});
export type ReportVersion = Static<typeof ReportVersion>;

export const ReportQuery = Type.Object(
  {
    county: Type.Optional(Code),
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    source: Type.Optional(AgencyCode),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000, default: 500 })),
  },
  strict,
);
export type ReportQuery = Static<typeof ReportQuery>;

export const ImportError = Type.Object({
  line: Type.Integer(),
  column: Nullable(Type.String()),
  code: Type.String(),
  message: Type.String(),
});
export type ImportError = Static<typeof ImportError>;

export const ImportReport = Type.Object({
  imported: Type.Integer(),
  unchanged: Type.Integer(),
  rejected: Type.Integer(),
  /** Rows kept with rule warnings (they are stored and flagged). */
  warned: Type.Integer(),
  errors: Type.Array(ImportError),
});
export type ImportReport = Static<typeof ImportReport>;

export const CountyCompleteness = Type.Object({
  countyCode: Type.String(),
  state: StringEnum(['reported', 'late', 'missing'] as const),
  firstReportedAt: Nullable(Type.String()),
});

export const AgencyCompleteness = Type.Object({
  agency: Type.String(),
  side: StringEnum(['own', 'counterpart'] as const),
  /** When a report for the day was due, as an instant (the configured local cut-off in the agency's time zone). */
  dueAt: Type.String(),
  expected: Type.Integer(),
  reported: Type.Integer(),
  late: Type.Integer(),
  missing: Type.Integer(),
  counties: Type.Array(CountyCompleteness),
});
export type AgencyCompleteness = Static<typeof AgencyCompleteness>;

export const Completeness = Type.Object({ date: Type.String(), agencies: Type.Array(AgencyCompleteness) });
export type Completeness = Static<typeof Completeness>;

export const SeriesPoint = Type.Object({
  date: Type.String(),
  confirmed: Type.Integer(),
  new: Type.Integer(),
  newLocal: Type.Integer(),
  sum7: Type.Integer(),
  newLocal7: Type.Integer(),
  avg7: Type.Number(),
  reportedDays7: Type.Integer(),
  incidence7Per100k: Nullable(Type.Number()),
  growth7: Nullable(Type.Number()),
  doublingTimeDays: Nullable(Type.Number()),
  riskLevel: StringEnum(RISK_LEVELS),
});
export type SeriesPoint = Static<typeof SeriesPoint>;

export const CountySeries = Type.Object({
  countyCode: Type.String(),
  source: Type.String(),
  population: Nullable(Type.Number()),
  points: Type.Array(SeriesPoint),
});
export type CountySeries = Static<typeof CountySeries>;

export const SeriesQuery = Type.Object(
  { from: IsoDate, to: IsoDate, source: Type.Optional(AgencyCode) },
  strict,
);

const Threshold = Type.Union([Type.Number({ minimum: 0, maximum: 1_000_000 }), Type.Null()]);

export const RiskThresholdsSchema = Type.Object(
  {
    mediumIncidence7Per100k: Threshold,
    highIncidence7Per100k: Threshold,
    mediumNewLocal7: Threshold,
    highNewLocal7: Threshold,
  },
  strict,
);

export const SituationSettings = Type.Object(
  {
    riskThresholds: RiskThresholdsSchema,
    /** Local time (`HH:MM`, the reporting agency's zone) after which a day's report counts as late. */
    reportingCutoff: Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' }),
    /** A port whose status has not been updated for this many days is flagged stale. */
    portStaleAfterDays: Type.Integer({ minimum: 1, maximum: 365 }),
    /** Differences in crossing counts above this share of the larger count are flagged. */
    crossingDiscrepancyPercent: Type.Number({ minimum: 0, maximum: 100 }),
    /** Send notifications at once rather than leave them as drafts for a liaison officer. */
    sendNotifications: Type.Boolean(),
    /** New cases above this multiple of the 7-day median are flagged as outliers. */
    outlierFactor: Type.Number({ minimum: 1, maximum: 1000 }),
  },
  strict,
);
export type SituationSettings = Static<typeof SituationSettings>;
export const SettingsChanges = Type.Partial(SituationSettings, { ...strict, minProperties: 1 });
export type SettingsChanges = Static<typeof SettingsChanges>;

/** The same measures a `port.policy` body carries, so ours go out and theirs come in unchanged. */
export const PortMeasuresSchema = Type.Object(
  {
    testRequired: StringEnum(TEST_REQUIREMENTS),
    quarantineDays: Type.Integer({ minimum: 0, maximum: 60 }),
    openingHours: Type.String({ pattern: OPENING_HOURS, maxLength: 70 }),
    notes: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
  },
  strict,
);

export type PortMeasuresInput = Static<typeof PortMeasuresSchema>;

export const NewPortStatus = Type.Object(
  {
    status: StringEnum(PORT_STATUSES),
    measures: PortMeasuresSchema,
    effectiveFrom: IsoDate,
    effectiveTo: Type.Optional(Type.Union([IsoDate, Type.Null()])),
    note: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  strict,
);
export type NewPortStatus = Static<typeof NewPortStatus>;

export const PortStatusVersionView = Type.Object({
  id: Type.String(),
  portCode: Type.String(),
  source: Type.String(),
  status: StringEnum(PORT_STATUSES),
  measures: PortMeasuresSchema,
  effectiveFrom: Type.String(),
  effectiveTo: Nullable(Type.String()),
  recordedAt: Type.String(),
  recordedBy: Type.String(),
  note: Nullable(Type.String()),
});
export type PortStatusVersionView = Static<typeof PortStatusVersionView>;

export const PortState = Type.Object({
  portCode: Type.String(),
  country: Type.String(),
  side: StringEnum(['own', 'counterpart'] as const),
  counterpartPortCode: Nullable(Type.String()),
  current: Type.Union([PortStatusVersionView, Type.Null()]),
  lastUpdateAt: Nullable(Type.String()),
  stale: Type.Boolean(),
});
export type PortState = Static<typeof PortState>;

export const NewCrossingCount = Type.Object(
  {
    people: Type.Integer({ minimum: 0, maximum: 10_000_000 }),
    vehicles: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000 })),
    /** A counterpart's figure received by telephone or fax; our own agency when absent. */
    source: Type.Optional(AgencyCode),
  },
  strict,
);
export type NewCrossingCount = Static<typeof NewCrossingCount>;

/** One recorded count of a port's day, by the agency that counted. */
export const CrossingCount = Type.Object({
  portCode: Type.String(),
  date: Type.String(),
  source: Type.String(),
  people: Type.Integer(),
  vehicles: Nullable(Type.Integer()),
  recordedAt: Type.String(),
});
export type CrossingCount = Static<typeof CrossingCount>;

/** Longest span a crossings list covers, so that one request reads at most a year of days per source. */
export const MAX_CROSSING_RANGE_DAYS = 366;

export const CrossingSourceQuery = Type.Object(
  {
    /** Whose count: our own agency's when absent. */
    source: Type.Optional(AgencyCode),
  },
  strict,
);
export const CrossingRangeQuery = Type.Object(
  { from: IsoDate, to: IsoDate, source: Type.Optional(AgencyCode) },
  strict,
);
export type CrossingRangeQuery = Static<typeof CrossingRangeQuery>;

export const DateQuery = Type.Object({ date: IsoDate }, strict);
export const AsOfQuery = Type.Object({ asOf: Type.Optional(IsoDate) }, strict);

const Figures = Type.Object({
  source: Type.String(),
  reported: Type.Boolean(),
  confirmed: Nullable(Type.Number()),
  new: Nullable(Type.Number()),
  sum7: Nullable(Type.Number()),
  incidence7Per100k: Nullable(Type.Number()),
  riskLevel: Nullable(StringEnum(RISK_LEVELS)),
});
export type Figures = Static<typeof Figures>;

export const MirrorView = Type.Object({
  date: Type.String(),
  counties: Type.Array(
    Type.Object({
      ours: Type.Object({ countyCode: Type.String(), figures: Figures }),
      theirs: Type.Object({ countyCode: Type.String(), figures: Figures }),
      riskDiffers: Type.Boolean(),
    }),
  ),
  ports: Type.Array(
    Type.Object({
      ours: Type.Object({
        portCode: Type.String(),
        status: Nullable(Type.String()),
        crossings: Nullable(Type.Number()),
      }),
      theirs: Type.Object({
        portCode: Type.String(),
        status: Nullable(Type.String()),
        crossings: Nullable(Type.Number()),
      }),
      statusDiffers: Type.Boolean(),
      crossingDifference: Nullable(Type.Number()),
      crossingDiscrepancy: Type.Boolean(),
    }),
  ),
});
export type MirrorView = Static<typeof MirrorView>;

const Feature = Type.Object({
  type: Type.Literal('Feature'),
  id: Type.String(),
  geometry: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  properties: Type.Record(Type.String(), Type.Unknown()),
});
export type Feature = Static<typeof Feature>;

export const FeatureCollection = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(Feature),
});
export type FeatureCollection = Static<typeof FeatureCollection>;

export const SituationMap = Type.Object({
  date: Type.String(),
  counties: FeatureCollection,
  ports: FeatureCollection,
});
export type SituationMap = Static<typeof SituationMap>;
