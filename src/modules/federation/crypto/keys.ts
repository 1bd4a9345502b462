import { Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';
import { AppError } from '../../../core/errors.js';
import { ISO_INSTANT_PATTERN, parseInstant } from './time.js';

export const SIGNING_ALG = 'EdDSA';
export const KEY_AGREEMENT_ALG = 'ECDH-ES+A256KW';
export const CONTENT_ENCRYPTION = 'A256GCM';

export type KeyUse = 'sig' | 'enc';
export type KeyAlg = typeof SIGNING_ALG | typeof KEY_AGREEMENT_ALG;
/** `retiring` keys are still published and honoured until `retiresAt`, so peers catch up with a rotation. */
export type KeyStatus = 'active' | 'retiring';

/** One of our own keys, private part included; JWKs carry kid, use and alg so jose refuses misuse. */
export type NodeKey = {
  kid: string;
  use: KeyUse;
  alg: KeyAlg;
  status: KeyStatus;
  createdAt: string;
  retiresAt?: string;
  publicJwk: JWK;
  privateJwk: JWK;
};

/** A node's keys: exactly one active signing and one active encryption key, plus keys in rotation overlap. */
export type NodeKeySet = { signing: NodeKey; encryption: NodeKey; retiring: NodeKey[] };

/** A public key as published in our JWKS; `retires_at` tells peers when the rotation overlap of a key ends. */
export type PublishedJwk = JWK & { kid: string; use: KeyUse; alg: KeyAlg; retires_at?: string };
export type PublishedJwks = { keys: PublishedJwk[] };

const DEFAULT_KID_PREFIX = 'node';

const curveOf = (use: KeyUse) => (use === 'sig' ? 'Ed25519' : 'X25519');
const algOf = (use: KeyUse): KeyAlg => (use === 'sig' ? SIGNING_ALG : KEY_AGREEMENT_ALG);

async function generateKey(use: KeyUse, kidPrefix: string, now: Date): Promise<NodeKey> {
  const alg = algOf(use);
  const pair = await generateKeyPair(alg, { crv: curveOf(use), extractable: true });
  const { kty, crv, x, d } = await exportJWK(pair.privateKey);
  const bare = { kty, crv, x } as JWK;
  // The kid embeds the start of the thumbprint, so two keys never share a kid even across rotations.
  const kid = `${kidPrefix}.${use}.${(await calculateJwkThumbprint(bare, 'sha256')).slice(0, 16)}`;
  const publicJwk: JWK = { ...bare, kid, use, alg };
  return {
    kid,
    use,
    alg,
    status: 'active',
    createdAt: now.toISOString(),
    publicJwk,
    privateJwk: { ...publicJwk, d },
  };
}

/** A fresh key set: an Ed25519 signing key and an X25519 encryption key, kids prefixed (e.g. by agency code). */
export async function generateNodeKeys(
  kidPrefix = DEFAULT_KID_PREFIX,
  now = new Date(),
): Promise<NodeKeySet> {
  const [signing, encryption] = await Promise.all([
    generateKey('sig', kidPrefix, now),
    generateKey('enc', kidPrefix, now),
  ]);
  return { signing, encryption, retiring: [] };
}

/** Every key of the set, active first. */
export const nodeKeys = (set: NodeKeySet): NodeKey[] => [set.signing, set.encryption, ...set.retiring];

/** Public JWKS to publish: active keys and retiring keys whose overlap has not ended at `now`. */
export function publicJwks(keys: readonly NodeKey[], now = new Date()): PublishedJwks {
  const published = keys.filter(
    (key) => key.retiresAt === undefined || Date.parse(key.retiresAt) > now.getTime(),
  );
  return {
    keys: published.map((key) => ({
      ...(key.publicJwk as PublishedJwk),
      ...(key.retiresAt === undefined ? {} : { retires_at: key.retiresAt }),
    })),
  };
}

export type RotationOptions = { retiresAt: Date; now?: Date; kidPrefix?: string };

/**
 * New active keys; the previous ones stay as `retiring` until `retiresAt` so peers may still verify and encrypt
 * to them. Retiring signing keys whose overlap has ended are dropped; old encryption keys are kept because
 * envelopes encrypted to them may still sit in a peer's outbox and must stay readable.
 */
export async function rotateKeys(current: NodeKeySet, options: RotationOptions): Promise<NodeKeySet> {
  const now = options.now ?? new Date();
  if (options.retiresAt.getTime() <= now.getTime()) {
    throw new AppError('invalid', 'federation.rotation_overlap_in_past', 'the overlap must end after now');
  }
  const kidPrefix = options.kidPrefix ?? kidPrefixOf(current.signing.kid);
  const fresh = await generateNodeKeys(kidPrefix, now);
  const retiresAt = options.retiresAt.toISOString();
  const stillUseful = current.retiring.filter(
    (key) => key.use === 'enc' || Date.parse(key.retiresAt ?? '') > now.getTime(),
  );
  const retire = (key: NodeKey): NodeKey => ({ ...key, status: 'retiring', retiresAt });
  return { ...fresh, retiring: [retire(current.signing), retire(current.encryption), ...stillUseful] };
}

const kidPrefixOf = (kid: string): string => kid.split('.').slice(0, -2).join('.') || DEFAULT_KID_PREFIX;

const StoredKeySchema = Type.Object(
  {
    status: Type.Union([Type.Literal('active'), Type.Literal('retiring')]),
    createdAt: Type.String({ pattern: ISO_INSTANT_PATTERN }),
    retiresAt: Type.Optional(Type.String({ pattern: ISO_INSTANT_PATTERN })),
    jwk: Type.Object({
      kty: Type.Literal('OKP'),
      crv: Type.Union([Type.Literal('Ed25519'), Type.Literal('X25519')]),
      x: Type.String({ minLength: 43, maxLength: 43 }),
      d: Type.String({ minLength: 43, maxLength: 43 }),
      kid: Type.String({ minLength: 1 }),
      use: Type.Union([Type.Literal('sig'), Type.Literal('enc')]),
      alg: Type.Union([Type.Literal(SIGNING_ALG), Type.Literal(KEY_AGREEMENT_ALG)]),
    }),
  },
  { additionalProperties: false },
);

const StoredKeySetSchema = Type.Object(
  { v: Type.Literal(1), keys: Type.Array(StoredKeySchema) },
  { additionalProperties: false },
);

/** The stored form of a key set: private JWKs with their metadata; the caller encrypts it at rest. */
export type StoredNodeKeys = typeof StoredKeySetSchema.static;

/** Serialises a key set to plain JSON (private parts kept). */
export function exportNodeKeys(set: NodeKeySet): StoredNodeKeys {
  return {
    v: 1,
    keys: nodeKeys(set).map((key) => ({
      status: key.status,
      createdAt: key.createdAt,
      ...(key.retiresAt === undefined ? {} : { retiresAt: key.retiresAt }),
      jwk: key.privateJwk as StoredNodeKeys['keys'][number]['jwk'],
    })),
  };
}

const badKeys = (message: string) => new AppError('invalid', 'federation.stored_keys_invalid', message);

/** Reads a key set written by `exportNodeKeys`; throws `federation.stored_keys_invalid` on anything else. */
export function importNodeKeys(stored: unknown): NodeKeySet {
  if (!Value.Check(StoredKeySetSchema, stored)) {
    const first = Value.Errors(StoredKeySetSchema, stored).First();
    throw badKeys(
      `stored keys do not match the expected form${first ? ` at ${first.path}: ${first.message}` : ''}`,
    );
  }
  const keys = stored.keys.map(toNodeKey);
  const active = (use: KeyUse) => keys.filter((key) => key.status === 'active' && key.use === use);
  const [signing, ...extraSigning] = active('sig');
  const [encryption, ...extraEncryption] = active('enc');
  if (!signing || !encryption || extraSigning.length > 0 || extraEncryption.length > 0) {
    throw badKeys('stored keys need exactly one active signing and one active encryption key');
  }
  return { signing, encryption, retiring: keys.filter((key) => key.status === 'retiring') };
}

function toNodeKey(stored: StoredNodeKeys['keys'][number]): NodeKey {
  const { jwk } = stored;
  if (jwk.crv !== curveOf(jwk.use) || jwk.alg !== algOf(jwk.use)) {
    throw badKeys(`key ${jwk.kid} mixes curve ${jwk.crv}, use ${jwk.use} and alg ${jwk.alg}`);
  }
  if (stored.status === 'retiring' && stored.retiresAt === undefined) {
    throw badKeys(`retiring key ${jwk.kid} has no retiresAt`);
  }
  if (parseInstant(stored.createdAt) === undefined) throw badKeys(`key ${jwk.kid} has a bad createdAt`);
  const { d: _private, ...publicJwk } = jwk;
  return {
    kid: jwk.kid,
    use: jwk.use,
    alg: jwk.alg,
    status: stored.status,
    createdAt: stored.createdAt,
    ...(stored.retiresAt === undefined ? {} : { retiresAt: stored.retiresAt }),
    publicJwk,
    privateJwk: { ...jwk },
  };
}
