import { type Static, Type } from '@sinclair/typebox';
import { UUID_PATTERN } from '../../../core/ids.js';
import { codesOf } from './code-lists.js';
import {
  Count,
  DirectoryCode,
  IsoDate,
  IsoDateTime,
  OneOf,
  OPENING_HOURS_PATTERN,
  Opt,
  PartialDate,
  StateCode,
  Text,
} from './formats.js';

/** Every notification type, in the order the design lists them. */
export const NOTIFICATION_TYPES = [
  'situation.daily',
  'port.policy',
  'measures.update',
  'persons.movement',
  'watchlist.share',
  'hit.notice',
  'handover.request',
  'operation.invite',
  'operation.report',
  'liaison.message',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** True when `value` names a notification type. */
export const isNotificationType = (value: string): value is NotificationType =>
  (NOTIFICATION_TYPES as readonly string[]).includes(value);

const strict = { additionalProperties: false } as const;
const SchemaVersion1 = Type.Literal(1, { description: 'version of this body schema' });
const Name = () => Text(100);
const Uuid = () => Type.String({ pattern: UUID_PATTERN, maxLength: 36, description: 'a UUID' });
const DocumentNumber = () =>
  Type.String({ pattern: '^[A-Za-z0-9<-]{1,30}$', maxLength: 30, description: 'a document number' });

export const CountySituation = Type.Object(
  {
    countyCode: DirectoryCode('border county'),
    confirmed: Count(),
    newLocal: Count(),
    newImported: Count(),
    asymptomatic: Count(),
    deaths: Count(),
    underObservation: Count(),
    tests: Count(),
    vaccinationCoverage: Opt(
      Type.Number({ minimum: 0, maximum: 100, description: 'per cent of the population' }),
    ),
    riskLevel: OneOf(codesOf('riskLevel')),
    remarks: Opt(Text(1000)),
  },
  strict,
);
export type CountySituation = Static<typeof CountySituation>;

export const SituationDailyBody = Type.Object(
  {
    schemaVersion: SchemaVersion1,
    reportDate: IsoDate('the reporting agency’s local date as YYYY-MM-DD'),
    timeZone: Type.String({ pattern: '^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$', maxLength: 64 }),
    counties: Type.Array(CountySituation, { minItems: 1, maxItems: 1000 }),
    version: Type.Integer({
      minimum: 1,
      maximum: 1000,
      description: '1 for the first report of the day, +1 per correction',
    }),
    correctionNote: Opt(Text(1000)),
  },
  strict,
);
export type SituationDailyBody = Static<typeof SituationDailyBody>;

export const PortPolicyBody = Type.Object(
  {
    schemaVersion: SchemaVersion1,
    portCode: DirectoryCode('port'),
    counterpartPortCode: Opt(DirectoryCode('port')),
    status: OneOf(codesOf('portStatus')),
    measures: Type.Object(
      {
        testRequired: OneOf(codesOf('testRequirement')),
        quarantineDays: Type.Integer({ minimum: 0, maximum: 60 }),
        openingHours: Type.String({
          pattern: OPENING_HOURS_PATTERN,
          maxLength: 70,
          description: 'opening hours as hh:mm-hh:mm, several ranges separated by commas',
        }),
        notes: Opt(Text(1000)),
      },
      strict,
    ),
    effectiveFrom: IsoDateTime(),
    effectiveTo: Opt(IsoDateTime()),
  },
  strict,
);
export type PortPolicyBody = Static<typeof PortPolicyBody>;

export const ControlMeasure = Type.Object(
  {
    type: OneOf(codesOf('measureType')),
    description: Opt(Text(1000)),
    effectiveFrom: IsoDate(),
    effectiveTo: Opt(IsoDate()),
  },
  strict,
);
export type ControlMeasure = Static<typeof ControlMeasure>;

export const MeasuresUpdateBody = Type.Object(
  {
    schemaVersion: SchemaVersion1,
    area: DirectoryCode('border area (county or section)'),
    measures: Type.Array(ControlMeasure, { minItems: 1, maxItems: 100 }),
  },
  strict,
);
export type MeasuresUpdateBody = Static<typeof MeasuresUpdateBody>;

export const PersonMovement = Type.Object(
  {
    surname: Name(),
    givenNames: Name(),
    nativeName: Opt(Text(200)),
    sex: Opt(OneOf(codesOf('sex'))),
    birthDate: Opt(PartialDate()),
    nationality: Opt(StateCode()),
    documentNumber: Opt(DocumentNumber()),
    category: OneOf(codesOf('personCategory')),
    direction: OneOf(codesOf('direction')),
    portCode: Opt(DirectoryCode('port')),
    movedAt: IsoDateTime(),
  },
  strict,
);
export type PersonMovement = Static<typeof PersonMovement>;

export const PersonsMovementBody = Type.Object(
  {
    schemaVersion: SchemaVersion1,
    persons: Type.Array(PersonMovement, { minItems: 1, maxItems: 1000 }),
  },
  strict,
);
export type PersonsMovementBody = Static<typeof PersonsMovementBody>;

/** The id an entry is shared under: the sender's own id for it. */
const SharedEntryId = () => Type.String({ pattern: '^[A-Za-z0-9._:-]{1,64}$', maxLength: 64 });

export const SharedWatchlistEntry = Type.Object(
  {
    entryId: SharedEntryId(),
    category: OneOf(codesOf('personCategory')),
    surname: Name(),
    givenNames: Name(),
    nativeName: Opt(Text(200)),
    aliases: Opt(Type.Array(Text(200), { maxItems: 20 })),
    sex: Opt(OneOf(codesOf('sex'))),
    birthDate: Opt(PartialDate()),
    nationality: Opt(StateCode()),
    documentType: Opt(OneOf(codesOf('documentType'))),
    documentNumber: Opt(DocumentNumber()),
    issuingState: Opt(StateCode()),
    personalNumber: Opt(Type.String({ pattern: '^[A-Za-z0-9<-]{1,30}$', maxLength: 30 })),
    reason: Text(500),
    validFrom: IsoDate(),
    validUntil: IsoDate(),
  },
  strict,
);
export type SharedWatchlistEntry = Static<typeof SharedWatchlistEntry>;

export const WatchlistShareBody = Type.Object(
  {
    schemaVersion: SchemaVersion1,
    entries: Type.Array(SharedWatchlistEntry, { maxItems: 5000 }),
    replaceAll: Opt(
      Type.Boolean({ description: 'true: these entries replace every entry the sender shared before' }),
    ),
    withdrawn: Opt(
      Type.Array(SharedEntryId(), {
        minItems: 1,
        maxItems: 5000,
        description:
          'ids of entries the sender shared before and withdraws (deleted, or no longer shared with the recipient): the recipient deletes them',
      }),
    ),
  },
  strict,
);
export type WatchlistShareBody = Static<typeof WatchlistShareBody>;

export const HitNoticeBody = Type.Object(
  {
    schemaVersion: SchemaVersion1,
    entryId: Type.String({ pattern: '^[A-Za-z0-9._:-]{1,64}$', maxLength: 64 }),
    sharedNotificationId: Opt(Uuid()),
    crossing: Type.Object(
      {
        portCode: DirectoryCode('port'),
        direction: OneOf(codesOf('direction')),
        crossedAt: IsoDateTime(),
      },
      strict,
    ),
    verdict: OneOf(codesOf('matchVerdict')),
    score: Type.Number({ minimum: 0, maximum: 1 }),
    actionTaken: OneOf(codesOf('hitAction')),
    replyBy: Opt(IsoDateTime()),
  },
  strict,
);
export type HitNoticeBody = Static<typeof HitNoticeBody>;

export const HandoverPlace = Type.Object(
  {
    portCode: Opt(DirectoryCode('port')),
    passCode: Opt(DirectoryCode('pass or access road')),
    description: Opt(Text(500)),
  },
  strict,
);
export type HandoverPlace = Static<typeof HandoverPlace>;

export const HandoverRequestBody = Type.Object(
  {
    schemaVersion: SchemaVersion1,
    person: Type.Object(
      {
        surname: Name(),
        givenNames: Name(),
        nationality: StateCode(),
        birthDate: Opt(PartialDate()),
        documentNumber: Opt(DocumentNumber()),
      },
      strict,
    ),
    health: Type.Object(
      {
        testResult: OneOf(codesOf('testResult')),
        testedAt: Opt(IsoDateTime()),
        symptoms: Type.Array(OneOf(codesOf('symptom')), { maxItems: 20, uniqueItems: true }),
      },
      strict,
    ),
    proposedAt: IsoDateTime(),
    place: HandoverPlace,
    interceptionId: Opt(Uuid()),
    stage: OneOf(codesOf('handoverStage')),
  },
  strict,
);
export type HandoverRequestBody = Static<typeof HandoverRequestBody>;

const Longitude = Type.Number({ minimum: -180, maximum: 180 });
const Latitude = Type.Number({ minimum: -90, maximum: 90 });
const Position = Type.Tuple([Longitude, Latitude]);

export const RouteLineString = Type.Object(
  {
    type: Type.Literal('LineString'),
    coordinates: Type.Array(Position, { minItems: 2, maxItems: 5000 }),
  },
  strict,
);

export const MeetingPoint = Type.Object(
  {
    name: Text(200),
    markerCode: Opt(Type.String({ minLength: 1, maxLength: 40, description: 'border marker number' })),
    position: Opt(Position),
    at: Opt(IsoDateTime()),
  },
  strict,
);
export type MeetingPoint = Static<typeof MeetingPoint>;

export const OperationContact = Type.Object(
  {
    name: Text(200),
    role: Opt(Text(200)),
    phone: Opt(Type.String({ pattern: '^\\+?[0-9 ()-]{3,30}$', maxLength: 30 })),
    callSign: Opt(Text(40)),
  },
  strict,
);
export type OperationContact = Static<typeof OperationContact>;

export const OperationInviteBody = Type.Object(
  {
    schemaVersion: SchemaVersion1,
    operationId: Uuid(),
    kind: OneOf(codesOf('operationKind')),
    title: Text(200),
    sectionCode: Opt(DirectoryCode('border section')),
    startsAt: IsoDateTime(),
    endsAt: IsoDateTime(),
    route: Opt(RouteLineString),
    meetingPoints: Opt(Type.Array(MeetingPoint, { maxItems: 50 })),
    radioChannel: Opt(Text(40)),
    contacts: Opt(Type.Array(OperationContact, { maxItems: 20 })),
    stage: OneOf(codesOf('operationStage')),
    note: Opt(Text(2000)),
  },
  strict,
);
export type OperationInviteBody = Static<typeof OperationInviteBody>;

export const OperationReportBody = Type.Object(
  {
    schemaVersion: SchemaVersion1,
    operationId: Uuid(),
    kind: OneOf(codesOf('operationKind')),
    findings: Text(4000),
    interceptions: Type.Object(
      {
        events: Count(),
        persons: Count(),
        byOutcome: Opt(
          Type.Array(
            Type.Object({ outcome: OneOf(codesOf('interceptionOutcome')), persons: Count() }, strict),
            { maxItems: 10 },
          ),
        ),
      },
      strict,
    ),
    lessons: Text(4000),
    completedAt: IsoDateTime(),
  },
  strict,
);
export type OperationReportBody = Static<typeof OperationReportBody>;

/** The issue fixes this body as exactly `{subject, text}`, so it alone carries no `schemaVersion`. */
export const LiaisonMessageBody = Type.Object({ subject: Text(200), text: Text(20_000) }, strict);
export type LiaisonMessageBody = Static<typeof LiaisonMessageBody>;

const BODY_SCHEMAS = {
  'situation.daily': SituationDailyBody,
  'port.policy': PortPolicyBody,
  'measures.update': MeasuresUpdateBody,
  'persons.movement': PersonsMovementBody,
  'watchlist.share': WatchlistShareBody,
  'hit.notice': HitNoticeBody,
  'handover.request': HandoverRequestBody,
  'operation.invite': OperationInviteBody,
  'operation.report': OperationReportBody,
  'liaison.message': LiaisonMessageBody,
} as const satisfies Record<NotificationType, unknown>;

export type BodySchemaOf<T extends NotificationType> = (typeof BODY_SCHEMAS)[T];
export type BodyOf<T extends NotificationType> = Static<BodySchemaOf<T>>;

/** The current body schema of a notification type (what the OpenAPI document and the validator use). */
export const bodySchemaFor = <T extends NotificationType>(type: T): BodySchemaOf<T> => BODY_SCHEMAS[type];
