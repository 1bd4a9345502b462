import { type Static, Type } from '@sinclair/typebox';
import { AgencyCode, IsoInstant, Language, StringEnum, Uuid } from '../../core/http/schemas.js';
import { NOTIFICATION_TYPES } from './bodies/index.js';
import { PRIORITIES, RECIPIENT_STATUSES } from './delivery-status.js';

const strict = { additionalProperties: false } as const;
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const NotificationTypeSchema = StringEnum(NOTIFICATION_TYPES);
export const PrioritySchema = StringEnum(PRIORITIES);
const SHOWN_STATUSES = [...RECIPIENT_STATUSES, 'rejected', 'overdue'] as const;
export const ShownStatusSchema = StringEnum(SHOWN_STATUSES);
export const Sha256 = Type.String({ pattern: '^[0-9a-f]{64}$', description: 'hex SHA-256 of the content' });
const Recipients = Type.Array(AgencyCode, { minItems: 1, maxItems: 50, uniqueItems: true });
const FreeText = Type.String({ minLength: 1, maxLength: 20_000 });
const AttachmentRefs = Type.Array(
  Type.Object(
    { sha256: Sha256, name: Type.String({ minLength: 1, maxLength: 200, pattern: '^[^/\\\\\\u0000]+$' }) },
    strict,
  ),
  { maxItems: 20 },
);

export const NewNotification = Type.Object(
  {
    type: NotificationTypeSchema,
    to: Recipients,
    priority: PrioritySchema,
    /** Checked against the type's versioned schema by the service, so errors name the body field. */
    body: Type.Unknown(),
    text: Type.Optional(FreeText),
    inReplyTo: Type.Optional(Uuid),
    draft: Type.Optional(Type.Boolean()),
    attachments: Type.Optional(AttachmentRefs),
  },
  strict,
);
export type NewNotification = Static<typeof NewNotification>;

export const DraftChanges = Type.Object(
  {
    to: Type.Optional(Recipients),
    priority: Type.Optional(PrioritySchema),
    body: Type.Optional(Type.Unknown()),
    text: Type.Optional(Nullable(FreeText)),
    inReplyTo: Type.Optional(Nullable(Uuid)),
    attachments: Type.Optional(AttachmentRefs),
  },
  { ...strict, minProperties: 1 },
);
export type DraftChanges = Static<typeof DraftChanges>;

export const BOXES = ['inbox', 'outbox', 'drafts'] as const;
export type Box = (typeof BOXES)[number];

export const ListQuery = Type.Object(
  {
    box: Type.Optional(StringEnum(BOXES)),
    type: Type.Optional(NotificationTypeSchema),
    status: Type.Optional(ShownStatusSchema),
    priority: Type.Optional(PrioritySchema),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    lang: Type.Optional(Language),
  },
  strict,
);
export type ListQuery = Static<typeof ListQuery>;

export const RecipientView = Type.Object({
  agency: Type.String(),
  status: ShownStatusSchema,
  channel: StringEnum(['node', 'manual'] as const),
  dueAt: Nullable(Type.String()),
  sentAt: Nullable(Type.String()),
  deliveredAt: Nullable(Type.String()),
  readAt: Nullable(Type.String()),
  acknowledgedAt: Nullable(Type.String()),
  acknowledgedBy: Nullable(Type.String()),
  note: Nullable(Type.String()),
  rejectedReason: Nullable(Type.String()),
});
export type RecipientView = Static<typeof RecipientView>;

export const AttachmentView = Type.Object({
  name: Type.String(),
  sha256: Type.String(),
  size: Type.Integer(),
  mediaType: Type.String(),
});
export type AttachmentView = Static<typeof AttachmentView>;

export const RenderedView = Type.Object({
  language: Language,
  title: Type.String(),
  lines: Type.Array(Type.String()),
  text: Type.String(),
  senderText: Type.Optional(Type.String()),
});
export type RenderedView = Static<typeof RenderedView>;

const NotificationHeader = {
  id: Type.String(),
  box: StringEnum(BOXES),
  state: StringEnum(['draft', 'sent', 'received'] as const),
  origin: StringEnum(['local', 'node', 'manual', 'cap'] as const),
  type: NotificationTypeSchema,
  priority: PrioritySchema,
  senderAgency: Type.String(),
  createdAt: Type.String(),
  sentAt: Nullable(Type.String()),
  inReplyTo: Nullable(Type.String()),
  personalData: Type.Boolean(),
  purged: Type.Boolean(),
};

export const NotificationSummary = Type.Object({
  ...NotificationHeader,
  title: Nullable(Type.String()),
  recipients: Type.Array(Type.Object({ agency: Type.String(), status: ShownStatusSchema })),
});
export type NotificationSummary = Static<typeof NotificationSummary>;

export const NotificationView = Type.Object({
  ...NotificationHeader,
  body: Type.Unknown(),
  /** The sender's own words, never translated. */
  text: Nullable(Type.String()),
  recipients: Type.Array(RecipientView),
  attachments: Type.Array(AttachmentView),
  rendered: Nullable(RenderedView),
  cap: Nullable(Type.Object({ identifier: Type.String(), sender: Type.String(), sent: Type.String() })),
});
export type NotificationView = Static<typeof NotificationView>;

export const OverdueItem = Type.Object({
  id: Type.String(),
  box: StringEnum(['inbox', 'outbox'] as const),
  type: NotificationTypeSchema,
  priority: PrioritySchema,
  senderAgency: Type.String(),
  agency: Type.String(),
  status: StringEnum(RECIPIENT_STATUSES),
  dueAt: Type.String(),
  sentAt: Nullable(Type.String()),
});
export type OverdueItem = Static<typeof OverdueItem>;

export const AckBody = Type.Object({ note: Type.Optional(Type.String({ maxLength: 2000 })) }, strict);

export const MANUAL_STATUSES = ['sent', 'delivered', 'read', 'acknowledged'] as const;
export const ManualStatus = Type.Object(
  {
    status: StringEnum(MANUAL_STATUSES),
    at: IsoInstant,
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  strict,
);
export type ManualStatus = Static<typeof ManualStatus>;

export const ManualIncoming = Type.Object(
  {
    from: AgencyCode,
    type: NotificationTypeSchema,
    priority: PrioritySchema,
    body: Type.Unknown(),
    text: Type.Optional(FreeText),
    inReplyTo: Type.Optional(Uuid),
    receivedAt: IsoInstant,
    via: Type.Optional(StringEnum(['email', 'fax', 'phone', 'letter', 'other'] as const)),
  },
  strict,
);
export type ManualIncoming = Static<typeof ManualIncoming>;

export const PeerDeadlines = Type.Object(
  {
    routine: Type.Integer({ minimum: 1, maximum: 24 * 60 }),
    urgent: Type.Integer({ minimum: 1, maximum: 24 * 60 }),
    flash: Type.Integer({ minimum: 1, maximum: 24 * 60 }),
  },
  strict,
);
export type PeerDeadlines = Static<typeof PeerDeadlines>;

export const CapImportQuery = Type.Object(
  {
    from: Type.Optional(AgencyCode),
    mode: Type.Optional(StringEnum(['inbox', 'draft'] as const)),
    to: Type.Optional(Type.String({ maxLength: 1000, description: 'comma-separated recipients of a draft' })),
  },
  strict,
);
export type CapImportQuery = Static<typeof CapImportQuery>;

export const DocumentQuery = Type.Object(
  {
    format: Type.Optional(StringEnum(['pdf', 'txt'] as const)),
    agency: Type.Optional(AgencyCode),
    lang: Type.Optional(Language),
  },
  strict,
);
