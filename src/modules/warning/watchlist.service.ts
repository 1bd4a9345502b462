import type { Transaction } from 'kysely';
import { appendAudit } from '../../core/audit/audit.js';
import type { Actor } from '../../core/auth/roles.js';
import type { Database, Db } from '../../core/db/database.js';
import { inTransaction } from '../../core/db/transaction.js';
import { AppError, conflict, invalid, notFound } from '../../core/errors.js';
import { decodeCursor, pageOf } from '../../core/http/pagination.js';
import { newId, nowIso } from '../../core/ids.js';
import type { SharedWatchlistEntry, WatchlistShareBody } from '../exchange/bodies/index.js';
import { birthDateProblem, hasNameText } from './identity-checks.js';
import {
  type ByteSource,
  listCell,
  noFieldRefused,
  type RefusedField,
  type RowFormat,
  RowReport,
  type RowResult,
  readRows,
  rowPointer,
  rowValidator,
} from './row-input.js';
import { agencyToday } from './screening.service.js';
import type { WarningRuntime } from './warning.runtime.js';
import {
  type ImportReport,
  NewWatchlistEntry,
  type RowError,
  type WatchlistEntry,
  type WatchlistEntryChanges,
  type WatchlistQuery,
} from './warning.schema.js';
import * as store from './warning.store.js';
import type { WatchlistEntryRow } from './warning.tables.js';

const parseList = (text: string) => JSON.parse(text) as string[];

/** The API view of a stored entry. */
export function toEntryView(row: WatchlistEntryRow): WatchlistEntry {
  return {
    id: row.id,
    sourceAgency: row.source_agency,
    sourceEntryId: row.source_entry_id,
    category: row.category as WatchlistEntry['category'],
    surname: row.surname,
    givenNames: row.given_names,
    nativeName: row.native_name,
    aliases: parseList(row.aliases),
    sex: row.sex,
    birthDate: row.birth_date,
    nationality: row.nationality,
    documentType: row.document_type,
    documentNumber: row.document_number,
    issuingState: row.issuing_state,
    personalNumber: row.personal_number,
    reason: row.reason,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    sharingScope: row.sharing_scope as WatchlistEntry['sharingScope'],
    shareWith: parseList(row.share_with),
    retroScreenedAt: row.retro_screened_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** An entry whose validity start is known: given, or today in the agency's calendar (see `datedToday`). */
type Dated<T extends { validFrom?: string }> = T & { validFrom: string };

/** The entry as given, starting today (the agency's today) when it names no start of validity. */
const datedToday = <T extends { validFrom?: string }>(entry: T, today: string): Dated<T> => ({
  ...entry,
  validFrom: entry.validFrom ?? today,
});

/** A rule an entry breaks, naming the field to correct. */
interface EntryProblem {
  readonly code: string;
  readonly message: string;
  readonly field: string;
}

const NAME_FIELDS = ['surname', 'givenNames', 'nativeName', 'documentNumber'] as const;

/**
 * Why an entry cannot be screened or kept, each naming its field; none when it is sound. A rule leaves alone the
 * fields the schema `refused` (an imported row is checked whole): the row reports those already. `startGiven`
 * is false when the entry's start of validity is today because it names none, so no message names a validFrom
 * its sender never gave.
 */
function entryProblems(
  entry: Dated<Partial<NewWatchlistEntry>>,
  refused: RefusedField = noFieldRefused,
  startGiven = true,
): EntryProblem[] {
  const problems: EntryProblem[] = [];
  const named = NAME_FIELDS.some((field) => hasNameText(entry[field]));
  // a name the schema refused is there to be corrected, not missing
  if (!named && !NAME_FIELDS.some((field) => refused(`/${field}`))) {
    problems.push({
      code: 'warning.entry_unidentifiable',
      message: 'An entry needs a name or a document number to be screened against',
      field: 'surname',
    });
  }
  const birth = birthDateProblem(entry.birthDate, nowIso());
  if (birth) problems.push({ code: 'warning.birth_date_invalid', message: birth, field: 'birthDate' });
  // a start the schema refused is no start to compare with (the entry would be dated today instead)
  if (entry.validUntil !== undefined && !refused('/validFrom') && entry.validUntil < entry.validFrom) {
    problems.push({
      code: 'warning.entry_validity',
      message: startGiven
        ? `validUntil ${entry.validUntil} is before validFrom ${entry.validFrom}`
        : `validUntil ${entry.validUntil} is before today (${entry.validFrom}), when the entry would come into force`,
      field: 'validUntil',
    });
  }
  if (entry.sharingScope === 'counterparts' && !entry.shareWith?.length && !refused('/shareWith')) {
    problems.push({
      code: 'warning.share_with_missing',
      message: 'An entry shared with counterparts must name them in shareWith',
      field: 'shareWith',
    });
  }
  // Recipients alone do not share an entry (the docs pair them with the scope); dropping them would silently keep
  // internal an entry the officer meant to share.
  if (entry.sharingScope !== 'counterparts' && entry.shareWith?.length && !refused('/sharingScope')) {
    problems.push({
      code: 'warning.share_with_needs_scope',
      message: "shareWith is only taken with sharingScope 'counterparts'",
      field: 'shareWith',
    });
  }
  return problems;
}

/** Refuses an entry a rule refuses, naming the first rule it breaks (`startGiven` as for `entryProblems`). */
function checkEntry(entry: Dated<NewWatchlistEntry>, startGiven = true): void {
  const [problem] = entryProblems(entry, noFieldRefused, startGiven);
  if (problem) throw invalid(problem.code, problem.message, { field: problem.field });
}

/** Whether this node may send to an agency now (an active peer). */
type PeerCheck = (agency: string) => Promise<boolean>;

/** The agencies an entry is to be shared with that are not active peers, with their places in shareWith. */
async function unreachableRecipients(
  shareWith: readonly string[],
  isPeer: PeerCheck,
): Promise<Array<{ index: number; agency: string }>> {
  const unreachable: Array<{ index: number; agency: string }> = [];
  for (const [index, agency] of shareWith.entries()) {
    if (!(await isPeer(agency))) unreachable.push({ index, agency });
  }
  return unreachable;
}

const notPeerMessage = (agency: string) => `${agency} is not an active peer of this node`;

/**
 * Refuses sharing with an agency that is not a peer before anything is written, naming the entry's own field
 * (`shareWith/i`) rather than the notification's recipients the exchange would name.
 */
async function checkRecipients(
  rt: WarningRuntime,
  trx: Transaction<Database>,
  row: WatchlistEntryRow,
): Promise<void> {
  const [refused] = await unreachableRecipients(parseList(row.share_with), (agency) =>
    rt.peers.isActive(trx, agency),
  );
  if (refused) {
    throw conflict('exchange.recipient_not_peer', notPeerMessage(refused.agency), {
      field: `shareWith/${refused.index}`,
      agency: refused.agency,
    });
  }
}

const nullable = <T>(value: T | undefined): T | null => value ?? null;

function entryRow(
  entry: Dated<NewWatchlistEntry>,
  source: { agency: string; entryId?: string; notificationId?: string },
  createdBy: string,
): WatchlistEntryRow {
  const now = nowIso();
  const id = newId();
  return {
    id,
    source_agency: source.agency,
    source_entry_id: source.entryId ?? id,
    shared_notification_id: source.notificationId ?? null,
    category: entry.category,
    surname: nullable(entry.surname),
    given_names: nullable(entry.givenNames),
    native_name: nullable(entry.nativeName),
    aliases: JSON.stringify(entry.aliases ?? []),
    sex: nullable(entry.sex),
    birth_date: nullable(entry.birthDate),
    nationality: nullable(entry.nationality),
    document_type: nullable(entry.documentType),
    document_number: nullable(entry.documentNumber),
    issuing_state: nullable(entry.issuingState),
    personal_number: nullable(entry.personalNumber),
    reason: entry.reason,
    valid_from: entry.validFrom,
    valid_until: entry.validUntil,
    sharing_scope: entry.sharingScope ?? 'internal',
    share_with: JSON.stringify(entry.sharingScope === 'counterparts' ? (entry.shareWith ?? []) : []),
    retro_screened_at: null,
    created_by: createdBy,
    created_at: now,
    updated_at: now,
  };
}

/** The entry as a counterpart receives it in `watchlist.share`. */
function sharedEntryOf(row: WatchlistEntryRow): SharedWatchlistEntry {
  const optional = {
    nativeName: row.native_name,
    sex: row.sex,
    birthDate: row.birth_date,
    nationality: row.nationality,
    documentType: row.document_type,
    documentNumber: row.document_number,
    issuingState: row.issuing_state,
    personalNumber: row.personal_number,
  };
  const aliases = parseList(row.aliases);
  return {
    entryId: row.id,
    category: row.category as SharedWatchlistEntry['category'],
    surname: row.surname ?? '-',
    givenNames: row.given_names ?? '-',
    ...(Object.fromEntries(
      Object.entries(optional).filter(([, v]) => v !== null),
    ) as Partial<SharedWatchlistEntry>),
    ...(aliases.length > 0 && { aliases }),
    reason: row.reason,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
  };
}

/** The agencies our entry is shared with (none for an internal entry or one a counterpart shared). */
function recipientsOf(rt: WarningRuntime, row: WatchlistEntryRow): string[] {
  if (row.sharing_scope !== 'counterparts' || row.source_agency !== rt.ownAgency) return [];
  return parseList(row.share_with);
}

/** Sends our entries to every agency in their sharing scope, one `watchlist.share` per agency. */
async function shareEntries(
  rt: WarningRuntime,
  trx: Transaction<Database>,
  actor: Actor,
  rows: readonly WatchlistEntryRow[],
): Promise<void> {
  const byAgency = new Map<string, SharedWatchlistEntry[]>();
  for (const row of rows) {
    for (const agency of recipientsOf(rt, row)) {
      byAgency.set(agency, [...(byAgency.get(agency) ?? []), sharedEntryOf(row)]);
    }
  }
  for (const [agency, entries] of byAgency) {
    for (let start = 0; start < entries.length; start += 5000) {
      const body: WatchlistShareBody = { schemaVersion: 1, entries: entries.slice(start, start + 5000) };
      await rt.notifier.send(trx, actor, { type: 'watchlist.share', to: [agency], priority: 'urgent', body });
    }
  }
}

/**
 * Tells agencies that held our entry to delete it (`watchlist.share` with `withdrawn`): an entry deleted here,
 * or no longer shared with them, must stop raising hits there, and its personal data must not outlive it.
 */
async function withdrawEntry(
  rt: WarningRuntime,
  trx: Transaction<Database>,
  actor: Actor,
  id: string,
  agencies: readonly string[],
): Promise<void> {
  for (const agency of agencies) {
    // a peer removed since can no longer be sent to: its copy lapses at the entry's end of validity
    if (!(await rt.peers.isActive(trx, agency))) continue;
    const body: WatchlistShareBody = { schemaVersion: 1, entries: [], withdrawn: [id] };
    // the receiver deletes on receipt whatever the priority; routine asks no prompt acknowledgement of good news
    await rt.notifier.send(trx, actor, { type: 'watchlist.share', to: [agency], priority: 'routine', body });
  }
}

/** Adds an entry, shares it when its scope says so, and puts it in this process's index. */
export async function createEntry(
  rt: WarningRuntime,
  actor: Actor,
  given: NewWatchlistEntry,
): Promise<WatchlistEntry> {
  const input = datedToday(given, await agencyToday(rt));
  checkEntry(input, given.validFrom !== undefined);
  const row = entryRow(input, { agency: rt.ownAgency }, actor.name);
  await inTransaction(rt.db, async (trx) => {
    await checkRecipients(rt, trx, row);
    await store.insertEntries(trx, [row]);
    await shareEntries(rt, trx, actor, [row]);
    await appendAudit(trx, actor, {
      action: 'watchlist.create',
      targetType: 'watchlist_entry',
      targetId: row.id,
    });
  });
  rt.index.put([row]);
  return toEntryView(row);
}

/** One entry; the read is audited because the entry is personal data. */
export async function getEntry(rt: WarningRuntime, actor: Actor, id: string): Promise<WatchlistEntry> {
  const row = await store.findEntry(rt.db, id);
  if (!row) throw notFound('warning.entry_not_found', 'Watchlist entry', id);
  await appendAudit(rt.db, actor, { action: 'watchlist.read', targetType: 'watchlist_entry', targetId: id });
  return toEntryView(row);
}

/** A page of entries; the read is audited with the ids returned. */
export async function listEntries(rt: WarningRuntime, actor: Actor, query: WatchlistQuery) {
  const limit = query.limit ?? 50;
  const after = decodeCursor(query.cursor, 1)?.[0] as string | undefined;
  const rows = await store.listEntries(rt.db, {
    afterId: after,
    limit: limit + 1,
    sourceAgency: query.sourceAgency,
    category: query.category,
  });
  const page = pageOf(rows, limit, (row) => [row.id]);
  await appendAudit(rt.db, actor, {
    action: 'watchlist.list',
    targetType: 'watchlist_entry',
    details: { count: page.rows.length, ids: page.rows.map((row) => row.id) },
  });
  return { items: page.rows.map(toEntryView), nextCursor: page.nextCursor };
}

/** The entry if it is ours; entries a counterpart shared are theirs to change or withdraw. */
async function ownEntry(rt: WarningRuntime, db: Db, id: string): Promise<WatchlistEntryRow> {
  const existing = await store.findEntry(db, id);
  if (!existing) throw notFound('warning.entry_not_found', 'Watchlist entry', id);
  if (existing.source_agency !== rt.ownAgency) {
    throw new AppError(
      'conflict',
      'warning.entry_not_own',
      `The entry belongs to ${existing.source_agency}; only they can change it`,
      { agency: existing.source_agency },
    );
  }
  return existing;
}

/** Changes one of our own entries; entries a counterpart shared are theirs to change. */
export async function updateEntry(
  rt: WarningRuntime,
  actor: Actor,
  id: string,
  changes: WatchlistEntryChanges,
): Promise<WatchlistEntry> {
  const row = await inTransaction(rt.db, async (trx) => {
    const existing = await ownEntry(rt, trx, id);
    const cleared = Object.keys(changes).filter((field) => changes[field as keyof typeof changes] === null);
    // Making an entry internal withdraws its recipients unless the change names some (which is refused).
    const recipients = changes.sharingScope === 'internal' &&
      changes.shareWith === undefined && { shareWith: [] };
    // an entry's start of validity cannot be cleared: it is always stored
    const merged = {
      ...withoutCleared({ ...toEntryInput(existing), ...changes, ...recipients }),
      validFrom: changes.validFrom ?? existing.valid_from,
    };
    checkEntry(merged);
    const fresh = entryRow(merged, { agency: rt.ownAgency }, existing.created_by);
    const updated: WatchlistEntryRow = {
      ...fresh,
      id,
      source_entry_id: existing.source_entry_id,
      created_at: existing.created_at,
      retro_screened_at: existing.retro_screened_at,
    };
    await checkRecipients(rt, trx, updated);
    await store.updateEntry(trx, id, updated);
    await shareEntries(rt, trx, actor, [updated]);
    const stillShared = new Set(recipientsOf(rt, updated));
    await withdrawEntry(
      rt,
      trx,
      actor,
      id,
      recipientsOf(rt, existing).filter((agency) => !stillShared.has(agency)),
    );
    await appendAudit(trx, actor, {
      action: 'watchlist.update',
      targetType: 'watchlist_entry',
      targetId: id,
      details: { changed: Object.keys(changes), ...(cleared.length > 0 && { cleared }) },
    });
    return updated;
  });
  rt.index.put([row]);
  return toEntryView(row);
}

/** The entry after a change, without the fields the change emptied (null in the change). */
function withoutCleared(
  merged: { [K in keyof NewWatchlistEntry]: NewWatchlistEntry[K] | null },
): NewWatchlistEntry {
  return Object.fromEntries(
    Object.entries(merged).filter(([, value]) => value !== null),
  ) as NewWatchlistEntry;
}

function toEntryInput(row: WatchlistEntryRow): NewWatchlistEntry {
  const view = toEntryView(row);
  const optional = Object.fromEntries(
    Object.entries({
      surname: view.surname,
      givenNames: view.givenNames,
      nativeName: view.nativeName,
      sex: view.sex,
      birthDate: view.birthDate,
      nationality: view.nationality,
      documentType: view.documentType,
      documentNumber: view.documentNumber,
      issuingState: view.issuingState,
      personalNumber: view.personalNumber,
    }).filter(([, value]) => value !== null),
  ) as Partial<NewWatchlistEntry>;
  return {
    ...optional,
    category: view.category,
    aliases: view.aliases,
    reason: view.reason,
    validFrom: view.validFrom,
    validUntil: view.validUntil,
    sharingScope: view.sharingScope,
    shareWith: view.shareWith,
  };
}

/**
 * Removes one of our own entries with its personal data, and withdraws it from the agencies it was shared with;
 * a counterpart withdraws its own entries.
 */
export async function deleteEntry(rt: WarningRuntime, actor: Actor, id: string): Promise<void> {
  await inTransaction(rt.db, async (trx) => {
    const existing = await ownEntry(rt, trx, id);
    await store.deleteEntries(trx, [id], nowIso());
    await withdrawEntry(rt, trx, actor, id, recipientsOf(rt, existing));
    await appendAudit(trx, actor, {
      action: 'watchlist.delete',
      targetType: 'watchlist_entry',
      targetId: id,
    });
  });
  rt.index.remove([id]);
}

const validateEntry = rowValidator<NewWatchlistEntry>(NewWatchlistEntry);

/** CSV cells are text; lists and the entry's shape come from the same rules as the JSON API. */
function entryFromRecord(record: Record<string, unknown>, format: RowFormat): Record<string, unknown> {
  if (format === 'ndjson') return record;
  const { id: _id, aliases, shareWith, ...rest } = record;
  return {
    ...rest,
    ...(aliases !== undefined && { aliases: listCell(aliases) }),
    ...(shareWith !== undefined && { shareWith: listCell(shareWith) }),
  };
}

/**
 * An imported row as an entry, or everything wrong with it: the schema's errors and the entry rules' refusals of
 * the fields the schema passed, so the officer corrects each row once.
 */
async function checkImportRow(
  record: Record<string, unknown>,
  format: RowFormat,
  line: number,
  isPeer: PeerCheck,
  today: string,
): Promise<RowResult<Dated<NewWatchlistEntry>>> {
  const checked = validateEntry(entryFromRecord(record, format), line, format);
  const given = checked.ok ? checked.value : checked.rest;
  const entry = datedToday(given, today);
  const problems = entryProblems(
    entry,
    checked.ok ? noFieldRefused : checked.refused,
    given.validFrom !== undefined,
  );
  // recipients are only weighed for an entry shared with counterparts: otherwise the row's error is that it
  // names any (share_with_needs_scope), not one per agency named
  const recipients = entry.sharingScope === 'counterparts' ? (entry.shareWith ?? []) : [];
  const unreachable = await unreachableRecipients(recipients, isPeer);
  const errors: RowError[] = [
    ...(checked.ok ? [] : checked.errors),
    ...problems.map((problem) => ({
      line,
      code: problem.code,
      message: problem.message,
      path: rowPointer(`/${problem.field}`, format),
    })),
    ...unreachable.map(({ index, agency }) => ({
      line,
      code: 'exchange.recipient_not_peer',
      message: notPeerMessage(agency),
      path: rowPointer(`/shareWith/${index}`, format),
      params: { agency },
    })),
  ];
  if (checked.ok && errors.length === 0) return { ok: true, value: datedToday(checked.value, today) };
  return { ok: false, errors };
}

/** Asks whether an agency is an active peer once per import, however many rows name it. */
function cachedPeerCheck(rt: WarningRuntime): PeerCheck {
  const known = new Map<string, Promise<boolean>>();
  return (agency) => {
    let answer = known.get(agency);
    if (!answer) {
      answer = inTransaction(rt.db, (trx) => rt.peers.isActive(trx, agency));
      known.set(agency, answer);
    }
    return answer;
  };
}

/**
 * Imports entries from CSV or NDJSON. All or nothing unless `partial`: with bad rows and no `partial`, nothing
 * is written and the report lists them.
 */
export async function importEntries(
  rt: WarningRuntime,
  actor: Actor,
  source: ByteSource,
  format: RowFormat,
  partial: boolean,
): Promise<ImportReport> {
  const rows: WatchlistEntryRow[] = [];
  const badRows = new RowReport();
  const isPeer = cachedPeerCheck(rt);
  const today = await agencyToday(rt);
  for await (const item of readRows(source, format)) {
    if ('error' in item) {
      badRows.reject([item.error]);
      continue;
    }
    const checked = await checkImportRow(item.record, format, item.line, isPeer, today);
    if (checked.ok) rows.push(entryRow(checked.value, { agency: rt.ownAgency }, actor.name));
    else badRows.reject(checked.errors);
  }
  const report = {
    rejected: badRows.rejected,
    errors: badRows.errors,
    errorsTruncated: badRows.errorsTruncated,
  };
  if (report.rejected > 0 && !partial) {
    const rowsAre = report.rejected === 1 ? '1 row is' : `${report.rejected} rows are`;
    throw invalid('warning.import_rejected', `${rowsAre} invalid; nothing was imported`, {
      rejected: report.rejected,
      report: { imported: 0, ...report },
    });
  }
  await inTransaction(rt.db, async (trx) => {
    await store.insertEntries(trx, rows);
    await shareEntries(rt, trx, actor, rows);
    await appendAudit(trx, actor, {
      action: 'watchlist.import',
      targetType: 'watchlist_entry',
      details: { imported: rows.length, rejected: report.rejected },
    });
  });
  rt.index.put(rows);
  return { imported: rows.length, ...report };
}

/**
 * Stores the entries a counterpart shared (`watchlist.share`), replacing earlier versions of the same entries,
 * and deletes those it withdraws. The exchange's incoming handler calls it in its transaction; every process's
 * index picks the changes up at its next sync.
 */
export async function recordIncomingWatchlistShare(
  trx: Db,
  fromAgency: string,
  body: WatchlistShareBody,
  notificationId?: string,
): Promise<{ stored: number; removed: number }> {
  const actor: Actor = { userId: null, name: `agency:${fromAgency}`, ip: null, requestId: null };
  const known = new Map((await store.entryIdsOfSource(trx, fromAgency)).map((e) => [e.sourceEntryId, e]));
  const { current, withdrawn } = await inSenderOrder(trx, fromAgency, body, known, notificationId);
  const now = nowIso();
  const incoming = current.map((shared) => {
    const { entryId, ...fields } = shared;
    const row = entryRow(
      { ...fields, sharingScope: 'internal' },
      { agency: fromAgency, entryId, ...(notificationId && { notificationId }) },
      actor.name,
    );
    const existingId = known.get(entryId)?.id;
    return existingId ? { ...row, id: existingId, updated_at: now } : row;
  });
  for (const row of incoming) {
    if (!known.has(row.source_entry_id)) continue;
    const { id, created_at: _created, ...changes } = row;
    await store.updateEntry(trx, id, changes);
  }
  await store.insertEntries(
    trx,
    incoming.filter((row) => !known.has(row.source_entry_id)),
  );
  await store.deleteEntries(
    trx,
    withdrawn.flatMap((sourceId) => known.get(sourceId)?.id ?? []),
    now,
  );
  if (notificationId) {
    await store.recordWithdrawals(
      trx,
      withdrawn.map((sourceId) => ({
        source_agency: fromAgency,
        source_entry_id: sourceId,
        notification_id: notificationId,
        withdrawn_at: now,
      })),
    );
  }
  const removed = withdrawn.filter((sourceId) => known.has(sourceId)).length;
  await appendAudit(trx, actor, {
    action: 'watchlist.receive',
    targetType: 'watchlist_entry',
    details: { from: fromAgency, stored: incoming.length, removed },
  });
  return { stored: incoming.length, removed };
}

/**
 * The entries of a share that change ours, and the sender's ids of those it withdraws. Messages between two
 * nodes can arrive out of order (retries, parallel delivery lanes): an entry changes only for a notification the
 * sender wrote after the one that last shared or withdrew it. Notification ids are UUIDv7, ordered by the
 * sender's clock; without one the share applies as it is.
 */
async function inSenderOrder(
  trx: Db,
  fromAgency: string,
  body: WatchlistShareBody,
  known: ReadonlyMap<string, { sharedIn: string | null }>,
  notificationId: string | undefined,
) {
  const later = (than: string | null | undefined) =>
    notificationId === undefined || than === null || than === undefined || than < notificationId;
  const named = withdrawnBy(body, known);
  const withdrawnEarlier = await store.withdrawalsOf(trx, fromAgency, [
    ...body.entries.filter((shared) => !known.has(shared.entryId)).map((shared) => shared.entryId),
    ...named,
  ]);
  return {
    current: body.entries.filter((shared) =>
      later(known.get(shared.entryId)?.sharedIn ?? withdrawnEarlier.get(shared.entryId)),
    ),
    withdrawn: named.filter(
      (sourceId) => later(known.get(sourceId)?.sharedIn) && later(withdrawnEarlier.get(sourceId)),
    ),
  };
}

/**
 * The sender's ids of the entries a share withdraws: those it names, and with `replaceAll` those we hold that
 * its list leaves out.
 */
function withdrawnBy(body: WatchlistShareBody, known: ReadonlyMap<string, unknown>): string[] {
  const sent = new Set(body.entries.map((entry) => entry.entryId));
  const left = body.replaceAll === true ? [...known.keys()].filter((sourceId) => !sent.has(sourceId)) : [];
  return [...new Set([...(body.withdrawn ?? []), ...left])];
}
