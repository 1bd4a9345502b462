import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError, invalid, notFound } from '../../core/errors.js';
import type { AttachmentRef } from './federation.contract.js';

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
/** What one message may carry in all; the delivery route's body limit is derived from it. */
export const MAX_ATTACHMENTS_TOTAL_BYTES = 60 * 1024 * 1024;

const SHA256 = /^[0-9a-f]{64}$/;

const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Where the bytes of an attachment live: content-addressed under `<dataDir>/attachments/`. */
export function attachmentPath(dataDir: string, sha256: string): string {
  if (!SHA256.test(sha256)) throw invalid('federation.attachment_hash_invalid', 'not a sha256 hex digest');
  return path.join(dataDir, 'attachments', sha256.slice(0, 2), sha256);
}

async function writeOnce(file: string, bytes: Uint8Array): Promise<void> {
  try {
    await stat(file);
    return;
  } catch {
    // Not there yet: write it.
  }
  await mkdir(path.dirname(file), { recursive: true });
  // Write then rename, so a reader never sees half a file and two writers of the same bytes never clash.
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temporary, bytes);
  await rename(temporary, file);
}

/** Stores bytes to attach to an outgoing message and returns the reference its envelope carries. */
export async function storeAttachment(
  dataDir: string,
  bytes: Uint8Array,
  meta: { name: string; mediaType: string },
): Promise<AttachmentRef> {
  if (bytes.byteLength > MAX_ATTACHMENT_BYTES) {
    throw new AppError(
      'payload_too_large',
      'federation.attachment_too_large',
      `an attachment may have at most ${MAX_ATTACHMENT_BYTES} bytes`,
      { maxBytes: MAX_ATTACHMENT_BYTES },
    );
  }
  const sha256 = sha256Of(bytes);
  await writeOnce(attachmentPath(dataDir, sha256), bytes);
  return { name: meta.name, mediaType: meta.mediaType, sha256, size: bytes.byteLength };
}

/** The bytes of a stored attachment (sent or received). */
export async function readAttachment(dataDir: string, sha256: string): Promise<Buffer> {
  try {
    return await readFile(attachmentPath(dataDir, sha256));
  } catch {
    throw notFound('federation.attachment_not_found', 'Attachment', sha256);
  }
}

/** Whether the bytes are already here (a resent message need not carry them twice). */
export async function hasAttachment(dataDir: string, sha256: string): Promise<boolean> {
  try {
    await stat(attachmentPath(dataDir, sha256));
    return true;
  } catch {
    return false;
  }
}

/** Checks received bytes against the signed reference and stores them; throws on any mismatch. */
export async function storeReceivedAttachment(
  dataDir: string,
  ref: AttachmentRef,
  base64: string | undefined,
): Promise<void> {
  if (base64 === undefined) {
    if (await hasAttachment(dataDir, ref.sha256)) return;
    throw invalid('federation.attachment_missing', `the bytes of attachment ${ref.name} were not sent`, {
      sha256: ref.sha256,
    });
  }
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.byteLength !== ref.size || sha256Of(bytes) !== ref.sha256) {
    throw invalid(
      'federation.attachment_mismatch',
      `the bytes of attachment ${ref.name} do not match the signed sha256 and size`,
      { sha256: ref.sha256 },
    );
  }
  await writeOnce(attachmentPath(dataDir, ref.sha256), bytes);
}

/** The attachment bytes to send with an envelope, base64 by sha256. */
export async function attachmentPayload(
  dataDir: string,
  refs: readonly AttachmentRef[],
): Promise<Record<string, string> | undefined> {
  if (refs.length === 0) return undefined;
  const payload: Record<string, string> = {};
  for (const ref of refs)
    payload[ref.sha256] = (await readAttachment(dataDir, ref.sha256)).toString('base64');
  return payload;
}
