import { type Static, Type } from '@sinclair/typebox';
import { FEDERATION_BATCH_LIMIT } from '../../core/config.js';
import { AgencyCode, Language, StringEnum } from '../../core/http/schemas.js';

export const PEER_MODES = ['node', 'manual'] as const;
export const PEER_STATUSES = ['active', 'removed'] as const;

const Url = Type.String({ minLength: 8, maxLength: 500, pattern: '^https?://[^\\s]+$' });
const Fingerprint = Type.String({ minLength: 20, maxLength: 120, description: 'canonical or display form' });
const Email = Type.String({ minLength: 3, maxLength: 254, pattern: '^[^\\s@]+@[^\\s@]+$' });

export const Peer = Type.Object({
  code: AgencyCode,
  mode: StringEnum(PEER_MODES),
  url: Type.Union([Type.String(), Type.Null()]),
  fingerprint: Type.Union([Type.String(), Type.Null()]),
  fingerprintDisplay: Type.Union([Type.String(), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]),
  language: Language,
  status: StringEnum(PEER_STATUSES),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type Peer = Static<typeof Peer>;

export const NewPeer = Type.Object(
  {
    code: AgencyCode,
    mode: Type.Optional(StringEnum(PEER_MODES)),
    url: Type.Optional(Url),
    fingerprint: Type.Optional(Fingerprint),
    email: Type.Optional(Email),
    language: Type.Optional(Language),
  },
  { additionalProperties: false },
);
export type NewPeer = Static<typeof NewPeer>;

export const OwnKeys = Type.Object({
  code: AgencyCode,
  url: Type.String(),
  fingerprint: Type.String({ description: 'RFC 7638 thumbprint of the current signing key' }),
  fingerprintDisplay: Type.String({ description: 'the same bytes in base32 groups, for reading aloud' }),
});
export type OwnKeys = Static<typeof OwnKeys>;

/** One delivery attempt: the signed wrapper and the bytes of the envelope's attachments, base64, by sha256. */
export const DeliveryRequest = Type.Object(
  {
    delivery: Type.String({ minLength: 1, maxLength: 2_000_000 }),
    attachments: Type.Optional(
      Type.Record(Type.String({ pattern: '^[0-9a-f]{64}$' }), Type.String({ maxLength: 28_000_000 })),
    ),
  },
  { additionalProperties: false },
);
export type DeliveryRequest = Static<typeof DeliveryRequest>;

export const ReceiptResponse = Type.Object({
  receipt: Type.String({ description: 'compact JWS signed by the receiver' }),
  status: StringEnum(['delivered', 'rejected'] as const),
  duplicate: Type.Boolean(),
});

const CountsByStatus = Type.Record(Type.String(), Type.Integer());
export const FederationStatus = Type.Object({
  outbox: Type.Record(Type.String(), CountsByStatus),
  inbox: Type.Record(Type.String(), CountsByStatus),
});

// Up to FEDERATION_BATCH_LIMIT deliveries travel in one batch request (attachments always go one by one).
export const DeliveryBatch = Type.Object(
  { items: Type.Array(DeliveryRequest, { minItems: 1, maxItems: FEDERATION_BATCH_LIMIT }) },
  { additionalProperties: false },
);
export type DeliveryBatch = Static<typeof DeliveryBatch>;

/** Each item answered as it would have been alone: a receipt, or the problem's status, code and detail. */
export const BatchAnswer = Type.Object({
  results: Type.Array(
    Type.Object({
      httpStatus: Type.Integer(),
      receipt: Type.Optional(Type.String()),
      status: Type.Optional(StringEnum(['delivered', 'rejected'] as const)),
      duplicate: Type.Optional(Type.Boolean()),
      code: Type.Optional(Type.String()),
      detail: Type.Optional(Type.String()),
    }),
  ),
});
export type BatchAnswer = Static<typeof BatchAnswer>;
