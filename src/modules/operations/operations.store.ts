import type { Db } from '../../core/db/database.js';
import { isPostgres } from '../../core/db/dialect.js';
import type {
  CheckInRow,
  HandoverRow,
  InterceptionPersonRow,
  InterceptionRow,
  OperationRow,
  OperationScheduleRow,
} from './operations.tables.js';

// ---- operations ----

export const insertSchedule = (db: Db, row: OperationScheduleRow) =>
  db.insertInto('operation_schedules').values(row).execute();

export const insertOperation = (db: Db, row: OperationRow) =>
  db.insertInto('operations').values(row).execute();

/**
 * Inside a transaction a row is read to be changed: our own step and the counterpart's message about the
 * same operation or handover can arrive together, so PostgreSQL must lock the row or one change is lost.
 * SQLite has no row locks and needs none: it runs one writing transaction at a time.
 */
const readsToChange = (db: Db): boolean => db.isTransaction && isPostgres(db);

export const findOperation = (db: Db, id: string) =>
  db
    .selectFrom('operations')
    .selectAll()
    .where('id', '=', id)
    .$if(readsToChange(db), (query) => query.forUpdate())
    .executeTakeFirst();

export const findOperationByOrigin = (db: Db, originAgency: string, originOperationId: string) =>
  db
    .selectFrom('operations')
    .selectAll()
    .where('origin_agency', '=', originAgency)
    .where('origin_operation_id', '=', originOperationId)
    .$if(readsToChange(db), (query) => query.forUpdate())
    .executeTakeFirst();

export const updateOperation = (db: Db, id: string, changes: Partial<OperationRow>) =>
  db.updateTable('operations').set(changes).where('id', '=', id).execute();

export const listOperations = (
  db: Db,
  opts: { kind?: string; status?: string; before?: [string, string]; limit: number },
) => {
  let q = db
    .selectFrom('operations')
    .selectAll()
    .orderBy('starts_at', 'desc')
    .orderBy('id', 'desc')
    .limit(opts.limit);
  if (opts.kind) q = q.where('kind', '=', opts.kind);
  if (opts.status) q = q.where('status', '=', opts.status);
  const before = opts.before;
  if (before) {
    q = q.where((eb) =>
      eb.or([
        eb('starts_at', '<', before[0]),
        eb.and([eb('starts_at', '=', before[0]), eb('id', '<', before[1])]),
      ]),
    );
  }
  return q.execute();
};

/** Operations whose window overlaps [from, to). */
export const operationsOverlapping = (db: Db, from: string, to: string) =>
  db
    .selectFrom('operations')
    .selectAll()
    .where('starts_at', '<', to)
    .where('ends_at', '>', from)
    .orderBy('starts_at')
    .orderBy('id')
    .execute();

export const countOperationsBy = (db: Db, from: string, to: string) =>
  db
    .selectFrom('operations')
    .select(['kind', 'status', (eb) => eb.fn.countAll<number>().as('count')])
    .where('starts_at', '<', to)
    .where('ends_at', '>', from)
    .groupBy(['kind', 'status'])
    .execute();

export const insertCheckIn = (db: Db, row: CheckInRow) =>
  db.insertInto('operation_check_ins').values(row).execute();

export const listCheckIns = (db: Db, operationId: string) =>
  db
    .selectFrom('operation_check_ins')
    .selectAll()
    .where('operation_id', '=', operationId)
    .orderBy('at')
    .orderBy('id')
    .execute();

// ---- interceptions ----

export const insertInterception = (db: Db, row: InterceptionRow) =>
  db.insertInto('interceptions').values(row).execute();

export const insertPersons = async (db: Db, rows: InterceptionPersonRow[]) => {
  if (rows.length > 0) await db.insertInto('interception_persons').values(rows).execute();
};

export const findInterception = (db: Db, id: string) =>
  db.selectFrom('interceptions').selectAll().where('id', '=', id).executeTakeFirst();

export const updateInterception = (db: Db, id: string, changes: Partial<InterceptionRow>) =>
  db.updateTable('interceptions').set(changes).where('id', '=', id).execute();

export const listInterceptions = (
  db: Db,
  opts: {
    from?: string;
    to?: string;
    operationId?: string;
    sectionCode?: string;
    duplicatesOnly?: boolean;
    before?: [string, string];
    limit: number;
  },
) => {
  let q = db
    .selectFrom('interceptions')
    .selectAll()
    .where('merged_into', 'is', null)
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .limit(opts.limit);
  if (opts.from) q = q.where('occurred_at', '>=', opts.from);
  if (opts.to) q = q.where('occurred_at', '<', opts.to);
  if (opts.operationId) q = q.where('operation_id', '=', opts.operationId);
  if (opts.sectionCode) q = q.where('border_section_code', '=', opts.sectionCode);
  if (opts.duplicatesOnly) q = q.where('duplicate_of', 'is not', null);
  const before = opts.before;
  if (before) {
    q = q.where((eb) =>
      eb.or([
        eb('occurred_at', '<', before[0]),
        eb.and([eb('occurred_at', '=', before[0]), eb('id', '<', before[1])]),
      ]),
    );
  }
  return q.execute();
};

/** Live (not merged) interceptions in a time range: duplicate candidates, hotspots and statistics. */
export const interceptionsBetween = (db: Db, from: string, to: string) =>
  db
    .selectFrom('interceptions')
    .selectAll()
    .where('merged_into', 'is', null)
    .where('occurred_at', '>=', from)
    .where('occurred_at', '<', to)
    .orderBy('occurred_at')
    .execute();

/**
 * Live interceptions in a time range grouped by every dimension reports break them down by: at most a few
 * hundred groups, so the database adds up the rows and Node only folds the groups into per-dimension tallies.
 */
export const interceptionTotalsBetween = (db: Db, from: string, to: string) =>
  db
    .selectFrom('interceptions')
    .select([
      'outcome',
      'direction',
      'nationality',
      'pass_code',
      (eb) => eb.fn.countAll<number>().as('events'),
      (eb) => eb.fn.sum<number>('persons_count').as('persons'),
    ])
    .where('merged_into', 'is', null)
    .where('occurred_at', '>=', from)
    .where('occurred_at', '<', to)
    .groupBy(['outcome', 'direction', 'nationality', 'pass_code'])
    .execute();

export const personsOf = (db: Db, interceptionIds: readonly string[]) =>
  interceptionIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('interception_persons')
        .selectAll()
        .where('interception_id', 'in', interceptionIds)
        .orderBy('id')
        .execute();

export const identifiedCounts = async (db: Db, interceptionIds: readonly string[]) => {
  if (interceptionIds.length === 0) return new Map<string, number>();
  const rows = await db
    .selectFrom('interception_persons')
    .select(['interception_id', (eb) => eb.fn.countAll<number>().as('count')])
    .where('interception_id', 'in', interceptionIds)
    .groupBy('interception_id')
    .execute();
  return new Map(rows.map((row) => [row.interception_id, Number(row.count)]));
};

export const movePersons = (db: Db, fromId: string, toId: string) =>
  db
    .updateTable('interception_persons')
    .set({ interception_id: toId })
    .where('interception_id', '=', fromId)
    .execute();

export const deletePersonsById = (db: Db, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve()
    : db.deleteFrom('interception_persons').where('id', 'in', ids).execute();

/** Interceptions older than the cut-off that still hold identities. */
export const interceptionsWithPersonsBefore = (db: Db, cutoff: string) =>
  db
    .selectFrom('interceptions')
    .select('id')
    .where('occurred_at', '<', cutoff)
    .where('persons_purged_at', 'is', null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('interception_persons')
          .select('id')
          .whereRef('interception_persons.interception_id', '=', 'interceptions.id'),
      ),
    )
    .execute();

export const deletePersonsOf = (db: Db, interceptionIds: readonly string[]) =>
  db.deleteFrom('interception_persons').where('interception_id', 'in', interceptionIds).execute();

// ---- handovers ----

export const insertHandover = (db: Db, row: HandoverRow) => db.insertInto('handovers').values(row).execute();

export const findHandover = (db: Db, id: string) =>
  db
    .selectFrom('handovers')
    .selectAll()
    .where('id', '=', id)
    .$if(readsToChange(db), (query) => query.forUpdate())
    .executeTakeFirst();

export const findHandoverByKey = (db: Db, counterpartAgency: string, personKey: string) =>
  db
    .selectFrom('handovers')
    .selectAll()
    .where('counterpart_agency', '=', counterpartAgency)
    .where('person_key', '=', personKey)
    .$if(readsToChange(db), (query) => query.forUpdate())
    .executeTakeFirst();

export const updateHandover = (db: Db, id: string, changes: Partial<HandoverRow>) =>
  db.updateTable('handovers').set(changes).where('id', '=', id).execute();

export const listHandovers = (db: Db, opts: { status?: string; before?: string; limit: number }) => {
  let q = db.selectFrom('handovers').selectAll().orderBy('id', 'desc').limit(opts.limit);
  if (opts.status) q = q.where('status', '=', opts.status);
  if (opts.before) q = q.where('id', '<', opts.before);
  return q.execute();
};

/** Handovers proposed in a time range, counted per combination of the dimensions reports break them down by. */
export const handoverTotalsBetween = (db: Db, from: string, to: string) =>
  db
    .selectFrom('handovers')
    .select([
      'role',
      'status',
      'nationality',
      'counterpart_agency',
      (eb) => eb.fn.countAll<number>().as('count'),
    ])
    .where('proposed_at', '>=', from)
    .where('proposed_at', '<', to)
    .groupBy(['role', 'status', 'nationality', 'counterpart_agency'])
    .execute();

export const handoversWithPersonBefore = (db: Db, cutoff: string) =>
  db
    .selectFrom('handovers')
    .select('id')
    .where('proposed_at', '<', cutoff)
    .where('person', 'is not', null)
    .execute();

export const purgeHandoverPersons = (db: Db, ids: readonly string[], at: string) =>
  db.updateTable('handovers').set({ person: null, person_purged_at: at }).where('id', 'in', ids).execute();
