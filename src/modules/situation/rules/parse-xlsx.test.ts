import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors.js';
import { addDays } from './county-day.js';
import type { SituationRowResult } from './import-columns.js';
import { parseSituationXlsx } from './parse-xlsx.js';
import { ALL_COLUMN_NAMES, buildCountyDay, countyDayCells } from './test-support/county-days.js';

type SheetCell = ExcelJS.CellValue;

async function workbook(...sheets: SheetCell[][][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  sheets.forEach((rows, index) => {
    const sheet = book.addWorksheet(`Sheet${index + 1}`);
    for (const row of rows) sheet.addRow(row);
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function collect(rows: AsyncIterable<SituationRowResult>): Promise<SituationRowResult[]> {
  const results: SituationRowResult[] = [];
  for await (const result of rows) results.push(result);
  return results;
}

async function fileError(input: Buffer | string): Promise<AppError> {
  try {
    await collect(parseSituationXlsx(input));
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a file-level error');
}

const numericRow = (overrides: Partial<Record<string, SheetCell>> = {}): SheetCell[] =>
  ALL_COLUMN_NAMES.map((name) => {
    if (name in overrides) return overrides[name] ?? null;
    const text = countyDayCells(buildCountyDay(), [name])[0] ?? '';
    return /^\d+$/.test(text) ? Number(text) : text || null;
  });

const scratch = await mkdtemp(join(tmpdir(), 'situation-xlsx-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('parseSituationXlsx', () => {
  it('reads numbers, date cells, rich text and formula results from the first worksheet', async () => {
    const buffer = await workbook(
      [
        ALL_COLUMN_NAMES,
        numericRow({ date: new Date(Date.UTC(2024, 2, 10)), vaccination_coverage: 73.5 }),
        [],
        numericRow({
          date: '2024-03-11',
          county_code: { richText: [{ text: 'CN-' }, { text: '5331', font: { bold: true } }] },
          confirmed: { formula: '100+3', result: 103 },
          new_local: 3,
          new_imported: 0,
        }),
      ],
      [['notes'], ['not read']],
    );
    const rows = await collect(parseSituationXlsx(buffer));
    expect(rows).toEqual([
      { line: 2, row: buildCountyDay({ vaccinationCoverage: 73.5 }) },
      { line: 4, row: buildCountyDay({ date: '2024-03-11', confirmed: 103, newLocal: 3, newImported: 0 }) },
    ]);
  });

  it('reads a workbook from a path, columns in any order', async () => {
    const columns = [...ALL_COLUMN_NAMES].reverse();
    const path = join(scratch, 'reversed.xlsx');
    await writeFile(path, await workbook([columns, [...numericRow()].reverse()]));
    expect(await collect(parseSituationXlsx(path))).toEqual([{ line: 2, row: buildCountyDay() }]);
  });

  it('refuses unknown and missing columns with one file-level error', async () => {
    const columns = ALL_COLUMN_NAMES.filter((name) => name !== 'tests');
    const error = await fileError(await workbook([[...columns, 'population']]));
    expect(error.code).toBe('situation.import_bad_columns');
    expect(error.details).toMatchObject({ unknown: ['population'], missing: ['tests'] });
  });

  it('reports bad dates, negative numbers and repeated rows per row', async () => {
    const rows = await collect(
      parseSituationXlsx(
        await workbook([
          ALL_COLUMN_NAMES,
          numericRow({ date: '2024-13-01' }),
          numericRow({ deaths: -2 }),
          numericRow(),
          numericRow({ tests: 9 }),
        ]),
      ),
    );
    expect(rows.map((result) => [result.line, result.errors?.map((error) => error.code)])).toEqual([
      [2, ['situation.cell_bad_date']],
      [3, ['situation.cell_negative']],
      [4, undefined],
      [5, ['situation.row_duplicate']],
    ]);
  });

  it('refuses a file that is not a workbook', async () => {
    const error = await fileError(Buffer.from('county_code,date\nCN-5331,2024-03-10\n'));
    expect(error.code).toBe('situation.import_not_xlsx');
  });

  it('refuses a damaged workbook', async () => {
    const whole = await workbook([ALL_COLUMN_NAMES, numericRow()]);
    const error = await fileError(whole.subarray(0, Math.floor(whole.length / 2)));
    expect(error.code).toBe('situation.import_not_xlsx');
  });

  it('refuses an empty file and a workbook without a header row', async () => {
    expect((await fileError(Buffer.alloc(0))).code).toBe('situation.import_empty');
    expect((await fileError(await workbook([]))).code).toBe('situation.import_empty');
  });

  it('streams a workbook of 20,000 rows', async () => {
    const path = join(scratch, 'large.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
    const sheet = writer.addWorksheet('situation');
    sheet.addRow(ALL_COLUMN_NAMES).commit();
    const counties = 100;
    for (let day = 0; day < 200; day++) {
      const date = addDays('2023-01-01', day);
      for (let county = 0; county < counties; county++) {
        sheet.addRow([`CN-${county}`, date, day * 2, 2, 0, 1, 0, 10, 200, 61.5]).commit();
      }
    }
    await writer.commit();
    const started = performance.now();
    let rows = 0;
    for await (const result of parseSituationXlsx(path)) if (result.row) rows++;
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `parseSituationXlsx: ${rows} rows in ${seconds.toFixed(2)} s = ${Math.round(rows / seconds)} rows/s`,
    );
    expect(rows).toBe(20_000);
  });
});
