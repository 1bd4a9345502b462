import { type Static, Type } from '@sinclair/typebox';
import { AgencyCode, IsoDate, StringEnum } from '../../core/http/schemas.js';

export const CHANNELS = ['letter', 'phone', 'video', 'meeting'] as const;
export const PARTY_KINDS = ['own', 'counterpart', 'international', 'other'] as const;
export const CONTACT_DIRECTIONS = ['incoming', 'outgoing', 'mutual'] as const;
export const FOLLOW_UP_STATUSES = ['none', 'open', 'in_progress', 'done'] as const;
export const COMMITMENT_STATUSES = ['open', 'done', 'dropped'] as const;

const strict = { additionalProperties: false } as const;
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });

export const Party = Type.Object(
  {
    name: Text(200),
    role: Type.Optional(Text(200)),
    kind: StringEnum(PARTY_KINDS),
    agencyCode: Type.Optional(AgencyCode),
  },
  strict,
);

export const Commitment = Type.Object(
  {
    description: Text(1000),
    owner: Text(200),
    dueDate: Type.Optional(IsoDate),
    status: StringEnum(COMMITMENT_STATUSES),
  },
  strict,
);

const contactFields = {
  occurredOn: IsoDate,
  channel: StringEnum(CHANNELS),
  direction: StringEnum(CONTACT_DIRECTIONS),
  parties: Type.Array(Party, { minItems: 1, maxItems: 50 }),
  subject: Text(300),
  summary: Type.Optional(Text(20_000)),
  assessment: Type.Optional(Text(2000)),
  commitments: Type.Optional(Type.Array(Commitment, { maxItems: 100 })),
  followUpStatus: Type.Optional(StringEnum(FOLLOW_UP_STATUSES)),
  attachments: Type.Optional(
    Type.Array(Type.String({ pattern: '^[A-Za-z0-9._:-]{1,128}$', description: 'attachment sha256 or id' }), {
      maxItems: 50,
      uniqueItems: true,
    }),
  ),
};

export const NewLiaisonContact = Type.Object(contactFields, strict);
export type NewLiaisonContact = Static<typeof NewLiaisonContact>;

export const LiaisonContactChanges = Type.Partial(Type.Object(contactFields), {
  ...strict,
  minProperties: 1,
});
export type LiaisonContactChanges = Static<typeof LiaisonContactChanges>;

/** A file kept with a contact (a scanned letter, minutes); its bytes are downloaded separately. */
export const LiaisonFile = Type.Object({
  id: Type.String(),
  name: Type.String(),
  mediaType: Type.String({ description: 'sniffed from the content' }),
  size: Type.Integer(),
  sha256: Type.String(),
  uploadedBy: Type.String(),
  createdAt: Type.String(),
});
export type LiaisonFile = Static<typeof LiaisonFile>;

export const LiaisonContact = Type.Object({
  id: Type.String(),
  occurredOn: Type.String(),
  channel: StringEnum(CHANNELS),
  direction: StringEnum(CONTACT_DIRECTIONS),
  parties: Type.Array(Party),
  subject: Type.String(),
  summary: Type.Union([Type.String(), Type.Null()]),
  assessment: Type.Union([Type.String(), Type.Null()]),
  commitments: Type.Array(Commitment),
  followUpStatus: StringEnum(FOLLOW_UP_STATUSES),
  attachments: Type.Array(Type.String()),
  files: Type.Array(LiaisonFile),
  createdBy: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type LiaisonContact = Static<typeof LiaisonContact>;

export const LiaisonListQuery = Type.Object(
  {
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    channel: Type.Optional(StringEnum(CHANNELS)),
    partyKind: Type.Optional(StringEnum(PARTY_KINDS)),
    agencyCode: Type.Optional(AgencyCode),
    followUpStatus: Type.Optional(StringEnum(FOLLOW_UP_STATUSES)),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  },
  strict,
);
export type LiaisonListQuery = Static<typeof LiaisonListQuery>;

export const LiaisonCounts = Type.Object({
  total: Type.Integer(),
  byChannel: Type.Record(Type.String(), Type.Integer()),
  byPartyKind: Type.Record(Type.String(), Type.Integer()),
});
