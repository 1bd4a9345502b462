import { appendAudit } from '../../core/audit/audit.js';
import type { Actor } from '../../core/auth/roles.js';
import type { Db } from '../../core/db/database.js';
import { inTransaction } from '../../core/db/transaction.js';
import { invalid, notFound } from '../../core/errors.js';
import { decodeCursor, pageOf } from '../../core/http/pagination.js';
import { newId, nowIso } from '../../core/ids.js';
import type {
  LiaisonContact,
  LiaisonContactChanges,
  LiaisonFile,
  LiaisonListQuery,
  NewLiaisonContact,
} from './liaison.schema.js';
import * as store from './liaison.store.js';
import type { LiaisonAttachmentRow, LiaisonContactRow } from './liaison.tables.js';

/** A file's description, never its bytes. */
export function toFile(row: Omit<LiaisonAttachmentRow, 'data'>): LiaisonFile {
  return {
    id: row.id,
    name: row.name,
    mediaType: row.media_type,
    size: row.size,
    sha256: row.sha256,
    uploadedBy: row.uploaded_by,
    createdAt: row.created_at,
  };
}

/** Contacts with their files, read in one query for the whole page. */
async function withFiles(db: Db, rows: LiaisonContactRow[]): Promise<LiaisonContact[]> {
  const files = await store.attachmentsOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => toContact(row, files.filter((file) => file.contact_id === row.id).map(toFile)));
}

function toContact(row: LiaisonContactRow, files: LiaisonFile[] = []): LiaisonContact {
  return {
    id: row.id,
    occurredOn: row.occurred_on,
    channel: row.channel as LiaisonContact['channel'],
    direction: row.direction as LiaisonContact['direction'],
    parties: JSON.parse(row.parties) as LiaisonContact['parties'],
    subject: row.subject,
    summary: row.summary,
    assessment: row.assessment,
    commitments: JSON.parse(row.commitments) as LiaisonContact['commitments'],
    followUpStatus: row.follow_up_status as LiaisonContact['followUpStatus'],
    attachments: JSON.parse(row.attachments) as string[],
    files,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const partyKinds = (parties: LiaisonContact['parties']) =>
  `,${[...new Set(parties.map((p) => p.kind))].join(',')},`;

/** Open commitments mean something is still to be followed up, unless the officer said otherwise. */
const followUpOf = (input: Pick<NewLiaisonContact, 'followUpStatus' | 'commitments'>) =>
  input.followUpStatus ?? ((input.commitments ?? []).some((c) => c.status === 'open') ? 'open' : 'none');

/** The contact, or `liaison.contact_not_found`. */
export async function requireContact(db: Db, id: string): Promise<LiaisonContactRow> {
  const row = await store.findContact(db, id);
  if (!row) throw notFound('liaison.contact_not_found', 'Liaison contact', id);
  return row;
}

/** Logs a letter, call or meeting with counterpart leaders or an international body. */
export async function createContact(db: Db, actor: Actor, input: NewLiaisonContact): Promise<LiaisonContact> {
  const now = nowIso();
  const row: LiaisonContactRow = {
    id: newId(),
    occurred_on: input.occurredOn,
    channel: input.channel,
    direction: input.direction,
    parties: JSON.stringify(input.parties),
    party_kinds: partyKinds(input.parties),
    subject: input.subject,
    summary: input.summary ?? null,
    assessment: input.assessment ?? null,
    commitments: JSON.stringify(input.commitments ?? []),
    follow_up_status: followUpOf(input),
    attachments: JSON.stringify(input.attachments ?? []),
    created_by: actor.name,
    created_at: now,
    updated_at: now,
  };
  await inTransaction(db, async (trx) => {
    await store.insertContact(trx, row);
    await appendAudit(trx, actor, {
      action: 'liaison.create',
      targetType: 'liaison_contact',
      targetId: row.id,
    });
  });
  return toContact(row);
}

/** One contact with its files. */
export async function getContact(db: Db, id: string): Promise<LiaisonContact> {
  const row = await requireContact(db, id);
  return toContact(row, (await store.attachmentsOf(db, [id])).map(toFile));
}

export async function updateContact(
  db: Db,
  actor: Actor,
  id: string,
  changes: LiaisonContactChanges,
): Promise<LiaisonContact> {
  return inTransaction(db, async (trx) => {
    const current = toContact(await requireContact(trx, id));
    const next = { ...current, ...changes };
    await store.updateContact(trx, id, {
      occurred_on: next.occurredOn,
      channel: next.channel,
      direction: next.direction,
      parties: JSON.stringify(next.parties),
      party_kinds: partyKinds(next.parties),
      subject: next.subject,
      summary: next.summary,
      assessment: next.assessment,
      commitments: JSON.stringify(next.commitments),
      follow_up_status:
        changes.followUpStatus ??
        (changes.commitments ? followUpOf({ commitments: next.commitments }) : current.followUpStatus),
      attachments: JSON.stringify(next.attachments),
      updated_at: nowIso(),
    });
    await appendAudit(trx, actor, {
      action: 'liaison.update',
      targetType: 'liaison_contact',
      targetId: id,
      details: { changed: Object.keys(changes) },
    });
    return getContact(trx, id);
  });
}

export async function deleteContact(db: Db, actor: Actor, id: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    await requireContact(trx, id);
    await store.deleteAttachmentsOf(trx, id);
    await store.deleteContact(trx, id);
    await appendAudit(trx, actor, { action: 'liaison.delete', targetType: 'liaison_contact', targetId: id });
  });
}

/** Newest first, filtered by day range (inclusive), channel, party kind or agency, and follow-up status. */
export async function listContacts(db: Db, query: LiaisonListQuery) {
  if (query.from && query.to && query.to < query.from) {
    throw invalid(
      'liaison.period_ends_before_start',
      `The period ends (${query.to}) before it starts (${query.from})`,
      {
        field: 'to',
      },
    );
  }
  const limit = query.limit ?? 50;
  const before = decodeCursor(query.cursor, 2) as [string, string] | undefined;
  const rows = await store.listContacts(db, { ...query, before, limit: limit + 1 });
  const page = pageOf(rows, limit, (row) => [row.occurred_on, row.id]);
  return { items: await withFiles(db, page.rows), nextCursor: page.nextCursor };
}

/** Contacts in a period [from, to), by channel and by the kinds of party involved (for reports). */
export async function countLiaisonContacts(db: Db, period: { from: string; to: string }) {
  const rows = await store.contactsBetween(db, period.from.slice(0, 10), period.to.slice(0, 10));
  const byChannel: Record<string, number> = {};
  const byPartyKind: Record<string, number> = {};
  for (const row of rows) {
    byChannel[row.channel] = (byChannel[row.channel] ?? 0) + 1;
    for (const kind of row.party_kinds.split(',').filter(Boolean))
      byPartyKind[kind] = (byPartyKind[kind] ?? 0) + 1;
  }
  return { total: rows.length, byChannel, byPartyKind };
}
