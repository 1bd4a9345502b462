import type { Kysely } from 'kysely';
import { FreshValue } from '../../core/db/changes.js';
import { changeSourceOf, type Database, type Db } from '../../core/db/database.js';
import { offsetMinutes } from '../situation/local-time.js';
import type { PortStatus, PortStatusLookup, RiskLevel, RiskLookup } from './ports.js';
import { type Evidence, RULES, type RuleName } from './warning.schema.js';
import * as store from './warning.store.js';
import type { FlaggedConveyanceRow } from './warning.tables.js';

/** Port statuses under which no traveller should be crossing at all. */
const NO_PASSENGERS: ReadonlySet<PortStatus> = new Set(['closed', 'cargo_only']);

/** What the rules read about a crossing: no identity, only where, when and how. */
export interface RuleSubject {
  readonly portCode: string;
  readonly crossedAt: string;
  readonly conveyance?: string | null;
  readonly fromCounty?: string | null;
  readonly residenceCounty?: string | null;
}

/** A rule that fired, with the facts that made it fire. */
export interface RuleFinding {
  readonly rule: RuleName;
  readonly detail: string;
  readonly evidence: readonly Evidence[];
}

/** The rules in force and what they look things up in; lookups are remembered for the context's lifetime. */
export interface RuleContext {
  readonly enabled: ReadonlySet<RuleName>;
  readonly flagged: ReadonlyMap<string, FlaggedConveyanceRow>;
  riskLevel(countyCode: string, day: string): Promise<RiskLevel | null>;
  portStatus(portCode: string, at: string): Promise<PortStatus | null>;
  /** The country of this node's agency: it records the crossings at that country's ports. */
  readonly ownCountry: string;
  /** The country of a port of the directory; null when the directory has no port with this code. */
  portCountry(portCode: string): Promise<string | null>;
  /**
   * The day an instant falls on in the agency's time zone: validity, risk figures and flagged conveyances are
   * all counted in the agency's days, not UTC's (at the border, 01:00 in Beijing is yesterday in UTC).
   */
  dayOf(instant: string): string;
}

/** Conveyances compare on letters and digits only: `AB-123`, `ab 123` and `AB123` are one vehicle. */
export const conveyanceKey = (text: string): string => text.toUpperCase().replace(/[^\p{L}\p{N}]/gu, '');

function memo<T>(lookup: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const cache = new Map<string, Promise<T>>();
  return (key) => {
    let value = cache.get(key);
    if (!value) {
      value = lookup(key);
      cache.set(key, value);
      // A failed lookup (a busy database) is asked again next time, not remembered.
      value.catch(() => cache.delete(key));
    }
    return value;
  };
}

const QUARTER_HOUR_MS = 15 * 60_000;

/**
 * The day of an instant in a time zone, asking the zone's offset once per quarter hour of UTC: zones change
 * their offset only at quarter hours, and the desk asks for every crossing (Intl's formatting costs more than
 * screening a name does).
 */
function agencyDays(timeZone: string): (instant: string) => string {
  const offsets = new Map<number, number>();
  return (instant) => {
    const at = Date.parse(instant);
    const quarter = Math.floor(at / QUARTER_HOUR_MS);
    let offset = offsets.get(quarter);
    if (offset === undefined) {
      offset = offsetMinutes(new Date(quarter * QUARTER_HOUR_MS), timeZone);
      offsets.set(quarter, offset);
    }
    return new Date(at + offset * 60_000).toISOString().slice(0, 10);
  };
}

/** Reads which rules are on and the flagged conveyances; lookups are cached for the context's lifetime. */
export async function loadRuleContext(
  db: Db,
  agency: string,
  risk: RiskLookup,
  ports: PortStatusLookup,
): Promise<RuleContext> {
  const own = await store.agencyPlace(db, agency);
  const dayOf = agencyDays(own?.time_zone ?? 'UTC');
  const today = dayOf(new Date().toISOString());
  const settings = new Map((await store.listRuleSettings(db)).map((row) => [row.rule, row.enabled === 1]));
  const enabled = new Set(RULES.filter((rule) => settings.get(rule) ?? true));
  const flagged = new Map(
    (await store.listFlaggedConveyances(db))
      .filter((row) => row.valid_until === null || row.valid_until >= today)
      .map((row) => [row.conveyance_key, row]),
  );
  const riskOf = memo((key) => {
    const [county = '', day = ''] = key.split('|');
    return risk.riskLevel(county, day);
  });
  // Port status changes during a day, so it is cached per hour: bulk uploads span many hours.
  const statusOf = memo((key) => {
    const [port = '', hour = ''] = key.split('|');
    return ports.status(port, `${hour}:00:00Z`);
  });
  return {
    enabled,
    flagged,
    riskLevel: (county, day) => riskOf(`${county}|${day}`),
    portStatus: (port, at) => statusOf(`${port}|${at.slice(0, 13)}`),
    // an agency the directory does not hold yet is of the country its code names, as the node creates it
    ownCountry: own?.country ?? agency.slice(0, 2),
    portCountry: memo((port) => store.portCountry(db, port)),
    dayOf,
  };
}

/**
 * Tables the desk writes with every crossing. Nothing a rule reads is in them, so their writes leave the
 * cached rule context in place; a write to any other table (rules, flags, the port register, risk figures, the
 * directory — or anything else) reloads it.
 */
const CROSSING_TABLES = ['warning_crossings', 'warning_hits', 'audit_log'];

/**
 * The rule context in force, kept between requests and exact: reloaded after any write this process makes to
 * a table other than the crossing tables (counted when it commits), after any commit by another process on
 * SQLite, within CROSS_PROCESS_BOUND_MS of one on PostgreSQL, and every minute (so the agency's day turns on time). `risk` and `ports` must
 * read the database `db` is (the composition root gives them the node's handle), or their changes go unseen.
 */
export function ruleContextCache(
  db: Kysely<Database>,
  agency: string,
  risk: RiskLookup,
  ports: PortStatusLookup,
): () => Promise<RuleContext> {
  const fresh = new FreshValue(changeSourceOf(db), CROSSING_TABLES, () =>
    loadRuleContext(db, agency, risk, ports),
  );
  // keyed by the minute: the agency's day turns at a quarter hour of UTC at the latest (Nepal, +05:45)
  return () => fresh.get(new Date().toISOString().slice(0, 16));
}

/** The facts a rule fires on, as the `reason` of their evidence. */
export const RULE_REASONS = ['county_high_risk', 'port_closed', 'conveyance_flagged'] as const;

/** A fact that made a rule fire; `reason` and `values` word it in the reader's language, `detail` in English. */
const fact = (
  field: string,
  detail: string,
  reason: (typeof RULE_REASONS)[number],
  values: Record<string, string>,
): Evidence => ({
  field,
  agreement: 'exact',
  weight: 1,
  detail,
  reason,
  values,
});

async function riskFindings(context: RuleContext, subject: RuleSubject): Promise<RuleFinding[]> {
  const day = context.dayOf(subject.crossedAt);
  const places = [
    ['fromCounty', subject.fromCounty],
    ['residenceCounty', subject.residenceCounty],
  ] as const;
  const evidence: Evidence[] = [];
  for (const [field, county] of places) {
    if (county && (await context.riskLevel(county, day)) === 'high') {
      evidence.push(
        fact(field, `${county} has a high risk level on ${day}`, 'county_high_risk', { county, day }),
      );
    }
  }
  if (evidence.length === 0) return [];
  return [{ rule: 'high_risk_county', detail: evidence.map((e) => e.detail).join('; '), evidence }];
}

/** Runs every enabled rule on a crossing. */
export async function evaluateRules(context: RuleContext, subject: RuleSubject): Promise<RuleFinding[]> {
  const findings: RuleFinding[] = [];
  if (context.enabled.has('high_risk_county')) findings.push(...(await riskFindings(context, subject)));
  if (context.enabled.has('port_closed_to_passengers')) {
    const status = await context.portStatus(subject.portCode, subject.crossedAt);
    if (status && NO_PASSENGERS.has(status)) {
      const { portCode, crossedAt } = subject;
      const detail = `port ${portCode} is ${status} at ${crossedAt}`;
      const evidence = [fact('portCode', detail, 'port_closed', { portCode, status, crossedAt })];
      findings.push({ rule: 'port_closed_to_passengers', detail, evidence });
    }
  }
  if (context.enabled.has('flagged_conveyance') && subject.conveyance) {
    const flagged = context.flagged.get(conveyanceKey(subject.conveyance));
    if (flagged) {
      const { conveyance, reason } = flagged;
      const detail = `conveyance ${conveyance} is flagged: ${reason}`;
      const evidence = [fact('conveyance', detail, 'conveyance_flagged', { conveyance, reason })];
      findings.push({ rule: 'flagged_conveyance', detail, evidence });
    }
  }
  return findings;
}
