import { appendAudit } from '../../core/audit/audit.js';
import type { Actor } from '../../core/auth/roles.js';
import type { Db } from '../../core/db/database.js';
import { inTransaction } from '../../core/db/transaction.js';
import { AppError, invalid } from '../../core/errors.js';
import { newId, nowIso } from '../../core/ids.js';
import type { Port } from '../directory/directory.schema.js';
import type { PortPolicyBody } from '../exchange/bodies/index.js';
import { localDate, offsetText } from './local-time.js';
import { addDays, daysBetween, isStale, type PortStatus, portStatusAsOf } from './rules/index.js';
import {
  type CrossingCount,
  type CrossingRangeQuery,
  MAX_CROSSING_RANGE_DAYS,
  type NewCrossingCount,
  type NewPortStatus,
  type PortMeasuresInput,
  type PortState,
  type PortStatusVersionView,
} from './situation.schema.js';
import * as store from './situation.store.js';
import type { SituationPortCrossingRow, SituationPortStatusRow } from './situation.tables.js';
import {
  agencyInfo,
  allPorts,
  counterpartsFacing,
  knownPort,
  nowOf,
  type SituationContext,
} from './situation-context.js';
import { getSituationSettings } from './situation-settings.js';

function toVersion(row: SituationPortStatusRow): PortStatusVersionView & { recordedAt: string } {
  return {
    id: row.id,
    portCode: row.port_code,
    source: row.source_agency,
    status: row.status as PortStatus,
    measures: JSON.parse(row.measures) as PortMeasuresInput,
    effectiveFrom: row.effective_from,
    effectiveTo: row.effective_to,
    recordedAt: row.recorded_at,
    recordedBy: row.recorded_by,
    note: row.note,
  };
}

/** Records a new version of our port's control status and tells the counterparts facing it. */
export async function recordPortStatus(
  ctx: SituationContext,
  actor: Actor,
  portCode: string,
  input: NewPortStatus,
): Promise<PortStatusVersionView> {
  const own = await agencyInfo(ctx.db, ctx.ownAgency);
  const port = await knownPort(ctx.db, portCode);
  if (port.country !== own.country) {
    throw invalid(
      'situation.not_own_port',
      `port ${portCode} is in ${port.country}; its status comes from there`,
      {
        field: 'portCode',
      },
    );
  }
  if (input.effectiveTo && input.effectiveTo < input.effectiveFrom) {
    throw invalid('situation.effective_range', 'effectiveTo is before effectiveFrom', {
      field: 'effectiveTo',
    });
  }
  const settings = await getSituationSettings(ctx.db);
  const row: SituationPortStatusRow = {
    id: newId(),
    port_code: portCode,
    source_agency: own.code,
    status: input.status,
    measures: JSON.stringify(input.measures),
    effective_from: input.effectiveFrom,
    effective_to: input.effectiveTo ?? null,
    recorded_at: nowIso(),
    recorded_by: actor.name,
    note: input.note ?? null,
  };
  await inTransaction(ctx.db, async (trx) => {
    await store.insertPortStatus(trx, row);
    await appendAudit(trx, actor, {
      action: 'situation.port_status_record',
      targetType: 'port',
      targetId: portCode,
      details: { status: input.status, effectiveFrom: input.effectiveFrom },
    });
    const to = await counterpartsFacing(trx, port.neighbourCountry ?? null);
    if (to.length === 0) return;
    await ctx.notifier.notify(trx, {
      notification: { type: 'port.policy', body: portPolicyBody(port, input, own.timeZone) },
      to,
      priority: input.status === 'closed' ? 'urgent' : 'routine',
      send: settings.sendNotifications,
      reason: `status of port ${portCode} is ${input.status} from ${input.effectiveFrom}`,
    });
  });
  ctx.events?.publish({
    type: 'situation.port_status_changed',
    agencyCode: ctx.ownAgency,
    data: { portCode, versionId: row.id },
  });
  return toVersion(row);
}

/** The `port.policy` body for a version of our port's status; dates become local midnights. */
function portPolicyBody(port: Port, input: NewPortStatus, timeZone: string): PortPolicyBody {
  const midnight = (date: string) => `${date}T00:00:00${offsetText(date, timeZone)}`;
  return {
    schemaVersion: 1,
    portCode: port.code,
    ...(port.counterpartPortCode && { counterpartPortCode: port.counterpartPortCode }),
    status: input.status,
    measures: input.measures,
    effectiveFrom: midnight(input.effectiveFrom),
    // The register's last day is inclusive; the body's end is the instant the next day begins.
    ...(input.effectiveTo && { effectiveTo: midnight(addDays(input.effectiveTo, 1)) }),
  };
}

/**
 * Stores a counterpart's `port.policy` as a version of their port (called by exchange's incoming handler
 * in the receiving transaction). Dates are taken in the sender's own offset, as written.
 */
export async function recordIncomingPortPolicy(
  trx: Db,
  fromAgency: string,
  body: PortPolicyBody,
): Promise<void> {
  const endsAtMidnight = body.effectiveTo ? /T00:00(:00(\.0+)?)?/.test(body.effectiveTo) : false;
  const effectiveTo = body.effectiveTo
    ? endsAtMidnight
      ? addDays(body.effectiveTo.slice(0, 10), -1)
      : body.effectiveTo.slice(0, 10)
    : null;
  const actor: Actor = { userId: null, name: `federation:${fromAgency}`, ip: null, requestId: null };
  await store.insertPortStatus(trx, {
    id: newId(),
    port_code: body.portCode,
    source_agency: fromAgency,
    status: body.status,
    measures: JSON.stringify(body.measures),
    effective_from: body.effectiveFrom.slice(0, 10),
    effective_to: effectiveTo,
    recorded_at: nowIso(),
    recorded_by: actor.name,
    note: null,
  });
  await appendAudit(trx, actor, {
    action: 'situation.port_policy_receive',
    targetType: 'port',
    targetId: body.portCode,
    details: { from: fromAgency, status: body.status },
  });
}

/** Every recorded version of a port's status, oldest first. */
export async function portHistory(db: Db, portCode: string): Promise<PortStatusVersionView[]> {
  return (await store.listPortStatuses(db, [portCode])).map(toVersion);
}

/** Every directory port with its status in force on `asOf` (today by default) and a staleness flag. */
export async function portsAsOf(ctx: SituationContext, asOf?: string): Promise<PortState[]> {
  const own = await agencyInfo(ctx.db, ctx.ownAgency);
  const settings = await getSituationSettings(ctx.db);
  const now = nowOf(ctx);
  const today = localDate(now, own.timeZone);
  const date = asOf ?? today;
  // For a past day, staleness is judged as it stood at the end of that day.
  const reference = date < today ? new Date(`${addDays(date, 1)}T00:00:00Z`) : now;
  const versions = new Map<string, ReturnType<typeof toVersion>[]>();
  for (const row of await store.listPortStatuses(ctx.db)) {
    versions.set(row.port_code, [...(versions.get(row.port_code) ?? []), toVersion(row)]);
  }
  const referenceIso = reference.toISOString();
  return (await allPorts(ctx.db)).map((port) => {
    const side = port.country === own.country ? 'own' : 'counterpart';
    const mine = (versions.get(port.code) ?? []).filter((v) =>
      side === 'own' ? v.source === own.code : v.source !== own.code,
    );
    // The status is what we know now (backdated versions included); staleness is judged as known then.
    const lastUpdateAt = mine.reduce<string | null>(
      (last, v) => (v.recordedAt <= referenceIso && (!last || v.recordedAt > last) ? v.recordedAt : last),
      null,
    );
    return {
      portCode: port.code,
      country: port.country,
      side,
      counterpartPortCode: port.counterpartPortCode ?? null,
      current: portStatusAsOf(mine, date),
      lastUpdateAt,
      stale: isStale(lastUpdateAt, reference, settings.portStaleAfterDays),
    };
  });
}

/** Records how many people (and vehicles) crossed at a port on a day, by our count or a counterpart's. */
export async function recordCrossings(
  ctx: SituationContext,
  actor: Actor,
  portCode: string,
  date: string,
  input: NewCrossingCount,
) {
  await knownPort(ctx.db, portCode);
  const row: SituationPortCrossingRow = {
    port_code: portCode,
    crossing_date: date,
    source_agency: input.source ?? ctx.ownAgency,
    people: input.people,
    vehicles: input.vehicles ?? null,
    recorded_at: nowIso(),
    recorded_by: actor.name,
  };
  await inTransaction(ctx.db, async (trx) => {
    await store.upsertCrossing(trx, row);
    await appendAudit(trx, actor, {
      action: 'situation.crossings_record',
      targetType: 'port',
      targetId: portCode,
      details: { date, source: row.source_agency },
    });
  });
  return toCrossingCount(row);
}

function toCrossingCount(row: SituationPortCrossingRow): CrossingCount {
  return {
    portCode: row.port_code,
    date: row.crossing_date,
    source: row.source_agency,
    people: row.people,
    vehicles: row.vehicles,
    recordedAt: row.recorded_at,
  };
}

/** The count recorded for a port's day by one source (our own agency by default), or a 404. */
export async function getCrossings(
  ctx: SituationContext,
  portCode: string,
  date: string,
  source?: string,
): Promise<CrossingCount> {
  await knownPort(ctx.db, portCode);
  const counted = source ?? ctx.ownAgency;
  const row = await store.findCrossing(ctx.db, portCode, date, counted);
  if (!row) {
    throw new AppError(
      'not_found',
      'situation.crossings_not_found',
      `No crossing count by ${counted} is recorded for port ${portCode} on ${date}`,
      { portCode, date, source: counted },
    );
  }
  return toCrossingCount(row);
}

/** A port's recorded counts in a range of at most a year, newest day first. */
export async function listCrossingCounts(
  ctx: SituationContext,
  portCode: string,
  range: CrossingRangeQuery,
): Promise<CrossingCount[]> {
  const span = daysBetween(range.from, range.to);
  if (span < 0 || span >= MAX_CROSSING_RANGE_DAYS) {
    throw invalid(
      'situation.bad_crossing_range',
      `The range runs from 'from' to 'to' (inclusive) and covers at most ${MAX_CROSSING_RANGE_DAYS} days`,
      { field: span < 0 ? 'from' : 'to', from: range.from, to: range.to, maxDays: MAX_CROSSING_RANGE_DAYS },
    );
  }
  await knownPort(ctx.db, portCode);
  return (await store.listPortCrossings(ctx.db, portCode, range)).map(toCrossingCount);
}
