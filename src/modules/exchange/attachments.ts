import { appendAudit } from '../../core/audit/audit.js';
import type { Actor } from '../../core/auth/roles.js';
import { AppError, invalid, notFound } from '../../core/errors.js';
import { nowIso } from '../../core/ids.js';
import type { AttachmentView } from './exchange.schema.js';
import type { ExchangeDeps } from './exchange.service.js';
import { MAX_ATTACHMENT_BYTES } from './exchange.settings.js';
import * as store from './exchange.store.js';
import { sniffMediaType } from './media-type.js';

/** 1–200 characters, no path separators and no control characters (they end up in headers and file names). */
const isFileName = (name: string): boolean =>
  name.length >= 1 &&
  name.length <= 200 &&
  ![...name].some((character) => character === '/' || character === '\\' || character.charCodeAt(0) < 0x20);

/**
 * Stores an uploaded file with the media type its content shows. The bytes go to federation's
 * content-addressed store (`<dataDir>/attachments/…/<sha256>`), so they travel with the messages that cite them;
 * exchange keeps what federation does not: the checks on the upload, its registration and the audit entry.
 */
export async function storeAttachment(
  deps: Pick<ExchangeDeps, 'db' | 'federation'>,
  actor: Actor,
  name: string,
  data: Buffer,
): Promise<AttachmentView> {
  if (!isFileName(name)) {
    throw invalid(
      'exchange.bad_file_name',
      'name the file in the X-File-Name header (1–200 characters, no slashes)',
      {
        field: 'x-file-name',
      },
    );
  }
  if (data.length === 0) throw invalid('exchange.empty_attachment', 'the attachment is empty');
  if (data.length > MAX_ATTACHMENT_BYTES) {
    throw new AppError(
      'payload_too_large',
      'exchange.attachment_too_large',
      'attachments are limited to 20 MB',
      { maxMegabytes: MAX_ATTACHMENT_BYTES / (1024 * 1024) },
    );
  }
  const mediaType = sniffMediaType(data);
  const ref = await deps.federation.storeAttachment(data, { name, mediaType });
  await store.saveAttachment(deps.db, {
    sha256: ref.sha256,
    size: ref.size,
    media_type: mediaType,
    created_at: nowIso(),
  });
  await appendAudit(deps.db, actor, {
    action: 'attachment.upload',
    targetType: 'attachment',
    targetId: ref.sha256,
    details: { size: ref.size, mediaType },
  });
  return { name, sha256: ref.sha256, size: ref.size, mediaType };
}

/** The bytes of an attachment uploaded here or received with a message. */
export async function readAttachment(
  deps: Pick<ExchangeDeps, 'db' | 'federation'>,
  sha256: string,
): Promise<{ data: Buffer; mediaType: string }> {
  const [registered] = await store.findAttachments(deps.db, [sha256]);
  const received = registered ? undefined : await store.receivedAttachment(deps.db, sha256);
  const mediaType = registered?.media_type ?? received?.media_type;
  if (mediaType === undefined) throw notFound('exchange.attachment_not_found', 'Attachment', sha256);
  return { data: await deps.federation.readAttachment(sha256), mediaType };
}
