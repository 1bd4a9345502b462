import { type Static, Type } from '@sinclair/typebox';
import { IsoDate, Language, StringEnum } from '../../core/http/schemas.js';
import { SECTIONS } from './report-sources.js';

const Count = Type.Integer({ minimum: 0 });
const Counts = Type.Record(Type.String(), Count);
const Tally = Type.Object({ events: Count, persons: Count });
const Tallies = Type.Record(Type.String(), Tally);
const SentReceived = Type.Record(Type.String(), Type.Object({ sent: Count, received: Count }));

/** The period statistics: the stable shape the demo, the summary and every export are built from. */
export const Statistics = Type.Object({
  period: Type.Object({ from: IsoDate, to: IsoDate, label: Type.String() }),
  agency: Type.String(),
  timeZone: Type.String(),
  generatedAt: Type.String({ format: 'date-time' }),
  /** Sections no module provided counts for on this node: their zeros carry no information. */
  unavailable: Type.Array(StringEnum(SECTIONS)),
  counterparts: Count,
  counterpartCountries: Count,
  notifications: Type.Object({
    sent: Count,
    received: Count,
    byType: SentReceived,
    byCounterpart: SentReceived,
    acknowledgedWithinDeadlinePct: Type.Union([Type.Number({ minimum: 0, maximum: 100 }), Type.Null()]),
    overdue: Count,
  }),
  hits: Type.Object({
    total: Count,
    confirmed: Count,
    dismissed: Count,
    open: Count,
    byAction: Counts,
    byPort: Counts,
    byDirection: Counts,
  }),
  crossings: Type.Object({ total: Count, byDirection: Counts, byPort: Counts }),
  interceptions: Type.Object({
    events: Count,
    persons: Count,
    byOutcome: Tallies,
    byDirection: Tallies,
    byNationality: Tallies,
    byPass: Tallies,
    byCounty: Type.Optional(Tallies),
  }),
  operations: Type.Object({ patrols: Count, lawEnforcement: Count, exercises: Count, byStatus: Counts }),
  handovers: Type.Object({
    requested: Count,
    accepted: Count,
    done: Count,
    byStatus: Counts,
    byCounterpart: Type.Optional(Counts),
  }),
  liaison: Type.Object({
    letters: Count,
    calls: Count,
    meetings: Count,
    byParty: Counts,
    byDirection: Type.Optional(Counts),
  }),
});
export type Statistics = Static<typeof Statistics>;

/** One line of the exact-figures table beside the summary. */
export const SummaryRow = Type.Object({
  key: Type.String(),
  label: Type.String(),
  value: Type.Number(),
  shown: Type.String(),
});
export type SummaryRow = Static<typeof SummaryRow>;

export const WorkSummary = Type.Object({
  lang: Language,
  period: Statistics.properties.period,
  text: Type.String(),
  table: Type.Array(SummaryRow),
  roundingRule: Type.String(),
});
export type WorkSummary = Static<typeof WorkSummary>;

export const EXPORT_FORMATS = ['csv', 'xlsx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const periodFields = {
  period: Type.Optional(
    Type.String({ maxLength: 40, description: '2021, 2021-H1, 2021-Q2, 2021-03, 2021-W05 or 2021-03-05' }),
  ),
  from: Type.Optional(IsoDate),
  to: Type.Optional(IsoDate),
};

export const StatisticsQuery = Type.Object(periodFields, { additionalProperties: false });
export const SummaryQuery = Type.Object(
  { ...periodFields, lang: Type.Optional(Language) },
  { additionalProperties: false },
);
export const ExportQuery = Type.Object(
  { ...periodFields, lang: Type.Optional(Language), format: StringEnum(EXPORT_FORMATS) },
  { additionalProperties: false },
);
