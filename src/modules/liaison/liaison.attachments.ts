import { createHash } from 'node:crypto';
import { appendAudit } from '../../core/audit/audit.js';
import type { Actor } from '../../core/auth/roles.js';
import type { Db } from '../../core/db/database.js';
import { inTransaction } from '../../core/db/transaction.js';
import { AppError, invalid, notFound } from '../../core/errors.js';
import { newId, nowIso } from '../../core/ids.js';
import { sniffMediaType } from '../exchange/media-type.js';
import type { LiaisonFile } from './liaison.schema.js';
import { requireContact, toFile } from './liaison.service.js';
import * as store from './liaison.store.js';
import type { LiaisonAttachmentRow } from './liaison.tables.js';

/** The same ceiling as a notification's attachment, so a file can move between the two. */
export const MAX_LIAISON_FILE_BYTES = 20 * 1024 * 1024;
/** A contact is a letter or a call, not an archive: enough for the letter, its annexes and the reply. */
export const MAX_FILES_PER_CONTACT = 50;

/** 1–200 characters, no path separators and no control characters (they end up in headers and file names). */
const isFileName = (name: string): boolean =>
  name.length >= 1 &&
  name.length <= 200 &&
  ![...name].some((character) => character === '/' || character === '\\' || character.charCodeAt(0) < 0x20);

/** Keeps a file with a contact: its type is sniffed from the content, its sha256 kept to show it is unchanged. */
export async function attachFile(
  db: Db,
  actor: Actor,
  contactId: string,
  name: string,
  data: Buffer,
): Promise<LiaisonFile> {
  if (!isFileName(name)) {
    throw invalid(
      'liaison.bad_file_name',
      'name the file in the X-File-Name header (1–200 characters, no slashes)',
      { field: 'x-file-name' },
    );
  }
  if (data.length === 0) throw invalid('liaison.empty_file', 'the file is empty');
  if (data.length > MAX_LIAISON_FILE_BYTES) {
    throw new AppError('payload_too_large', 'liaison.file_too_large', 'files are limited to 20 MB', {
      maxMegabytes: MAX_LIAISON_FILE_BYTES / (1024 * 1024),
    });
  }
  const row: LiaisonAttachmentRow = {
    id: newId(),
    contact_id: contactId,
    name,
    media_type: sniffMediaType(data),
    size: data.length,
    sha256: createHash('sha256').update(data).digest('hex'),
    data,
    uploaded_by: actor.name,
    created_at: nowIso(),
  };
  await inTransaction(db, async (trx) => {
    await requireContact(trx, contactId);
    if ((await store.attachmentsOf(trx, [contactId])).length >= MAX_FILES_PER_CONTACT) {
      throw new AppError('conflict', 'liaison.too_many_files', 'a contact keeps at most 50 files', {
        limit: MAX_FILES_PER_CONTACT,
      });
    }
    await store.insertAttachment(trx, row);
    await appendAudit(trx, actor, {
      action: 'liaison.file_attach',
      targetType: 'liaison_contact',
      targetId: contactId,
      details: { file: row.id, size: row.size, mediaType: row.media_type, sha256: row.sha256 },
    });
  });
  return toFile(row);
}

/** The files of one contact, oldest first. */
export async function listFiles(db: Db, contactId: string): Promise<LiaisonFile[]> {
  await requireContact(db, contactId);
  return (await store.attachmentsOf(db, [contactId])).map(toFile);
}

async function requireFile(db: Db, contactId: string, id: string): Promise<LiaisonAttachmentRow> {
  const row = await store.findAttachment(db, contactId, id);
  if (!row) throw notFound('liaison.file_not_found', 'Liaison file', id);
  return row;
}

/** A file's bytes with the name and type to serve them under. */
export async function readFile(
  db: Db,
  contactId: string,
  id: string,
): Promise<{ file: LiaisonFile; data: Buffer }> {
  const row = await requireFile(db, contactId, id);
  return { file: toFile(row), data: Buffer.from(row.data) };
}

/** Removes a file from a contact; the audit entry keeps its sha256 so the removal can be accounted for. */
export async function removeFile(db: Db, actor: Actor, contactId: string, id: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    const row = await requireFile(trx, contactId, id);
    await store.deleteAttachment(trx, id);
    await appendAudit(trx, actor, {
      action: 'liaison.file_remove',
      targetType: 'liaison_contact',
      targetId: contactId,
      details: { file: id, name: row.name, sha256: row.sha256 },
    });
  });
}
