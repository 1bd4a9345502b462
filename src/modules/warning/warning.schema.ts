import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { AgencyCode, IsoInstant, StringEnum } from '../../core/http/schemas.js';
import { codesOf } from '../exchange/bodies/index.js';

export const CATEGORIES = codesOf('personCategory');
export const SEXES = codesOf('sex');
export const DOCUMENT_TYPES = codesOf('documentType');
export const DIRECTIONS = codesOf('direction');
/** What a port officer did about a hit (`none` is the exchange code for "nothing yet", not an action). */
export const HIT_ACTIONS = [
  'secondary_health_check',
  'quarantine',
  'refused_entry',
  'handed_to_health_authority',
] as const;
export type HitAction = (typeof HIT_ACTIONS)[number];
export const HIT_STATUSES = ['open', 'confirmed', 'dismissed'] as const;
export type HitStatus = (typeof HIT_STATUSES)[number];
export const HIT_KINDS = ['identity', 'rule'] as const;
export const HIT_ORIGINS = ['desk', 'bulk', 'expected', 'retrospective'] as const;
export type HitOrigin = (typeof HIT_ORIGINS)[number];
export const SHARING_SCOPES = ['internal', 'counterparts'] as const;
export const RULES = ['high_risk_county', 'port_closed_to_passengers', 'flagged_conveyance'] as const;
export type RuleName = (typeof RULES)[number];
export const VERDICTS = ['hit', 'possible', 'clear'] as const;

const Opt = Type.Optional;
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
/** Free text a person typed: blank (only spaces) is as good as missing, so it is refused, not stored. */
const NonBlankText = (maxLength: number) =>
  Type.String({ minLength: 1, maxLength, pattern: '\\S', description: 'contains a non-space character' });
const NameText = NonBlankText(200);
const StateCode = Type.String({ pattern: '^[A-Z][A-Z<]{2}$', description: 'ISO 3166-1 alpha-3' });
const PartialDate = Type.String({
  pattern: '^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?$',
  description: 'YYYY, YYYY-MM or YYYY-MM-DD',
});
const DateOnly = Type.String({ format: 'date' });
const DocumentNumber = Type.String({ pattern: '^[A-Za-z0-9<-]{1,30}$' });
const PlaceCode = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$' });
const Conveyance = NonBlankText(60);

const entryFields = {
  category: StringEnum(CATEGORIES),
  surname: Opt(NameText),
  givenNames: Opt(NameText),
  nativeName: Opt(NameText),
  aliases: Opt(Type.Array(NameText, { maxItems: 20 })),
  sex: Opt(StringEnum(SEXES)),
  birthDate: Opt(PartialDate),
  nationality: Opt(StateCode),
  documentType: Opt(StringEnum(DOCUMENT_TYPES)),
  documentNumber: Opt(DocumentNumber),
  issuingState: Opt(StateCode),
  personalNumber: Opt(DocumentNumber),
  reason: NonBlankText(500),
  validFrom: Opt(DateOnly),
  validUntil: DateOnly,
  sharingScope: Opt(StringEnum(SHARING_SCOPES)),
  shareWith: Opt(Type.Array(AgencyCode, { maxItems: 50, uniqueItems: true })),
};

/** A watchlist entry as entered by an officer or imported; the source agency is this node's. */
export const NewWatchlistEntry = Type.Object(entryFields, { additionalProperties: false });
export type NewWatchlistEntry = Static<typeof NewWatchlistEntry>;

/** An optional field a change may empty: null clears it, absent leaves it as it is. */
const Clearable = <T extends TSchema>(schema: T) => Opt(Type.Union([schema, Type.Null()]));

/**
 * A change to an entry: only the fields sent change. The optional identity fields take null to empty them;
 * required fields (category, reason, validUntil) and those with a default (validFrom, sharingScope) do not,
 * and lists are emptied by sending [].
 */
export const WatchlistEntryChanges = Type.Object(
  {
    category: Opt(entryFields.category),
    surname: Clearable(NameText),
    givenNames: Clearable(NameText),
    nativeName: Clearable(NameText),
    aliases: entryFields.aliases,
    sex: Clearable(StringEnum(SEXES)),
    birthDate: Clearable(PartialDate),
    nationality: Clearable(StateCode),
    documentType: Clearable(StringEnum(DOCUMENT_TYPES)),
    documentNumber: Clearable(DocumentNumber),
    issuingState: Clearable(StateCode),
    personalNumber: Clearable(DocumentNumber),
    reason: Opt(entryFields.reason),
    validFrom: entryFields.validFrom,
    validUntil: Opt(entryFields.validUntil),
    sharingScope: entryFields.sharingScope,
    shareWith: entryFields.shareWith,
  },
  { additionalProperties: false, minProperties: 1 },
);
export type WatchlistEntryChanges = Static<typeof WatchlistEntryChanges>;

export const WatchlistEntry = Type.Object({
  id: Type.String(),
  sourceAgency: Type.String(),
  sourceEntryId: Type.String(),
  category: StringEnum(CATEGORIES),
  surname: Nullable(Type.String()),
  givenNames: Nullable(Type.String()),
  nativeName: Nullable(Type.String()),
  aliases: Type.Array(Type.String()),
  sex: Nullable(Type.String()),
  birthDate: Nullable(Type.String()),
  nationality: Nullable(Type.String()),
  documentType: Nullable(Type.String()),
  documentNumber: Nullable(Type.String()),
  issuingState: Nullable(Type.String()),
  personalNumber: Nullable(Type.String()),
  reason: Type.String(),
  validFrom: Type.String(),
  validUntil: Type.String(),
  sharingScope: StringEnum(SHARING_SCOPES),
  shareWith: Type.Array(Type.String()),
  retroScreenedAt: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type WatchlistEntry = Static<typeof WatchlistEntry>;

export const WatchlistQuery = Type.Object(
  {
    sourceAgency: Opt(AgencyCode),
    category: Opt(StringEnum(CATEGORIES)),
    cursor: Opt(Type.String({ maxLength: 500 })),
    limit: Opt(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  },
  { additionalProperties: false },
);
export type WatchlistQuery = Static<typeof WatchlistQuery>;

export const ImportQuery = Type.Object(
  { partial: Opt(Type.Boolean({ default: false, description: 'keep the good rows when some are bad' })) },
  { additionalProperties: false },
);

/**
 * What is wrong with a row of a file that could not be taken; a row with several errors has one item for each,
 * all with its `line` (1-based, counting the CSV header). A schema failure also names the field (`path`, a JSON
 * pointer within the row) and Ajv's `keyword` and `params`, as field errors do; a rule's refusal names its field
 * and the values its wording fills in (`params`).
 */
export const RowError = Type.Object({
  line: Type.Integer(),
  code: Type.String(),
  message: Type.String(),
  path: Type.Optional(Type.String()),
  keyword: Type.Optional(Type.String()),
  params: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
});
export type RowError = Static<typeof RowError>;

const ErrorsTruncated = Type.Boolean({
  description:
    'true when `errors` leaves some out: it lists at most 1,000, whole rows in file order, at most 20 of one row',
});

export const ImportReport = Type.Object({
  imported: Type.Integer(),
  rejected: Type.Integer(),
  errors: Type.Array(RowError),
  errorsTruncated: ErrorsTruncated,
});
export type ImportReport = Static<typeof ImportReport>;

export const IdentityInput = Type.Object(
  {
    surname: Opt(NameText),
    givenNames: Opt(NameText),
    nativeName: Opt(NameText),
    sex: Opt(StringEnum(SEXES)),
    birthDate: Opt(PartialDate),
    nationality: Opt(StateCode),
    documentType: Opt(StringEnum(DOCUMENT_TYPES)),
    documentNumber: Opt(DocumentNumber),
    issuingState: Opt(StateCode),
  },
  { additionalProperties: false },
);
export type IdentityInput = Static<typeof IdentityInput>;

const travelFields = {
  conveyance: Opt(Conveyance),
  fromCounty: Opt(PlaceCode),
  residenceCounty: Opt(PlaceCode),
  identity: Opt(IdentityInput),
  mrz: Opt(Type.String({ minLength: 1, maxLength: 400, description: 'the zone, lines separated by \\n' })),
};

/** A traveller at the desk: who (typed or the MRZ as read) and where, when, how. */
export const NewCrossing = Type.Object(
  {
    direction: StringEnum(DIRECTIONS),
    portCode: PlaceCode,
    crossedAt: Opt(IsoInstant),
    reference: Opt(
      Type.String({
        pattern: '^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$',
        description:
          "the port system's own id of the crossing: one sent again with the same port and reference is not recorded twice",
      }),
    ),
    ...travelFields,
  },
  { additionalProperties: false },
);
export type NewCrossing = Static<typeof NewCrossing>;

export const ExpectedPassenger = Type.Object(travelFields, { additionalProperties: false });
export type ExpectedPassenger = Static<typeof ExpectedPassenger>;
export const NewExpectedCrossings = Type.Object(
  {
    direction: StringEnum(DIRECTIONS),
    portCode: PlaceCode,
    expectedAt: IsoInstant,
    conveyance: Opt(Conveyance),
    passengers: Type.Array(ExpectedPassenger, { minItems: 1, maxItems: 1000 }),
  },
  { additionalProperties: false },
);
export type NewExpectedCrossings = Static<typeof NewExpectedCrossings>;

/** The traveller as recorded at the crossing (typed or read from the MRZ). */
export const CrossingIdentity = Type.Object({
  surname: Nullable(Type.String()),
  givenNames: Nullable(Type.String()),
  nativeName: Nullable(Type.String()),
  sex: Nullable(Type.String()),
  birthDate: Nullable(Type.String()),
  nationality: Nullable(Type.String()),
  documentType: Nullable(Type.String()),
  documentNumber: Nullable(Type.String()),
  issuingState: Nullable(Type.String()),
});
export type CrossingIdentity = Static<typeof CrossingIdentity>;

/** A recorded crossing; once retention has ended `identity` and `conveyance` are null and `purgedAt` says when. */
export const Crossing = Type.Object({
  id: Type.String(),
  kind: Type.String({ description: '`actual`, or `expected` from an advance passenger list' }),
  direction: Type.String(),
  portCode: Type.String(),
  crossedAt: Type.String(),
  conveyance: Nullable(Type.String()),
  fromCounty: Nullable(Type.String()),
  residenceCounty: Nullable(Type.String()),
  identity: Type.Union([CrossingIdentity, Type.Null()]),
  verdict: StringEnum(VERDICTS),
  score: Type.Number(),
  source: Type.String(),
  reference: Nullable(Type.String()),
  createdAt: Type.String(),
  purgedAt: Nullable(Type.String()),
});
export type Crossing = Static<typeof Crossing>;

export const Evidence = Type.Object({
  field: Type.String(),
  agreement: Type.String(),
  weight: Type.Number(),
  detail: Type.String({ description: 'in English, for logs and scripts' }),
  reason: Type.Optional(
    Type.String({
      description:
        'what the detail says as a stable code, for clients to word in the reader’s language with `values`; absent on hits raised before it was kept',
    }),
  ),
  values: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]))),
});
export type Evidence = Static<typeof Evidence>;

export const EntrySummary = Type.Object({
  id: Type.String(),
  sourceAgency: Type.String(),
  category: Type.String(),
  surname: Nullable(Type.String()),
  givenNames: Nullable(Type.String()),
  nativeName: Nullable(Type.String()),
  birthDate: Nullable(Type.String()),
  nationality: Nullable(Type.String()),
  documentNumber: Nullable(Type.String()),
  reason: Type.String(),
  validUntil: Type.String(),
});
export type EntrySummary = Static<typeof EntrySummary>;

export const RuleWarning = Type.Object({
  hitId: Type.String(),
  rule: StringEnum(RULES),
  detail: Type.String(),
});

/**
 * Who was screened, as recorded (read from the MRZ when one was given): the desk's answer names them, as the
 * officer's form is already cleared for the next traveller.
 */
export const ScreenedTraveller = Type.Object({
  surname: Nullable(Type.String()),
  givenNames: Nullable(Type.String()),
  nativeName: Nullable(Type.String()),
  documentNumber: Nullable(Type.String()),
});

/** The desk's answer: who was screened, the verdict, why, and who it matched. */
export const ScreeningOutcome = Type.Object({
  crossingId: Type.String(),
  traveller: ScreenedTraveller,
  documentExpiredOn: Type.Union([Type.String(), Type.Null()], {
    description: 'the expiry date read from the MRZ when the document has expired; null otherwise',
  }),
  verdict: StringEnum(VERDICTS),
  score: Type.Number(),
  explanation: Type.Array(Evidence),
  entry: Type.Union([EntrySummary, Type.Null()]),
  hitId: Type.Union([Type.String(), Type.Null()]),
  warnings: Type.Array(RuleWarning),
});
export type ScreeningOutcome = Static<typeof ScreeningOutcome>;

export const BulkReport = Type.Object({
  importId: Type.String(),
  accepted: Type.Integer(),
  rejected: Type.Integer(),
  alreadyRecorded: Type.Integer({
    description: 'rows left out because a crossing with the same port and reference is already recorded',
  }),
  hits: Type.Integer(),
  possibles: Type.Integer(),
  errors: Type.Array(RowError),
  errorsTruncated: ErrorsTruncated,
});
export type BulkReport = Static<typeof BulkReport>;

export const Hit = Type.Object({
  id: Type.String(),
  kind: StringEnum(HIT_KINDS),
  rule: Nullable(Type.String()),
  crossingId: Type.String(),
  crossingKind: Type.String(),
  portCode: Type.String(),
  direction: Type.String(),
  crossedAt: Type.String(),
  entryId: Nullable(Type.String()),
  sourceAgency: Nullable(Type.String()),
  verdict: Type.String(),
  score: Type.Number(),
  explanation: Type.Array(Evidence),
  origin: StringEnum(HIT_ORIGINS),
  status: StringEnum(HIT_STATUSES),
  decisionReason: Nullable(Type.String()),
  decidedAt: Nullable(Type.String()),
  action: Nullable(Type.String({ description: 'the latest action taken' })),
  actionAt: Nullable(Type.String()),
  actions: Type.Array(Type.Object({ action: Type.String(), by: Type.String(), at: Type.String() }), {
    description: 'every action taken on the hit, oldest first',
  }),
  noticeNotificationId: Nullable(Type.String()),
  replyBy: Nullable(Type.String()),
  createdAt: Type.String(),
});
export type Hit = Static<typeof Hit>;

export const HitQuery = Type.Object(
  {
    status: Opt(StringEnum(HIT_STATUSES)),
    cursor: Opt(Type.String({ maxLength: 500 })),
    limit: Opt(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  },
  { additionalProperties: false },
);
export type HitQuery = Static<typeof HitQuery>;

/**
 * A counterpart's `hit.notice` about one of our shared entries: where and how their desk found the person, what
 * they did, and by when they expect our reply. `entry` is null once the entry was deleted or expired.
 */
export const ReceivedHitNotice = Type.Object({
  id: Type.String(),
  fromAgency: Type.String(),
  entryId: Type.String(),
  entry: Type.Union([EntrySummary, Type.Null()]),
  crossing: Type.Object({ portCode: Type.String(), direction: Type.String(), crossedAt: Type.String() }),
  verdict: Type.String(),
  score: Type.Number(),
  actionTaken: Type.String({ description: '`none` until the counterpart records an action' }),
  replyBy: Nullable(Type.String()),
  receivedAt: Type.String(),
  notificationId: Nullable(
    Type.String({
      description: 'the inbox notification it arrived in: acknowledge it to answer the counterpart',
    }),
  ),
  reply: Type.Union([
    Type.Object({
      state: StringEnum(['awaited', 'acknowledged', 'overdue'] as const),
      acknowledgedAt: Nullable(Type.String()),
    }),
    Type.Null({ description: 'for notices received before their notification was kept' }),
  ]),
});
export type ReceivedHitNotice = Static<typeof ReceivedHitNotice>;

export const HitNoticeQuery = Type.Object(
  {
    fromAgency: Opt(AgencyCode),
    cursor: Opt(Type.String({ maxLength: 500 })),
    limit: Opt(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  },
  { additionalProperties: false },
);
export type HitNoticeQuery = Static<typeof HitNoticeQuery>;

export const HitDecision = Type.Object({ reason: NonBlankText(1000) }, { additionalProperties: false });
export const HitActionInput = Type.Object(
  { action: StringEnum(HIT_ACTIONS) },
  { additionalProperties: false },
);

export const FlaggedConveyance = Type.Object({
  id: Type.String(),
  conveyance: Type.String(),
  reason: Type.String(),
  validUntil: Nullable(Type.String()),
  createdAt: Type.String(),
});
export type FlaggedConveyance = Static<typeof FlaggedConveyance>;
export const NewFlaggedConveyance = Type.Object(
  {
    conveyance: Conveyance,
    reason: NonBlankText(500),
    validUntil: Opt(DateOnly),
  },
  { additionalProperties: false },
);
export type NewFlaggedConveyance = Static<typeof NewFlaggedConveyance>;

export const RuleSetting = Type.Object({ rule: StringEnum(RULES), enabled: Type.Boolean() });
export type RuleSetting = Static<typeof RuleSetting>;
export const RuleSettings = Type.Object(
  { rules: Type.Array(RuleSetting, { minItems: 1, maxItems: RULES.length }) },
  { additionalProperties: false },
);
