import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import type { ApiClient } from '../../../test/support/http-client.js';
import { useTestNode } from '../../../test/support/nodes.js';
import { addManualPeer } from '../exchange/test-support/exchange-nodes.js';
import { addTestPort, buildCrossing, buildEntry } from './test-support/factories.js';

const WATCHLIST = '/api/v1/warning/watchlist';
const IMPORTS = `${WATCHLIST}/imports`;
const ndjson = (rows: readonly object[]) => rows.map((row) => JSON.stringify(row)).join('\n');

interface FieldProblem {
  code: string;
  errors: Array<{ path: string; keyword?: string }>;
}
interface ImportRefusal {
  code: string;
  detail: string;
  report: { errors: Array<Record<string, unknown>> };
}

describeEachDatabase('watchlist input the desk can get wrong', (dialect) => {
  const testNode = useTestNode(dialect, { code: 'CN-NIA' });
  let officer: ApiClient;
  beforeAll(async () => {
    const node = testNode();
    await addTestPort(await node.admin());
    await addManualPeer(node, 'MN-GABP', { language: 'ru' });
    officer = await node.userWith(['port_officer', 'liaison_officer'], { personalData: true });
  });

  const sharedEntries = async () => {
    const outbox = await officer.get<{ items: Array<{ id: string }> }>(
      '/api/v1/notifications?box=outbox&type=watchlist.share&limit=100',
    );
    const shares = await Promise.all(
      outbox.body.items.map((item) =>
        officer.get<{ body: { entries: Array<{ surname: string }> } }>(`/api/v1/notifications/${item.id}`),
      ),
    );
    return shares.flatMap((share) => share.body.body.entries.map((entry) => entry.surname));
  };

  it('refuses names and reasons made only of spaces as a pattern error on the field', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ surname: '   ' }, '/body/surname'],
      [{ givenNames: '\t ' }, '/body/givenNames'],
      [{ aliases: ['ZHANG W', '  '] }, '/body/aliases/1'],
      [{ reason: '   ' }, '/body/reason'],
    ];
    for (const [blank, path] of cases) {
      const refused = await officer.post<FieldProblem>(WATCHLIST, { ...buildEntry(), ...blank });
      expect(refused.status, path).toBe(400);
      expect(refused.body.errors).toContainEqual(expect.objectContaining({ path, keyword: 'pattern' }));
    }
    const nameless = buildEntry({ surname: undefined, givenNames: undefined, nativeName: undefined });
    const onlyBlankName = await officer.post(WATCHLIST, {
      ...nameless,
      documentNumber: undefined,
      surname: ' ',
    });
    expect(onlyBlankName.status).toBe(400);
  });

  it('counts the bad rows of a rejected import in words that agree with the count', async () => {
    const blank = { ...buildEntry(), surname: '   ' };
    const one = await officer.raw('POST', IMPORTS, ndjson([buildEntry(), blank]), 'application/x-ndjson');
    expect(one.status).toBe(400);
    expect((one.body as unknown as ImportRefusal).detail).toBe('1 row is invalid; nothing was imported');
    const two = await officer.raw('POST', IMPORTS, ndjson([blank, blank]), 'application/x-ndjson');
    expect(two.status).toBe(400);
    expect((two.body as unknown as ImportRefusal).detail).toBe('2 rows are invalid; nothing was imported');
  });

  it('words an end of validity in the past by the start the sender gave, or by today when they gave none', async () => {
    type Refusal = { code: string; detail: string; field?: string };
    const today = /\d{4}-\d{2}-\d{2}/.source;
    const unstarted = await officer.post<Refusal>(WATCHLIST, {
      ...buildEntry(),
      validFrom: undefined,
      validUntil: '2020-01-01',
    });
    expect(unstarted.status).toBe(400);
    expect(unstarted.body.code).toBe('warning.entry_validity');
    expect(unstarted.body.detail).toMatch(
      new RegExp(
        `^validUntil 2020-01-01 is before today \\(${today}\\), when the entry would come into force$`,
      ),
    );
    const started = await officer.post<Refusal>(WATCHLIST, {
      ...buildEntry(),
      validFrom: '2020-06-01',
      validUntil: '2020-01-01',
    });
    expect(started.status).toBe(400);
    expect(started.body).toMatchObject({
      code: 'warning.entry_validity',
      detail: 'validUntil 2020-01-01 is before validFrom 2020-06-01',
    });
    const csv = [
      'category,surname,reason,valid_from,valid_until',
      'close_contact,UNSTARTED,contact,,2020-01-01',
      'close_contact,STARTED,contact,2020-06-01,2020-01-01',
    ].join('\n');
    const imported = await officer.raw('POST', IMPORTS, csv, 'text/csv');
    expect(imported.status).toBe(400);
    const errors = (imported.body as unknown as ImportRefusal).report.errors;
    expect(errors.map((error) => [error.line, error.code, error.path])).toEqual([
      [2, 'warning.entry_validity', '/valid_until'],
      [3, 'warning.entry_validity', '/valid_until'],
    ]);
    expect(errors[0]?.message).toMatch(
      new RegExp(
        `^validUntil 2020-01-01 is before today \\(${today}\\), when the entry would come into force$`,
      ),
    );
    expect(errors[1]?.message).toBe('validUntil 2020-01-01 is before validFrom 2020-06-01');
  });

  it('refuses an imported row whose surname is blank, naming its line and field', async () => {
    const rows = ndjson([buildEntry({ surname: 'BLANKLESS' }), { ...buildEntry(), surname: '   ' }]);
    const refused = await officer.raw('POST', IMPORTS, rows, 'application/x-ndjson');
    expect(refused.status).toBe(400);
    expect((refused.body as unknown as ImportRefusal).report.errors).toEqual([
      expect.objectContaining({ line: 2, code: 'warning.invalid_row', path: '/surname', keyword: 'pattern' }),
    ]);
  });

  it('refuses to decide a hit or flag a conveyance with a blank reason', async () => {
    await officer.post(WATCHLIST, buildEntry({ surname: 'BLANKREASON', documentNumber: 'E90000001' }));
    const crossing = await officer.post<{ hitId: string }>(
      '/api/v1/warning/crossings',
      buildCrossing({
        identity: {
          surname: 'BLANKREASON',
          givenNames: 'WEI',
          documentNumber: 'E90000001',
          birthDate: '1985-03-15',
        },
      }),
    );
    expect(crossing.body.hitId).toEqual(expect.any(String));
    for (const decision of ['dismiss', 'confirm']) {
      const refused = await officer.post<FieldProblem>(
        `/api/v1/warning/hits/${crossing.body.hitId}/${decision}`,
        {
          reason: '  ',
        },
      );
      expect(refused.status, decision).toBe(400);
      expect(refused.body.errors).toContainEqual(
        expect.objectContaining({ path: '/body/reason', keyword: 'pattern' }),
      );
    }
    const hit = await officer.get<{ status: string }>(`/api/v1/warning/hits/${crossing.body.hitId}`);
    expect(hit.body.status).toBe('open');
    const conveyance = await officer.post('/api/v1/warning/flagged-conveyances', {
      conveyance: 'K3',
      reason: ' ',
    });
    expect(conveyance.status).toBe(400);
    const noLetters = await officer.post<{ code: string }>('/api/v1/warning/flagged-conveyances', {
      conveyance: '--',
      reason: 'seen at the pass',
    });
    expect(noLetters.status).toBe(400);
    expect(noLetters.body.code).toBe('warning.conveyance_empty');
  });

  it('names /shareWith/i when an entry is to be shared with an agency that is not a peer', async () => {
    const refused = await officer.post<FieldProblem & { agency: string }>(
      WATCHLIST,
      buildEntry({ surname: 'NOTPEER', sharingScope: 'counterparts', shareWith: ['MN-GABP', 'VN-BG'] }),
    );
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'exchange.recipient_not_peer', agency: 'VN-BG' });
    expect(refused.body.errors).toEqual([expect.objectContaining({ path: '/shareWith/1' })]);
    expect(await sharedEntries()).not.toContain('NOTPEER');
  });

  it('refuses shareWith without sharingScope counterparts instead of keeping the entry internal', async () => {
    for (const scope of [{}, { sharingScope: 'internal' as const }]) {
      const refused = await officer.post<FieldProblem>(
        WATCHLIST,
        buildEntry({ surname: 'SCOPELESS', shareWith: ['MN-GABP'], ...scope }),
      );
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe('warning.share_with_needs_scope');
      expect(refused.body.errors).toEqual([expect.objectContaining({ path: '/shareWith' })]);
    }
    const shared = await officer.post<{ id: string }>(
      WATCHLIST,
      buildEntry({ surname: 'UNSHARE', sharingScope: 'counterparts', shareWith: ['MN-GABP'] }),
    );
    const url = `${WATCHLIST}/${shared.body.id}`;
    expect((await officer.patch(url, { sharingScope: 'internal', shareWith: ['MN-GABP'] })).status).toBe(400);
    const internal = await officer.patch(url, { sharingScope: 'internal' });
    expect(internal.status, internal.text).toBe(200);
    expect(internal.body).toMatchObject({ sharingScope: 'internal', shareWith: [] });
  });

  it('reports an imported row shared with a non-peer by line and field, importing and sharing the others when partial', async () => {
    const rows = ndjson([
      buildEntry({ surname: 'ROWONE', sharingScope: 'counterparts', shareWith: ['MN-GABP'] }),
      buildEntry({ surname: 'ROWTWO', sharingScope: 'counterparts', shareWith: ['VN-BG'] }),
      buildEntry({ surname: 'ROWTHREE' }),
    ]);
    const expected = {
      line: 2,
      code: 'exchange.recipient_not_peer',
      path: '/shareWith/0',
      params: { agency: 'VN-BG' },
    };
    const refused = await officer.raw('POST', IMPORTS, rows, 'application/x-ndjson');
    expect(refused.status).toBe(400);
    const refusal = refused.body as unknown as ImportRefusal;
    expect(refusal.code).toBe('warning.import_rejected');
    expect(refusal.report.errors).toEqual([expect.objectContaining(expected)]);
    expect(await sharedEntries()).not.toContain('ROWONE');

    const partial = await officer.raw('POST', `${IMPORTS}?partial=true`, rows, 'application/x-ndjson');
    expect(partial.status).toBe(201);
    expect(partial.body).toMatchObject({
      imported: 2,
      rejected: 1,
      errors: [expect.objectContaining(expected)],
    });
    expect(await sharedEntries()).toContain('ROWONE');

    const csv = [
      'category,surname,reason,valid_until,sharing_scope,share_with',
      `close_contact,CSVROW,contact,${buildEntry().validUntil},counterparts,MN-GABP;VN-BG`,
    ].join('\n');
    const csvRefused = await officer.raw('POST', IMPORTS, csv, 'text/csv');
    expect((csvRefused.body as unknown as ImportRefusal).report.errors).toEqual([
      expect.objectContaining({ line: 2, code: 'exchange.recipient_not_peer', path: '/share_with/1' }),
    ]);
  });

  it('names every agency of an imported row that is not a peer, not only the first', async () => {
    const rows = ndjson([
      buildEntry({
        surname: 'MANYPEERS',
        sharingScope: 'counterparts',
        shareWith: ['VN-BG', 'MN-GABP', 'KZ-KNB'],
      }),
    ]);
    const refused = await officer.raw('POST', IMPORTS, rows, 'application/x-ndjson');
    expect((refused.body as unknown as ImportRefusal).report.errors).toEqual([
      expect.objectContaining({ line: 1, path: '/shareWith/0', params: { agency: 'VN-BG' } }),
      expect.objectContaining({ line: 1, path: '/shareWith/2', params: { agency: 'KZ-KNB' } }),
    ]);
  });

  it('weighs no recipient of an imported row kept internal: its error is that it names any', async () => {
    const rows = ndjson([
      buildEntry({ surname: 'INTERNAL', sharingScope: 'internal', shareWith: ['VN-BG', 'KZ-KNB'] }),
    ]);
    const refused = await officer.raw('POST', IMPORTS, rows, 'application/x-ndjson');
    expect((refused.body as unknown as ImportRefusal).report.errors).toEqual([
      expect.objectContaining({ line: 1, code: 'warning.share_with_needs_scope', path: '/shareWith' }),
    ]);
  });
});
