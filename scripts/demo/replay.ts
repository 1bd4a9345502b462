import { inPool, type NodeApi } from './http.js';
import { bump, countNotification, type Ledger, tally } from './ledger.js';
import { type Random, seededRandom } from './prng.js';
import {
  type CountyDay,
  CountyEpidemic,
  type InterceptionEvent,
  interceptionPoint,
  inventTraveller,
  OWN_COUNTIES,
  OWN_PORTS,
  type Traveller,
  type WatchlistPerson,
} from './scenario.js';
import type { DemoNode, DemoUser } from './setup.js';
import {
  AGENCIES,
  type AgencyCode,
  agencyOf,
  COUNTIES,
  neighboursOf,
  PASSES,
  PORTS,
  SECTIONS,
} from './topology.js';

export const REPORTING: AgencyCode = 'CN-NIA';
const NATIONALITY: Record<AgencyCode, 'CHN' | 'MNG' | 'VNM'> = {
  'CN-NIA': 'CHN',
  'MN-GABP': 'MNG',
  'VN-BG': 'VNM',
};
const DAY_MS = 86_400_000;

export interface ReplayOptions {
  seed: number;
  firstDay: string;
  days: number;
  concurrency: number;
  /** End of the reported period as a UTC instant (an operation starting later is outside the report). */
  periodEndsAt: string;
  /** Resolves once every node's outbox is empty: what was sent so far has reached its recipients. */
  settle: () => Promise<void>;
}

type Task = () => Promise<void>;

/** The scenario replay: every action goes through a node's public API; the ledger counts what was done. */
export class Replay {
  private readonly random: Random;
  private readonly epidemics: CountyEpidemic[];
  /** Entries CN has in its watchlist (its own and those shared with it on earlier days). */
  private readonly cnWatchlist: WatchlistPerson[] = [];
  private readonly plannedWatchlist: WatchlistPerson[] = [];
  /** Each county's risk level on the last replayed day, as the node derives it with RISK_THRESHOLDS. */
  private readonly riskLevels = new Map<string, CountyDay['riskLevel']>();
  /** CN's joint operations by id: whether they fall in the reported period. */
  private readonly cnOperations = new Map<string, boolean>();
  /** CN's handovers by interception id: whether they fall in the reported period. */
  private readonly cnHandovers = new Map<string, boolean>();
  private serial = 1;

  constructor(
    private readonly nodes: Record<AgencyCode, DemoNode>,
    private readonly ledger: Ledger,
    private readonly options: ReplayOptions,
  ) {
    this.random = seededRandom(options.seed);
    this.epidemics = COUNTIES.map(
      (county, index) =>
        new CountyEpidemic(county, seededRandom(options.seed * 31 + index), [
          20 + index * 7,
          110 + ((index * 13) % 40),
        ]),
    );
  }

  /** The date of day `index` of the replay. */
  dateOf(index: number): string {
    return new Date(Date.parse(`${this.options.firstDay}T00:00:00Z`) + index * DAY_MS)
      .toISOString()
      .slice(0, 10);
  }

  /** Plans day `index` (all randomness drawn here, in a fixed order) and runs it with bounded concurrency. */
  async runDay(index: number): Promise<void> {
    const date = this.dateOf(index);
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    this.cnWatchlist.push(...this.plannedWatchlist.splice(0));
    const tasks: Task[] = [];
    for (const agency of AGENCIES) tasks.push(this.situationTask(agency.code, index, date));
    const movementRounds = weekday === 0 || weekday === 6 ? 1 : 2;
    for (let round = 0; round < movementRounds; round += 1) {
      for (const [from, to] of [
        ['CN-NIA', 'MN-GABP'],
        ['CN-NIA', 'VN-BG'],
        ['MN-GABP', 'CN-NIA'],
        ['VN-BG', 'CN-NIA'],
      ] as const) {
        tasks.push(this.movementTask(from, to, date, round));
      }
    }
    if (weekday === 1 || weekday === 4) {
      for (const agency of AGENCIES) tasks.push(this.measuresTask(agency.code, date));
    }
    if (this.random.chance(0.12)) tasks.push(this.portChangeTask(date));
    if (weekday === 3) tasks.push(...this.watchlistTasks(date));
    tasks.push(this.crossingsTask(index, date));
    tasks.push(...this.interceptionTasks(date));
    if (weekday === 5) tasks.push(...this.operationTasks(index, date));
    if (this.random.chance(0.8)) tasks.push(this.liaisonMessageTask(date));
    const contact = LIAISON_CONTACTS.find((c) => c.day === index);
    if (contact) tasks.push(this.liaisonContactTask(contact, date));
    if (index % 3 === 2) tasks.push(this.ackUrgentTask());
    await inPool(this.options.concurrency, tasks, (task) => task());
    await this.counterpartsAnswer();
  }

  /**
   * The end of the day at the counterparts, once what CN sent has arrived: each agrees to the operations CN
   * proposed, accepts the handovers CN requested (their answers go back through the modules), and its
   * liaison officer acknowledges everything CN sent.
   */
  private async counterpartsAnswer(): Promise<void> {
    await this.options.settle();
    const tasks: Task[] = [];
    for (const code of ['MN-GABP', 'VN-BG'] as const) {
      tasks.push(() => this.agreeToOperations(code));
      tasks.push(() => this.acceptHandovers(code));
      tasks.push(() => this.acknowledgeFrom(code, REPORTING));
    }
    await inPool(this.options.concurrency, tasks, (task) => task());
  }

  private api(code: AgencyCode, user: DemoUser): NodeApi {
    return this.nodes[code].as[user];
  }

  private async call<T>(
    code: AgencyCode,
    user: DemoUser,
    method: string,
    path: string,
    json?: unknown,
  ): Promise<T> {
    this.ledger.requests += 1;
    return this.api(code, user).request<T>(method, path, json === undefined ? {} : { json });
  }

  /** Sends a notification through exchange (`POST /api/v1/notifications`) and counts it. */
  private async notify(
    from: AgencyCode,
    user: DemoUser,
    to: AgencyCode[],
    type: string,
    priority: 'routine' | 'urgent' | 'flash',
    body: unknown,
    text?: string,
  ): Promise<void> {
    await this.call(from, user, 'POST', '/api/v1/notifications', {
      type,
      to,
      priority,
      body,
      ...(text && { text }),
    });
    countNotification(this.ledger, REPORTING, from, to, type);
  }

  private situationTask(code: AgencyCode, index: number, date: string): Task {
    const agency = agencyOf(code);
    const days: CountyDay[] = this.epidemics
      .filter((e) => e.county.country === agency.country)
      .map((e) => e.day(index));
    this.countRiskChanges(code, days);
    return async () => {
      for (const day of days) {
        const { county, riskLevel: _risk, ...figures } = day;
        await this.call(code, 'liaison', 'PUT', `/api/v1/situation/reports/${county}/${date}`, figures);
      }
      // The situation module sends the day's `situation.daily` to every counterpart itself.
      const sent = await this.call<{ sentTo: string[] }>(
        code,
        'liaison',
        'POST',
        '/api/v1/situation/reports/send',
        {
          date,
        },
      );
      const expected = counterpartsOf(code);
      if ([...sent.sentTo].sort().join() !== expected.join()) {
        throw new Error(
          `${code} sent its ${date} report to ${sent.sentTo.join(', ')}, not ${expected.join(', ')}`,
        );
      }
      countNotification(this.ledger, REPORTING, code, expected, 'situation.daily');
    };
  }

  /**
   * A county whose level changed since the day before gets its own `situation.daily`, sent by the situation
   * module when the day's figures are entered, to the counterparts facing its border section.
   */
  private countRiskChanges(code: AgencyCode, days: readonly CountyDay[]): void {
    for (const day of days) {
      const before = this.riskLevels.get(day.county);
      this.riskLevels.set(day.county, day.riskLevel);
      if (before === undefined || before === day.riskLevel) continue;
      const section = COUNTIES.find((c) => c.code === day.county)?.section;
      const neighbour = SECTIONS.find((s) => s.code === section)?.neighbourCountry ?? null;
      countNotification(this.ledger, REPORTING, code, facing(code, neighbour), 'situation.daily');
    }
  }

  private movementTask(from: AgencyCode, to: AgencyCode, date: string, round: number): Task {
    const persons = Array.from({ length: this.random.int(1, 3) }, () => {
      const person = inventTraveller(
        this.random,
        NATIONALITY[this.random.chance(0.5) ? from : to],
        this.nextSerial(),
      );
      return {
        surname: person.surname,
        givenNames: person.givenNames,
        birthDate: person.birthDate,
        nationality: person.nationality,
        documentNumber: person.documentNumber,
        category: this.random.pick(['close_contact', 'secondary_contact', 'confirmed_case'] as const),
        direction: this.random.chance(0.5) ? 'entry' : 'exit',
        portCode: this.random.pick(OWN_PORTS(agencyOf(from).country)).code,
        movedAt: `${date}T${round === 0 ? '02' : '09'}:${String(this.random.int(10, 59))}:00Z`,
      };
    });
    return () =>
      this.notify(from, 'liaison', [to], 'persons.movement', 'routine', { schemaVersion: 1, persons });
  }

  private measuresTask(code: AgencyCode, date: string): Task {
    const area = this.random.pick(OWN_COUNTIES(agencyOf(code).country)).code;
    const type = this.random.pick([
      'mass_testing',
      'travel_restriction',
      'mask_mandate',
      'quarantine_facility',
    ] as const);
    const body = { schemaVersion: 1, area, measures: [{ type, effectiveFrom: date }] };
    return () => this.notify(code, 'liaison', neighboursOf(code), 'measures.update', 'routine', body);
  }

  private portChangeTask(date: string): Task {
    const port = this.random.pick(PORTS);
    const owner = AGENCIES.find((a) => a.country === port.country)?.code ?? 'CN-NIA';
    const status = this.random.pick(['open', 'cargo_only', 'passengers_restricted', 'closed'] as const);
    const measures = {
      testRequired: status === 'open' ? ('antigen' as const) : ('pcr' as const),
      quarantineDays: status === 'open' ? 7 : 14,
      openingHours: status === 'closed' ? '00:00-00:01' : '08:00-18:00',
    };
    const neighbour = PORTS.find((p) => p.code === port.counterpart)?.country ?? null;
    // The situation module sends `port.policy` to the counterparts facing the port with the change.
    countNotification(this.ledger, REPORTING, owner, facing(owner, neighbour), 'port.policy');
    return async () => {
      await this.call(owner, 'port', 'POST', `/api/v1/situation/ports/${port.code}/status`, {
        status,
        measures,
        effectiveFrom: date,
      });
    };
  }

  private watchlistTasks(date: string): Task[] {
    const validUntil = new Date(Date.parse(`${date}T00:00:00Z`) + 90 * DAY_MS).toISOString().slice(0, 10);
    const tasks: Task[] = [];
    for (const source of AGENCIES.map((a) => a.code)) {
      const people: WatchlistPerson[] = Array.from({ length: this.random.int(1, 3) }, () => ({
        ...inventTraveller(this.random, NATIONALITY[source], this.nextSerial()),
        category: this.random.pick(['confirmed_case', 'close_contact', 'absconded_from_quarantine'] as const),
        source,
      }));
      // Shared entries reach CN's watchlist through the warning module on the receiving node.
      this.plannedWatchlist.push(...people);
      const targets = neighboursOf(source);
      // One `watchlist.share` per entry and agency it is shared with, sent by the warning module.
      for (let i = 0; i < people.length; i += 1) {
        for (const target of targets)
          countNotification(this.ledger, REPORTING, source, [target], 'watchlist.share');
      }
      tasks.push(async () => {
        for (const person of people) {
          await this.call(source, 'port', 'POST', '/api/v1/warning/watchlist', {
            ...watchlistFields(person, date, validUntil),
            sharingScope: 'counterparts',
            shareWith: targets,
          });
        }
      });
    }
    return tasks;
  }

  private crossingsTask(index: number, date: string): Task {
    const cnPorts = OWN_PORTS('CN');
    const rows: unknown[] = [];
    const travellers: Traveller[] = Array.from({ length: 10 }, () =>
      inventTraveller(this.random, this.random.pick(['CHN', 'MNG', 'VNM'] as const), this.nextSerial()),
    );
    // A watchlisted person turns up about twice a week, once their entry has reached CN.
    if (this.cnWatchlist.length > 0 && this.random.chance(0.3))
      travellers.push(this.random.pick(this.cnWatchlist));
    for (const traveller of travellers) {
      const direction = this.random.chance(0.5) ? 'entry' : 'exit';
      const portCode = this.random.pick(cnPorts).code;
      bump(this.ledger.crossings.byDirection, direction);
      bump(this.ledger.crossings.byPort, portCode);
      this.ledger.crossings.total += 1;
      rows.push({
        direction,
        portCode,
        crossedAt: `${date}T${String(this.random.int(1, 13)).padStart(2, '0')}:${String(this.random.int(10, 59))}:00Z`,
        identity: {
          surname: traveller.surname,
          givenNames: traveller.givenNames,
          sex: traveller.sex,
          birthDate: traveller.birthDate,
          nationality: traveller.nationality,
          documentType: 'passport',
          documentNumber: traveller.documentNumber,
        },
      });
    }
    const decisions = seededRandom(this.options.seed * 7_919 + index);
    return async () => {
      this.ledger.requests += 1;
      const report = await this.api(REPORTING, 'port').request<{ accepted: number }>(
        'POST',
        '/api/v1/warning/crossings/bulk',
        {
          raw: {
            contentType: 'application/x-ndjson',
            body: rows.map((row) => JSON.stringify(row)).join('\n'),
          },
        },
      );
      if (report.accepted !== rows.length) {
        throw new Error(`CN accepted ${report.accepted} of the ${rows.length} crossings of ${date}`);
      }
      await this.decideHits(decisions);
    };
  }

  /**
   * Decides the hits still open once everything is delivered: a watchlist entry that reached CN after a
   * namesake's crossing raises its hit by retrospective screening, which no day's crossings task saw.
   */
  async decideLateHits(): Promise<void> {
    await this.decideHits(seededRandom(this.options.seed * 7_919 + this.options.days));
    // the hit notices those decisions send are acknowledged like every other day's
    await this.counterpartsAnswer();
  }

  /**
   * Confirms about three hits in four, then records an action; the warning module sends a `hit.notice` at
   * each step to the agency that shared the entry when it is not CN's own. The others are dismissed.
   */
  private async decideHits(decisions: Random): Promise<void> {
    const page = await this.call<{ items: HitView[] }>(
      REPORTING,
      'port',
      'GET',
      '/api/v1/warning/hits?status=open&limit=500',
    );
    const hits = [...page.items].sort((a, b) =>
      `${a.crossedAt}|${a.portCode}|${a.sourceAgency ?? a.rule ?? ''}`.localeCompare(
        `${b.crossedAt}|${b.portCode}|${b.sourceAgency ?? b.rule ?? ''}`,
      ),
    );
    const h = this.ledger.hits;
    for (const hit of hits) {
      if (hit.kind !== 'identity') {
        // Early-warning rule hits (a passenger at a port closed to passengers) are no watchlist hits, and
        // the report leaves them out; the port officer clears them.
        await this.call(REPORTING, 'port', 'POST', `/api/v1/warning/hits/${hit.id}/dismiss`, {
          reason: 'crew of a cargo vehicle, allowed under the port measures',
        });
        continue;
      }
      h.total += 1;
      bump(h.byPort, hit.portCode);
      bump(h.byDirection, hit.direction);
      if (!decisions.chance(0.75)) {
        await this.call(REPORTING, 'port', 'POST', `/api/v1/warning/hits/${hit.id}/dismiss`, {
          reason: 'different person after document check',
        });
        h.dismissed += 1;
        continue;
      }
      await this.call(REPORTING, 'port', 'POST', `/api/v1/warning/hits/${hit.id}/confirm`, {
        reason: 'identity confirmed against the passport',
      });
      h.confirmed += 1;
      const source = hit.sourceAgency as AgencyCode | null;
      const foreign = source !== null && source !== REPORTING;
      if (foreign) countNotification(this.ledger, REPORTING, REPORTING, [source], 'hit.notice');
      // entry can only be refused to someone coming in
      const action = decisions.pick(
        hit.direction === 'entry'
          ? (['secondary_health_check', 'quarantine', 'refused_entry'] as const)
          : (['secondary_health_check', 'quarantine'] as const),
      );
      await this.call(REPORTING, 'port', 'POST', `/api/v1/warning/hits/${hit.id}/action`, { action });
      // A second notice tells the sharing agency what was done.
      if (foreign) countNotification(this.ledger, REPORTING, REPORTING, [source], 'hit.notice');
      bump(h.byAction, action);
    }
  }

  private interceptionTasks(date: string): Task[] {
    const count = this.random.poisson(5.8);
    const events: InterceptionEvent[] = [];
    for (let i = 0; i < count; i += 1) {
      const section = this.random.pick(SECTIONS);
      const counterpart: AgencyCode = section.neighbourCountry === 'MN' ? 'MN-GABP' : 'VN-BG';
      const outcome = this.random.chance(0.1)
        ? ('handed_over' as const)
        : this.random.pick([
            'persuaded_to_return',
            'persuaded_to_return',
            'detained',
            'sent_to_quarantine',
          ] as const);
      const nationality = this.random.chance(0.8) ? NATIONALITY[counterpart] : 'CHN';
      const point = interceptionPoint(this.random, section.code);
      const minutes = this.random.int(0, 22 * 60 - 1);
      events.push({
        occurredAt: new Date(Date.parse(`${date}T00:00:00+08:00`) + minutes * 60_000).toISOString(),
        ...point,
        personsCount: outcome === 'handed_over' ? 1 : this.random.int(1, 5),
        nationality,
        direction: nationality === 'CHN' ? 'attempted_exit' : 'attempted_entry',
        reason: this.random.pick(['illegal_crossing_attempt', 'involved_in_epidemic', 'smuggling'] as const),
        outcome,
        counterpart,
        handover:
          outcome === 'handed_over' && nationality !== 'CHN'
            ? inventTraveller(this.random, nationality, this.nextSerial())
            : null,
      });
    }
    const i = this.ledger.interceptions;
    for (const event of events) {
      i.events += 1;
      i.persons += event.personsCount;
      tally(i.byOutcome, event.outcome, event.personsCount);
      tally(i.byDirection, event.direction, event.personsCount);
      tally(i.byNationality, event.nationality, event.personsCount);
      tally(i.byPass, nearestPass(event), event.personsCount);
    }
    const plain = events.filter((e) => !e.handover);
    const handed = events.filter((e) => e.handover);
    const tasks: Task[] = [];
    if (plain.length > 0) {
      tasks.push(async () => {
        this.ledger.requests += 1;
        const result = await this.api(REPORTING, 'patrol').request<{ imported: number; errors: unknown[] }>(
          'POST',
          '/api/v1/operations/interceptions/import',
          {
            raw: {
              contentType: 'application/x-ndjson',
              body: plain.map((e) => JSON.stringify(interceptionBody(e))).join('\n'),
            },
          },
        );
        if (result.imported !== plain.length) {
          throw new Error(
            `interception import on ${date} took ${result.imported} of ${plain.length}: ${JSON.stringify(result.errors)}`,
          );
        }
      });
    }
    for (const event of handed) tasks.push(this.handoverTask(event));
    return tasks;
  }

  /**
   * An interception of one person handed over: the operations module sends the `handover.request` to the
   * counterpart, whose commander accepts it at the end of the day. Reports count handovers by the
   * proposed time, the next day, so one proposed after the period is not in it.
   */
  private handoverTask(event: InterceptionEvent): Task {
    const person = event.handover as Traveller;
    const proposedAt = new Date(Date.parse(event.occurredAt) + DAY_MS).toISOString();
    const inPeriod = Date.parse(proposedAt) < Date.parse(this.options.periodEndsAt);
    countNotification(this.ledger, REPORTING, REPORTING, [event.counterpart], 'handover.request');
    if (inPeriod) {
      const h = this.ledger.handovers;
      h.requested += 1;
      bump(h.byStatus, 'requested');
      bump(h.byCounterpart, event.counterpart);
    }
    const place = { portCode: event.counterpart === 'MN-GABP' ? 'CN-EREN-P' : 'CN-YOUYI-P' };
    const health = { testResult: 'negative' as const, symptoms: [] };
    return async () => {
      const created = await this.call<{ id: string }>(
        REPORTING,
        'patrol',
        'POST',
        '/api/v1/operations/interceptions',
        {
          ...interceptionBody(event),
          persons: [identityOf(person)],
        },
      );
      this.cnHandovers.set(created.id, inPeriod);
      const handoverPerson = {
        surname: person.surname,
        givenNames: person.givenNames,
        nationality: person.nationality,
        birthDate: person.birthDate,
        documentNumber: person.documentNumber,
      };
      await this.call(REPORTING, 'patrol', 'POST', '/api/v1/operations/handovers', {
        interceptionId: created.id,
        counterpartAgency: event.counterpart,
        person: handoverPerson,
        health,
        proposedAt,
        place,
      });
    };
  }

  private operationTasks(index: number, date: string): Task[] {
    const tasks: Task[] = [];
    const month = Number(date.slice(5, 7));
    const week = Math.floor(index / 7);
    for (const counterpart of ['MN-GABP', 'VN-BG'] as const) {
      tasks.push(this.operationTask('patrol', counterpart, date));
    }
    if (week % 4 === 1)
      tasks.push(this.operationTask('law_enforcement', week % 8 === 1 ? 'MN-GABP' : 'VN-BG', date));
    if ((month === 3 || month === 5) && Number(date.slice(8, 10)) <= 7) {
      for (const counterpart of ['MN-GABP', 'VN-BG'] as const)
        tasks.push(this.operationTask('exercise', counterpart, date));
    }
    return tasks;
  }

  private operationTask(
    kind: 'patrol' | 'law_enforcement' | 'exercise',
    counterpart: AgencyCode,
    date: string,
  ): Task {
    const section = counterpart === 'MN-GABP' ? 'CN-MN-S1' : 'CN-VN-S1';
    // The patrol takes place the next morning (08:00 in Beijing); reports count operations by when they run.
    const startsAt = new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString();
    const endsAt = new Date(Date.parse(startsAt) + 8 * 3_600_000).toISOString();
    const titles = {
      patrol: 'Joint non-contact patrol',
      law_enforcement: 'Joint operation against illegal crossings',
      exercise: 'Joint epidemic response exercise',
    };
    const title = `${titles[kind]} ${section} ${date}`;
    const plan =
      kind === 'patrol'
        ? {
            patrol: {
              routes: {},
              meetingPoints: [{ name: `Marker ${section}-${this.random.int(1, 90)}` }],
              radioChannels: ['CH-7'],
              contacts: [],
            },
          }
        : kind === 'law_enforcement'
          ? {
              lawEnforcement: {
                targets: [
                  {
                    kind: 'illegal_crossing_route',
                    description: 'Mountain tracks used by organised crossings',
                  },
                ],
              },
            }
          : {
              exercise: {
                scenario: 'A traveller with fever at the port during a surge',
                objectives: ['Hand over within two hours'],
              },
            };
    const inPeriod = Date.parse(startsAt) < Date.parse(this.options.periodEndsAt);
    if (inPeriod) {
      this.ledger.operations[
        kind === 'patrol' ? 'patrols' : kind === 'law_enforcement' ? 'lawEnforcement' : 'exercises'
      ] += 1;
      bump(this.ledger.operations.byStatus, 'proposed');
    }
    // Proposing sends the `operation.invite`; the counterpart agrees to it at the end of the day.
    countNotification(this.ledger, REPORTING, REPORTING, [counterpart], 'operation.invite');
    return async () => {
      const op = await this.call<{ id: string }>(REPORTING, 'patrol', 'POST', '/api/v1/operations', {
        kind,
        title,
        counterpartAgency: counterpart,
        sectionCode: section,
        startsAt,
        endsAt,
        ...plan,
      });
      this.cnOperations.set(op.id, inPeriod);
      await this.call(REPORTING, 'patrol', 'POST', `/api/v1/operations/${op.id}/propose`);
    };
  }

  /** The counterpart's commander agrees to every operation CN proposed; the module sends the answer back. */
  private async agreeToOperations(code: AgencyCode): Promise<void> {
    const page = await this.call<{
      items: Array<{ id: string; originAgency: string; originOperationId: string }>;
    }>(code, 'patrol', 'GET', '/api/v1/operations?status=proposed&limit=500');
    const fromCn = page.items
      .filter((op) => op.originAgency === REPORTING)
      .sort((a, b) => a.originOperationId.localeCompare(b.originOperationId));
    for (const op of fromCn) {
      await this.call(code, 'patrol', 'POST', `/api/v1/operations/${op.id}/agree`);
      countNotification(this.ledger, REPORTING, code, [REPORTING], 'operation.invite');
      if (this.cnOperations.get(op.originOperationId) !== true) continue;
      bump(this.ledger.operations.byStatus, 'proposed', -1);
      bump(this.ledger.operations.byStatus, 'agreed');
    }
  }

  /** The counterpart's commander accepts every handover CN requested; the module tells CN. */
  private async acceptHandovers(code: AgencyCode): Promise<void> {
    const page = await this.call<{
      items: Array<{ id: string; counterpartAgency: string; interceptionId: string | null }>;
    }>(code, 'patrol', 'GET', '/api/v1/operations/handovers?status=requested&limit=500');
    for (const handover of page.items.filter((h) => h.counterpartAgency === REPORTING)) {
      await this.call(code, 'patrol', 'POST', `/api/v1/operations/handovers/${handover.id}/accept`);
      countNotification(this.ledger, REPORTING, code, [REPORTING], 'handover.request');
      if (this.cnHandovers.get(handover.interceptionId ?? '') !== true) continue;
      const h = this.ledger.handovers;
      bump(h.byStatus, 'requested', -1);
      bump(h.byStatus, 'accepted');
      h.accepted += 1;
    }
  }

  /** A liaison officer acknowledges every notification from `sender` waiting in the node's inbox. */
  private async acknowledgeFrom(code: AgencyCode, sender: AgencyCode): Promise<void> {
    let cursor: string | undefined;
    const waiting: string[] = [];
    do {
      this.ledger.requests += 1;
      const page = await this.api(code, 'liaison').get<{
        items: Array<{ id: string; senderAgency: string }>;
        nextCursor: string | null;
      }>('/api/v1/notifications', { box: 'inbox', status: 'delivered', limit: 200, cursor });
      waiting.push(...page.items.filter((item) => item.senderAgency === sender).map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    for (const id of waiting) await this.call(code, 'liaison', 'POST', `/api/v1/notifications/${id}/ack`, {});
  }

  private liaisonMessageTask(date: string): Task {
    const other = this.random.pick(['MN-GABP', 'VN-BG'] as const);
    const outgoing = this.random.chance(0.5);
    const subject = this.random.pick([
      'Coordination of the next patrol',
      'Port opening hours',
      'Quarantine capacity',
      'Handover arrangements',
    ]);
    const [from, to] = outgoing ? [REPORTING, other] : [other, REPORTING];
    return () =>
      this.notify(from, 'liaison', [to], 'liaison.message', 'routine', {
        subject,
        text: `${subject} (${date}).`,
      });
  }

  private liaisonContactTask(contact: LiaisonPlan, date: string): Task {
    return async () => {
      await this.call(REPORTING, 'liaison', 'POST', '/api/v1/liaison/contacts', {
        occurredOn: date,
        channel: contact.channel,
        direction: contact.direction,
        parties: [
          { name: contact.party, kind: contact.kind, ...(contact.agency && { agencyCode: contact.agency }) },
        ],
        subject: contact.subject,
      });
      if (contact.channel === 'letter') this.ledger.liaison.letters += 1;
      else this.ledger.liaison.calls += 1;
      bump(this.ledger.liaison.byParty, contact.kind);
    };
  }

  /** CN's liaison officer acknowledges the urgent notifications waiting in its inbox. */
  private ackUrgentTask(): Task {
    return async () => {
      const page = await this.call<{ items: Array<{ id: string }> }>(
        REPORTING,
        'liaison',
        'GET',
        '/api/v1/notifications?box=inbox&priority=urgent&status=delivered&limit=200',
      );
      for (const item of page.items) {
        await this.call(REPORTING, 'liaison', 'POST', `/api/v1/notifications/${item.id}/ack`, {});
      }
    };
  }

  private nextSerial(): number {
    this.serial += 1;
    return this.serial;
  }
}

interface HitView {
  id: string;
  kind: string;
  sourceAgency: string | null;
  rule: string | null;
  portCode: string;
  direction: 'entry' | 'exit';
  crossedAt: string;
  score: number;
}

interface LiaisonPlan {
  day: number;
  channel: 'letter' | 'phone' | 'video';
  direction: 'incoming' | 'outgoing';
  kind: 'counterpart' | 'international';
  agency?: string;
  party: string;
  subject: string;
}

/** Letters and calls between agency leaders: ten in the half-year, two of them with the SCO RATS. */
export const LIAISON_CONTACTS: readonly LiaisonPlan[] = [
  {
    day: 9,
    channel: 'phone',
    direction: 'outgoing',
    kind: 'counterpart',
    agency: 'MN-GABP',
    party: 'Head of GABP',
    subject: 'Winter arrangements at Erenhot–Zamyn-Uud',
  },
  {
    day: 24,
    channel: 'letter',
    direction: 'incoming',
    kind: 'counterpart',
    agency: 'VN-BG',
    party: 'Commander of the Border Guard',
    subject: 'Thanks for the handover of persons at Youyiguan',
  },
  {
    day: 41,
    channel: 'letter',
    direction: 'incoming',
    kind: 'international',
    agency: 'UZ-SCORATS',
    party: 'Director of the SCO RATS Executive Committee',
    subject: 'Border security during the epidemic',
  },
  {
    day: 55,
    channel: 'phone',
    direction: 'incoming',
    kind: 'counterpart',
    agency: 'VN-BG',
    party: 'Deputy Commander of the Border Guard',
    subject: 'Surge at Dongxing–Mong Cai',
  },
  {
    day: 73,
    channel: 'video',
    direction: 'outgoing',
    kind: 'international',
    agency: 'UZ-SCORATS',
    party: 'SCO RATS Executive Committee',
    subject: 'Exchange of watchlists of persons involved',
  },
  {
    day: 90,
    channel: 'letter',
    direction: 'outgoing',
    kind: 'counterpart',
    agency: 'MN-GABP',
    party: 'Head of GABP',
    subject: 'Proposal for monthly joint patrols',
  },
  {
    day: 104,
    channel: 'phone',
    direction: 'incoming',
    kind: 'counterpart',
    agency: 'MN-GABP',
    party: 'Deputy Head of GABP',
    subject: 'Reopening of cargo traffic',
  },
  {
    day: 121,
    channel: 'phone',
    direction: 'outgoing',
    kind: 'counterpart',
    agency: 'VN-BG',
    party: 'Commander of the Border Guard',
    subject: 'Joint exercise results',
  },
  {
    day: 142,
    channel: 'letter',
    direction: 'incoming',
    kind: 'counterpart',
    agency: 'MN-GABP',
    party: 'Head of GABP',
    subject: 'Condolences and support',
  },
  {
    day: 166,
    channel: 'video',
    direction: 'incoming',
    kind: 'counterpart',
    agency: 'VN-BG',
    party: 'Commander of the Border Guard',
    subject: 'Half-year review of cooperation',
  },
];

function watchlistFields(person: WatchlistPerson, date: string, validUntil: string) {
  return {
    category: person.category,
    surname: person.surname,
    givenNames: person.givenNames,
    sex: person.sex,
    birthDate: person.birthDate,
    nationality: person.nationality,
    documentType: 'passport',
    documentNumber: person.documentNumber,
    issuingState: person.nationality,
    reason: reasonOf(person),
    validFrom: date,
    validUntil,
  };
}

const reasonOf = (person: WatchlistPerson) =>
  person.category === 'confirmed_case'
    ? 'Confirmed case, must not travel'
    : person.category === 'close_contact'
      ? 'Close contact under medical observation'
      : 'Left quarantine before the end';

function identityOf(person: Traveller) {
  return {
    surname: person.surname,
    givenNames: person.givenNames,
    nationality: person.nationality,
    birthDate: person.birthDate,
    sex: person.sex,
    documentNumber: person.documentNumber,
  };
}

function interceptionBody(event: InterceptionEvent) {
  return {
    occurredAt: event.occurredAt,
    lon: event.lon,
    lat: event.lat,
    personsCount: event.personsCount,
    nationality: event.nationality,
    direction: event.direction,
    reason: event.reason,
    outcome: event.outcome,
  };
}

/** The counterparts in every demo node's directory: the other two agencies (the SCO RATS is no counterpart). */
function counterpartsOf(code: AgencyCode): AgencyCode[] {
  return AGENCIES.map((a) => a.code)
    .filter((c) => c !== code)
    .sort();
}

/** Whom the situation module tells about a change facing a neighbour country: those of it, else everyone. */
function facing(code: AgencyCode, neighbourCountry: string | null): AgencyCode[] {
  const all = counterpartsOf(code);
  const of = all.filter((c) => agencyOf(c).country === neighbourCountry);
  return of.length > 0 ? of : all;
}

/** The pass the operations module files an interception under: the nearest of its section (all lie on one latitude). */
function nearestPass(event: InterceptionEvent): string {
  const section = event.counterpart === 'MN-GABP' ? 'CN-MN-S1' : 'CN-VN-S1';
  const passes = PASSES.filter((p) => p.section === section);
  const nearest = passes.reduce((best, p) =>
    Math.abs(p.lon - event.lon) < Math.abs(best.lon - event.lon) ? p : best,
  );
  return nearest.code;
}
