import type { Transaction } from 'kysely';
import { appendAudits } from '../../core/audit/audit.js';
import type { Actor } from '../../core/auth/roles.js';
import { isDuplicateKey } from '../../core/db/constraint-errors.js';
import type { Database } from '../../core/db/database.js';
import { groupCommit } from '../../core/db/group-commit.js';
import { AppError, conflict, invalid, wordingValues } from '../../core/errors.js';
import type { FieldError } from '../../core/http/problem.js';
import { newId, nowIso } from '../../core/ids.js';
import { birthDateProblem, hasNameText } from './identity-checks.js';
import type { CrossingIdentity as MatcherIdentity } from './matcher/index.js';
import { type MrzIssue, type MrzResult, parseMrz, toCrossingIdentity } from './mrz/index.js';
import { noFieldRefused, type RefusedField } from './row-input.js';
import { evaluateRules, type RuleContext, type RuleFinding, ruleContextCache } from './rules.js';
import type { IdentityMatch } from './screening-index.js';
import type { WarningRuntime } from './warning.runtime.js';
import type {
  EntrySummary,
  ExpectedPassenger,
  HitOrigin,
  IdentityInput,
  NewCrossing,
  NewExpectedCrossings,
  ScreeningOutcome,
} from './warning.schema.js';
import * as store from './warning.store.js';
import type { CrossingRow, HitRow, WatchlistEntryRow } from './warning.tables.js';

type TravelFields = Pick<
  NewCrossing,
  'identity' | 'mrz' | 'conveyance' | 'fromCounty' | 'residenceCounty' | 'reference'
>;

/**
 * A failed MRZ, one error per finding, each naming line, field and check digit; each also carries all the
 * findings, so the desk's answer (the first) lists them.
 */
function mrzRefusals(result: Extract<MrzResult, { ok: false }>): [AppError, ...AppError[]] {
  const failedChecks = (result.checks ?? []).filter((check) => !check.valid);
  const all = { mrzErrors: result.errors, failedChecks };
  const refusal = (issue: MrzIssue) =>
    new AppError(
      'invalid',
      'warning.mrz_invalid',
      `MRZ line ${issue.line}, field ${issue.field}: ${issue.message}`,
      {
        field: 'mrz',
        // where the officer looks on the document and what is wrong there (`issue`: a check digit, a line's
        // length…), as values the desk's own language is worded with
        ...issue.values,
        line: issue.line,
        ...(issue.position !== undefined && { position: issue.position }),
        mrzField: issue.field,
        issue: issue.code,
        ...all,
      },
    );
  const [first, ...others] = result.errors;
  if (!first)
    return [
      new AppError('invalid', 'warning.mrz_invalid', 'The MRZ could not be read', { field: 'mrz', ...all }),
    ];
  return [refusal(first), ...others.map(refusal)];
}

const MRZ_DOCUMENT_TYPES = { passport: 'passport', id_card: 'identity_card', visa: 'other', other: 'other' };

/** Who crossed: the identity to screen, and when it was read from the MRZ, the day an expired document ended. */
export interface Traveller {
  readonly identity: IdentityInput;
  readonly documentExpiredOn: string | null;
}

/** The traveller, or every reason a crossing rule refuses them (each an error naming its field). */
export type TravellerReading =
  | { readonly ok: true; readonly traveller: Traveller }
  | { readonly ok: false; readonly problems: readonly [AppError, ...AppError[]] };

const NAME_FIELDS = ['surname', 'givenNames', 'nativeName', 'documentNumber'] as const;

function travellerFromMrz(mrz: string, presentedAt: string | undefined): TravellerReading {
  const now = presentedAt === undefined ? undefined : new Date(presentedAt);
  const result = parseMrz(mrz.replace(/\\n/g, '\n'), now ? { now } : {});
  if (!result.ok) return { ok: false, problems: mrzRefusals(result) };
  const read = toCrossingIdentity(result);
  const fields: IdentityInput = {
    surname: read.surname || undefined,
    givenNames: read.givenNames || undefined,
    documentNumber: read.documentNumber || undefined,
    documentType: MRZ_DOCUMENT_TYPES[result.fields.documentType] as IdentityInput['documentType'],
    issuingState: read.issuingState ?? undefined,
    nationality: read.nationality ?? undefined,
    birthDate: read.birthDate ?? undefined,
    sex: read.sex ?? undefined,
  };
  const identity = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  const expired = result.warnings.some((warning) => warning.code === 'expired');
  const traveller = {
    identity: identity as IdentityInput,
    documentExpiredOn: expired ? result.fields.expiryDate : null,
  };
  return { ok: true, traveller };
}

/**
 * Reads the traveller to screen: typed fields, or the MRZ read (and check-digit verified). A document's expiry is
 * judged on the day it is presented, `presentedAt` (the crossing's time; now when not given). A rule leaves alone
 * the fields the schema `refused` (an upload's row is checked whole): the row reports those already.
 */
export function readTraveller(
  travel: TravelFields,
  presentedAt?: string,
  refused: RefusedField = noFieldRefused,
): TravellerReading {
  // an MRZ the schema refused is still the identity the row gives
  const hasMrz = travel.mrz !== undefined || refused('/mrz');
  if (travel.identity && hasMrz) {
    const problem = invalid('warning.identity_twice', 'Send the identity typed or as an MRZ, not both', {
      field: 'mrz',
    });
    return { ok: false, problems: [problem] };
  }
  if (travel.mrz) return travellerFromMrz(travel.mrz, presentedAt);
  const identity = travel.identity ?? {};
  const problems: AppError[] = [];
  const named = NAME_FIELDS.some((field) => hasNameText(identity[field]));
  // a name the schema refused is there to be corrected, not missing
  if (!named && !hasMrz && !NAME_FIELDS.some((field) => refused(`/identity/${field}`))) {
    problems.push(
      invalid('warning.identity_missing', 'Send a name or document number, or the MRZ', {
        field: 'identity',
      }),
    );
  }
  const birth = birthDateProblem(identity.birthDate, nowIso());
  if (birth) {
    problems.push(
      invalid('warning.birth_date_invalid', birth, {
        field: 'identity/birthDate',
        birthDate: identity.birthDate,
      }),
    );
  }
  const [first, ...others] = problems;
  if (first) return { ok: false, problems: [first, ...others] };
  return { ok: true, traveller: { identity, documentExpiredOn: null } };
}

/**
 * Why no crossing is recorded at a port, or null: the directory does not know it (reports count crossings by
 * port), or it is across the border. A node records the crossings at its own agency's ports, and the directory
 * ties a port to its country, not to an agency: the node's ports are those of its agency's country.
 */
export async function portProblem(rules: RuleContext, portCode: string): Promise<AppError | null> {
  const country = await rules.portCountry(portCode);
  if (country === null) {
    return invalid('warning.unknown_port', `There is no port ${portCode} in the directory`, {
      field: 'portCode',
      portCode,
    });
  }
  if (country !== rules.ownCountry) {
    return invalid(
      'warning.not_own_port',
      `Port ${portCode} is in ${country}: this node records crossings at the ports of ${rules.ownCountry} only`,
      { field: 'portCode', portCode, country },
    );
  }
  return null;
}

/** Where, when and how a crossing is recorded. */
export interface CrossingPlace {
  kind: 'actual' | 'expected';
  direction: string;
  portCode: string;
  crossedAt: string;
  source: string;
  importId: string | null;
}

/** A crossing row ready to screen (verdict filled in by screening). */
export function crossingRow(
  place: CrossingPlace,
  travel: TravelFields,
  identity: IdentityInput,
  by: string,
): CrossingRow {
  return {
    id: newId(),
    kind: place.kind,
    direction: place.direction,
    port_code: place.portCode,
    crossed_at: new Date(place.crossedAt).toISOString(),
    conveyance: travel.conveyance ?? null,
    from_county: travel.fromCounty ?? null,
    residence_county: travel.residenceCounty ?? null,
    surname: identity.surname ?? null,
    given_names: identity.givenNames ?? null,
    native_name: identity.nativeName ?? null,
    sex: identity.sex ?? null,
    birth_date: identity.birthDate ?? null,
    nationality: identity.nationality ?? null,
    document_type: identity.documentType ?? null,
    document_number: identity.documentNumber ?? null,
    issuing_state: identity.issuingState ?? null,
    verdict: 'clear',
    score: 0,
    source: place.source,
    import_id: place.importId,
    reference: travel.reference ?? null,
    created_by: by,
    created_at: nowIso(),
    purged_at: null,
  };
}

const orUndefined = <T>(value: T | null): T | undefined => (value === null ? undefined : value);

/** The matcher's view of a stored crossing. */
export function matcherIdentity(row: CrossingRow): MatcherIdentity {
  return {
    id: row.id,
    surname: orUndefined(row.surname),
    givenNames: orUndefined(row.given_names),
    nativeName: orUndefined(row.native_name),
    sex: orUndefined(row.sex) as MatcherIdentity['sex'],
    birthDate: orUndefined(row.birth_date),
    nationality: orUndefined(row.nationality),
    documentNumber: orUndefined(row.document_number),
    issuingState: orUndefined(row.issuing_state),
  };
}

function baseHit(
  crossing: CrossingRow,
  origin: HitOrigin,
): Omit<
  HitRow,
  | 'id'
  | 'kind'
  | 'subject'
  | 'rule'
  | 'entry_id'
  | 'source_agency'
  | 'source_entry_id'
  | 'verdict'
  | 'score'
  | 'explanation'
> {
  const now = nowIso();
  return {
    crossing_id: crossing.id,
    crossing_kind: crossing.kind,
    port_code: crossing.port_code,
    direction: crossing.direction,
    crossed_at: crossing.crossed_at,
    origin,
    status: 'open',
    decision_reason: null,
    decided_by: null,
    decided_at: null,
    action: null,
    action_by: null,
    action_at: null,
    notice_notification_id: null,
    reply_by: null,
    created_at: now,
    updated_at: now,
    purged_at: null,
  };
}

/** The hit an identity match raises, or null for a clear crossing. */
export function identityHit(crossing: CrossingRow, match: IdentityMatch, origin: HitOrigin): HitRow | null {
  if (match.verdict === 'clear' || !match.entryId) return null;
  return {
    ...baseHit(crossing, origin),
    id: newId(),
    kind: 'identity',
    subject: `entry:${match.entryId}`,
    rule: null,
    entry_id: match.entryId,
    source_agency: match.source?.agency ?? null,
    source_entry_id: match.source?.entryId ?? null,
    verdict: match.verdict,
    score: match.score,
    explanation: JSON.stringify(match.explanation),
  };
}

function ruleHit(crossing: CrossingRow, finding: RuleFinding, origin: HitOrigin): HitRow {
  return {
    ...baseHit(crossing, origin),
    id: newId(),
    kind: 'rule',
    subject: `rule:${finding.rule}`,
    rule: finding.rule,
    entry_id: null,
    source_agency: null,
    source_entry_id: null,
    verdict: 'warning',
    score: 1,
    explanation: JSON.stringify(finding.evidence),
  };
}

/** A crossing with its verdict and the hits it raised. */
export interface Screened {
  crossing: CrossingRow;
  match: IdentityMatch;
  findings: RuleFinding[];
  hits: HitRow[];
}

/**
 * The day (in the agency's calendar) whose entries a crossing is screened against: its own, or today for a
 * crossing recorded after the fact — a person listed since they crossed must be found, as retrospective
 * screening would find them.
 */
const screeningDay = (rules: RuleContext, crossedAt: string): string => {
  const crossed = rules.dayOf(crossedAt);
  const today = rules.dayOf(nowIso());
  return crossed.localeCompare(today) < 0 ? today : crossed;
};

/** Screens one crossing against the watchlist and the early-warning rules. */
export async function screenRow(
  rt: WarningRuntime,
  rules: RuleContext,
  crossing: CrossingRow,
  origin: HitOrigin,
): Promise<Screened> {
  const match = await rt.index.screen(matcherIdentity(crossing), screeningDay(rules, crossing.crossed_at));
  crossing.verdict = match.verdict;
  crossing.score = match.score;
  const findings = await evaluateRules(rules, {
    portCode: crossing.port_code,
    crossedAt: crossing.crossed_at,
    conveyance: crossing.conveyance,
    fromCounty: crossing.from_county,
    residenceCounty: crossing.residence_county,
  });
  const hit = identityHit(crossing, match, origin);
  const hits = [...(hit ? [hit] : []), ...findings.map((finding) => ruleHit(crossing, finding, origin))];
  return { crossing, match, findings, hits };
}

/** Tells live desks about new hits; ids only, the desk fetches the rest through the API. */
export function publishHits(rt: WarningRuntime, hits: readonly HitRow[]): void {
  for (const hit of hits) {
    rt.events.publish({
      type: 'hit.raised',
      agencyCode: rt.ownAgency,
      personalData: true,
      roles: ['port_officer'],
      data: {
        hitId: hit.id,
        crossingId: hit.crossing_id,
        kind: hit.kind,
        verdict: hit.verdict,
        portCode: hit.port_code,
        origin: hit.origin,
      },
    });
  }
}

/** The part of an entry the desk needs to act on a hit. */
export function entrySummary(row: WatchlistEntryRow): EntrySummary {
  return {
    id: row.id,
    sourceAgency: row.source_agency,
    category: row.category,
    surname: row.surname,
    givenNames: row.given_names,
    nativeName: row.native_name,
    birthDate: row.birth_date,
    nationality: row.nationality,
    documentNumber: row.document_number,
    reason: row.reason,
    validUntil: row.valid_until,
  };
}

/** The desk's answers for screened crossings; `travellers` are theirs, in the same order. */
async function outcomesOf(
  rt: WarningRuntime,
  screened: readonly Screened[],
  travellers: readonly Traveller[],
): Promise<ScreeningOutcome[]> {
  const entryIds = screened.flatMap((s) => (s.match.entryId ? [s.match.entryId] : []));
  const entries = new Map((await store.findEntriesByIds(rt.db, entryIds)).map((row) => [row.id, row]));
  return screened.map(({ crossing, match, hits }, i) => {
    const entry = match.entryId ? entries.get(match.entryId) : undefined;
    return {
      crossingId: crossing.id,
      traveller: {
        surname: crossing.surname,
        givenNames: crossing.given_names,
        nativeName: crossing.native_name,
        documentNumber: crossing.document_number,
      },
      documentExpiredOn: travellers[i]?.documentExpiredOn ?? null,
      verdict: match.verdict,
      score: match.score,
      explanation: [...match.explanation],
      entry: entry ? entrySummary(entry) : null,
      hitId: hits.find((hit) => hit.kind === 'identity')?.id ?? null,
      warnings: hits
        .filter((hit) => hit.kind === 'rule')
        .map((hit) => ({
          hitId: hit.id,
          rule: hit.rule as ScreeningOutcome['warnings'][number]['rule'],
          detail: (JSON.parse(hit.explanation) as Array<{ detail: string }>).map((e) => e.detail).join('; '),
        })),
    };
  });
}

/** One caller's screened crossings, written with one audit entry. */
interface ScreenedWrite {
  readonly actor: Actor;
  readonly screened: readonly Screened[];
  readonly action: string;
}

/** Writes the crossings and hits of several callers together, each caller's audit entry as its own. */
async function writeScreened(trx: Transaction<Database>, writes: readonly ScreenedWrite[]): Promise<void> {
  const screened = writes.flatMap((write) => write.screened);
  await store.insertCrossings(
    trx,
    screened.map((s) => s.crossing),
  );
  await store.insertHits(
    trx,
    screened.flatMap((s) => s.hits),
  );
  await appendAudits(
    trx,
    writes.map(({ actor, action, screened: own }) => ({
      actor,
      event: {
        action,
        targetType: 'crossing',
        targetId: own.length === 1 ? (own[0]?.crossing.id ?? null) : null,
        details: {
          crossings: own.length,
          hits: own.flatMap((s) => s.hits.map((hit) => hit.id)),
          entries: own.flatMap((s) => (s.match.entryId ? [s.match.entryId] : [])),
        },
      },
    })),
  );
}

// One committer and one rule cache per runtime, made on first use (tests build runtimes by hand).
const committers = new WeakMap<WarningRuntime, (write: ScreenedWrite) => Promise<void>>();

/**
 * Stores screened crossings and their hits, then alerts the desks. Desks that post at the same moment share a
 * transaction (group commit): each caller still gets its answer only after its rows and audit entry committed.
 */
export async function storeScreened(
  rt: WarningRuntime,
  actor: Actor,
  screened: readonly Screened[],
  action: string,
) {
  let commit = committers.get(rt);
  if (!commit) {
    commit = groupCommit(rt.db, writeScreened);
    committers.set(rt, commit);
  }
  await commit({ actor, screened, action });
  publishHits(
    rt,
    screened.flatMap((s) => s.hits),
  );
}

const ruleCaches = new WeakMap<WarningRuntime, () => Promise<RuleContext>>();

/** The rules in force now, from the runtime's exact cache (see `ruleContextCache`). */
export function ruleContextOf(rt: WarningRuntime): Promise<RuleContext> {
  let cache = ruleCaches.get(rt);
  if (!cache) {
    cache = ruleContextCache(rt.db, rt.ownAgency, rt.risk, rt.ports);
    ruleCaches.set(rt, cache);
  }
  return cache();
}

/** Today in the agency's time zone (see `RuleContext.dayOf`). */
export async function agencyToday(rt: WarningRuntime): Promise<string> {
  return (await ruleContextOf(rt)).dayOf(nowIso());
}

/** A reason a crossing rule refuses a request; `at` points to the passenger it is about in a list. */
interface Refusal {
  readonly error: AppError;
  readonly at?: string;
}

const refusalPath = ({ error, at = '' }: Refusal): string => `${at}/${String(error.details?.field ?? '')}`;

/** A refusal as a field error: where, the rule's code and its values. */
const refusalError = (refusal: Refusal): FieldError => ({
  path: refusalPath(refusal),
  message: refusal.error.message,
  code: refusal.error.code,
  params: wordingValues(refusal.error),
});

/**
 * Every reason the rules refuse a crossing or a list, as one refusal, so the desk corrects them all at once:
 * the first leads with its code, field and details, as when it is the only one, and `errors` lists them all.
 */
function refusedTogether(first: Refusal, others: readonly Refusal[]): AppError {
  if (others.length === 0 && first.at === undefined) return first.error;
  const all = [first, ...others];
  const message = all
    .map((refusal) => (refusal.at === undefined ? '' : `${refusal.at.slice(1)}: `) + refusal.error.message)
    .join('; ');
  return new AppError(first.error.kind, first.error.code, message, {
    ...first.error.details,
    field: refusalPath(first).slice(1),
    ...(others.length > 0 && { errors: all.map(refusalError) }),
  });
}

/** Throws every refusal together (see `refusedTogether`), when there is any. */
function throwRefusals(refusals: readonly Refusal[]): void {
  const [first, ...others] = refusals;
  if (first) throw refusedTogether(first, others);
}

/** What the schema already refused in a passenger list: these are not judged again by the rules. */
export interface RefusedBySchema {
  readonly passengers: ReadonlySet<number>;
  readonly fields: ReadonlySet<string>;
}

const NOTHING_REFUSED: RefusedBySchema = { passengers: new Set(), fields: new Set() };

/**
 * A passenger list read once: each passenger's identity, and every reason the rules refuse the list — its
 * expected time, its port, each passenger's (a bad MRZ, a birth date to come, no identity) — left out what the
 * schema refused already, so one answer names every mistake.
 */
async function readPassengerList(
  rules: RuleContext,
  list: { passengers: readonly ExpectedPassenger[]; portCode?: unknown; expectedAt?: unknown },
  bySchema: RefusedBySchema = NOTHING_REFUSED,
): Promise<{ travellers: Traveller[]; refused: Refusal[] }> {
  const passed = (field: 'portCode' | 'expectedAt'): string | undefined => {
    const value = list[field];
    return typeof value === 'string' && !bySchema.fields.has(field) ? value : undefined;
  };
  const expectedAt = passed('expectedAt');
  const portCode = passed('portCode');
  const refused = ownRefusals(
    expectedAt === undefined ? null : expectedAtProblem(expectedAt),
    portCode === undefined ? null : await portProblem(rules, portCode),
  );
  const travellers: Traveller[] = [];
  list.passengers.forEach((passenger, position) => {
    if (bySchema.passengers.has(position)) return;
    const read = readTraveller(passenger, expectedAt);
    if (read.ok) travellers.push(read.traveller);
    else refused.push(...read.problems.map((error) => ({ error, at: `/passengers/${position}` })));
  });
  return { travellers, refused };
}

/** What the crossing rules refuse in a passenger list the schema refused, beside what the schema refused. */
export async function passengerListRefusals(
  rt: WarningRuntime,
  list: { passengers: readonly ExpectedPassenger[]; portCode?: unknown; expectedAt?: unknown },
  bySchema: RefusedBySchema,
): Promise<FieldError[]> {
  const { refused } = await readPassengerList(await ruleContextOf(rt), list, bySchema);
  return refused.map(refusalError);
}

/**
 * Refuses a crossing the port system already sent under this reference (a retry after a lost answer): it is
 * recorded and screened once, and the refusal says which crossing holds it and its verdict.
 */
async function checkNotRecorded(rt: WarningRuntime, portCode: string, reference: string): Promise<void> {
  const recorded = await store.findCrossingByReference(rt.db, portCode, reference);
  if (!recorded) return;
  throw conflict(
    'warning.crossing_already_recorded',
    `Crossing ${reference} at ${portCode} is already recorded (verdict ${recorded.verdict})`,
    { field: 'reference', reference, crossingId: recorded.id, verdict: recorded.verdict },
  );
}

/** How far ahead of the node's clock a crossing's time may lie: port systems' clocks and time zones err. */
const CROSSED_AT_AHEAD_HOURS = 24;
/** How far ahead an advance passenger list may announce its crossings. */
const EXPECTED_AT_AHEAD_DAYS = 30;

/**
 * Why a crossing's time is refused, or null. A crossing far ahead has not happened, and its traveller's personal
 * data would outlive its retention, which counts from the crossing.
 */
export function crossedAtProblem(crossedAt: string | undefined, now = Date.now()): AppError | null {
  const latest = now + CROSSED_AT_AHEAD_HOURS * 3_600_000;
  if (crossedAt === undefined || Date.parse(crossedAt) <= latest) return null;
  return invalid(
    'warning.crossed_at_future',
    `crossedAt ${crossedAt} is more than ${CROSSED_AT_AHEAD_HOURS} hours ahead of this node's clock`,
    { field: 'crossedAt', crossedAt },
  );
}

/** Why a passenger list's time is refused, or null: lists announce crossings days ahead, not years. */
function expectedAtProblem(expectedAt: string, now = Date.now()): AppError | null {
  if (Date.parse(expectedAt) <= now + EXPECTED_AT_AHEAD_DAYS * 86_400_000) return null;
  return invalid(
    'warning.expected_at_too_far',
    `expectedAt ${expectedAt} is more than ${EXPECTED_AT_AHEAD_DAYS} days ahead`,
    { field: 'expectedAt', expectedAt, days: EXPECTED_AT_AHEAD_DAYS },
  );
}

/** The errors among `problems`, each a refusal of the request itself (no passenger's). */
const ownRefusals = (...problems: (AppError | null)[]): Refusal[] =>
  problems.flatMap((error) => (error ? [{ error }] : []));

/** The traveller a desk crossing is for, or one refusal with every reason the rules refuse it, its port's too. */
async function deskTraveller(rules: RuleContext, input: NewCrossing): Promise<Traveller> {
  const read = readTraveller(input, input.crossedAt);
  const refusals = ownRefusals(crossedAtProblem(input.crossedAt), await portProblem(rules, input.portCode));
  if (read.ok) {
    throwRefusals(refusals);
    return read.traveller;
  }
  const [first, ...others] = read.problems;
  throw refusedTogether({ error: first }, [...ownRefusals(...others), ...refusals]);
}

/** Records a crossing at the desk and screens it; the verdict is in the answer and hits go out live. */
export async function recordCrossing(
  rt: WarningRuntime,
  actor: Actor,
  input: NewCrossing,
): Promise<ScreeningOutcome> {
  const rules = await ruleContextOf(rt);
  const traveller = await deskTraveller(rules, input);
  const place: CrossingPlace = {
    kind: 'actual',
    direction: input.direction,
    portCode: input.portCode,
    crossedAt: input.crossedAt ?? nowIso(),
    source: 'desk',
    importId: null,
  };
  const row = crossingRow(place, input, traveller.identity, actor.name);
  const screened = await screenRow(rt, rules, row, 'desk');
  try {
    await storeScreened(rt, actor, [screened], 'crossing.record');
  } catch (error) {
    // a crossing sent again (a retry after a lost answer, or two at once): the unique key refuses it, and the
    // one recorded first answers it; looking it up before every desk request would cost them all a query
    if (input.reference && isDuplicateKey(error)) await checkNotRecorded(rt, input.portCode, input.reference);
    throw error;
  }
  const [outcome] = await outcomesOf(rt, [screened], [traveller]);
  if (!outcome) throw new Error('screening produced no outcome');
  return outcome;
}

/** Screens an advance passenger list the same way; every passenger is checked before anything is stored. */
export async function recordExpectedCrossings(
  rt: WarningRuntime,
  actor: Actor,
  input: NewExpectedCrossings,
): Promise<{ items: ScreeningOutcome[] }> {
  const rules = await ruleContextOf(rt);
  const { travellers, refused } = await readPassengerList(rules, input);
  throwRefusals(refused);
  const place: CrossingPlace = {
    kind: 'expected',
    direction: input.direction,
    portCode: input.portCode,
    crossedAt: input.expectedAt,
    source: 'passenger_list',
    importId: null,
  };
  const rows = input.passengers.map((passenger, position) => {
    const travel = { ...passenger, conveyance: passenger.conveyance ?? input.conveyance };
    return crossingRow(place, travel, (travellers[position] as Traveller).identity, actor.name);
  });
  const screened: Screened[] = [];
  for (const row of rows) screened.push(await screenRow(rt, rules, row, 'expected'));
  await storeScreened(rt, actor, screened, 'crossing.expected');
  return { items: await outcomesOf(rt, screened, travellers) };
}
