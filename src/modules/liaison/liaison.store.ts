import type { Db } from '../../core/db/database.js';
import type { LiaisonAttachmentRow, LiaisonContactRow } from './liaison.tables.js';

export const insertContact = (db: Db, row: LiaisonContactRow) =>
  db.insertInto('liaison_contacts').values(row).execute();

export const findContact = (db: Db, id: string) =>
  db.selectFrom('liaison_contacts').selectAll().where('id', '=', id).executeTakeFirst();

export const updateContact = (db: Db, id: string, changes: Partial<LiaisonContactRow>) =>
  db.updateTable('liaison_contacts').set(changes).where('id', '=', id).execute();

export const deleteContact = (db: Db, id: string) =>
  db.deleteFrom('liaison_contacts').where('id', '=', id).execute();

export interface ContactFilter {
  from?: string;
  to?: string;
  channel?: string;
  partyKind?: string;
  agencyCode?: string;
  followUpStatus?: string;
  before?: [string, string];
  limit: number;
}

/** Newest first; `to` is inclusive, as a user reads "from 1 to 31 March". */
export const listContacts = (db: Db, filter: ContactFilter) => {
  let q = db
    .selectFrom('liaison_contacts')
    .selectAll()
    .orderBy('occurred_on', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit);
  if (filter.from) q = q.where('occurred_on', '>=', filter.from);
  if (filter.to) q = q.where('occurred_on', '<=', filter.to);
  if (filter.channel) q = q.where('channel', '=', filter.channel);
  if (filter.partyKind) q = q.where('party_kinds', 'like', `%,${filter.partyKind},%`);
  if (filter.agencyCode) q = q.where('parties', 'like', `%"agencyCode":"${filter.agencyCode}"%`);
  if (filter.followUpStatus) q = q.where('follow_up_status', '=', filter.followUpStatus);
  const before = filter.before;
  if (before) {
    q = q.where((eb) =>
      eb.or([
        eb('occurred_on', '<', before[0]),
        eb.and([eb('occurred_on', '=', before[0]), eb('id', '<', before[1])]),
      ]),
    );
  }
  return q.execute();
};

/** Contacts on days in [from, to): the figures a period report needs. */
export const contactsBetween = (db: Db, fromDay: string, toDay: string) =>
  db
    .selectFrom('liaison_contacts')
    .select(['channel', 'party_kinds'])
    .where('occurred_on', '>=', fromDay)
    .where('occurred_on', '<', toDay)
    .execute();

const attachmentColumns = [
  'id',
  'contact_id',
  'name',
  'media_type',
  'size',
  'sha256',
  'uploaded_by',
  'created_at',
] as const;

export const insertAttachment = (db: Db, row: LiaisonAttachmentRow) =>
  db.insertInto('liaison_attachments').values(row).execute();

/** The files of some contacts, oldest first, without their bytes. */
export const attachmentsOf = (db: Db, contactIds: readonly string[]) =>
  contactIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('liaison_attachments')
        .select(attachmentColumns)
        .where('contact_id', 'in', contactIds)
        .orderBy('created_at')
        .orderBy('id')
        .execute();

export const findAttachment = (db: Db, contactId: string, id: string) =>
  db
    .selectFrom('liaison_attachments')
    .selectAll()
    .where('contact_id', '=', contactId)
    .where('id', '=', id)
    .executeTakeFirst();

export const deleteAttachment = (db: Db, id: string) =>
  db.deleteFrom('liaison_attachments').where('id', '=', id).execute();

export const deleteAttachmentsOf = (db: Db, contactId: string) =>
  db.deleteFrom('liaison_attachments').where('contact_id', '=', contactId).execute();
