import type { JWK } from 'jose';

/** Every reason a signed federation object can be refused; the receiver logs the reason and answers with it. */
export const VERIFICATION_FAILURE_REASONS = [
  'malformed',
  'unknown_sender',
  'untrusted_key',
  'revoked_key',
  'bad_signature',
  'not_addressed_to_us',
  'stale',
  'from_future',
  'replay',
] as const;

export type VerificationFailureReason = (typeof VERIFICATION_FAILURE_REASONS)[number];

/** A refused object; `messageId` is set once the payload could be read, so a replay can be answered with its receipt. */
export type VerificationFailure = {
  ok: false;
  reason: VerificationFailureReason;
  message: string;
  messageId?: string;
};

/**
 * A peer key as our trust store knows it. `revokedAt` is set when the peer marked the key revoked (end of a
 * rotation overlap, or compromise); from that instant on, signatures by it are refused as `revoked_key`.
 */
export type TrustedKey = { jwk: JWK; revokedAt?: string };

/** The keys we trust for an agency, `undefined` (or empty) when the agency is not a peer. May hit a database. */
export type TrustedKeyLookup = (
  agency: string,
) => readonly TrustedKey[] | undefined | Promise<readonly TrustedKey[] | undefined>;

/** Builds a refusal; kept here so every message reads the same way in logs. */
export const refuse = (
  reason: VerificationFailureReason,
  message: string,
  messageId?: string,
): VerificationFailure =>
  messageId === undefined ? { ok: false, reason, message } : { ok: false, reason, message, messageId };
