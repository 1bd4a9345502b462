import { request } from 'node:http';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import type { ApiClient } from '../../../test/support/http-client.js';
import { useTestNode } from '../../../test/support/nodes.js';
import type { DomainEvent } from '../../core/events.js';
import { addTestPort, TEST_PORT } from './test-support/factories.js';
import type { RowError } from './warning.schema.js';

const CROSSINGS_HEADER = 'direction,port_code,surname,given_names,birth_date,document_number';
const crossingRow = (n: number) =>
  `entry,${TEST_PORT},BAATAR,SUKH,1970-01-01,MN${String(n).padStart(7, '0')}`;
const ENTRIES_HEADER = 'category,reason,surname,given_names,native_name,document_number,valid_until';
const entryRow = (n: number, nativeName = '') =>
  `close_contact,contact,ZHANG,WEI,${nativeName},E${String(n).padStart(8, '0')},2099-12-31`;
// 李娜 as Excel saves it in China (GBK), not as UTF-8.
const LI_NA_GBK = Buffer.from([0xc0, 0xee, 0xc4, 0xc8]);

describeEachDatabase('bulk uploads over HTTP', (dialect) => {
  const t = useTestNode(dialect, { code: 'CN-NIA' });
  let officer: ApiClient;
  let token: string;
  beforeAll(async () => {
    const admin = await t().admin();
    await addTestPort(admin);
    officer = await t().userWith(['port_officer'], { personalData: true, username: `uploader-${dialect}` });
    const created = await admin.post<{ token: string }>('/api/v1/tokens', {
      username: `uploader-${dialect}`,
      name: 'port system',
      scopes: ['port_officer'],
    });
    token = created.body.token;
  });
  const entriesStored = async () =>
    Number(
      (
        await t()
          .node.context.db.selectFrom('warning_watchlist_entries')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  /**
   * Starts a chunked CSV upload, sends `rows`, waits for `ready`, then drops the connection mid-body; returns
   * what escaped as an uncaught exception meanwhile (in a real node, each of those ends the process).
   */
  const dropUpload = async (path: string, rows: string[], ready: Promise<unknown>) => {
    const crashes: unknown[] = [];
    const onCrash = (error: unknown) => crashes.push(error);
    process.on('uncaughtException', onCrash);
    try {
      const upload = request(new URL(path, t().url), {
        method: 'POST',
        headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
      });
      upload.on('error', () => {});
      upload.write(`${rows.join('\n')}\n`);
      await ready;
      upload.destroy();
      // The node answering a later request shows it has seen the abort and carried on.
      expect((await officer.get('/api/v1/warning/watchlist')).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      process.off('uncaughtException', onCrash);
    }
    return crashes;
  };
  const crossingsOf = async (importId: string) =>
    Number(
      (
        await t()
          .node.context.db.selectFrom('warning_crossings')
          .where('import_id', '=', importId)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('survives a client that drops a CSV upload of crossings, keeping the batches already stored', async () => {
    const events = t().node.context.events;
    const firstBatch = new Promise<DomainEvent>((resolve) => {
      const stop = events.subscribe((event) => {
        if (event.type !== 'crossings.bulk.progress') return;
        stop();
        resolve(event);
      });
    });
    const rows = [CROSSINGS_HEADER, ...Array.from({ length: 1500 }, (_, n) => crossingRow(n))];
    expect(await dropUpload('/api/v1/warning/crossings/bulk', rows, firstBatch)).toEqual([]);
    const { importId, accepted } = (await firstBatch).data as { importId: string; accepted: number };
    expect(accepted).toBe(1000);
    expect(await crossingsOf(importId)).toBe(1000);
  });

  it('survives a client that drops a CSV watchlist import, writing nothing', async () => {
    const before = await entriesStored();
    const rows = [ENTRIES_HEADER, ...Array.from({ length: 500 }, (_, n) => entryRow(n))];
    const sent = new Promise((resolve) => setTimeout(resolve, 300));
    expect(await dropUpload('/api/v1/warning/watchlist/imports', rows, sent)).toEqual([]);
    expect(await entriesStored()).toBe(before);
  });

  it('refuses a CSV that is not UTF-8, naming the line and how to save the file', async () => {
    const csv = Buffer.concat([
      Buffer.from(`${ENTRIES_HEADER}\n${entryRow(1, '张伟')}\n`),
      Buffer.from(entryRow(2, 'X').replace(',X,', ',')),
      LI_NA_GBK,
      Buffer.from(`,E00000002,2099-12-31\n`),
    ]);
    const before = await entriesStored();
    const refused = await officer.raw('POST', '/api/v1/warning/watchlist/imports', csv, 'text/csv');
    expect(refused.status).toBe(400);
    const errors = (refused.body.report as { errors: RowError[] }).errors;
    expect(errors).toEqual([
      {
        line: 3,
        code: 'warning.not_utf8',
        message: 'line 3 is not UTF-8 text: save the file as "CSV UTF-8" and upload it again',
      },
    ]);
    expect(await entriesStored()).toBe(before);
    const kept = await officer.raw('POST', '/api/v1/warning/watchlist/imports?partial=true', csv, 'text/csv');
    expect(kept.status).toBe(201);
    expect(kept.body).toMatchObject({
      imported: 1,
      rejected: 1,
      errors: [{ line: 3, code: 'warning.not_utf8' }],
    });
  });

  it('takes a UTF-8 CSV with a byte order mark, as Excel saves "CSV UTF-8"', async () => {
    const csv = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(`${ENTRIES_HEADER}\n${entryRow(77, '李娜')}\n`),
    ]);
    const imported = await officer.raw('POST', '/api/v1/warning/watchlist/imports', csv, 'text/csv');
    expect(imported.status).toBe(201);
    const listed = await officer.get<{ items: Array<{ nativeName?: string; documentNumber?: string }> }>(
      '/api/v1/warning/watchlist?limit=500',
    );
    expect(listed.body.items.find((e) => e.documentNumber === 'E00000077')?.nativeName).toBe('李娜');
  });

  it('reports an NDJSON line that is not UTF-8 as the row’s error', async () => {
    const ndjson = Buffer.concat([
      Buffer.from(
        `${JSON.stringify({ direction: 'entry', portCode: TEST_PORT, identity: { surname: 'LI' } })}\n`,
      ),
      Buffer.from(`{"direction":"entry","portCode":"${TEST_PORT}","identity":{"nativeName":"`),
      LI_NA_GBK,
      Buffer.from('"}}\n'),
    ]);
    const report = await officer.raw(
      'POST',
      '/api/v1/warning/crossings/bulk',
      ndjson,
      'application/x-ndjson',
    );
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({
      accepted: 1,
      rejected: 1,
      errors: [{ line: 2, code: 'warning.not_utf8' }],
    });
  });

  it('answers a large CSV broken early with its report, keeping the rows before the broken quote', async () => {
    const rows = Array.from({ length: 20_000 }, (_, n) => crossingRow(n));
    rows[1] = `entry,${TEST_PORT},"BAATAR"X,SUKH,1970-01-01,MN7777777`;
    const csv = [CROSSINGS_HEADER, ...rows].join('\n');
    const report = await officer.raw('POST', '/api/v1/warning/crossings/bulk', csv, 'text/csv');
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ accepted: 1, errors: [{ line: 3, code: 'warning.csv_unreadable' }] });
  });

  it('names an unknown port by the CSV column the file has', async () => {
    const csv = `${CROSSINGS_HEADER}\nentry,NOWHERE,BAATAR,SUKH,1970-01-01,MN1234567\n`;
    const report = await officer.raw('POST', '/api/v1/warning/crossings/bulk', csv, 'text/csv');
    expect(report.body.errors).toEqual([
      expect.objectContaining({ code: 'warning.unknown_port', path: '/port_code' }),
    ]);
  });

  it('reports every error of a crossings row by its column, the crossing rules’ beside the schema’s', async () => {
    const csv = [CROSSINGS_HEADER, 'sideways,NOWHERE,BAATAR,SUKH,2999-01-01,MN 1234567', crossingRow(951)];
    const report = await officer.raw('POST', '/api/v1/warning/crossings/bulk', csv.join('\n'), 'text/csv');
    expect(report.body).toMatchObject({ accepted: 1, rejected: 1, errorsTruncated: false });
    expect(report.body.errors).toEqual([
      expect.objectContaining({ line: 2, code: 'warning.invalid_row', path: '/direction', keyword: 'enum' }),
      expect.objectContaining({ line: 2, path: '/document_number', keyword: 'pattern' }),
      expect.objectContaining({
        line: 2,
        code: 'warning.birth_date_invalid',
        path: '/birth_date',
        params: { birthDate: '2999-01-01' },
      }),
      expect.objectContaining({
        line: 2,
        code: 'warning.unknown_port',
        path: '/port_code',
        params: { portCode: 'NOWHERE' },
      }),
    ]);
  });

  it('reports every error of a watchlist row by its column, the entry rules’ beside the schema’s', async () => {
    const csv = [
      'category,reason,surname,birth_date,valid_from,valid_until',
      'close_contact,contact,ZHANG,1985,2099-01-01,2099-12-31',
      'unknown,,ZHANG,2999,2099-12-31,2099-01-01',
    ].join('\n');
    const refused = await officer.raw('POST', '/api/v1/warning/watchlist/imports', csv, 'text/csv');
    expect(refused.status).toBe(400);
    const report = refused.body.report as { rejected: number; errors: RowError[]; errorsTruncated: boolean };
    expect(report).toMatchObject({ rejected: 1, errorsTruncated: false });
    expect(report.errors).toEqual([
      expect.objectContaining({ line: 3, code: 'warning.invalid_row', path: '/reason', keyword: 'required' }),
      expect.objectContaining({ line: 3, code: 'warning.invalid_row', path: '/category', keyword: 'enum' }),
      expect.objectContaining({ line: 3, code: 'warning.birth_date_invalid', path: '/birth_date' }),
      expect.objectContaining({ line: 3, code: 'warning.entry_validity', path: '/valid_until' }),
    ]);
  });

  it("names a bad identity field by the CSV column the file has, not by the API's nesting", async () => {
    const csv = `${CROSSINGS_HEADER}\nentry,${TEST_PORT},BAATAR,SUKH,1970-02-31x,MN1234567\n`;
    const report = await officer.raw('POST', '/api/v1/warning/crossings/bulk', csv, 'text/csv');
    expect(report.body.errors).toEqual([
      expect.objectContaining({ code: 'warning.invalid_row', path: '/birth_date' }),
    ]);
    expect(report.body.errors).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/^\/birth_date /) }),
    ]);
  });

  it('reports a row holding a NUL character as that row’s error and keeps the others', async () => {
    // PostgreSQL cannot store the character: before, the whole upload ended in a 500
    const crossings = `${CROSSINGS_HEADER}\n${crossingRow(901)}\nentry,${TEST_PORT},BAA\u0000TAR,SUKH,1970-01-01,MN9020000\n`;
    const crossingReport = await officer.raw('POST', '/api/v1/warning/crossings/bulk', crossings, 'text/csv');
    expect(crossingReport.status).toBe(200);
    expect(crossingReport.body).toMatchObject({
      accepted: 1,
      rejected: 1,
      errors: [{ line: 3, code: 'warning.invalid_row', path: '/surname', keyword: 'pattern' }],
    });
    const before = await entriesStored();
    const entries = `${ENTRIES_HEADER}\n${entryRow(901)}\nclose_contact,contact,ZHANG,WEI,,E9020\u0000000,2099-12-31\n`;
    const entryReport = await officer.raw(
      'POST',
      '/api/v1/warning/watchlist/imports?partial=true',
      entries,
      'text/csv',
    );
    expect(entryReport.status).toBe(201);
    expect(entryReport.body).toMatchObject({
      errors: [{ line: 3, code: 'warning.invalid_row', path: '/document_number', keyword: 'pattern' }],
    });
    expect(await entriesStored()).toBe(before + 1);
  });

  it('records a crossing once per port and reference, however often the file or the desk sends it', async () => {
    const header = `${CROSSINGS_HEADER},reference`;
    const file = [
      header,
      `${crossingRow(801)},ERL-801`,
      `${crossingRow(802)},ERL-802`,
      `${crossingRow(803)},`,
    ];
    const first = await officer.raw('POST', '/api/v1/warning/crossings/bulk', file.join('\n'), 'text/csv');
    expect(first.body).toMatchObject({ accepted: 3, rejected: 0, alreadyRecorded: 0 });
    // the same export again, with a row repeated inside it and one new crossing
    const again = [...file, `${crossingRow(801)},ERL-801`, `${crossingRow(804)},ERL-804`];
    const second = await officer.raw('POST', '/api/v1/warning/crossings/bulk', again.join('\n'), 'text/csv');
    // the row without a reference cannot be told from a new crossing, so it is recorded again
    expect(second.body).toMatchObject({ accepted: 2, rejected: 0, alreadyRecorded: 3 });
    const stored = await t()
      .node.context.db.selectFrom('warning_crossings')
      .select('reference')
      .where('reference', 'like', 'ERL-8%')
      .execute();
    expect(stored.map((row) => row.reference).sort()).toEqual(['ERL-801', 'ERL-802', 'ERL-804']);

    // a desk retrying after a lost answer learns which crossing holds the reference
    const desk = { direction: 'entry', portCode: TEST_PORT, identity: { surname: 'BAATAR' } };
    const recorded = await officer.post<{ crossingId: string }>('/api/v1/warning/crossings', {
      ...desk,
      reference: 'DESK-1',
    });
    expect(recorded.status).toBe(201);
    const retried = await officer.post('/api/v1/warning/crossings', { ...desk, reference: 'DESK-1' });
    expect(retried.status).toBe(409);
    expect(retried.body).toMatchObject({
      code: 'warning.crossing_already_recorded',
      details: { reference: 'DESK-1', crossingId: recorded.body.crossingId, verdict: 'clear' },
    });
    const read = await officer.get<{ reference: string }>(
      `/api/v1/warning/crossings/${recorded.body.crossingId}`,
    );
    expect(read.body.reference).toBe('DESK-1');
  });

  it('records each crossing once when the same file, or the same desk request, arrives twice at once', async () => {
    const rows = Array.from({ length: 50 }, (_, n) => `${crossingRow(900 + n)},TWICE-${n}`);
    const file = [`${CROSSINGS_HEADER},reference`, ...rows].join('\n');
    const reports = await Promise.all(
      [1, 2].map(() => officer.raw('POST', '/api/v1/warning/crossings/bulk', file, 'text/csv')),
    );
    const total = (field: string) => reports.reduce((sum, report) => sum + Number(report.body[field]), 0);
    expect([total('accepted'), total('alreadyRecorded'), total('rejected')]).toEqual([50, 50, 0]);

    const desk = {
      direction: 'entry',
      portCode: TEST_PORT,
      identity: { surname: 'BAATAR' },
      reference: 'SAME',
    };
    const answers = await Promise.all([1, 2, 3].map(() => officer.post('/api/v1/warning/crossings', desk)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409, 409]);
    for (const answer of answers.filter((each) => each.status === 409)) {
      expect(answer.body.code).toBe('warning.crossing_already_recorded');
    }
  });

  it('counts as recorded only a repeat of a row that was recorded, not of one refused', async () => {
    const refused = `entry,NOWHERE,BAATAR,SUKH,1970-01-01,MN1234567,LOST-1`;
    const file = [`${CROSSINGS_HEADER},reference`, refused, refused].join('\n');
    const report = await officer.raw('POST', '/api/v1/warning/crossings/bulk', file, 'text/csv');
    expect(report.body).toMatchObject({ accepted: 0, rejected: 2, alreadyRecorded: 0 });
  });

  it('answers an empty file with 400 saying it is empty', async () => {
    for (const path of ['/api/v1/warning/crossings/bulk', '/api/v1/warning/watchlist/imports']) {
      const empty = await officer.raw('POST', path, '', 'text/csv');
      expect(empty.status, path).toBe(400);
      expect(empty.body.code).toBe('warning.upload_empty');
    }
  });
});
