import type { GeneralJWS, JWK } from 'jose';
import { appendAudit } from '../../core/audit/audit.js';
import type { Actor } from '../../core/auth/roles.js';
import type { Db } from '../../core/db/database.js';
import { inTransaction } from '../../core/db/transaction.js';
import { AppError, conflict, invalid, notFound, reasonOf } from '../../core/errors.js';
import { nowIso } from '../../core/ids.js';
import { createAgency, getAgency } from '../directory/directory.service.js';
import {
  formatFingerprint,
  type KeyAnnouncement,
  keyFingerprint,
  normaliseFingerprint,
  type RecipientKey,
  type TrustedKey,
  type TrustedKeyLookup,
  verifyKeyAnnouncement,
} from './crypto/index.js';
import type { PeerMode, PeerView } from './federation.contract.js';
import type { NewPeer, Peer } from './federation.schema.js';
import * as store from './federation.store.js';
import type { PeerRow } from './federation.tables.js';

export const ANNOUNCEMENT_PATH = '/.well-known/borderlink/keys';
export const JWKS_PATH = '/.well-known/borderlink/jwks.json';

type AnnouncedKey = KeyAnnouncement['keys'][number];
const FETCH_TIMEOUT_MS = 10_000;
// A peer that sends an unknown kid triggers one key refresh at most this often (per process).
const REFRESH_INTERVAL_MS = 10_000;

// Parsed key lists by their stored text: the same JWK objects every time let jose reuse the imported keys
// (it caches them by object identity), which saves most of the cost of a verification.
const parsedKeys = new Map<string, AnnouncedKey[]>();
const PARSED_KEYS_LIMIT = 1_000;

function peerKeys(row: Pick<PeerRow, 'keys'>): AnnouncedKey[] {
  const known = parsedKeys.get(row.keys);
  if (known) return known;
  if (parsedKeys.size >= PARSED_KEYS_LIMIT) parsedKeys.clear();
  const parsed = JSON.parse(row.keys) as AnnouncedKey[];
  parsedKeys.set(row.keys, parsed);
  return parsed;
}

/** The contract's view of a peer. */
export function toPeerView(row: PeerRow): PeerView {
  return {
    code: row.code,
    mode: row.mode as PeerMode,
    url: row.url,
    fingerprint: row.fingerprint,
    email: row.email,
    language: row.language as PeerView['language'],
    status: row.status as PeerView['status'],
  };
}

/** The API's view of a peer: the contract's plus the display fingerprint and dates. */
export function toPeer(row: PeerRow): Peer {
  return {
    ...toPeerView(row),
    fingerprintDisplay: row.fingerprint ? formatFingerprint(row.fingerprint) : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function getPeer(db: Db, code: string): Promise<PeerView | null> {
  const row = await store.findPeer(db, code);
  return row ? toPeerView(row) : null;
}

/** Active peers (removed ones are kept for history but no longer trusted or sent to). */
export async function listPeers(db: Db): Promise<PeerView[]> {
  return (await store.listPeers(db, 'active')).map(toPeerView);
}

/**
 * The signing keys we trust per agency: active node peers only; a key's `retires_at` is its revocation.
 * One lookup serves one verification (delivery and envelope ask for the same sender), so it remembers answers.
 */
export function trustedKeysLookup(db: Db): TrustedKeyLookup {
  const answers = new Map<string, Promise<TrustedKey[] | undefined>>();
  const lookup = async (agency: string) => {
    const row = await store.findPeer(db, agency);
    if (row?.status !== 'active' || row.mode !== 'node') return undefined;
    return peerKeys(row)
      .filter((key) => key.use === 'sig')
      .map(
        (key): TrustedKey =>
          key.retires_at === undefined ? { jwk: key as JWK } : { jwk: key as JWK, revokedAt: key.retires_at },
      );
  };
  return (agency) => {
    const known = answers.get(agency);
    if (known !== undefined) return known;
    const answer = lookup(agency);
    answers.set(agency, answer);
    return answer;
  };
}

/** The current encryption key of each node recipient, for JWE bodies. */
export async function recipientKeys(db: Db, agencies: readonly string[]): Promise<RecipientKey[]> {
  const keys: RecipientKey[] = [];
  for (const agency of agencies) {
    const row = await store.findPeer(db, agency);
    if (row?.mode !== 'node') continue;
    const current = peerKeys(row).find((key) => key.use === 'enc' && key.retires_at === undefined);
    if (!current) {
      throw invalid('federation.no_encryption_key', `peer ${agency} has published no encryption key`);
    }
    keys.push({ agency, jwk: current as JWK });
  }
  return keys;
}

/** Fetches a node's signed key announcement from its base URL. */
async function fetchAnnouncement(url: string): Promise<GeneralJWS> {
  let response: Response;
  try {
    response = await fetch(new URL(ANNOUNCEMENT_PATH, `${url}/`), {
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
  } catch (error) {
    throw invalid('federation.peer_unreachable', `could not reach ${url}: ${describeFetchError(error)}`, {
      field: 'url',
    });
  }
  if (response.status !== 200) {
    throw invalid('federation.peer_unreachable', `${url} answered ${response.status} for its keys`, {
      field: 'url',
    });
  }
  return (await response.json()) as GeneralJWS;
}

export function describeFetchError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? reasonOf(error);
}

/** The announced keys of a peer, accepted only when signed by the key whose fingerprint was pinned out of band. */
async function keysPinnedBy(
  announcementJws: GeneralJWS,
  code: string,
  fingerprint: string,
): Promise<KeyAnnouncement> {
  const payload = decodePayload(announcementJws);
  const candidates = payload?.keys.filter((key) => key.use === 'sig') ?? [];
  let pinned: AnnouncedKey | undefined;
  for (const key of candidates) {
    if ((await keyFingerprint(key as JWK)) === fingerprint) pinned = key;
  }
  if (!pinned) {
    const offered = await Promise.all(candidates.map((key) => keyFingerprint(key as JWK)));
    throw invalid(
      'federation.fingerprint_mismatch',
      `the node does not present the pinned fingerprint ${formatFingerprint(fingerprint)}; it presents ${
        offered.map(formatFingerprint).join(', ') || 'no signing key'
      }`,
      { field: 'fingerprint' },
    );
  }
  const verified = await verifyKeyAnnouncement(announcementJws, {
    trustedKeys: (agency) => (agency === code ? [{ jwk: pinned as JWK }] : undefined),
  });
  if (!verified.ok) {
    const reason =
      verified.reason === 'unknown_sender' ? `it announces itself as ${payload?.agency}` : verified.message;
    throw invalid(
      'federation.announcement_refused',
      `the key announcement of ${code} is refused: ${reason}`,
      {
        field: 'code',
      },
    );
  }
  return verified.announcement;
}

function decodePayload(jws: GeneralJWS): KeyAnnouncement | undefined {
  try {
    return JSON.parse(Buffer.from(jws.payload, 'base64url').toString('utf8')) as KeyAnnouncement;
  } catch {
    return undefined;
  }
}

const currentSigningFingerprint = async (keys: readonly AnnouncedKey[]) => {
  const current = keys.find((key) => key.use === 'sig' && key.retires_at === undefined);
  return current ? keyFingerprint(current as JWK) : null;
};

/**
 * Adds (or re-activates) a peer. A node peer's keys are fetched from its URL and accepted only when the
 * announcement is signed by the key with the fingerprint the administrator checked out of band. The peer also
 * becomes a counterpart agency in the directory when it is not one yet.
 */
export async function addPeer(db: Db, actor: Actor, input: NewPeer): Promise<Peer> {
  const mode: PeerMode = input.mode ?? 'node';
  if ((await store.findPeer(db, input.code))?.status === 'active') {
    throw conflict('federation.peer_exists', `${input.code} is already a peer`, { field: 'code' });
  }
  let keys: AnnouncedKey[] = [];
  let issuedAt: string | null = null;
  let fingerprint: string | null = null;
  if (mode === 'node') {
    if (!input.url) throw invalid('federation.url_required', 'a node peer needs its URL', { field: 'url' });
    if (!input.fingerprint) {
      throw invalid(
        'federation.fingerprint_required',
        'a node peer needs the fingerprint checked out of band',
        {
          field: 'fingerprint',
        },
      );
    }
    const parsed = normaliseFingerprint(input.fingerprint);
    if (!parsed.ok) throw invalid('federation.fingerprint_invalid', parsed.message, { field: 'fingerprint' });
    const announcement = await keysPinnedBy(
      await fetchAnnouncement(input.url),
      input.code,
      parsed.fingerprint,
    );
    keys = announcement.keys;
    issuedAt = announcement.issuedAt;
    fingerprint = await currentSigningFingerprint(keys);
  }
  const now = nowIso();
  const row: PeerRow = {
    code: input.code,
    mode,
    url: input.url?.replace(/\/+$/, '') ?? null,
    fingerprint,
    email: input.email ?? null,
    language: input.language ?? 'en',
    status: 'active',
    keys: JSON.stringify(keys),
    keys_issued_at: issuedAt,
    created_at: now,
    updated_at: now,
  };
  return inTransaction(db, async (trx) => {
    const existing = await store.findPeer(trx, input.code);
    if (existing?.status === 'active') {
      throw conflict('federation.peer_exists', `${input.code} is already a peer`, { field: 'code' });
    }
    if (existing) {
      const { code: _code, created_at: _created, ...changes } = row;
      await store.updatePeer(trx, input.code, changes);
    } else {
      await store.insertPeer(trx, row);
    }
    await ensureCounterpartAgency(trx, actor, row);
    await appendAudit(trx, actor, {
      action: 'federation.peer_add',
      targetType: 'peer',
      targetId: input.code,
      details: { mode, url: row.url, fingerprint },
    });
    return toPeer(existing ? { ...row, created_at: existing.created_at } : row);
  });
}

async function ensureCounterpartAgency(db: Db, actor: Actor, peer: PeerRow): Promise<void> {
  try {
    await getAgency(db, peer.code);
  } catch (error) {
    if (!(error instanceof AppError) || error.kind !== 'not_found') throw error;
    await createAgency(db, actor, {
      code: peer.code,
      kind: 'counterpart',
      country: peer.code.slice(0, 2),
      names: { en: peer.code },
      language: peer.language as PeerView['language'],
      timeZone: 'UTC',
    });
  }
}

/** Stops trusting a peer; its pending outbox rows wait, and resume if the peer is added again. */
export async function removePeer(db: Db, actor: Actor, code: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    const existing = await store.findPeer(trx, code);
    if (existing?.status !== 'active') throw notFound('federation.peer_not_found', 'Peer', code);
    await store.updatePeer(trx, code, { status: 'removed', updated_at: nowIso() });
    await appendAudit(trx, actor, { action: 'federation.peer_remove', targetType: 'peer', targetId: code });
  });
}

// Per database handle, so several nodes in one process (tests) do not share the rate limit.
const lastRefresh = new WeakMap<object, Map<string, number>>();

/** New announced keys, plus keys we knew that the peer no longer publishes, marked retired, so envelopes
 * signed with them before the rotation (still in the peer's outbox) keep verifying at their `createdAt`. */
function mergeKeys(known: readonly AnnouncedKey[], announcement: KeyAnnouncement): AnnouncedKey[] {
  const announced = new Set(announcement.keys.map((key) => key.kid));
  const dropped = known
    .filter((key) => !announced.has(key.kid))
    .map((key) => ({ ...key, retires_at: key.retires_at ?? announcement.issuedAt }));
  return [...announcement.keys, ...dropped];
}

/**
 * Adopts a peer's rotated keys: the announcement must be signed by a key we already trust, and be newer than
 * the one we hold. Returns whether anything changed; rate-limited per peer so strangers cannot make us fetch.
 */
export async function refreshPeerKeys(db: Db, code: string): Promise<boolean> {
  const row = await store.findPeer(db, code);
  if (row?.status !== 'active' || row.mode !== 'node' || !row.url) return false;
  const refreshed = lastRefresh.get(db) ?? new Map<string, number>();
  lastRefresh.set(db, refreshed);
  if (Date.now() - (refreshed.get(code) ?? 0) < REFRESH_INTERVAL_MS) return false;
  refreshed.set(code, Date.now());
  let announcement: GeneralJWS;
  try {
    announcement = await fetchAnnouncement(row.url);
  } catch {
    return false;
  }
  const verified = await verifyKeyAnnouncement(announcement, { trustedKeys: trustedKeysLookup(db) });
  if (!verified.ok || verified.announcement.agency !== code) return false;
  if (row.keys_issued_at && verified.announcement.issuedAt <= row.keys_issued_at) return false;
  await store.updatePeer(db, code, {
    keys: JSON.stringify(mergeKeys(peerKeys(row), verified.announcement)),
    keys_issued_at: verified.announcement.issuedAt,
    fingerprint: await currentSigningFingerprint(verified.announcement.keys),
    updated_at: nowIso(),
  });
  return true;
}
