import type { ReportPeriod } from './period.js';
import type {
  Counts,
  CountWindow,
  CrossingCounts,
  HandoverCounts,
  HitCounts,
  InterceptionCounts,
  LiaisonCounts,
  NotificationCounts,
  OperationCounts,
  ReportSources,
  Section,
} from './report-sources.js';
import type { Statistics } from './reports.schema.js';

const count = (counts: Counts, key: string): number => counts[key] ?? 0;

/** Acknowledged in time as a percentage with one decimal; null when nothing carried a deadline. */
export function percentWithin(within: number, withDeadline: number): number | null {
  if (withDeadline === 0) return null;
  return Math.round((within / withDeadline) * 1000) / 10;
}

// What an unavailable section reads as: the shape stays stable, `unavailable` says the zeros mean nothing.
const NO_NOTIFICATIONS: NotificationCounts = {
  sent: 0,
  received: 0,
  byType: {},
  byCounterpart: {},
  withDeadline: 0,
  acknowledgedWithinDeadline: 0,
  overdue: 0,
};
const NO_HITS: HitCounts = { total: 0, byStatus: {}, byAction: {}, byPort: {}, byDirection: {} };
const NO_CROSSINGS: CrossingCounts = { total: 0, byDirection: {}, byPort: {} };
const NO_INTERCEPTIONS: InterceptionCounts = {
  events: 0,
  persons: 0,
  byOutcome: {},
  byDirection: {},
  byNationality: {},
  byPass: {},
};
const NO_OPERATIONS: OperationCounts = { total: 0, byKind: {}, byStatus: {} };
const NO_HANDOVERS: HandoverCounts = { total: 0, byStatus: {} };
const NO_LIAISON: LiaisonCounts = { total: 0, byChannel: {}, byParty: {} };

function operationsOf(counts: OperationCounts): Statistics['operations'] {
  return {
    patrols: count(counts.byKind, 'patrol'),
    lawEnforcement: count(counts.byKind, 'law_enforcement'),
    exercises: count(counts.byKind, 'exercise'),
    byStatus: counts.byStatus,
  };
}

// Every handover starts as a request and is done only after acceptance; a rescheduled one may or may not
// have been accepted before, so it counts as requested only.
function handoversOf(counts: HandoverCounts): Statistics['handovers'] {
  const done = count(counts.byStatus, 'done');
  return {
    requested: counts.total,
    accepted: count(counts.byStatus, 'accepted') + done,
    done,
    byStatus: counts.byStatus,
    ...(counts.byCounterpart && { byCounterpart: counts.byCounterpart }),
  };
}

// Video calls are calls to the reader of a press release; only letters and meetings are counted apart.
function liaisonOf(counts: LiaisonCounts): Statistics['liaison'] {
  return {
    letters: count(counts.byChannel, 'letter'),
    calls: count(counts.byChannel, 'phone') + count(counts.byChannel, 'video'),
    meetings: count(counts.byChannel, 'meeting'),
    byParty: counts.byParty,
  };
}

function interceptionsOf(i: InterceptionCounts): Statistics['interceptions'] {
  return {
    events: i.events,
    persons: i.persons,
    byOutcome: i.byOutcome,
    byDirection: i.byDirection,
    byNationality: i.byNationality,
    byPass: i.byPass,
    ...(i.byCounty && { byCounty: i.byCounty }),
  };
}

async function section<T>(
  unavailable: Section[],
  name: Section,
  source: ((window: CountWindow) => Promise<T>) | undefined,
  window: CountWindow,
  empty: T,
): Promise<T> {
  if (source) return source(window);
  unavailable.push(name);
  return empty;
}

/** Collects every module's counts for a period into the report's stable shape. */
export async function buildStatistics(
  sources: ReportSources,
  agency: string,
  period: ReportPeriod,
  now: Date = new Date(),
): Promise<Statistics> {
  const window: CountWindow = {
    startsAt: period.startsAt,
    endsAt: period.endsAt,
    from: period.from,
    to: period.to,
  };
  const unavailable: Section[] = [];
  const countNotifications = sources.notifications?.bind(sources);
  const notificationsSource = countNotifications && ((w: CountWindow) => countNotifications(w, now));
  const [counterparts, notifications, hits, crossings, interceptions, operations, handovers, liaison] =
    await Promise.all([
      sources.counterparts(),
      section(unavailable, 'notifications', notificationsSource, window, NO_NOTIFICATIONS),
      section(unavailable, 'hits', sources.hits?.bind(sources), window, NO_HITS),
      section(unavailable, 'crossings', sources.crossings?.bind(sources), window, NO_CROSSINGS),
      section(unavailable, 'interceptions', sources.interceptions?.bind(sources), window, NO_INTERCEPTIONS),
      section(unavailable, 'operations', sources.operations?.bind(sources), window, NO_OPERATIONS),
      section(unavailable, 'handovers', sources.handovers?.bind(sources), window, NO_HANDOVERS),
      section(unavailable, 'liaison', sources.liaison?.bind(sources), window, NO_LIAISON),
    ]);
  return {
    period: { from: period.from, to: period.to, label: period.label },
    agency,
    timeZone: period.timeZone,
    generatedAt: now.toISOString(),
    unavailable: [...unavailable].sort(),
    counterparts: counterparts.length,
    counterpartCountries: new Set(counterparts.map((counterpart) => counterpart.country)).size,
    notifications: {
      sent: notifications.sent,
      received: notifications.received,
      byType: notifications.byType,
      byCounterpart: notifications.byCounterpart,
      acknowledgedWithinDeadlinePct: percentWithin(
        notifications.acknowledgedWithinDeadline,
        notifications.withDeadline,
      ),
      overdue: notifications.overdue,
    },
    hits: {
      total: hits.total,
      confirmed: count(hits.byStatus, 'confirmed'),
      dismissed: count(hits.byStatus, 'dismissed'),
      open: count(hits.byStatus, 'open'),
      byAction: hits.byAction,
      byPort: hits.byPort,
      byDirection: hits.byDirection,
    },
    crossings: { total: crossings.total, byDirection: crossings.byDirection, byPort: crossings.byPort },
    interceptions: interceptionsOf(interceptions),
    operations: operationsOf(operations),
    handovers: handoversOf(handovers),
    liaison: liaisonOf(liaison),
  };
}
