import { appendAudit } from '../../core/audit/audit.js';
import type { Actor } from '../../core/auth/roles.js';
import type { Db } from '../../core/db/database.js';
import { inTransaction } from '../../core/db/transaction.js';
import { AppError, conflict, invalid, notFound } from '../../core/errors.js';
import { decodeCursor, pageOf } from '../../core/http/pagination.js';
import { newId, nowIso } from '../../core/ids.js';
import { getAgency, getGeography } from '../directory/directory.service.js';
import {
  assertValidBody,
  type OperationInviteBody,
  type OperationReportBody,
} from '../exchange/bodies/index.js';
import { nextStatus, type OperationAction, type Side } from './lifecycle.js';
import type {
  CheckIn,
  CounterProposal,
  NewCheckIn,
  NewOperation,
  NewSchedule,
  Operation,
  OperationChanges,
  OperationListQuery,
  OperationReport,
  OperationStatus,
  PatrolPlan,
} from './operations.schema.js';
import * as store from './operations.store.js';
import type { CheckInRow, OperationRow } from './operations.tables.js';
import type { OperationsNotifier } from './operations-notifier.js';
import { expandWeekly } from './recurrence.js';

/** What the operations use cases need from the composition root. */
export interface OperationsDeps {
  readonly ownAgency: string;
  readonly notifier: OperationsNotifier;
}

type PlanDetails = Pick<Operation, 'patrol' | 'lawEnforcement' | 'exercise'>;

const parse = <T>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T));
/** Instants are stored in one fixed-width UTC form so text comparison orders them. */
export const utc = (instant: string): string => new Date(instant).toISOString();

const sideOf = (row: OperationRow): Side =>
  row.origin_agency === row.counterpart_agency ? 'invitee' : 'proposer';

function toOperation(row: OperationRow): Operation {
  return {
    id: row.id,
    kind: row.kind as Operation['kind'],
    title: row.title,
    status: row.status as OperationStatus,
    counterpartAgency: row.counterpart_agency,
    originAgency: row.origin_agency,
    originOperationId: row.origin_operation_id,
    proposedByUs: sideOf(row) === 'proposer',
    sectionCode: row.section_code,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    note: row.note,
    ...(parse<PlanDetails>(row.details) ?? {}),
    counterProposal: parse<CounterProposal>(row.counter_proposal),
    report: parse<OperationReport>(row.report),
    counterpartReport: parse<OperationReport>(row.counterpart_report),
    scheduleId: row.schedule_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toCheckIn(row: CheckInRow): CheckIn {
  return {
    id: row.id,
    operationId: row.operation_id,
    unit: row.unit,
    at: row.at,
    lon: row.lon,
    lat: row.lat,
    note: row.note,
    createdAt: row.created_at,
  };
}

/** Refuses a window that ends before (or when) it starts, naming both ends. */
export function checkWindow(startsAt: string, endsAt: string, field = 'endsAt'): void {
  if (Date.parse(endsAt) <= Date.parse(startsAt)) {
    throw invalid(
      'operations.window_ends_before_start',
      `The time window ends (${endsAt}) before it starts (${startsAt})`,
      { field, startsAt, endsAt },
    );
  }
}

async function checkSection(db: Db, code: string | null | undefined): Promise<void> {
  if (!code) return;
  try {
    await getGeography(db, 'border_sections', code);
  } catch (error) {
    if (error instanceof AppError && error.kind === 'not_found') {
      throw invalid('operations.unknown_section', `No border section ${code}`, { field: 'sectionCode' });
    }
    throw error;
  }
}

async function checkCounterpart(db: Db, code: string): Promise<void> {
  const agency = await getAgency(db, code).catch((error: unknown) => {
    if (error instanceof AppError && error.kind === 'not_found') return null;
    throw error;
  });
  if (!agency || agency.kind === 'own') {
    throw invalid('operations.unknown_counterpart', `${code} is not a counterpart agency in the directory`, {
      field: 'counterpartAgency',
    });
  }
}

function planOf(input: NewOperation | OperationChanges): PlanDetails {
  return {
    ...('patrol' in input && input.patrol && { patrol: input.patrol }),
    ...('lawEnforcement' in input && input.lawEnforcement && { lawEnforcement: input.lawEnforcement }),
    ...('exercise' in input && input.exercise && { exercise: input.exercise }),
  };
}

async function requireOperation(db: Db, id: string): Promise<OperationRow> {
  const row = await store.findOperation(db, id);
  if (!row) throw notFound('operations.operation_not_found', 'Operation', id);
  return row;
}

function newOperationRow(actor: Actor, deps: OperationsDeps, input: NewOperation, scheduleId: string | null) {
  const now = nowIso();
  const id = newId();
  const row: OperationRow = {
    id,
    kind: input.kind,
    title: input.title,
    status: 'draft',
    counterpart_agency: input.counterpartAgency,
    origin_agency: deps.ownAgency,
    origin_operation_id: id,
    section_code: input.sectionCode ?? null,
    starts_at: utc(input.startsAt),
    ends_at: utc(input.endsAt),
    details: JSON.stringify(planOf(input)),
    note: input.note ?? null,
    counter_proposal: null,
    report: null,
    counterpart_report: null,
    schedule_id: scheduleId,
    created_by: actor.name,
    created_at: now,
    updated_at: now,
  };
  return row;
}

async function checkNewOperation(db: Db, input: NewOperation): Promise<void> {
  checkWindow(input.startsAt, input.endsAt);
  await checkSection(db, input.sectionCode);
  await checkCounterpart(db, input.counterpartAgency);
}

/** Plans a joint operation as a draft; nothing leaves the node until it is proposed. */
export async function createOperation(
  db: Db,
  deps: OperationsDeps,
  actor: Actor,
  input: NewOperation,
): Promise<Operation> {
  await checkNewOperation(db, input);
  const row = newOperationRow(actor, deps, input, null);
  await inTransaction(db, async (trx) => {
    await store.insertOperation(trx, row);
    await appendAudit(trx, actor, { action: 'operation.create', targetType: 'operation', targetId: row.id });
  });
  return toOperation(row);
}

/** Expands a weekly rule into one draft operation per occurrence, all linked to the schedule. */
export async function createSchedule(
  db: Db,
  deps: OperationsDeps,
  actor: Actor,
  input: NewSchedule,
): Promise<{ scheduleId: string; occurrences: Operation[] }> {
  await checkNewOperation(db, input.operation);
  const windows = expandWeekly(input.operation, input.recurrence);
  if (windows.length === 0) {
    throw invalid('operations.no_occurrences', 'The recurrence makes no occurrence before its until', {
      field: 'recurrence',
    });
  }
  const scheduleId = newId();
  const rows = windows.map((window) =>
    newOperationRow(actor, deps, { ...input.operation, ...window }, scheduleId),
  );
  await inTransaction(db, async (trx) => {
    await store.insertSchedule(trx, {
      id: scheduleId,
      rule: JSON.stringify(input.recurrence),
      created_by: actor.name,
      created_at: nowIso(),
    });
    for (const row of rows) await store.insertOperation(trx, row);
    await appendAudit(trx, actor, {
      action: 'operation.schedule',
      targetType: 'operation_schedule',
      targetId: scheduleId,
      details: { occurrences: rows.length },
    });
  });
  return { scheduleId, occurrences: rows.map(toOperation) };
}

export async function getOperation(db: Db, id: string): Promise<Operation> {
  return toOperation(await requireOperation(db, id));
}

export async function listOperations(db: Db, query: OperationListQuery) {
  const limit = query.limit ?? 50;
  const before = decodeCursor(query.cursor, 2) as [string, string] | undefined;
  const rows = await store.listOperations(db, {
    kind: query.kind,
    status: query.status,
    before,
    limit: limit + 1,
  });
  const page = pageOf(rows, limit, (row) => [row.starts_at, row.id]);
  return { items: page.rows.map(toOperation), nextCursor: page.nextCursor };
}

/** Refuses a period whose end is not after its start. */
export function checkPeriod(from: string, to: string): void {
  if (Date.parse(to) <= Date.parse(from)) {
    throw invalid(
      'operations.period_ends_before_start',
      `The period ends (${to}) before it starts (${from})`,
      {
        field: 'to',
      },
    );
  }
}

/** Operations overlapping a period, in start order, for the calendar. */
export async function calendar(db: Db, from: string, to: string) {
  checkPeriod(from, to);
  const rows = await store.operationsOverlapping(db, utc(from), utc(to));
  return {
    items: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      title: row.title,
      status: row.status,
      counterpartAgency: row.counterpart_agency,
      sectionCode: row.section_code,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      scheduleId: row.schedule_id,
    })),
  };
}

/** Edits a plan while it is still ours to change: a draft, or a counter-proposal we are answering. */
export async function updateOperation(
  db: Db,
  actor: Actor,
  id: string,
  changes: OperationChanges,
): Promise<Operation> {
  return inTransaction(db, async (trx) => {
    const row = await requireOperation(trx, id);
    if (sideOf(row) !== 'proposer' || !['draft', 'counter_proposed'].includes(row.status)) {
      throw conflict(
        'operations.not_editable',
        `An operation that is ${row.status} cannot be edited here; only our drafts and counter-proposals we answer can`,
        { status: row.status },
      );
    }
    const startsAt = changes.startsAt ?? row.starts_at;
    const endsAt = changes.endsAt ?? row.ends_at;
    checkWindow(startsAt, endsAt);
    if (changes.sectionCode !== undefined) await checkSection(trx, changes.sectionCode);
    const plan = planOf(changes);
    if (Object.keys(plan).some((key) => !kindPlanKey(row.kind as Operation['kind']).includes(key))) {
      throw invalid(
        'operations.plan_kind_mismatch',
        `A ${row.kind} operation carries only its own plan fields`,
        {
          field: Object.keys(plan).join(','),
        },
      );
    }
    await store.updateOperation(trx, id, {
      ...(changes.title !== undefined && { title: changes.title }),
      ...(changes.sectionCode !== undefined && { section_code: changes.sectionCode }),
      ...(changes.note !== undefined && { note: changes.note }),
      starts_at: utc(startsAt),
      ends_at: utc(endsAt),
      details: JSON.stringify({ ...parse<PlanDetails>(row.details), ...plan }),
      updated_at: nowIso(),
    });
    await appendAudit(trx, actor, {
      action: 'operation.update',
      targetType: 'operation',
      targetId: id,
      details: { changed: Object.keys(changes) },
    });
    return toOperation(await requireOperation(trx, id));
  });
}

const kindPlanKey = (kind: Operation['kind']): string[] =>
  kind === 'patrol' ? ['patrol'] : kind === 'law_enforcement' ? ['lawEnforcement'] : ['exercise'];

/** Facts the invite body has no field for, said in the note so the counterpart still reads them. */
function planSummary(operation: Operation): string | undefined {
  const parts = [operation.note ?? undefined];
  if (operation.lawEnforcement) {
    parts.push(
      `Targets: ${operation.lawEnforcement.targets.map((t) => `${t.kind}: ${t.description}`).join('; ')}`,
    );
  }
  if (operation.exercise) {
    parts.push(
      `Scenario: ${operation.exercise.scenario}`,
      `Objectives: ${operation.exercise.objectives.join('; ')}`,
    );
  }
  const text = parts.filter((part): part is string => Boolean(part)).join('\n');
  return text ? text.slice(0, 2000) : undefined;
}

function inviteBody(operation: Operation, stage: OperationInviteBody['stage']): OperationInviteBody {
  const patrol = operation.patrol;
  const note = planSummary(operation);
  return assertValidBody('operation.invite', {
    schemaVersion: 1,
    operationId: operation.originOperationId,
    kind: operation.kind,
    title: operation.title,
    ...(operation.sectionCode && { sectionCode: operation.sectionCode }),
    startsAt: operation.startsAt,
    endsAt: operation.endsAt,
    ...(patrol?.routes.own && { route: patrol.routes.own }),
    ...(patrol && patrol.meetingPoints.length > 0 && { meetingPoints: patrol.meetingPoints }),
    ...(patrol?.radioChannels[0] && { radioChannel: patrol.radioChannels[0] }),
    ...(patrol && patrol.contacts.length > 0 && { contacts: patrol.contacts }),
    stage,
    ...(note && { note }),
  });
}

async function reportFigures(db: Db, operationId: string): Promise<OperationReport['interceptions']> {
  const rows = await store.listInterceptions(db, { operationId, limit: 100_000 });
  const byOutcome = new Map<string, number>();
  for (const row of rows) byOutcome.set(row.outcome, (byOutcome.get(row.outcome) ?? 0) + row.persons_count);
  return {
    events: rows.length,
    persons: rows.reduce((sum, row) => sum + row.persons_count, 0),
    byOutcome: [...byOutcome].map(([outcome, persons]) => ({ outcome, persons })),
  };
}

/** Moves an operation along its lifecycle on an officer's action, sending the message the step implies. */
export async function transition(
  db: Db,
  deps: OperationsDeps,
  actor: Actor,
  id: string,
  action: Exclude<OperationAction, 'counter_propose' | 'complete'>,
): Promise<Operation> {
  return inTransaction(db, async (trx) => {
    const row = await requireOperation(trx, id);
    const to = nextStatus(row.status as OperationStatus, action, sideOf(row));
    const changes: Partial<OperationRow> = { status: to, updated_at: nowIso() };
    const counter = parse<CounterProposal>(row.counter_proposal);
    if (action === 'agree' && row.status === 'counter_proposed' && counter) {
      Object.assign(changes, adoptCounterProposal(row, counter));
    }
    if (action === 'propose') changes.counter_proposal = null;
    await store.updateOperation(trx, id, changes);
    const operation = toOperation({ ...row, ...changes });
    await appendAudit(trx, actor, {
      action: `operation.${action}`,
      targetType: 'operation',
      targetId: id,
      details: { from: row.status, to },
    });
    await notifyStep(trx, deps, actor, operation, action);
    return operation;
  });
}

function adoptCounterProposal(row: OperationRow, counter: CounterProposal): Partial<OperationRow> {
  const details = parse<PlanDetails>(row.details) ?? {};
  if (counter.route && details.patrol) {
    // The counter-proposal's route is the counterpart's own route on its side of the section.
    const ours = sideOf(row) === 'invitee' ? 'own' : 'counterpart';
    details.patrol = { ...details.patrol, routes: { ...details.patrol.routes, [ours]: counter.route } };
  }
  return {
    starts_at: utc(counter.startsAt),
    ends_at: utc(counter.endsAt),
    details: JSON.stringify(details),
  };
}

async function notifyStep(
  trx: Db,
  deps: OperationsDeps,
  actor: Actor,
  operation: Operation,
  action: OperationAction,
): Promise<void> {
  const to = [operation.counterpartAgency];
  const stages: Partial<Record<OperationAction, OperationInviteBody['stage']>> = {
    propose: 'proposed',
    agree: 'agreed',
    decline: 'declined',
    counter_propose: 'counter_proposed',
  };
  const stage = stages[action];
  if (stage) {
    await deps.notifier.send(trx, actor, {
      type: 'operation.invite',
      to,
      priority: 'routine',
      body: inviteBody(operation, stage),
    });
  } else if (action === 'share_report' && operation.report) {
    await deps.notifier.send(trx, actor, {
      type: 'operation.report',
      to,
      priority: 'routine',
      body: assertValidBody('operation.report', {
        schemaVersion: 1,
        operationId: operation.originOperationId,
        kind: operation.kind,
        findings: operation.report.findings,
        lessons: operation.report.lessons,
        interceptions: operation.report.interceptions,
        completedAt: operation.report.completedAt,
      }),
    });
  }
}

/** The invitee answers a proposal with other times (and its own route); the proposer decides. */
export async function counterPropose(
  db: Db,
  deps: OperationsDeps,
  actor: Actor,
  id: string,
  proposal: CounterProposal,
): Promise<Operation> {
  checkWindow(proposal.startsAt, proposal.endsAt);
  return inTransaction(db, async (trx) => {
    const row = await requireOperation(trx, id);
    const to = nextStatus(row.status as OperationStatus, 'counter_propose', sideOf(row));
    const stored: CounterProposal = {
      ...proposal,
      startsAt: utc(proposal.startsAt),
      endsAt: utc(proposal.endsAt),
    };
    const changes = { status: to, counter_proposal: JSON.stringify(stored), updated_at: nowIso() };
    await store.updateOperation(trx, id, changes);
    const operation = toOperation({ ...row, ...changes });
    await appendAudit(trx, actor, {
      action: 'operation.counter_propose',
      targetType: 'operation',
      targetId: id,
      details: { from: row.status, to },
    });
    // The counter-proposal travels as the plan with the proposed times and our route in place of the old ones.
    const body = inviteBody(
      {
        ...operation,
        startsAt: stored.startsAt,
        endsAt: stored.endsAt,
        note: stored.note ?? null,
        ...(operation.patrol && {
          patrol: { ...operation.patrol, routes: { ...operation.patrol.routes, own: stored.route } },
        }),
      },
      'counter_proposed',
    );
    await deps.notifier.send(trx, actor, {
      type: 'operation.invite',
      to: [row.counterpart_agency],
      priority: 'routine',
      body,
    });
    return operation;
  });
}

/** Ends the operation with the after-action report; interception figures come from the linked interceptions. */
export async function complete(
  db: Db,
  actor: Actor,
  id: string,
  input: { findings: string; lessons: string },
): Promise<Operation> {
  return inTransaction(db, async (trx) => {
    const row = await requireOperation(trx, id);
    const to = nextStatus(row.status as OperationStatus, 'complete', sideOf(row));
    const report: OperationReport = {
      findings: input.findings,
      lessons: input.lessons,
      interceptions: await reportFigures(trx, id),
      completedAt: nowIso(),
    };
    const changes = { status: to, report: JSON.stringify(report), updated_at: nowIso() };
    await store.updateOperation(trx, id, changes);
    await appendAudit(trx, actor, {
      action: 'operation.complete',
      targetType: 'operation',
      targetId: id,
      details: { from: row.status, to },
    });
    return toOperation({ ...row, ...changes });
  });
}

/** Records a unit's check-in (time and position); only while the operation is in progress. */
export async function addCheckIn(db: Db, actor: Actor, id: string, input: NewCheckIn): Promise<CheckIn> {
  return inTransaction(db, async (trx) => {
    const operation = await requireOperation(trx, id);
    if (operation.status !== 'in_progress') {
      throw conflict(
        'operations.not_in_progress',
        `Check-ins are recorded only while the operation is in_progress; operation ${id} is ${operation.status}`,
        { status: operation.status },
      );
    }
    const row: CheckInRow = {
      id: newId(),
      operation_id: id,
      unit: input.unit,
      at: utc(input.at),
      lon: input.lon,
      lat: input.lat,
      note: input.note ?? null,
      created_by: actor.name,
      created_at: nowIso(),
    };
    await store.insertCheckIn(trx, row);
    await appendAudit(trx, actor, { action: 'operation.check_in', targetType: 'operation', targetId: id });
    return toCheckIn(row);
  });
}

export async function listCheckIns(db: Db, id: string): Promise<CheckIn[]> {
  await requireOperation(db, id);
  return (await store.listCheckIns(db, id)).map(toCheckIn);
}

// ---- messages from the counterpart (called by exchange's incoming handler, in its transaction) ----

const peerActor = (agency: string): Actor => ({
  userId: null,
  name: `peer:${agency}`,
  ip: null,
  requestId: null,
});

/** A peer's message that does not fit our state is refused, so the sender learns it by a rejected receipt. */
function refuse(error: unknown): never {
  if (error instanceof AppError && error.kind === 'conflict') {
    throw invalid(error.code, error.message, error.details);
  }
  throw error;
}

function patrolFromInvite(body: OperationInviteBody, previous: PatrolPlan | undefined): PatrolPlan {
  return {
    routes: {
      ...(previous?.routes.own && { own: previous.routes.own }),
      ...(body.route && { counterpart: body.route }),
    },
    meetingPoints: body.meetingPoints ?? previous?.meetingPoints ?? [],
    radioChannels: body.radioChannel ? [body.radioChannel] : (previous?.radioChannels ?? []),
    contacts: body.contacts ?? previous?.contacts ?? [],
  };
}

async function recordProposal(trx: Db, fromAgency: string, body: OperationInviteBody): Promise<void> {
  const existing = await store.findOperationByOrigin(trx, fromAgency, body.operationId);
  const now = nowIso();
  const previous = parse<PlanDetails>(existing?.details ?? null) ?? {};
  const details: PlanDetails =
    body.kind === 'patrol' ? { ...previous, patrol: patrolFromInvite(body, previous.patrol) } : previous;
  const fields = {
    kind: body.kind,
    title: body.title,
    status: 'proposed',
    section_code: body.sectionCode ?? null,
    starts_at: utc(body.startsAt),
    ends_at: utc(body.endsAt),
    details: JSON.stringify(details),
    note: body.note ?? null,
    counter_proposal: null,
    updated_at: now,
  };
  if (!existing) {
    const id = newId();
    await store.insertOperation(trx, {
      id,
      ...fields,
      counterpart_agency: fromAgency,
      origin_agency: fromAgency,
      origin_operation_id: body.operationId,
      report: null,
      counterpart_report: null,
      schedule_id: null,
      created_by: peerActor(fromAgency).name,
      created_at: now,
    });
    await appendAudit(trx, peerActor(fromAgency), {
      action: 'operation.invited',
      targetType: 'operation',
      targetId: id,
    });
    return;
  }
  if (!['proposed', 'counter_proposed'].includes(existing.status)) {
    throw invalid(
      'operations.unexpected_proposal',
      `Operation ${body.operationId} is ${existing.status} here and cannot be proposed again`,
    );
  }
  await store.updateOperation(trx, existing.id, fields);
  await appendAudit(trx, peerActor(fromAgency), {
    action: 'operation.reproposed',
    targetType: 'operation',
    targetId: existing.id,
  });
}

async function recordAnswer(trx: Db, fromAgency: string, body: OperationInviteBody): Promise<void> {
  const row = await findShared(trx, fromAgency, body.operationId);
  const action: OperationAction =
    body.stage === 'agreed' ? 'agree' : body.stage === 'declined' ? 'decline' : 'counter_propose';
  // The sender is on the other side of the operation from us.
  const senderSide: Side = sideOf(row) === 'proposer' ? 'invitee' : 'proposer';
  let to: OperationStatus;
  try {
    to = nextStatus(row.status as OperationStatus, action, senderSide);
  } catch (error) {
    refuse(error);
  }
  const changes: Partial<OperationRow> = { status: to, updated_at: nowIso() };
  const counter = parse<CounterProposal>(row.counter_proposal);
  if (action === 'agree' && row.status === 'counter_proposed' && counter) {
    Object.assign(changes, adoptCounterProposal(row, counter));
  }
  if (action === 'counter_propose') {
    const proposal: CounterProposal = {
      startsAt: utc(body.startsAt),
      endsAt: utc(body.endsAt),
      ...(body.note && { note: body.note }),
      ...(body.route && { route: body.route }),
    };
    changes.counter_proposal = JSON.stringify(proposal);
  }
  await store.updateOperation(trx, row.id, changes);
  await appendAudit(trx, peerActor(fromAgency), {
    action: `operation.${body.stage}_by_counterpart`,
    targetType: 'operation',
    targetId: row.id,
    details: { from: row.status, to },
  });
}

async function findShared(trx: Db, fromAgency: string, sharedId: string): Promise<OperationRow> {
  // The shared id is the proposer's own id: ours when we proposed, the sender's when they did.
  const row =
    (await store.findOperationByOrigin(trx, fromAgency, sharedId)) ??
    (await trx
      .selectFrom('operations')
      .selectAll()
      .where('origin_operation_id', '=', sharedId)
      .where('counterpart_agency', '=', fromAgency)
      .executeTakeFirst());
  if (!row) {
    throw invalid(
      'operations.unknown_operation',
      `No joint operation ${sharedId} with ${fromAgency} on this node`,
    );
  }
  return row;
}

/** Records an `operation.invite` from a counterpart: a new proposal, a re-proposal, or an answer to ours. */
export async function recordIncomingOperationInvite(
  trx: Db,
  fromAgency: string,
  body: OperationInviteBody,
): Promise<void> {
  if (body.stage === 'proposed') await recordProposal(trx, fromAgency, body);
  else await recordAnswer(trx, fromAgency, body);
}

/** Records a counterpart's after-action report beside our own. */
export async function recordIncomingOperationReport(
  trx: Db,
  fromAgency: string,
  body: OperationReportBody,
): Promise<void> {
  const row = await findShared(trx, fromAgency, body.operationId);
  const report: OperationReport = {
    findings: body.findings,
    lessons: body.lessons,
    interceptions: {
      events: body.interceptions.events,
      persons: body.interceptions.persons,
      byOutcome: body.interceptions.byOutcome ?? [],
    },
    completedAt: body.completedAt,
  };
  await store.updateOperation(trx, row.id, {
    counterpart_report: JSON.stringify(report),
    updated_at: nowIso(),
  });
  await appendAudit(trx, peerActor(fromAgency), {
    action: 'operation.report_received',
    targetType: 'operation',
    targetId: row.id,
  });
}

// ---- statistics for reports ----

/** Operations overlapping a period, counted by kind and by status. */
export async function countOperations(db: Db, period: { from: string; to: string }) {
  const rows = await store.countOperationsBy(db, utc(period.from), utc(period.to));
  const byKind: Record<string, number> = {};
  const byStatus: Record<string, number> = {};
  let total = 0;
  for (const row of rows) {
    const count = Number(row.count);
    byKind[row.kind] = (byKind[row.kind] ?? 0) + count;
    byStatus[row.status] = (byStatus[row.status] ?? 0) + count;
    total += count;
  }
  return { total, byKind, byStatus };
}
