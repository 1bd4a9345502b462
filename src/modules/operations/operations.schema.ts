import { type Static, Type } from '@sinclair/typebox';
import { AgencyCode, Code, IsoInstant, StringEnum, Uuid } from '../../core/http/schemas.js';
import { codesOf } from '../exchange/bodies/index.js';

export const OPERATION_KINDS = codesOf('operationKind');
export type OperationKind = (typeof OPERATION_KINDS)[number];

export const OPERATION_STATUSES = [
  'draft',
  'proposed',
  'agreed',
  'declined',
  'counter_proposed',
  'in_progress',
  'completed',
  'report_shared',
] as const;
export type OperationStatus = (typeof OPERATION_STATUSES)[number];

export const DIRECTIONS = ['attempted_exit', 'attempted_entry'] as const;
export const REASONS = codesOf('interceptionReason');
export const OUTCOMES = codesOf('interceptionOutcome');
export const HANDOVER_STATUSES = ['requested', 'accepted', 'rescheduled', 'done'] as const;
export type HandoverStatus = (typeof HANDOVER_STATUSES)[number];

const strict = { additionalProperties: false } as const;
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const Lon = Type.Number({ minimum: -180, maximum: 180 });
const Lat = Type.Number({ minimum: -90, maximum: 90 });
const Position = Type.Tuple([Lon, Lat]);
/** ISO 3166-1 alpha-3, as ICAO 9303 documents and the exchange bodies carry it. */
export const Nationality = Type.String({ pattern: '^[A-Z][A-Z<]{2}$', description: 'ISO 3166-1 alpha-3' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const LineString = Type.Object(
  { type: Type.Literal('LineString'), coordinates: Type.Array(Position, { minItems: 2, maxItems: 5000 }) },
  strict,
);

export const MeetingPoint = Type.Object(
  {
    name: Text(200),
    markerCode: Type.Optional(Text(40)),
    position: Type.Optional(Position),
    at: Type.Optional(IsoInstant),
  },
  strict,
);

export const Contact = Type.Object(
  {
    name: Text(200),
    role: Type.Optional(Text(200)),
    phone: Type.Optional(Type.String({ pattern: '^\\+?[0-9 ()-]{3,30}$' })),
    callSign: Type.Optional(Text(40)),
  },
  strict,
);

/** A non-contact joint patrol: each side walks its own route on its own side of the section. */
export const PatrolPlan = Type.Object(
  {
    routes: Type.Object({ own: Type.Optional(LineString), counterpart: Type.Optional(LineString) }, strict),
    meetingPoints: Type.Array(MeetingPoint, { maxItems: 50 }),
    radioChannels: Type.Array(Text(40), { maxItems: 10 }),
    contacts: Type.Array(Contact, { maxItems: 20 }),
  },
  strict,
);
export type PatrolPlan = Static<typeof PatrolPlan>;

export const TARGET_KINDS = ['illegal_crossing_route', 'smuggling', 'crossing_organiser', 'other'] as const;
export const LawEnforcementPlan = Type.Object(
  {
    targets: Type.Array(Type.Object({ kind: StringEnum(TARGET_KINDS), description: Text(1000) }, strict), {
      minItems: 1,
      maxItems: 50,
    }),
  },
  strict,
);

export const ExercisePlan = Type.Object(
  {
    scenario: Text(4000),
    objectives: Type.Array(Text(500), { minItems: 1, maxItems: 30 }),
    evaluation: Type.Optional(Text(4000)),
  },
  strict,
);

const planFields = {
  title: Text(200),
  counterpartAgency: AgencyCode,
  sectionCode: Type.Optional(Nullable(Code)),
  startsAt: IsoInstant,
  endsAt: IsoInstant,
  note: Type.Optional(Nullable(Text(2000))),
};

/** A new operation: the kind picks which plan fields it carries. */
export const NewOperation = Type.Union([
  Type.Object({ kind: Type.Literal('patrol'), ...planFields, patrol: PatrolPlan }, strict),
  Type.Object(
    { kind: Type.Literal('law_enforcement'), ...planFields, lawEnforcement: LawEnforcementPlan },
    strict,
  ),
  Type.Object({ kind: Type.Literal('exercise'), ...planFields, exercise: ExercisePlan }, strict),
]);
export type NewOperation = Static<typeof NewOperation>;

export const OperationChanges = Type.Object(
  {
    title: Type.Optional(planFields.title),
    sectionCode: planFields.sectionCode,
    startsAt: Type.Optional(IsoInstant),
    endsAt: Type.Optional(IsoInstant),
    note: planFields.note,
    patrol: Type.Optional(PatrolPlan),
    lawEnforcement: Type.Optional(LawEnforcementPlan),
    exercise: Type.Optional(ExercisePlan),
  },
  { ...strict, minProperties: 1 },
);
export type OperationChanges = Static<typeof OperationChanges>;

export const CounterProposal = Type.Object(
  {
    startsAt: IsoInstant,
    endsAt: IsoInstant,
    note: Type.Optional(Text(2000)),
    route: Type.Optional(LineString),
  },
  strict,
);
export type CounterProposal = Static<typeof CounterProposal>;

export const AfterActionReport = Type.Object(
  {
    findings: Text(4000),
    lessons: Text(4000),
  },
  strict,
);

const ReportView = Type.Object({
  findings: Type.String(),
  lessons: Type.String(),
  interceptions: Type.Object({
    events: Type.Integer(),
    persons: Type.Integer(),
    byOutcome: Type.Array(Type.Object({ outcome: Type.String(), persons: Type.Integer() })),
  }),
  completedAt: Type.String(),
});
export type OperationReport = Static<typeof ReportView>;

export const Operation = Type.Object({
  id: Type.String(),
  kind: StringEnum(OPERATION_KINDS),
  title: Type.String(),
  status: StringEnum(OPERATION_STATUSES),
  counterpartAgency: Type.String(),
  originAgency: Type.String(),
  originOperationId: Type.String(),
  proposedByUs: Type.Boolean(),
  sectionCode: Nullable(Type.String()),
  startsAt: Type.String(),
  endsAt: Type.String(),
  note: Nullable(Type.String()),
  patrol: Type.Optional(PatrolPlan),
  lawEnforcement: Type.Optional(LawEnforcementPlan),
  exercise: Type.Optional(ExercisePlan),
  counterProposal: Nullable(CounterProposal),
  report: Nullable(ReportView),
  counterpartReport: Nullable(ReportView),
  scheduleId: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type Operation = Static<typeof Operation>;

export const OperationListQuery = Type.Object(
  {
    kind: Type.Optional(StringEnum(OPERATION_KINDS)),
    status: Type.Optional(StringEnum(OPERATION_STATUSES)),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  },
  strict,
);
export type OperationListQuery = Static<typeof OperationListQuery>;

export const PeriodQuery = Type.Object({ from: IsoInstant, to: IsoInstant }, strict);
export type PeriodQuery = Static<typeof PeriodQuery>;

export const CalendarEntry = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  title: Type.String(),
  status: Type.String(),
  counterpartAgency: Type.String(),
  sectionCode: Nullable(Type.String()),
  startsAt: Type.String(),
  endsAt: Type.String(),
  scheduleId: Nullable(Type.String()),
});

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A subset of RFC 5545 RRULE: weekly on some weekdays, every `interval` weeks, until a day. */
export const Recurrence = Type.Object(
  {
    frequency: Type.Literal('weekly'),
    byDay: Type.Array(StringEnum(WEEKDAYS), { minItems: 1, maxItems: 7, uniqueItems: true }),
    interval: Type.Optional(Type.Integer({ minimum: 1, maximum: 52 })),
    until: IsoInstant,
  },
  strict,
);
export type Recurrence = Static<typeof Recurrence>;

export const NewSchedule = Type.Object({ operation: NewOperation, recurrence: Recurrence }, strict);
export type NewSchedule = Static<typeof NewSchedule>;

export const NewCheckIn = Type.Object(
  { unit: Text(100), at: IsoInstant, lon: Lon, lat: Lat, note: Type.Optional(Text(1000)) },
  strict,
);
export type NewCheckIn = Static<typeof NewCheckIn>;

export const CheckIn = Type.Object({
  id: Type.String(),
  operationId: Type.String(),
  unit: Type.String(),
  at: Type.String(),
  lon: Type.Number(),
  lat: Type.Number(),
  note: Nullable(Type.String()),
  createdAt: Type.String(),
});
export type CheckIn = Static<typeof CheckIn>;

// ---- interceptions ----

export const PersonIdentity = Type.Object(
  {
    surname: Text(100),
    givenNames: Text(100),
    nationality: Type.Optional(Nationality),
    birthDate: Type.Optional(Type.String({ pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' })),
    sex: Type.Optional(StringEnum(['M', 'F', 'X'] as const)),
    documentNumber: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9<-]{1,30}$' })),
  },
  strict,
);
export type PersonIdentity = Static<typeof PersonIdentity>;

export const NewInterception = Type.Object(
  {
    occurredAt: IsoInstant,
    lon: Lon,
    lat: Lat,
    personsCount: Type.Integer({ minimum: 1, maximum: 10_000 }),
    nationality: Type.Optional(Nationality),
    persons: Type.Optional(Type.Array(PersonIdentity, { maxItems: 500 })),
    direction: StringEnum(DIRECTIONS),
    reason: StringEnum(REASONS),
    outcome: StringEnum(OUTCOMES),
    operationId: Type.Optional(Uuid),
    note: Type.Optional(Text(2000)),
  },
  strict,
);
export type NewInterception = Static<typeof NewInterception>;

export const Interception = Type.Object({
  id: Type.String(),
  occurredAt: Type.String(),
  lon: Type.Number(),
  lat: Type.Number(),
  borderSectionCode: Type.String(),
  countyCode: Nullable(Type.String()),
  passCode: Nullable(Type.String()),
  passDistanceKm: Nullable(Type.Number()),
  personsCount: Type.Integer(),
  nationality: Nullable(Type.String()),
  direction: StringEnum(DIRECTIONS),
  reason: StringEnum(REASONS),
  outcome: StringEnum(OUTCOMES),
  operationId: Nullable(Type.String()),
  note: Nullable(Type.String()),
  duplicateOf: Nullable(Type.String()),
  mergedInto: Nullable(Type.String()),
  identifiedPersons: Type.Integer(),
  /** Present only for callers cleared for personal data. */
  persons: Type.Optional(Type.Array(Type.Intersect([Type.Object({ id: Type.String() }), PersonIdentity]))),
  personsPurged: Type.Boolean(),
  createdAt: Type.String(),
});
export type Interception = Static<typeof Interception>;

export const InterceptionListQuery = Type.Object(
  {
    from: Type.Optional(IsoInstant),
    to: Type.Optional(IsoInstant),
    operationId: Type.Optional(Uuid),
    sectionCode: Type.Optional(Code),
    duplicates: Type.Optional(
      Type.Boolean({ description: 'only interceptions flagged as likely duplicates' }),
    ),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  },
  strict,
);
export type InterceptionListQuery = Static<typeof InterceptionListQuery>;

export const ImportResult = Type.Object({
  imported: Type.Integer(),
  flaggedDuplicates: Type.Integer(),
  errors: Type.Array(Type.Object({ row: Type.Integer(), message: Type.String() })),
});
export type ImportResult = Static<typeof ImportResult>;

export const Hotspots = Type.Object({
  from: Type.String(),
  to: Type.String(),
  passes: Type.Array(
    Type.Object({
      passCode: Type.String(),
      events: Type.Integer(),
      persons: Type.Integer(),
      lon: Nullable(Type.Number()),
      lat: Nullable(Type.Number()),
    }),
  ),
  heat: Type.Array(Type.Object({ lon: Type.Number(), lat: Type.Number(), weight: Type.Integer() })),
});
export type Hotspots = Static<typeof Hotspots>;

// ---- handovers ----

export const HealthStatus = Type.Object(
  {
    testResult: StringEnum(codesOf('testResult')),
    testedAt: Type.Optional(IsoInstant),
    symptoms: Type.Array(StringEnum(codesOf('symptom')), { maxItems: 20, uniqueItems: true }),
  },
  strict,
);

export const HandoverPlace = Type.Object(
  {
    portCode: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$' })),
    passCode: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$' })),
    description: Type.Optional(Text(500)),
  },
  { ...strict, minProperties: 1 },
);

export const HandoverPerson = Type.Object(
  {
    surname: Text(100),
    givenNames: Text(100),
    nationality: Nationality,
    birthDate: Type.Optional(PersonIdentity.properties.birthDate),
    documentNumber: Type.Optional(PersonIdentity.properties.documentNumber),
  },
  strict,
);
export type HandoverPerson = Static<typeof HandoverPerson>;

export const NewHandover = Type.Object(
  {
    interceptionId: Uuid,
    counterpartAgency: AgencyCode,
    person: HandoverPerson,
    health: HealthStatus,
    proposedAt: IsoInstant,
    place: HandoverPlace,
  },
  strict,
);
export type NewHandover = Static<typeof NewHandover>;

export const Reschedule = Type.Object(
  { proposedAt: IsoInstant, place: Type.Optional(HandoverPlace) },
  strict,
);
export type Reschedule = Static<typeof Reschedule>;

export const Handover = Type.Object({
  id: Type.String(),
  role: StringEnum(['handing', 'receiving'] as const),
  counterpartAgency: Type.String(),
  interceptionId: Nullable(Type.String()),
  status: StringEnum(HANDOVER_STATUSES),
  nationality: Type.String(),
  /** Present only for callers cleared for personal data, and until retention ends. */
  person: Type.Optional(Nullable(HandoverPerson)),
  health: HealthStatus,
  proposedAt: Type.String(),
  place: HandoverPlace,
  /**
   * Whose answer the proposed time and place wait for: `us` (this node's agency), `counterpart`, or null once
   * accepted. A reschedule hands the answer to the other side.
   */
  awaiting: Nullable(StringEnum(['us', 'counterpart'] as const)),
  /** Whether this agency may accept now: only the side the proposal waits for can. */
  canAccept: Type.Boolean(),
  confirmedByUsAt: Nullable(Type.String()),
  confirmedByCounterpartAt: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type Handover = Static<typeof Handover>;
