import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import type { ApiClient } from '../../../test/support/http-client.js';
import { useTestNode } from '../../../test/support/nodes.js';
import { buildCrossing, buildEntry } from '../warning/test-support/factories.js';
import type { Statistics, WorkSummary } from './reports.schema.js';
import {
  COUNTERPARTS,
  interceptionInputs,
  liaisonInputs,
  operationInputs,
  seedDirectory,
} from './test-support/scenario.js';

type Tally = Record<string, { events: number; persons: number }>;
type Counts = Record<string, number>;

const H1 = { startsAt: '2020-12-31T16:00:00.000Z', endsAt: '2021-06-30T16:00:00.000Z' };
const inH1 = (instant: string) =>
  Date.parse(instant) >= Date.parse(H1.startsAt) && Date.parse(instant) < Date.parse(H1.endsAt);

const bump = (counts: Counts, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};
const tally = (tallies: Tally, key: string, persons: number) => {
  const entry = tallies[key] ?? { events: 0, persons: 0 };
  entry.events += 1;
  entry.persons += persons;
  tallies[key] = entry;
};

interface Created {
  crossings: Array<Record<string, unknown>>;
  outbox: Array<Record<string, unknown>>;
  interceptions: Array<Record<string, unknown>>;
  operations: Array<Record<string, unknown>>;
  handovers: Array<Record<string, unknown>>;
  contacts: Array<Record<string, unknown>>;
}

async function created(response: Promise<{ status: number; body: Record<string, unknown>; text: string }>) {
  const { status, body, text } = await response;
  expect(status, text).toBe(201);
  return body;
}

/** Replays the scenario through the operations and liaison APIs and keeps what they answered. */
async function replay(commander: ApiClient, liaison: ApiClient, desk: ApiClient): Promise<Created> {
  const out: Created = {
    crossings: [],
    outbox: [],
    interceptions: [],
    operations: [],
    handovers: [],
    contacts: [],
  };
  await created(desk.post('/api/v1/warning/watchlist', buildEntry({ validFrom: '2020-01-01' })));
  const entry = buildEntry();
  const watchlisted = {
    surname: entry.surname,
    givenNames: entry.givenNames,
    birthDate: entry.birthDate,
    nationality: entry.nationality,
    documentNumber: entry.documentNumber,
  };
  const times = [
    '2021-02-03T04:00:00Z',
    '2021-05-06T07:00:00Z',
    '2021-07-02T01:00:00Z',
    '2021-06-01T01:00:00Z',
  ];
  for (const [i, crossedAt] of times.entries()) {
    // The second and the third traveller are the watchlisted person; the third crosses after H1.
    const input = buildCrossing({ crossedAt, ...((i === 1 || i === 2) && { identity: watchlisted }) });
    const answer = await created(desk.post('/api/v1/warning/crossings', input));
    out.crossings.push({ ...answer, crossedAt, direction: input.direction, portCode: input.portCode });
  }
  for (const input of operationInputs())
    out.operations.push(await created(commander.post('/api/v1/operations', input)));
  for (const input of interceptionInputs())
    out.interceptions.push(await created(commander.post('/api/v1/operations/interceptions', input)));
  for (const [index, interception] of out.interceptions.slice(1, 4).entries()) {
    const counterpart = COUNTERPARTS[index % 2] ?? COUNTERPARTS[0];
    out.handovers.push(
      await created(
        commander.post('/api/v1/operations/handovers', {
          interceptionId: interception.id,
          counterpartAgency: counterpart.code,
          person: { surname: 'Test', givenNames: `Person ${index}`, nationality: 'MNG' },
          health: { testResult: 'negative', symptoms: [] },
          proposedAt: interception.occurredAt,
          place: { passCode: counterpart.passes[0] },
        }),
      ),
    );
  }
  const first = out.handovers[0];
  if (first) {
    const rescheduled = await commander.post(`/api/v1/operations/handovers/${String(first.id)}/reschedule`, {
      proposedAt: '2021-01-02T02:00:00Z',
    });
    expect(rescheduled.status, rescheduled.text).toBe(200);
    out.handovers[0] = rescheduled.body;
  }
  for (const input of liaisonInputs())
    out.contacts.push(await created(liaison.post('/api/v1/liaison/contacts', input)));
  // Handover requests carry personal data: only a reader with the grant sees them in the outbox.
  out.outbox = await listAll(commander, '/api/v1/notifications?box=outbox');
  return out;
}

async function listAll(client: ApiClient, path: string): Promise<Array<Record<string, unknown>>> {
  const items: Array<Record<string, unknown>> = [];
  let cursor: string | null = null;
  do {
    const page: {
      status: number;
      body: { items: Array<Record<string, unknown>>; nextCursor: string | null };
    } = await client.get(`${path}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(page.status).toBe(200);
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return items;
}

/** What the report must say about H1, counted here from the records the APIs returned. */
function expectedFigures(records: Created) {
  const crossings = { total: 0, byDirection: {} as Counts, byPort: {} as Counts };
  const hits = {
    total: 0,
    confirmed: 0,
    dismissed: 0,
    open: 0,
    byAction: {},
    byPort: {} as Counts,
    byDirection: {} as Counts,
  };
  for (const row of records.crossings.filter((r) => inH1(String(r.crossedAt)))) {
    crossings.total += 1;
    bump(crossings.byDirection, String(row.direction));
    bump(crossings.byPort, String(row.portCode));
    if (!row.hitId) continue;
    hits.total += 1;
    hits.open += 1;
    bump(hits.byPort, String(row.portCode));
    bump(hits.byDirection, String(row.direction));
  }
  const notifications = {
    sent: 0,
    received: 0,
    byType: {} as Record<string, { sent: number; received: number }>,
    byCounterpart: {} as Record<string, { sent: number; received: number }>,
    acknowledgedWithinDeadlinePct: null as number | null,
    overdue: 0,
  };
  for (const row of records.outbox.filter((r) => r.state === 'sent' && inH1(String(r.sentAt)))) {
    notifications.sent += 1;
    const type = String(row.type);
    notifications.byType[type] = { sent: (notifications.byType[type]?.sent ?? 0) + 1, received: 0 };
    for (const recipient of row.recipients as Array<{ agency: string }>) {
      const entry = notifications.byCounterpart[recipient.agency] ?? { sent: 0, received: 0 };
      entry.sent += 1;
      notifications.byCounterpart[recipient.agency] = entry;
    }
  }
  const interceptions = {
    events: 0,
    persons: 0,
    byOutcome: {} as Tally,
    byDirection: {} as Tally,
    byNationality: {} as Tally,
    byPass: {} as Tally,
  };
  for (const row of records.interceptions.filter((r) => inH1(String(r.occurredAt)))) {
    const persons = Number(row.personsCount);
    interceptions.events += 1;
    interceptions.persons += persons;
    tally(interceptions.byOutcome, String(row.outcome), persons);
    tally(interceptions.byDirection, String(row.direction), persons);
    tally(interceptions.byNationality, String(row.nationality ?? 'unknown'), persons);
    tally(interceptions.byPass, String(row.passCode ?? 'none'), persons);
  }
  const kinds: Counts = {};
  const operationStatus: Counts = {};
  for (const row of records.operations) {
    const overlaps =
      Date.parse(String(row.startsAt)) < Date.parse(H1.endsAt) &&
      Date.parse(String(row.endsAt)) > Date.parse(H1.startsAt);
    if (!overlaps) continue;
    bump(kinds, String(row.kind));
    bump(operationStatus, String(row.status));
  }
  const handoverStatus: Counts = {};
  const handoverCounterpart: Counts = {};
  const handovers = records.handovers.filter((row) => inH1(String(row.proposedAt)));
  for (const row of handovers) {
    bump(handoverStatus, String(row.status));
    bump(handoverCounterpart, String(row.counterpartAgency));
  }
  const channels: Counts = {};
  const parties: Counts = {};
  for (const row of records.contacts) {
    const day = String(row.occurredOn);
    if (day < '2021-01-01' || day > '2021-06-30') continue;
    bump(channels, String(row.channel));
    const kindsOfParty = new Set((row.parties as Array<{ kind: string }>).map((party) => party.kind));
    for (const kind of kindsOfParty) bump(parties, kind);
  }
  return {
    crossings,
    hits,
    notifications,
    interceptions,
    operations: {
      patrols: kinds.patrol ?? 0,
      lawEnforcement: kinds.law_enforcement ?? 0,
      exercises: kinds.exercise ?? 0,
      byStatus: operationStatus,
    },
    handovers: {
      requested: handovers.length,
      accepted: (handoverStatus.accepted ?? 0) + (handoverStatus.done ?? 0),
      done: handoverStatus.done ?? 0,
      byStatus: handoverStatus,
      byCounterpart: handoverCounterpart,
    },
    liaison: {
      letters: channels.letter ?? 0,
      calls: (channels.phone ?? 0) + (channels.video ?? 0),
      meetings: channels.meeting ?? 0,
      byParty: parties,
    },
  };
}

describeEachDatabase('reports', (dialect) => {
  const t = useTestNode(dialect, { code: 'CN-NIA' });
  let analyst: ApiClient;
  let analystToken: string;
  let records: Created;

  /** Downloads a binary export with the analyst's API token (the JSON test client decodes bodies as text). */
  const download = (query: string) =>
    fetch(`${t().url}/api/v1/reports/export?${query}`, {
      headers: { authorization: `Bearer ${analystToken}` },
    });

  beforeAll(async () => {
    const node = t();
    await seedDirectory(await node.admin(), node.code);
    const commander = await node.userWith(['patrol_commander'], { personalData: true });
    const liaison = await node.userWith(['liaison_officer']);
    analyst = await node.userWith(['analyst'], { username: 'report-analyst' });
    const token = await (await node.admin()).post<{ token: string }>('/api/v1/tokens', {
      username: 'report-analyst',
      name: 'report downloads',
    });
    expect(token.status, token.text).toBe(201);
    analystToken = token.body.token;
    const desk = await node.userWith(['port_officer'], { personalData: true });
    records = await replay(commander, liaison, desk);
  });

  describe('access', () => {
    it.each(['statistics', 'summary', 'export?format=csv&'])(
      'answers 401 to %s without a session',
      async (path) => {
        const response = await t()
          .anonymous()
          .get(`/api/v1/reports/${path.includes('?') ? path : `${path}?`}period=2021-H1`);
        expect(response.status).toBe(401);
      },
    );

    it('answers 403 to roles that do not prepare reports', async () => {
      const officer = await t().userWith(['port_officer', 'viewer']);
      expect((await officer.get('/api/v1/reports/statistics?period=2021-H1')).status).toBe(403);
      expect((await officer.get('/api/v1/reports/export?period=2021-H1&format=pdf')).status).toBe(403);
    });

    it('answers 400 to a period it cannot read, an unknown format or an unknown field', async () => {
      const bad = [
        '/api/v1/reports/statistics?period=2021-H3',
        '/api/v1/reports/statistics?from=2021-06-30&to=2021-01-01',
        '/api/v1/reports/statistics',
        '/api/v1/reports/statistics?period=2021&unit=x',
        '/api/v1/reports/summary?period=2021-H1&lang=fr',
        '/api/v1/reports/export?period=2021-H1&format=docx',
      ];
      for (const path of bad) {
        const response = await analyst.get(path);
        expect(response.status, path).toBe(400);
      }
    });
  });

  describe('honest figures', () => {
    it('reports every H1 figure exactly as counted from the records replayed through the APIs', async () => {
      const response = await analyst.get<Statistics>('/api/v1/reports/statistics?period=2021-H1');
      expect(response.status, response.text).toBe(200);
      const stats = response.body;
      const expected = expectedFigures(records);
      expect(stats.unavailable).toEqual([]);
      expect(stats).toEqual({
        period: { from: '2021-01-01', to: '2021-06-30', label: '2021-H1' },
        agency: 'CN-NIA',
        timeZone: 'Asia/Shanghai',
        generatedAt: stats.generatedAt,
        unavailable: [],
        counterparts: COUNTERPARTS.length,
        counterpartCountries: new Set(COUNTERPARTS.map((side) => side.country)).size,
        ...expected,
      });
      // The scenario is built to exercise every figure: none of them may pass by being zero on both sides.
      expect(stats.interceptions.events).toBe(10);
      expect(stats.crossings.total).toBe(3);
      expect(stats.hits.total).toBe(1);
      expect(stats.operations).toMatchObject({ patrols: 4, lawEnforcement: 1, exercises: 1 });
      expect(stats.handovers.requested).toBe(3);
      expect(stats.liaison).toMatchObject({ letters: 3, calls: 3, meetings: 1 });
    });

    it('counts the notifications the replay caused, this year, as the outbox lists them', async () => {
      const year = new Date().getUTCFullYear();
      const stats = (await analyst.get<Statistics>(`/api/v1/reports/statistics?period=${year}`)).body;
      const sent = records.outbox.filter(
        (row) => row.state === 'sent' && String(row.sentAt).startsWith(`${year}`),
      );
      // Handover requests went to the counterparts through exchange; the test must not pass on zero.
      expect(sent.length).toBeGreaterThan(0);
      expect(stats.notifications.sent).toBe(sent.length);
      const byType: Record<string, number> = {};
      for (const row of sent) byType[String(row.type)] = (byType[String(row.type)] ?? 0) + 1;
      expect(
        Object.fromEntries(Object.entries(stats.notifications.byType).map(([k, v]) => [k, v.sent])),
      ).toEqual(byType);
    });

    it('gives the same figures for the same period named by dates', async () => {
      const byCode = await analyst.get<Statistics>('/api/v1/reports/statistics?period=2021-H1');
      const byDates = await analyst.get<Statistics>(
        '/api/v1/reports/statistics?from=2021-01-01&to=2021-06-30',
      );
      expect(byDates.status).toBe(200);
      const { period: _a, generatedAt: _b, ...codeFigures } = byCode.body;
      const { period: _c, generatedAt: _d, ...dateFigures } = byDates.body;
      expect(dateFigures).toEqual(codeFigures);
    });

    it('adds the months of a half-year up to the half-year', async () => {
      const half = (await analyst.get<Statistics>('/api/v1/reports/statistics?period=2021-H1')).body;
      let persons = 0;
      let letters = 0;
      for (const month of ['01', '02', '03', '04', '05', '06']) {
        const stats = (await analyst.get<Statistics>(`/api/v1/reports/statistics?period=2021-${month}`)).body;
        persons += stats.interceptions.persons;
        letters += stats.liaison.letters;
      }
      expect(persons).toBe(half.interceptions.persons);
      expect(letters).toBe(half.liaison.letters);
    });
  });

  describe('summary and exports', () => {
    it('writes the summary from the same figures, in the language asked for', async () => {
      const stats = (await analyst.get<Statistics>('/api/v1/reports/statistics?period=2021-H1')).body;
      const response = await analyst.get<WorkSummary>('/api/v1/reports/summary?period=2021-H1&lang=zh');
      expect(response.status, response.text).toBe(200);
      expect(response.body.text).toMatch(/^2021年1至6月，/);
      expect(response.body.text).toContain(`拦截可疑人员${stats.interceptions.persons}名`);
      const persons = response.body.table.find((row) => row.key === 'interceptedPersons');
      expect(persons?.value).toBe(stats.interceptions.persons);
      expect(response.body.roundingRule).toContain('两位有效数字');
    });

    it('exports CSV with every breakdown row', async () => {
      const response = await analyst.get('/api/v1/reports/export?period=2021-H1&format=csv&lang=en');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/csv');
      expect(response.headers.get('content-disposition')).toContain('report-CN-NIA-2021-H1-en.csv');
      const lines = response.text
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toBe('table,key,label,column,value');
      const stats = (await analyst.get<Statistics>('/api/v1/reports/statistics?period=2021-H1')).body;
      expect(lines).toContain(
        `figures,interceptedPersons,Persons intercepted,value,${stats.interceptions.persons}`,
      );
      for (const [outcome, tallied] of Object.entries(stats.interceptions.byOutcome)) {
        expect(
          lines.some(
            (line) =>
              line.startsWith(`interceptionsByOutcome,${outcome},`) &&
              line.endsWith(`,persons,${tallied.persons}`),
          ),
        ).toBe(true);
      }
    });

    it('exports an XLSX workbook whose sheets hold the summary and the breakdowns', async () => {
      const response = await download('period=2021-H1&format=xlsx&lang=ru');
      expect(response.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await response.arrayBuffer());
      expect(workbook.worksheets.length).toBeGreaterThan(5);
      const first = workbook.worksheets[0];
      expect(String(first?.getCell('A2').value)).toMatch(/^С января по июнь 2021 года/);
    });

    it('exports a PDF', async () => {
      const response = await download('period=2021-H1&format=pdf&lang=zh');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(bytes.length).toBeGreaterThan(10_000);
    });
  });
});
