import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import type { ApiClient } from '../../../test/support/http-client.js';
import { useTestNode } from '../../../test/support/nodes.js';
import { listAudit } from '../../core/audit/audit.js';
import type { Db } from '../../core/db/database.js';
import type { DomainEvent } from '../../core/events.js';
import { addCounterparts, addManualPeer } from '../exchange/test-support/exchange-nodes.js';
import { buildTd3 } from './mrz/test-support/mrz-builder.js';
import {
  addTestPort,
  buildCrossing,
  buildEntry,
  buildPassengerList,
  COUNTERPART_TEST_PORT,
  COUNTERPART_TEST_PORT_FEATURE,
} from './test-support/factories.js';

/** How many crossings the node has recorded. */
const crossingCount = async (db: Db): Promise<number> =>
  Number(
    (
      await db
        .selectFrom('warning_crossings')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describeEachDatabase('warning module over HTTP', (dialect) => {
  const testNode = useTestNode(dialect, { code: 'CN-NIA' });
  beforeAll(async () => addTestPort(await testNode().admin()));
  let officerClient: ApiClient | undefined;
  const officer = async () => {
    officerClient ??= await testNode().userWith(['port_officer'], { personalData: true });
    return officerClient;
  };
  const addEntry = async (overrides: Parameters<typeof buildEntry>[0] = {}) => {
    const created = await (await officer()).post<{ id: string }>(
      '/api/v1/warning/watchlist',
      buildEntry(overrides),
    );
    expect(created.status).toBe(201);
    return created.body.id;
  };

  it('refuses the watchlist without a session, without the role and without the personal-data grant', async () => {
    const node = testNode();
    expect((await node.anonymous().get('/api/v1/warning/watchlist')).status).toBe(401);
    const analyst = await node.userWith(['analyst'], { personalData: true });
    expect((await analyst.get('/api/v1/warning/watchlist')).status).toBe(403);
    const uncleared = await node.userWith(['port_officer']);
    const refused = await uncleared.get('/api/v1/warning/watchlist');
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('auth.personal_data_required');
    expect((await uncleared.post('/api/v1/warning/crossings', buildCrossing())).status).toBe(403);
    expect((await uncleared.get('/api/v1/warning/hits')).status).toBe(403);
  });

  it('refuses an entry with unknown fields or without any name or document number', async () => {
    const client = await officer();
    const extra = await client.post('/api/v1/warning/watchlist', { ...buildEntry(), favourite: true });
    expect(extra.status).toBe(400);
    const nameless = buildEntry({ surname: undefined, givenNames: undefined, nativeName: undefined });
    const noIdentity = await client.post('/api/v1/warning/watchlist', {
      ...nameless,
      documentNumber: undefined,
    });
    expect(noIdentity.status).toBe(400);
    expect(noIdentity.body.code).toBe('warning.entry_unidentifiable');
  });

  it('creates, reads, changes and deletes an entry, auditing every read with ids only', async () => {
    const client = await officer();
    const id = await addEntry({ surname: 'PETROV', givenNames: 'IVAN', nativeName: 'Иван Петров' });
    const read = await client.get<{ surname: string }>(`/api/v1/warning/watchlist/${id}`);
    expect(read.status).toBe(200);
    expect(read.body.surname).toBe('PETROV');
    const audit = await listAudit(testNode().node.context.db, { limit: 5, targetId: id });
    const readEntry = audit.find((entry) => entry.action === 'watchlist.read');
    expect(readEntry).toBeDefined();
    expect(JSON.stringify(readEntry)).not.toContain('PETROV');

    const listed = await client.get<{ items: Array<{ id: string }> }>('/api/v1/warning/watchlist?limit=500');
    expect(listed.body.items.map((item) => item.id)).toContain(id);
    const [listAuditEntry] = await listAudit(testNode().node.context.db, {
      limit: 1,
      targetType: 'watchlist_entry',
    });
    expect(listAuditEntry?.action).toBe('watchlist.list');
    expect(listAuditEntry?.details.ids).toContain(id);

    const changed = await client.patch<{ reason: string }>(`/api/v1/warning/watchlist/${id}`, {
      reason: 'confirmed case',
    });
    expect(changed.body.reason).toBe('confirmed case');
    expect((await client.delete(`/api/v1/warning/watchlist/${id}`)).status).toBe(204);
    expect((await client.get(`/api/v1/warning/watchlist/${id}`)).status).toBe(404);
  });

  it('empties optional fields of an entry sent as null, audits which were emptied and keeps required ones', async () => {
    const client = await officer();
    const id = await addEntry({ surname: 'CLEARME', personalNumber: 'P123' });
    const url = `/api/v1/warning/watchlist/${id}`;
    expect((await testNode().anonymous().patch(url, { birthDate: null })).status).toBe(401);
    const analyst = await testNode().userWith(['analyst'], { personalData: true });
    expect((await analyst.patch(url, { birthDate: null })).status).toBe(403);
    for (const required of ['reason', 'category', 'validUntil', 'validFrom', 'sharingScope']) {
      expect((await client.patch(url, { [required]: null })).status, required).toBe(400);
    }

    const changed = await client.patch<Record<string, unknown>>(url, {
      birthDate: null,
      nationality: null,
      personalNumber: null,
      sex: null,
      reason: 'identity partly unknown',
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      surname: 'CLEARME',
      birthDate: null,
      nationality: null,
      personalNumber: null,
      sex: null,
      documentNumber: 'E12345678',
      reason: 'identity partly unknown',
    });
    const read = await client.get<Record<string, unknown>>(url);
    expect(read.body).toMatchObject({ birthDate: null, nationality: null, surname: 'CLEARME' });

    const audit = await listAudit(testNode().node.context.db, { limit: 5, targetId: id });
    const recorded = audit.find((entry) => entry.action === 'watchlist.update');
    expect(recorded?.details).toEqual({
      changed: ['birthDate', 'nationality', 'personalNumber', 'sex', 'reason'],
      cleared: ['birthDate', 'nationality', 'personalNumber', 'sex'],
    });
    expect(JSON.stringify(recorded)).not.toContain('CLEARME');

    const nameless = await client.patch<{ code: string }>(url, {
      surname: null,
      givenNames: null,
      nativeName: null,
      documentNumber: null,
    });
    expect(nameless.status).toBe(400);
    expect(nameless.body.code).toBe('warning.entry_unidentifiable');
    expect((await client.get<{ surname: string }>(url)).body.surname).toBe('CLEARME');
  });

  it('shares an entry with a peer through exchange, and refuses sharing with a non-peer (409) keeping nothing', async () => {
    const node = testNode();
    await addManualPeer(node, 'MN-GABP', { language: 'ru' });
    await addCounterparts(node, ['RU-FSB']);
    const client = await officer();
    const id = await addEntry({ surname: 'SHARED', sharingScope: 'counterparts', shareWith: ['MN-GABP'] });
    const outbox = await client.get<{ items: Array<{ id: string; recipients: Array<{ agency: string }> }> }>(
      '/api/v1/notifications?box=outbox&type=watchlist.share',
    );
    expect(outbox.body.items.map((item) => item.recipients.map((r) => r.agency))).toEqual([['MN-GABP']]);
    const share = await client.get<{ body: { entries: Array<{ entryId: string; surname: string }> } }>(
      `/api/v1/notifications/${outbox.body.items[0]?.id}`,
    );
    expect(share.body.body.entries).toEqual([expect.objectContaining({ entryId: id, surname: 'SHARED' })]);

    const refused = await client.post<{ code: string; agency: string }>(
      '/api/v1/warning/watchlist',
      buildEntry({ surname: 'UNSHARED', sharingScope: 'counterparts', shareWith: ['RU-FSB'] }),
    );
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'exchange.recipient_not_peer', agency: 'RU-FSB' });
    const listed = await client.get<{ items: Array<{ surname: string }> }>(
      '/api/v1/warning/watchlist?limit=500',
    );
    expect(listed.body.items.map((item) => item.surname)).not.toContain('UNSHARED');
  });

  it('answers a crossing with a watchlisted passport MRZ with a hit and raises a live alert', async () => {
    const node = testNode();
    const entryId = await addEntry({
      surname: 'LIU',
      givenNames: 'YANG',
      documentNumber: 'G55667788',
      birthDate: '1979-11-02',
    });
    const events: DomainEvent[] = [];
    const unsubscribe = node.node.context.events.subscribe((event) => events.push(event));
    const mrz = buildTd3({
      surname: 'LIU',
      givenNames: 'YANG',
      documentNumber: 'G55667788',
      birthDate: '791102',
    }).join('\n');
    const response = await (await officer()).post<{
      verdict: string;
      score: number;
      hitId: string;
      entry: { id: string };
      explanation: unknown[];
      documentExpiredOn: string | null;
    }>('/api/v1/warning/crossings', { direction: 'entry', portCode: 'ERLIAN', mrz });
    unsubscribe();
    expect(response.status).toBe(201);
    expect(response.body.verdict).toBe('hit');
    expect(response.body.documentExpiredOn).toBeNull();
    expect(response.body.entry.id).toBe(entryId);
    expect(response.body.explanation.length).toBeGreaterThan(0);
    const alert = events.find((event) => event.type === 'hit.raised');
    expect(alert).toMatchObject({ personalData: true, data: { hitId: response.body.hitId, verdict: 'hit' } });
  });

  it('says when a document read from the MRZ has expired, and screens the traveller all the same', async () => {
    const mrz = buildTd3({
      surname: 'TUMUR',
      givenNames: 'BOLD',
      documentNumber: 'MX7775551',
      expiryDate: '240315',
    }).join('\n');
    const response = await (await officer()).post<{ verdict: string; documentExpiredOn: string | null }>(
      '/api/v1/warning/crossings',
      { direction: 'entry', portCode: 'ERLIAN', mrz },
    );
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ verdict: 'clear', documentExpiredOn: '2024-03-15' });
    // the answer names the traveller as read from the MRZ: the desk's form is already cleared when it shows
    expect(response.body).toMatchObject({
      traveller: { surname: 'TUMUR', givenNames: 'BOLD', nativeName: null, documentNumber: 'MX7775551' },
    });
    // judged on the day it was presented: a crossing recorded after the fact, when it was still valid
    const backDated = await (await officer()).post<{ documentExpiredOn: string | null }>(
      '/api/v1/warning/crossings',
      { direction: 'entry', portCode: 'ERLIAN', mrz, crossedAt: '2024-03-01T08:00:00Z' },
    );
    expect(backDated.body.documentExpiredOn).toBeNull();
    // and for an advance passenger list, on the day the passengers are expected
    const tomorrow = new Date(Date.now() + 86_400_000);
    const expiry = tomorrow.toISOString().slice(2, 10).replaceAll('-', '');
    const soon = buildTd3({
      surname: 'TUMUR',
      givenNames: 'SARNAI',
      documentNumber: 'MX7775552',
      expiryDate: expiry,
    });
    const list = await (await officer()).post<{ items: Array<{ documentExpiredOn: string | null }> }>(
      '/api/v1/warning/expected-crossings',
      {
        direction: 'entry',
        portCode: 'ERLIAN',
        expectedAt: new Date(Date.now() + 5 * 86_400_000).toISOString(),
        passengers: [{ mrz: soon.join('\n') }],
      },
    );
    expect(list.status).toBe(201);
    expect(list.body.items[0]?.documentExpiredOn).toBe(tomorrow.toISOString().slice(0, 10));
    const typed = await (await officer()).post<{ documentExpiredOn: string | null }>(
      '/api/v1/warning/crossings',
      buildCrossing(),
    );
    expect(typed.body.documentExpiredOn).toBeNull();
  });

  it('clears a traveller who is on no list', async () => {
    const response = await (await officer()).post<{ verdict: string; hitId: null }>(
      '/api/v1/warning/crossings',
      buildCrossing(),
    );
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ verdict: 'clear', hitId: null });
  });

  it('finds a person listed today in a crossing recorded after the fact', async () => {
    const { validFrom: _listedToday, ...entry } = buildEntry({
      surname: 'LATECOMER',
      givenNames: 'WEI',
      documentNumber: 'E55501234',
      birthDate: '1985-03-12',
    });
    expect((await (await officer()).post('/api/v1/warning/watchlist', entry)).status).toBe(201);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    const response = await (await officer()).post<{ verdict: string }>(
      '/api/v1/warning/crossings',
      buildCrossing({
        crossedAt: yesterday,
        identity: {
          surname: 'LATECOMER',
          givenNames: 'WEI',
          documentNumber: 'E55501234',
          birthDate: '1985-03-12',
        },
      }),
    );
    expect(response.status).toBe(201);
    expect(response.body.verdict).toBe('hit');
  });

  it('refuses a malformed MRZ naming the line, the field and the failed check digit', async () => {
    const lines = buildTd3({ documentNumber: 'E99887766' });
    const line2 = lines[1] ?? '';
    const broken = `${line2.slice(0, 9)}${line2[9] === '0' ? '1' : '0'}${line2.slice(10)}`;
    const response = await (await officer()).post('/api/v1/warning/crossings', {
      direction: 'entry',
      portCode: 'ERLIAN',
      mrz: `${lines[0]}\n${broken}`,
    });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('warning.mrz_invalid');
    expect(String(response.body.detail)).toMatch(/line 2, field documentNumber/);
    expect(String(response.body.detail)).toMatch(/check digit/);
    // the check digit of the document number is the tenth character of line 2; the values word it
    expect(response.body.details).toMatchObject({
      line: 2,
      position: 10,
      mrzField: 'documentNumber',
      issue: 'check_digit',
      actual: broken[9],
      expected: line2[9],
    });
    expect(response.body.mrzErrors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 2, field: 'documentNumber', code: 'check_digit' }),
      ]),
    );
  });

  it('takes a hit through confirm and action, and refuses a second decision', async () => {
    const client = await officer();
    await addEntry({
      surname: 'WANG',
      givenNames: 'FANG',
      documentNumber: 'E77001122',
      birthDate: '1990-05-05',
      sex: 'F',
    });
    const crossing = await client.post<{ hitId: string }>(
      '/api/v1/warning/crossings',
      buildCrossing({
        identity: {
          surname: 'WANG',
          givenNames: 'FANG',
          documentNumber: 'E77001122',
          birthDate: '1990-05-05',
          sex: 'F',
        },
      }),
    );
    const hitId = crossing.body.hitId;
    expect((await client.post(`/api/v1/warning/hits/${hitId}/action`, { action: 'quarantine' })).status).toBe(
      409,
    );
    const confirmed = await client.post<{ status: string }>(`/api/v1/warning/hits/${hitId}/confirm`, {
      reason: 'passport checked',
    });
    expect(confirmed.body.status).toBe('confirmed');
    expect((await client.post(`/api/v1/warning/hits/${hitId}/dismiss`, { reason: 'late' })).status).toBe(409);
    const acted = await client.post<{ action: string }>(`/api/v1/warning/hits/${hitId}/action`, {
      action: 'quarantine',
    });
    expect(acted.body.action).toBe('quarantine');
    expect((await client.post(`/api/v1/warning/hits/${hitId}/action`, { action: 'sent_home' })).status).toBe(
      400,
    );
    // a second action adds to the first: the hit keeps the latest, and every one in order
    type Acted = { action: string; actions: Array<{ action: string; by: string; at: string }> };
    const handed = await client.post<Acted>(`/api/v1/warning/hits/${hitId}/action`, {
      action: 'handed_to_health_authority',
    });
    expect(handed.body.action).toBe('handed_to_health_authority');
    const taken = ['quarantine', 'handed_to_health_authority'];
    expect(handed.body.actions.map((item) => item.action)).toEqual(taken);
    expect(handed.body.actions[0]?.at).toBeTruthy();
    expect(
      (await client.get<Acted>(`/api/v1/warning/hits/${hitId}`)).body.actions.map((a) => a.action),
    ).toEqual(taken);
    const confirmedList = await client.get<{ items: Array<{ id: string } & Acted> }>(
      '/api/v1/warning/hits?status=confirmed',
    );
    const listed = confirmedList.body.items.find((hit) => hit.id === hitId);
    expect(listed?.actions.map((item) => item.action)).toEqual(taken);
    expect(new Set(listed?.actions.map((item) => item.by)).size).toBe(1);
  });

  it('raises a rule warning for a flagged conveyance with the same workflow', async () => {
    const client = await officer();
    expect(
      (
        await client.post('/api/v1/warning/flagged-conveyances', {
          conveyance: 'MN-4521',
          reason: 'driver tested positive',
        })
      ).status,
    ).toBe(201);
    const response = await client.post<{ warnings: Array<{ rule: string; hitId: string }> }>(
      '/api/v1/warning/crossings',
      buildCrossing({ conveyance: 'mn 4521' }),
    );
    expect(response.body.warnings).toEqual([expect.objectContaining({ rule: 'flagged_conveyance' })]);
    const hitId = response.body.warnings[0]?.hitId;
    const dismissed = await client.post<{ status: string; kind: string }>(
      `/api/v1/warning/hits/${hitId}/dismiss`,
      { reason: 'passenger, not driver' },
    );
    expect(dismissed.body).toMatchObject({ status: 'dismissed', kind: 'rule' });
  });

  it('screens an advance passenger list and reports each passenger', async () => {
    await addEntry({
      surname: 'KIM',
      givenNames: 'MINJUN',
      documentNumber: 'M12398745',
      nationality: 'KOR',
      birthDate: '1988-08-08',
    });
    const response = await (await officer()).post<{ items: Array<{ verdict: string }> }>(
      '/api/v1/warning/expected-crossings',
      {
        direction: 'entry',
        portCode: 'ERLIAN',
        expectedAt: new Date().toISOString(),
        conveyance: 'K3',
        passengers: [
          {
            identity: {
              surname: 'KIM',
              givenNames: 'MINJUN',
              documentNumber: 'M12398745',
              birthDate: '1988-08-08',
            },
          },
          { identity: { surname: 'DORJ', givenNames: 'BOLD', documentNumber: 'MN0000001' } },
        ],
      },
    );
    expect(response.status).toBe(201);
    expect(response.body.items.map((item) => item.verdict)).toEqual(['hit', 'clear']);
  });

  it('keeps the good rows of a bulk upload and reports each bad one by line', async () => {
    const header = 'direction,port_code,surname,given_names,birth_date,document_number,mrz';
    const good = [
      'entry,ERLIAN,BAATAR,SUKH,1970-01-01,MN1234567,',
      'exit,ERLIAN,TSEREN,NARAN,1981,MN7654321,',
    ];
    const bad = [
      'sideways,ERLIAN,ODON,GEREL,,MN1111111,',
      'entry,ERLIAN,,,,,P<CHNBROKEN',
      'entry,XXX,GANBAT,SAIKHAN,1975-05-05,MN2222222,',
    ];
    const csv = [header, good[0], bad[0], good[1], bad[1], bad[2]].join('\n');
    const response = await (await officer()).raw('POST', '/api/v1/warning/crossings/bulk', csv, 'text/csv');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ accepted: 2, rejected: 3 });
    const lines = (response.body.errors as Array<{ line: number; code: string }>).map((error) => [
      error.line,
      error.code,
    ]);
    expect(lines).toEqual([
      [3, 'warning.invalid_row'],
      [5, 'warning.mrz_invalid'],
      [6, 'warning.unknown_port'],
    ]);
    expect(response.body.errors).toContainEqual(expect.objectContaining({ params: { portCode: 'XXX' } }));
    // what the desk's answer to the same MRZ gives a client to word it with: line, field, what is wrong
    expect(response.body.errors).toContainEqual(
      expect.objectContaining({
        code: 'warning.mrz_invalid',
        path: '/mrz',
        params: { line: 1, mrzField: 'mrz', issue: 'unknown_length', length: 11 },
      }),
    );
  });

  it('refuses a crossing or a passenger list at a port the directory does not know, storing nothing', async () => {
    const client = await officer();
    const stored = () => crossingCount(testNode().node.context.db);
    const before = await stored();
    const refused = await client.post('/api/v1/warning/crossings', buildCrossing({ portCode: 'XXX' }));
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      code: 'warning.unknown_port',
      details: { field: 'portCode', portCode: 'XXX' },
    });
    const list = await client.post('/api/v1/warning/expected-crossings', {
      direction: 'entry',
      portCode: 'XXX',
      expectedAt: new Date().toISOString(),
      passengers: [{ identity: { surname: 'DORJ', givenNames: 'BOLD' } }],
    });
    expect(list.status).toBe(400);
    expect(list.body.code).toBe('warning.unknown_port');
    expect(await stored()).toBe(before);
  });

  it('names every reason the rules refuse a crossing or a passenger list in one answer, storing nothing', async () => {
    const client = await officer();
    const stored = () => crossingCount(testNode().node.context.db);
    const before = await stored();
    type Refused = { code: string; errors: Array<{ path: string; code: string; params: object }> };
    const crossing = await client.post<Refused>(
      '/api/v1/warning/crossings',
      buildCrossing({ portCode: 'XXX', identity: { surname: '...', birthDate: '2099-01-01' } }),
    );
    expect(crossing.status).toBe(400);
    // the first reason leads, as when it is the only one
    expect(crossing.body.code).toBe('warning.identity_missing');
    expect(crossing.body.errors).toEqual([
      expect.objectContaining({ path: '/identity', code: 'warning.identity_missing' }),
      expect.objectContaining({
        path: '/identity/birthDate',
        code: 'warning.birth_date_invalid',
        params: { birthDate: '2099-01-01' },
      }),
      expect.objectContaining({
        path: '/portCode',
        code: 'warning.unknown_port',
        params: { portCode: 'XXX' },
      }),
    ]);
    // an MRZ with two wrong check digits: both are listed, each with what the desk words it with
    const [line1 = '', line2 = ''] = buildTd3();
    const wrongDigit = (at: number) => String((Number(line2[at]) + 1) % 10);
    const broken = `${line2.slice(0, 9)}${wrongDigit(9)}${line2.slice(10, 19)}${wrongDigit(19)}${line2.slice(20)}`;
    const mrz = await client.post<Refused>(
      '/api/v1/warning/crossings',
      buildCrossing({ identity: undefined, mrz: `${line1}\n${broken}` }),
    );
    expect(mrz.status).toBe(400);
    expect(mrz.body.code).toBe('warning.mrz_invalid');
    const digits = mrz.body.errors.filter(
      (error) => (error.params as { issue?: string }).issue === 'check_digit',
    );
    expect(
      digits.map((error) => [error.path, error.code, (error.params as { mrzField: string }).mrzField]),
    ).toEqual(
      expect.arrayContaining([
        ['/mrz', 'warning.mrz_invalid', 'documentNumber'],
        ['/mrz', 'warning.mrz_invalid', 'birthDate'],
      ]),
    );
    const list = await client.post<Refused>(
      '/api/v1/warning/expected-crossings',
      buildPassengerList([
        { identity: { surname: 'DORJ', givenNames: 'BOLD' } },
        { identity: { surname: '...', birthDate: '2099-01-01' } },
      ]),
    );
    expect(list.status).toBe(400);
    expect(list.body.errors.map((error) => [error.path, error.code])).toEqual([
      ['/passengers/1/identity', 'warning.identity_missing'],
      ['/passengers/1/identity/birthDate', 'warning.birth_date_invalid'],
    ]);
    const elsewhere = await client.post<Refused>('/api/v1/warning/expected-crossings', {
      ...buildPassengerList([{ identity: { surname: '...' } }]),
      portCode: 'XXX',
    });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.code).toBe('warning.unknown_port');
    expect(elsewhere.body.errors.map((error) => [error.path, error.code])).toEqual([
      ['/portCode', 'warning.unknown_port'],
      ['/passengers/0/identity', 'warning.identity_missing'],
    ]);
    expect(await stored()).toBe(before);
  });

  it('refuses a crossing far ahead of the clock and a passenger list years ahead, storing nothing', async () => {
    const client = await officer();
    const stored = () => crossingCount(testNode().node.context.db);
    const before = await stored();
    const hoursAhead = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
    const future = await client.post(
      '/api/v1/warning/crossings',
      buildCrossing({ crossedAt: '2999-01-01T00:00:00Z' }),
    );
    expect(future.status).toBe(400);
    expect(future.body).toMatchObject({
      code: 'warning.crossed_at_future',
      details: { field: 'crossedAt', crossedAt: '2999-01-01T00:00:00Z' },
    });
    const csv = `direction,port_code,surname,crossed_at\nentry,ERLIAN,DORJ,2999-01-01T00:00:00Z\n`;
    const file = await client.raw('POST', '/api/v1/warning/crossings/bulk', csv, 'text/csv');
    expect(file.body).toMatchObject({ accepted: 0, rejected: 1 });
    expect(file.body.errors).toEqual([
      expect.objectContaining({ line: 2, code: 'warning.crossed_at_future', path: '/crossed_at' }),
    ]);
    const list = await client.post('/api/v1/warning/expected-crossings', {
      ...buildPassengerList([{ identity: { surname: 'DORJ' } }]),
      expectedAt: hoursAhead(24 * 365),
    });
    expect(list.status).toBe(400);
    expect(list.body).toMatchObject({ code: 'warning.expected_at_too_far', details: { days: 30 } });
    expect(await stored()).toBe(before);
    // a port system's clock a few hours ahead is no reason to refuse, nor a list announced for next week
    const skewed = await client.post(
      '/api/v1/warning/crossings',
      buildCrossing({ crossedAt: hoursAhead(3) }),
    );
    expect(skewed.status).toBe(201);
    const nextWeek = await client.post('/api/v1/warning/expected-crossings', {
      ...buildPassengerList([{ identity: { surname: 'DORJ' } }]),
      expectedAt: hoursAhead(24 * 7),
    });
    expect(nextWeek.status).toBe(201);
  });

  it("refuses a crossing, a passenger list or a file's row at a neighbour's port, storing nothing", async () => {
    const client = await officer();
    // the directory lists the ports facing ours across the border too
    await addTestPort(await testNode().admin(), COUNTERPART_TEST_PORT, COUNTERPART_TEST_PORT_FEATURE);
    const stored = () => crossingCount(testNode().node.context.db);
    const before = await stored();
    const refused = await client.post(
      '/api/v1/warning/crossings',
      buildCrossing({ portCode: COUNTERPART_TEST_PORT }),
    );
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      code: 'warning.not_own_port',
      details: { field: 'portCode', portCode: COUNTERPART_TEST_PORT, country: 'MN' },
      errors: [expect.objectContaining({ path: '/portCode' })],
    });
    const list = await client.post('/api/v1/warning/expected-crossings', {
      direction: 'entry',
      portCode: COUNTERPART_TEST_PORT,
      expectedAt: new Date().toISOString(),
      passengers: [{ identity: { surname: 'DORJ', givenNames: 'BOLD' } }],
    });
    expect(list.status).toBe(400);
    expect(list.body.code).toBe('warning.not_own_port');
    const csv = `direction,port_code,surname\nentry,${COUNTERPART_TEST_PORT},DORJ\nentry,ERLIAN,DORJ\n`;
    const file = await client.raw('POST', '/api/v1/warning/crossings/bulk', csv, 'text/csv');
    expect(file.body).toMatchObject({ accepted: 1, rejected: 1 });
    expect(file.body.errors).toEqual([
      {
        line: 2,
        code: 'warning.not_own_port',
        message: expect.any(String),
        path: '/port_code',
        params: { portCode: COUNTERPART_TEST_PORT, country: 'MN' },
      },
    ]);
    // only the row at our own port was recorded
    expect(await stored()).toBe(before + 1);
  });

  it('imports entries all or nothing, or keeps the good rows when asked', async () => {
    const client = await officer();
    const until = buildEntry().validUntil;
    const rows = [
      JSON.stringify(buildEntry({ surname: 'SOKOLOV', documentNumber: 'RU1000001' })),
      JSON.stringify({ ...buildEntry(), category: 'unknown' }),
      'not json',
      JSON.stringify(buildEntry({ surname: 'ORLOV', documentNumber: 'RU1000002', validUntil: until })),
    ].join('\n');
    const refused = await client.raw(
      'POST',
      '/api/v1/warning/watchlist/imports',
      rows,
      'application/x-ndjson',
    );
    expect(refused.status).toBe(400);
    expect((refused.body.report as { errors: Array<{ line: number }> }).errors.map((e) => e.line)).toEqual([
      2, 3,
    ]);
    const partial = await client.raw(
      'POST',
      '/api/v1/warning/watchlist/imports?partial=true',
      rows,
      'application/x-ndjson',
    );
    expect(partial.status).toBe(201);
    expect(partial.body).toMatchObject({ imported: 2, rejected: 2 });
    const unsupported = await client.raw(
      'POST',
      '/api/v1/warning/watchlist/imports',
      '<x/>',
      'application/xml',
    );
    expect(unsupported.status).toBe(415);
    // every type but CSV and NDJSON gets the refusal that says what to send, a form upload too
    for (const path of ['/api/v1/warning/watchlist/imports', '/api/v1/warning/crossings/bulk']) {
      for (const type of ['application/xml', 'multipart/form-data; boundary=x', 'application/json']) {
        const refused = await client.raw('POST', path, type === 'application/json' ? '{}' : 'x', type);
        expect(refused.status, `${path} ${type}`).toBe(415);
        expect(refused.body, `${path} ${type}`).toMatchObject({
          code: 'warning.upload_type',
          detail: 'Send text/csv or application/x-ndjson',
        });
      }
    }
  });
});
