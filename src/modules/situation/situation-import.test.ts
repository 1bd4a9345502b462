import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { useTestNode } from '../../../test/support/nodes.js';
import { addDays } from './rules/index.js';
import {
  ALL_COLUMN_NAMES,
  buildCountyDay,
  countyDayCells,
  csvLines,
} from './rules/test-support/county-days.js';
import { XLSX_MEDIA_TYPE } from './situation.routes.js';
import { seedBorder } from './test-support/situation-fixtures.js';

interface ImportBody {
  code?: string;
  detail?: string;
  imported: number;
  rejected: number;
  errors?: Array<{ line: number; column: string | null; code: string; message: string }>;
  rowErrors?: Array<{ line: number; column: string | null; code: string }>;
}

/** A CSV of consecutive, consistent days of one county. */
function csvOf(
  county: string,
  start: string,
  days: number,
  overrides: Record<number, string[]> = {},
): string {
  const rows = [ALL_COLUMN_NAMES];
  for (let i = 0; i < days; i++) {
    rows.push(
      overrides[i] ??
        countyDayCells(
          buildCountyDay({
            countyCode: county,
            date: addDays(start, i),
            confirmed: 100,
            newLocal: 0,
            newImported: 0,
          }),
        ),
    );
  }
  return csvLines(rows);
}

describeEachDatabase('situation imports', (dialect) => {
  const t = useTestNode(dialect, { code: 'CN-NIA' });
  let seeded = false;
  const importer = async (roles = ['analyst']) => {
    if (!seeded) {
      await seedBorder(t().node.context.db);
      seeded = true;
    }
    return t().userWith(roles);
  };
  const count = async (county: string) =>
    (
      await (
        await t().admin()
      ).get<{ items: unknown[] }>(`/api/v1/situation/reports?county=${county}&limit=5000`)
    ).body.items.length;

  it('refuses an import without a session (401) and without a reporting role (403)', async () => {
    const csv = csvOf('CN-A', '2023-01-01', 1);
    expect((await t().anonymous().raw('POST', '/api/v1/situation/imports', csv, 'text/csv')).status).toBe(
      401,
    );
    const viewer = await importer(['viewer']);
    expect((await viewer.raw('POST', '/api/v1/situation/imports', csv, 'text/csv')).status).toBe(403);
  });

  it('imports a clean CSV in one go and reports the count', async () => {
    const client = await importer();
    const response = await client.raw(
      'POST',
      '/api/v1/situation/imports',
      csvOf('CN-A', '2023-01-01', 20),
      'text/csv',
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ imported: 20, rejected: 0, errors: [] });
    expect(await count('CN-A')).toBe(20);
  });

  it('says "1 row has errors" when one row of a rejected import is bad', async () => {
    const client = await importer();
    const bad = countyDayCells(
      buildCountyDay({ countyCode: 'CN-B', date: '2023-03-03', confirmed: 100, deaths: 0 }),
    );
    bad[ALL_COLUMN_NAMES.indexOf('deaths')] = '-3';
    const csv = csvOf('CN-B', '2023-03-01', 4, { 2: bad });
    const response = await client.raw('POST', '/api/v1/situation/imports', csv, 'text/csv');
    expect(response.status).toBe(400);
    const body = response.body as unknown as ImportBody;
    expect(body.rejected).toBe(1);
    expect(body.detail).toBe(
      '1 row has errors; nothing was imported (send partial=true to keep the good rows)',
    );
  });

  it('writes nothing when one row is bad, and names line, column and rule of each bad row', async () => {
    const client = await importer();
    const bad = countyDayCells(
      buildCountyDay({ countyCode: 'CN-B', date: '2023-02-03', confirmed: 100, deaths: 0 }),
    );
    bad[ALL_COLUMN_NAMES.indexOf('deaths')] = '-3';
    const unknownCounty = countyDayCells(
      buildCountyDay({ countyCode: 'ZZ-9', date: '2023-02-04', confirmed: 100 }),
    );
    const badDate = countyDayCells(
      buildCountyDay({ countyCode: 'CN-B', date: '2023-02-05', confirmed: 100 }),
    );
    badDate[ALL_COLUMN_NAMES.indexOf('date')] = '2023-02-30';
    const csv = csvOf('CN-B', '2023-02-01', 8, { 2: bad, 3: unknownCounty, 4: badDate });
    const response = await client.raw('POST', '/api/v1/situation/imports', csv, 'text/csv');
    expect(response.status).toBe(400);
    const body = response.body as unknown as ImportBody;
    expect(body.code).toBe('situation.import_rejected');
    expect(body.detail).toBe(
      '3 rows have errors; nothing was imported (send partial=true to keep the good rows)',
    );
    expect(body.imported).toBe(0);
    expect(body.rejected).toBe(3);
    expect(body.rowErrors?.map((e) => [e.line, e.column, e.code])).toEqual([
      [4, 'deaths', 'situation.cell_negative'],
      [5, 'county_code', 'situation.unknown_county'],
      [6, 'date', 'situation.cell_bad_date'],
    ]);
    expect(await count('CN-B')).toBe(0);

    const partial = await client.raw('POST', '/api/v1/situation/imports?partial=true', csv, 'text/csv');
    expect(partial.status).toBe(200);
    expect(partial.body).toMatchObject({ imported: 5, rejected: 3 });
    expect(await count('CN-B')).toBe(5);
  });

  it('names a cell holding a NUL character, which PostgreSQL cannot store, as that row’s error', async () => {
    // a NUL in the first 8 KB already marks the file as binary: these lie beyond it
    const client = await importer();
    const dayCells = (date: string) =>
      countyDayCells(
        buildCountyDay({ countyCode: 'CN-A', date, confirmed: 100, newLocal: 0, newImported: 0 }),
      );
    const remark = dayCells(addDays('2022-04-01', 250));
    remark[ALL_COLUMN_NAMES.indexOf('remarks')] = 'see\u0000note';
    const county = dayCells(addDays('2022-04-01', 251));
    county[ALL_COLUMN_NAMES.indexOf('county_code')] = 'CN\u0000A';
    const csv = csvOf('CN-A', '2022-04-01', 300, { 250: remark, 251: county });
    expect(csv.indexOf('\u0000')).toBeGreaterThan(8192);
    const response = await client.raw('POST', '/api/v1/situation/imports', csv, 'text/csv');
    expect(response.status).toBe(400);
    expect(
      (response.body as unknown as ImportBody).rowErrors?.map((e) => [e.line, e.column, e.code]),
    ).toEqual([
      [252, 'remarks', 'situation.cell_nul'],
      [253, 'county_code', 'situation.cell_nul'],
    ]);
  });

  it('refuses duplicate rows and rows that break a rule against the rows around them', async () => {
    const client = await importer();
    const first = countyDayCells(
      buildCountyDay({ countyCode: 'CN-A', date: '2021-03-01', confirmed: 50, newLocal: 0, newImported: 0 }),
    );
    const drop = countyDayCells(
      buildCountyDay({ countyCode: 'CN-A', date: '2021-03-02', confirmed: 40, newLocal: 0, newImported: 0 }),
    );
    const csv = csvLines([ALL_COLUMN_NAMES, first, first, drop]);
    const response = await client.raw('POST', '/api/v1/situation/imports', csv, 'text/csv');
    expect(response.status).toBe(400);
    const errors = (response.body as unknown as ImportBody).rowErrors ?? [];
    // A drop is refused on both days: the earlier is above the later, the later below the earlier.
    expect(errors.map((e) => [e.line, e.code])).toEqual([
      [2, 'situation.rule.cumulative_not_decreasing'],
      [3, 'situation.row_duplicate'],
      [4, 'situation.rule.cumulative_not_decreasing'],
    ]);
  });

  it('refuses a file with wrong columns, a file that is not CSV, and a body of another media type', async () => {
    const client = await importer();
    const wrong = await client.raw(
      'POST',
      '/api/v1/situation/imports',
      'county_code,day,cases\nCN-A,2023-01-01,3\n',
      'text/csv',
    );
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('situation.import_bad_columns');
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200, 1)]);
    const notCsv = await client.raw('POST', '/api/v1/situation/imports', pdf, 'text/csv');
    expect(notCsv.status).toBe(400);
    expect(notCsv.body.code).toBe('situation.import_not_csv');
    expect((await client.raw('POST', '/api/v1/situation/imports', pdf, 'application/pdf')).status).toBe(415);
    expect((await client.post('/api/v1/situation/imports', { rows: [] })).status).toBe(415);
  });

  it('answers 413 to a file over the import limit without reading it', async () => {
    const client = await importer();
    const huge = Buffer.alloc(61 * 1024 * 1024, 0x61);
    const response = await client.raw('POST', '/api/v1/situation/imports', huge, 'text/csv');
    expect(response.status).toBe(413);
  });

  it('imports an XLSX workbook', async () => {
    const client = await importer();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('situation');
    sheet.addRow(ALL_COLUMN_NAMES);
    for (let i = 0; i < 3; i++) {
      sheet.addRow(
        countyDayCells(
          buildCountyDay({
            countyCode: 'CN-A',
            date: addDays('2022-01-01', i),
            confirmed: 7,
            newLocal: 0,
            newImported: 0,
          }),
        ),
      );
    }
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const response = await client.raw('POST', '/api/v1/situation/imports', bytes, XLSX_MEDIA_TYPE);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toMatchObject({ imported: 3, rejected: 0 });
  });
});
