import { createHash } from 'node:crypto';
import { appendAudit } from '../../core/audit/audit.js';
import type { Actor } from '../../core/auth/roles.js';
import type { Db } from '../../core/db/database.js';
import { inTransaction } from '../../core/db/transaction.js';
import { conflict, invalid, notFound } from '../../core/errors.js';
import { decodeCursor, pageOf } from '../../core/http/pagination.js';
import { newId, nowIso } from '../../core/ids.js';
import { getAgency, listCountries } from '../directory/directory.service.js';
import { assertValidBody, type HandoverRequestBody } from '../exchange/bodies/index.js';
import type { Reader } from './interceptions.service.js';
import type {
  Handover,
  HandoverPerson,
  HandoverStatus,
  NewHandover,
  Reschedule,
} from './operations.schema.js';
import type { OperationsDeps } from './operations.service.js';
import { utc } from './operations.service.js';
import * as store from './operations.store.js';
import type { HandoverRow } from './operations.tables.js';

/**
 * Alpha-3 codes of the countries bordering China (and China), for when the directory has no country list yet:
 * the own-nationality check must not depend on an import having been run.
 */
const ALPHA3_FALLBACK: Readonly<Record<string, string>> = {
  CN: 'CHN',
  RU: 'RUS',
  MN: 'MNG',
  KZ: 'KAZ',
  KG: 'KGZ',
  TJ: 'TJK',
  AF: 'AFG',
  PK: 'PAK',
  IN: 'IND',
  NP: 'NPL',
  BT: 'BTN',
  MM: 'MMR',
  LA: 'LAO',
  VN: 'VNM',
  KP: 'PRK',
};

async function ownNationality(db: Db, ownAgency: string): Promise<string | null> {
  const country = (await getAgency(db, ownAgency)).country;
  const listed = (await listCountries(db)).find((entry) => entry.code === country);
  return listed?.alpha3 ?? ALPHA3_FALLBACK[country] ?? null;
}

/** Names one handover on both nodes from what the request body carries; a hash, so it holds no identity. */
function personKey(interceptionId: string | null | undefined, person: HandoverPerson): string {
  const parts = [
    interceptionId ?? '',
    person.surname,
    person.givenNames,
    person.nationality,
    person.birthDate ?? '',
    person.documentNumber ?? '',
  ];
  return createHash('sha256')
    .update(parts.map((part) => part.toUpperCase()).join('\u001f'))
    .digest('hex');
}

/** The side a requested or rescheduled handover waits for; null once accepted or done. */
function awaitingOf(row: HandoverRow): Handover['awaiting'] {
  if (row.status !== 'requested' && row.status !== 'rescheduled') return null;
  return row.awaiting === 'us' || row.awaiting === 'counterpart' ? row.awaiting : null;
}

function toHandover(row: HandoverRow, withPerson: boolean): Handover {
  const awaiting = awaitingOf(row);
  return {
    id: row.id,
    role: row.role as Handover['role'],
    counterpartAgency: row.counterpart_agency,
    interceptionId: row.interception_id,
    status: row.status as HandoverStatus,
    nationality: row.nationality,
    ...(withPerson && { person: row.person === null ? null : (JSON.parse(row.person) as HandoverPerson) }),
    health: JSON.parse(row.health) as Handover['health'],
    proposedAt: row.proposed_at,
    place: JSON.parse(row.place) as Handover['place'],
    awaiting,
    canAccept: awaiting === 'us',
    confirmedByUsAt: row.confirmed_by_us_at,
    confirmedByCounterpartAt: row.confirmed_by_counterpart_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function requestBody(row: HandoverRow, stage: HandoverRequestBody['stage']): HandoverRequestBody {
  if (row.person === null) {
    throw conflict(
      'operations.person_purged',
      `Handover ${row.id} no longer holds the person; its retention ended`,
    );
  }
  return assertValidBody('handover.request', {
    schemaVersion: 1,
    person: JSON.parse(row.person) as HandoverPerson,
    health: JSON.parse(row.health) as Handover['health'],
    proposedAt: row.proposed_at,
    place: JSON.parse(row.place) as Handover['place'],
    ...(row.interception_id && { interceptionId: row.interception_id }),
    stage,
  });
}

/** A handover happens at one port or one pass: the counterpart must know exactly where to come. */
function checkPlace(place: Handover['place'] | undefined): void {
  if (place && Boolean(place.portCode) === Boolean(place.passCode)) {
    throw invalid(
      'operations.bad_handover_place',
      'The place names either a port (portCode) or a pass (passCode), not both or none',
      {
        field: 'place',
      },
    );
  }
}

async function requireHandover(db: Db, id: string): Promise<HandoverRow> {
  const row = await store.findHandover(db, id);
  if (!row) throw notFound('operations.handover_not_found', 'Handover', id);
  return row;
}

async function auditPersonRead(db: Db, reader: Reader, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await appendAudit(db, reader.actor, {
    action: 'handover.person_read',
    targetType: 'handover',
    targetId: ids.length === 1 ? (ids[0] ?? null) : null,
    details: { handovers: ids },
  });
}

/** Asks the counterpart to take over an intercepted foreign national. */
export async function requestHandover(
  db: Db,
  deps: OperationsDeps,
  actor: Actor,
  input: NewHandover,
): Promise<Handover> {
  checkPlace(input.place);
  const own = await ownNationality(db, deps.ownAgency);
  if (own !== null && input.person.nationality === own) {
    throw invalid(
      'operations.own_national',
      `The person is of our own nationality (${own}); only foreign nationals are handed over to a counterpart`,
      { field: 'person.nationality' },
    );
  }
  const counterpart = await getAgency(db, input.counterpartAgency).catch(() => null);
  if (!counterpart || counterpart.kind === 'own') {
    throw invalid(
      'operations.unknown_counterpart',
      `${input.counterpartAgency} is not a counterpart agency in the directory`,
      {
        field: 'counterpartAgency',
      },
    );
  }
  if (!(await store.findInterception(db, input.interceptionId))) {
    throw invalid('operations.unknown_interception', `No interception ${input.interceptionId}`, {
      field: 'interceptionId',
    });
  }
  const now = nowIso();
  const row: HandoverRow = {
    id: newId(),
    role: 'handing',
    counterpart_agency: input.counterpartAgency,
    interception_id: input.interceptionId,
    status: 'requested',
    person_key: personKey(input.interceptionId, input.person),
    person: JSON.stringify(input.person),
    nationality: input.person.nationality,
    health: JSON.stringify(input.health),
    proposed_at: utc(input.proposedAt),
    place: JSON.stringify(input.place),
    awaiting: 'counterpart',
    confirmed_by_us_at: null,
    confirmed_by_counterpart_at: null,
    person_purged_at: null,
    created_by: actor.name,
    created_at: now,
    updated_at: now,
  };
  return inTransaction(db, async (trx) => {
    if (await store.findHandoverByKey(trx, row.counterpart_agency, row.person_key)) {
      throw conflict(
        'operations.handover_exists',
        'A handover of this person from this interception already exists',
      );
    }
    await store.insertHandover(trx, row);
    await appendAudit(trx, actor, { action: 'handover.request', targetType: 'handover', targetId: row.id });
    await deps.notifier.send(trx, actor, {
      type: 'handover.request',
      to: [row.counterpart_agency],
      priority: 'urgent',
      body: requestBody(row, 'request'),
    });
    return toHandover(row, true);
  });
}

type HandoverStep = 'accept' | 'reschedule' | 'done';

/** The status after a step by `who`, or a 409 naming the current status and what would be needed. */
function stepChanges(
  row: HandoverRow,
  step: HandoverStep,
  who: 'us' | 'counterpart',
  at: string,
): Partial<HandoverRow> {
  const status = row.status as HandoverStatus;
  const refuse = (why: string) =>
    conflict('operations.illegal_handover_step', `Cannot ${step} a handover that is ${status}: ${why}`, {
      from: status,
      step,
    });
  if (step === 'accept') {
    if (status !== 'requested' && status !== 'rescheduled')
      throw refuse('only a requested or rescheduled one can be accepted');
    if (row.awaiting !== who) throw refuse('the side that proposed the time cannot accept it');
    return { status: 'accepted', awaiting: null };
  }
  if (step === 'reschedule') {
    if (status === 'done') throw refuse('it is already done');
    return { status: 'rescheduled', awaiting: who === 'us' ? 'counterpart' : 'us' };
  }
  if (status !== 'accepted') throw refuse('only an accepted handover can be confirmed as done');
  const confirmed =
    who === 'us'
      ? { confirmed_by_us_at: row.confirmed_by_us_at ?? at }
      : { confirmed_by_counterpart_at: row.confirmed_by_counterpart_at ?? at };
  const both = { ...row, ...confirmed };
  return {
    ...confirmed,
    ...(both.confirmed_by_us_at && both.confirmed_by_counterpart_at && { status: 'done' }),
  };
}

const STAGE_OF: Record<HandoverStep, HandoverRequestBody['stage']> = {
  accept: 'accept',
  reschedule: 'reschedule',
  done: 'done',
};

/** Accepts, reschedules or confirms a handover on our side and tells the counterpart. */
export async function handoverStep(
  db: Db,
  deps: OperationsDeps,
  actor: Actor,
  id: string,
  step: HandoverStep,
  reschedule?: Reschedule,
): Promise<Handover> {
  checkPlace(reschedule?.place);
  return inTransaction(db, async (trx) => {
    const row = await requireHandover(trx, id);
    const now = nowIso();
    const changes: Partial<HandoverRow> = { ...stepChanges(row, step, 'us', now), updated_at: now };
    if (reschedule) {
      changes.proposed_at = utc(reschedule.proposedAt);
      if (reschedule.place) changes.place = JSON.stringify(reschedule.place);
    }
    const updated = { ...row, ...changes };
    await store.updateHandover(trx, id, changes);
    await appendAudit(trx, actor, {
      action: `handover.${step}`,
      targetType: 'handover',
      targetId: id,
      details: { from: row.status, to: updated.status },
    });
    await deps.notifier.send(trx, actor, {
      type: 'handover.request',
      to: [row.counterpart_agency],
      priority: 'urgent',
      body: requestBody(updated, STAGE_OF[step]),
    });
    return toHandover(updated, true);
  });
}

export async function getHandover(db: Db, reader: Reader, id: string): Promise<Handover> {
  const row = await requireHandover(db, id);
  if (reader.personalData) await auditPersonRead(db, reader, [id]);
  return toHandover(row, reader.personalData);
}

export async function listHandovers(
  db: Db,
  reader: Reader,
  query: { status?: HandoverStatus; cursor?: string; limit?: number },
) {
  const limit = query.limit ?? 50;
  const before = decodeCursor(query.cursor, 1)?.[0] as string | undefined;
  const rows = await store.listHandovers(db, { status: query.status, before, limit: limit + 1 });
  const page = pageOf(rows, limit, (row) => [row.id]);
  if (reader.personalData)
    await auditPersonRead(
      db,
      reader,
      page.rows.filter((row) => row.person).map((row) => row.id),
    );
  return { items: page.rows.map((row) => toHandover(row, reader.personalData)), nextCursor: page.nextCursor };
}

const peerActor = (agency: string): Actor => ({
  userId: null,
  name: `peer:${agency}`,
  ip: null,
  requestId: null,
});

/** Records a counterpart's `handover.request`: a new request to us, or its answer to ours. */
export async function recordIncomingHandoverRequest(
  trx: Db,
  fromAgency: string,
  body: HandoverRequestBody,
): Promise<void> {
  const key = personKey(body.interceptionId, body.person);
  const existing = await store.findHandoverByKey(trx, fromAgency, key);
  const now = nowIso();
  const actor = peerActor(fromAgency);
  if (body.stage === 'request') {
    if (existing) return; // a repeated request changes nothing
    const id = newId();
    await store.insertHandover(trx, {
      id,
      role: 'receiving',
      counterpart_agency: fromAgency,
      interception_id: body.interceptionId ?? null,
      status: 'requested',
      person_key: key,
      person: JSON.stringify(body.person),
      nationality: body.person.nationality,
      health: JSON.stringify(body.health),
      proposed_at: utc(body.proposedAt),
      place: JSON.stringify(body.place),
      awaiting: 'us',
      confirmed_by_us_at: null,
      confirmed_by_counterpart_at: null,
      person_purged_at: null,
      created_by: actor.name,
      created_at: now,
      updated_at: now,
    });
    await appendAudit(trx, actor, {
      action: 'handover.requested_by_counterpart',
      targetType: 'handover',
      targetId: id,
    });
    return;
  }
  if (!existing) {
    throw invalid(
      'operations.unknown_handover',
      `No handover of this person with ${fromAgency} on this node`,
    );
  }
  let changes: Partial<HandoverRow>;
  try {
    changes = stepChanges(existing, body.stage, 'counterpart', now);
  } catch (error) {
    throw invalid('operations.illegal_handover_step', (error as Error).message);
  }
  if (body.stage === 'reschedule') {
    changes.proposed_at = utc(body.proposedAt);
    changes.place = JSON.stringify(body.place);
  }
  await store.updateHandover(trx, existing.id, {
    ...changes,
    health: JSON.stringify(body.health),
    updated_at: now,
  });
  await appendAudit(trx, actor, {
    action: `handover.${body.stage}_by_counterpart`,
    targetType: 'handover',
    targetId: existing.id,
    details: { from: existing.status, to: changes.status ?? existing.status },
  });
}

/** Handovers proposed in a period, by role, status and nationality (for reports). */
export async function countHandovers(db: Db, period: { from: string; to: string }) {
  const groups = await store.handoverTotalsBetween(db, utc(period.from), utc(period.to));
  const tally = (key: (group: (typeof groups)[number]) => string) => {
    const counts: Record<string, number> = {};
    for (const group of groups) counts[key(group)] = (counts[key(group)] ?? 0) + Number(group.count);
    return counts;
  };
  return {
    total: groups.reduce((sum, group) => sum + Number(group.count), 0),
    byRole: tally((group) => group.role),
    byStatus: tally((group) => group.status),
    byNationality: tally((group) => group.nationality),
    byCounterpart: tally((group) => group.counterpart_agency),
  };
}
