import type { Db } from '../../core/db/database.js';
import { PrecompiledQueries } from '../../core/db/precompiled.js';
import type {
  CrossingRow,
  FlaggedConveyanceRow,
  HitActionRow,
  HitNoticeRow,
  HitRow,
  ShareWithdrawalRow,
  WatchlistEntryRow,
} from './warning.tables.js';

// SQLite allows 32,766 bound parameters per statement; 25 columns × 500 rows stays well below it.
const INSERT_CHUNK = 500;

async function insertChunked<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    await insert(rows.slice(start, start + INSERT_CHUNK));
  }
}

// The desk's route writes a crossing (and often a hit) and reads the matched entry on every request; building
// those queries with Kysely cost more CPU than running them, so they are compiled once per row count.
const hot = new PrecompiledQueries();
// Larger writes (bulk uploads) are rare and big: their build cost is spread over many rows.
const HOT_ROWS = 32;

/** Every column of a row type, checked complete by the compiler, in one fixed order. */
const columnsOf = <Row>(columns: Record<keyof Row, true>) => Object.keys(columns) as (keyof Row & string)[];

const CROSSING_COLUMNS = columnsOf<CrossingRow>({
  id: true,
  kind: true,
  direction: true,
  port_code: true,
  crossed_at: true,
  conveyance: true,
  from_county: true,
  residence_county: true,
  surname: true,
  given_names: true,
  native_name: true,
  sex: true,
  birth_date: true,
  nationality: true,
  document_type: true,
  document_number: true,
  issuing_state: true,
  verdict: true,
  score: true,
  source: true,
  import_id: true,
  reference: true,
  created_by: true,
  created_at: true,
  purged_at: true,
});

const HIT_COLUMNS = columnsOf<HitRow>({
  id: true,
  crossing_id: true,
  crossing_kind: true,
  port_code: true,
  direction: true,
  crossed_at: true,
  origin: true,
  kind: true,
  subject: true,
  rule: true,
  entry_id: true,
  source_agency: true,
  source_entry_id: true,
  verdict: true,
  score: true,
  explanation: true,
  status: true,
  decision_reason: true,
  decided_by: true,
  decided_at: true,
  action: true,
  action_by: true,
  action_at: true,
  notice_notification_id: true,
  reply_by: true,
  created_at: true,
  updated_at: true,
  purged_at: true,
});

/** The rows' values in column order, and the rows rebuilt from any such list (placeholders included). */
function rowValues<Row>(columns: readonly (keyof Row & string)[], rows: readonly Row[]) {
  return {
    values: rows.flatMap((row) => columns.map((column) => row[column])),
    rowsOf: (values: readonly unknown[]) =>
      rows.map(
        (_, r) =>
          Object.fromEntries(columns.map((column, c) => [column, values[r * columns.length + c]])) as Row,
      ),
  };
}

// ---- watchlist ----

export const findEntry = (db: Db, id: string) =>
  db.selectFrom('warning_watchlist_entries').selectAll().where('id', '=', id).executeTakeFirst();

export const findEntriesByIds = async (db: Db, ids: readonly string[]): Promise<WatchlistEntryRow[]> => {
  if (ids.length === 0) return [];
  if (ids.length > HOT_ROWS) {
    return db.selectFrom('warning_watchlist_entries').selectAll().where('id', 'in', ids).execute();
  }
  const found = await hot.run<WatchlistEntryRow>(db, `entries-by-id:${ids.length}`, ids, (values) =>
    db
      .selectFrom('warning_watchlist_entries')
      .selectAll()
      .where('id', 'in', values as string[]),
  );
  return found.rows;
};

export const findEntryBySource = (db: Db, sourceAgency: string, sourceEntryId: string) =>
  db
    .selectFrom('warning_watchlist_entries')
    .selectAll()
    .where('source_agency', '=', sourceAgency)
    .where('source_entry_id', '=', sourceEntryId)
    .executeTakeFirst();

export const listEntries = (
  db: Db,
  opts: { afterId?: string; limit: number; sourceAgency?: string; category?: string },
) => {
  let q = db.selectFrom('warning_watchlist_entries').selectAll().orderBy('id').limit(opts.limit);
  if (opts.afterId) q = q.where('id', '>', opts.afterId);
  if (opts.sourceAgency) q = q.where('source_agency', '=', opts.sourceAgency);
  if (opts.category) q = q.where('category', '=', opts.category);
  return q.execute();
};

/** Entries still in force on `today` (or later), in id order for paging through a large list. */
export const listLiveEntries = (db: Db, today: string, afterId: string, limit: number) =>
  db
    .selectFrom('warning_watchlist_entries')
    .selectAll()
    .where('valid_until', '>=', today)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();

export const entriesChangedSince = (db: Db, since: string) =>
  db.selectFrom('warning_watchlist_entries').selectAll().where('updated_at', '>=', since).execute();

export const tombstonesSince = (db: Db, since: string) =>
  db.selectFrom('warning_watchlist_tombstones').select('entry_id').where('removed_at', '>=', since).execute();

export const insertEntries = (db: Db, rows: readonly WatchlistEntryRow[]) =>
  insertChunked(rows, (chunk) => db.insertInto('warning_watchlist_entries').values(chunk).execute());

export const updateEntry = (db: Db, id: string, changes: Partial<WatchlistEntryRow>) =>
  db.updateTable('warning_watchlist_entries').set(changes).where('id', '=', id).execute();

/** Deletes entries and leaves tombstones so other processes drop them from their indexes too. */
export async function deleteEntries(db: Db, ids: readonly string[], at: string): Promise<void> {
  if (ids.length === 0) return;
  await insertChunked(ids, async (chunk) => {
    await db.deleteFrom('warning_watchlist_entries').where('id', 'in', chunk).execute();
    await db
      .insertInto('warning_watchlist_tombstones')
      .values(chunk.map((entry_id) => ({ entry_id, removed_at: at })))
      .onConflict((oc) => oc.column('entry_id').doUpdateSet({ removed_at: at }))
      .execute();
  });
}

export const expiredEntryIds = async (db: Db, today: string, limit: number) =>
  (
    await db
      .selectFrom('warning_watchlist_entries')
      .select('id')
      .where('valid_until', '<', today)
      .limit(limit)
      .execute()
  ).map((row) => row.id);

export const entryIdsOfSource = async (db: Db, sourceAgency: string) =>
  (
    await db
      .selectFrom('warning_watchlist_entries')
      .select(['id', 'source_entry_id', 'shared_notification_id'])
      .where('source_agency', '=', sourceAgency)
      .execute()
  ).map((row) => ({ id: row.id, sourceEntryId: row.source_entry_id, sharedIn: row.shared_notification_id }));

/** The notification that withdrew each of these entries of an agency, for those it withdrew. */
export const withdrawalsOf = async (db: Db, sourceAgency: string, sourceEntryIds: readonly string[]) => {
  const rows =
    sourceEntryIds.length === 0
      ? []
      : await db
          .selectFrom('warning_share_withdrawals')
          .select(['source_entry_id', 'notification_id'])
          .where('source_agency', '=', sourceAgency)
          .where('source_entry_id', 'in', sourceEntryIds)
          .execute();
  return new Map(rows.map((row) => [row.source_entry_id, row.notification_id]));
};

/** Remembers withdrawals, replacing what an earlier notification withdrew. */
export const recordWithdrawals = async (db: Db, rows: readonly ShareWithdrawalRow[]) => {
  if (rows.length === 0) return;
  await insertChunked(rows, (chunk) =>
    db
      .insertInto('warning_share_withdrawals')
      .values(chunk)
      .onConflict((conflict) =>
        conflict.columns(['source_agency', 'source_entry_id']).doUpdateSet((eb) => ({
          notification_id: eb.ref('excluded.notification_id'),
          withdrawn_at: eb.ref('excluded.withdrawn_at'),
        })),
      )
      .execute(),
  );
};

export const pruneWithdrawals = (db: Db, before: string) =>
  db.deleteFrom('warning_share_withdrawals').where('withdrawn_at', '<', before).execute();

export const pruneTombstones = (db: Db, before: string) =>
  db.deleteFrom('warning_watchlist_tombstones').where('removed_at', '<', before).execute();

export const entriesAwaitingRetro = (db: Db, limit: number) =>
  db
    .selectFrom('warning_watchlist_entries')
    .selectAll()
    .where('retro_screened_at', 'is', null)
    .orderBy('id')
    .limit(limit)
    .execute();

export const markRetroScreened = (db: Db, ids: readonly string[], at: string) =>
  insertChunked(ids, (chunk) =>
    db
      .updateTable('warning_watchlist_entries')
      .set({ retro_screened_at: at })
      .where('id', 'in', chunk)
      .execute(),
  );

// ---- crossings ----

export const insertCrossings = (db: Db, rows: readonly CrossingRow[]) =>
  insertChunked(rows, (chunk) => {
    if (chunk.length > HOT_ROWS) return db.insertInto('warning_crossings').values(chunk).execute();
    const { values, rowsOf } = rowValues(CROSSING_COLUMNS, chunk);
    return hot.run(db, `insert-crossings:${chunk.length}`, values, (placeholders) =>
      db.insertInto('warning_crossings').values(rowsOf(placeholders)),
    );
  });

/** Of these references at a port, those a crossing already holds. */
export const recordedReferences = async (db: Db, portCode: string, references: readonly string[]) =>
  references.length === 0
    ? new Set<string>()
    : new Set(
        (
          await db
            .selectFrom('warning_crossings')
            .select('reference')
            .where('port_code', '=', portCode)
            .where('reference', 'in', [...references])
            .execute()
        ).flatMap((row) => (row.reference === null ? [] : [row.reference])),
      );

/** The crossing recorded at a port under the port system's reference, if any. */
export const findCrossingByReference = (db: Db, portCode: string, reference: string) =>
  db
    .selectFrom('warning_crossings')
    .selectAll()
    .where('port_code', '=', portCode)
    .where('reference', '=', reference)
    .executeTakeFirst();

export const findCrossing = (db: Db, id: string) =>
  db.selectFrom('warning_crossings').selectAll().where('id', '=', id).executeTakeFirst();

/** Crossings since `since`, in (time, id) order after the given key, for streaming through a long window. */
export const crossingsPage = (
  db: Db,
  since: string,
  after: { crossedAt: string; id: string } | null,
  limit: number,
) => {
  let q = db
    .selectFrom('warning_crossings')
    .selectAll()
    .where('crossed_at', '>=', since)
    .orderBy('crossed_at')
    .orderBy('id')
    .limit(limit);
  if (after) {
    q = q.where((eb) =>
      eb.or([
        eb('crossed_at', '>', after.crossedAt),
        eb.and([eb('crossed_at', '=', after.crossedAt), eb('id', '>', after.id)]),
      ]),
    );
  }
  return q.execute();
};

/** Blanks the identity and conveyance of crossings before `before`; the crossing is kept for statistics. */
export const purgeCrossingsBefore = async (db: Db, before: string, at: string) =>
  Number(
    (
      await db
        .updateTable('warning_crossings')
        .set({
          surname: null,
          given_names: null,
          native_name: null,
          sex: null,
          birth_date: null,
          document_type: null,
          document_number: null,
          issuing_state: null,
          conveyance: null,
          // a port system's id of a crossing may be made from the traveller's document
          reference: null,
          purged_at: at,
        })
        .where('crossed_at', '<', before)
        .where('purged_at', 'is', null)
        .executeTakeFirst()
    ).numUpdatedRows,
  );

// ---- hits ----

/** Inserts hits, skipping any whose crossing already has a hit on the same subject. */
export const insertHits = (db: Db, rows: readonly HitRow[]) => {
  const insert = (chunk: readonly HitRow[]) =>
    db
      .insertInto('warning_hits')
      .values(chunk)
      .onConflict((oc) => oc.columns(['crossing_id', 'subject']).doNothing());
  return insertChunked(rows, (chunk) => {
    if (chunk.length > HOT_ROWS) return insert(chunk).execute();
    const { values, rowsOf } = rowValues(HIT_COLUMNS, chunk);
    return hot.run(db, `insert-hits:${chunk.length}`, values, (placeholders) => insert(rowsOf(placeholders)));
  });
};

export const findHit = (db: Db, id: string) =>
  db.selectFrom('warning_hits').selectAll().where('id', '=', id).executeTakeFirst();

export const hitsOfCrossing = (db: Db, crossingId: string) =>
  db.selectFrom('warning_hits').selectAll().where('crossing_id', '=', crossingId).execute();

export const listHits = (db: Db, opts: { status?: string; beforeId?: string; limit: number }) => {
  let q = db.selectFrom('warning_hits').selectAll().orderBy('id', 'desc').limit(opts.limit);
  if (opts.status) q = q.where('status', '=', opts.status);
  if (opts.beforeId) q = q.where('id', '<', opts.beforeId);
  return q.execute();
};

/** The names recorded on these crossings, with when each was purged, for the desk's hit lists. */
export const crossingNames = (db: Db, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('warning_crossings')
        .select(['id', 'surname', 'given_names', 'native_name', 'purged_at'])
        .where('id', 'in', ids)
        .execute();

export const updateHit = (db: Db, id: string, changes: Partial<HitRow>) =>
  db.updateTable('warning_hits').set(changes).where('id', '=', id).execute();

export const insertHitAction = (db: Db, row: HitActionRow) =>
  db.insertInto('warning_hit_actions').values(row).execute();

/** The actions taken on each of these hits, oldest first. */
export const hitActionsOf = async (db: Db, hitIds: readonly string[]) => {
  const actions = new Map<string, HitActionRow[]>();
  if (hitIds.length === 0) return actions;
  const rows = await db
    .selectFrom('warning_hit_actions')
    .selectAll()
    .where('hit_id', 'in', [...hitIds])
    .orderBy('action_at')
    .orderBy('id')
    .execute();
  for (const row of rows) {
    const ofHit = actions.get(row.hit_id);
    if (ofHit) ofHit.push(row);
    else actions.set(row.hit_id, [row]);
  }
  return actions;
};

/** Blanks what a hit says about the person (the matcher's evidence, the reasons); the hit and outcome stay. */
export const purgeHitsBefore = async (db: Db, before: string, at: string) =>
  Number(
    (
      await db
        .updateTable('warning_hits')
        .set({ explanation: '[]', decision_reason: null, purged_at: at })
        .where('created_at', '<', before)
        .where('purged_at', 'is', null)
        .executeTakeFirst()
    ).numUpdatedRows,
  );

export const insertHitNotice = (db: Db, row: HitNoticeRow) =>
  db.insertInto('warning_hit_notices').values(row).execute();

export const deleteHitNoticesBefore = async (db: Db, before: string) =>
  Number(
    (await db.deleteFrom('warning_hit_notices').where('received_at', '<', before).executeTakeFirst())
      .numDeletedRows,
  );

// ---- rules ----

export const listFlaggedConveyances = (db: Db) =>
  db.selectFrom('warning_flagged_conveyances').selectAll().orderBy('conveyance_key').execute();

export const insertFlaggedConveyance = (db: Db, row: FlaggedConveyanceRow) =>
  db.insertInto('warning_flagged_conveyances').values(row).execute();

export const deleteFlaggedConveyance = async (db: Db, id: string) =>
  Number(
    (await db.deleteFrom('warning_flagged_conveyances').where('id', '=', id).executeTakeFirst())
      .numDeletedRows,
  );

export const listRuleSettings = (db: Db) => db.selectFrom('warning_rules').selectAll().execute();

export const saveRuleSetting = (db: Db, rule: string, enabled: boolean, at: string) =>
  db
    .insertInto('warning_rules')
    .values({ rule, enabled: enabled ? 1 : 0, updated_at: at })
    .onConflict((oc) => oc.column('rule').doUpdateSet({ enabled: enabled ? 1 : 0, updated_at: at }))
    .execute();

// ---- directory ----

/** An agency's time zone and country as the directory holds them; undefined for an agency it does not hold. */
export const agencyPlace = (db: Db, agency: string) =>
  db.selectFrom('agencies').select(['time_zone', 'country']).where('code', '=', agency).executeTakeFirst();

/** The country of a port of the directory; null when the directory has no such port. */
export const portCountry = async (db: Db, code: string): Promise<string | null> =>
  (await db.selectFrom('ports').select('country').where('code', '=', code).executeTakeFirst())?.country ??
  null;
