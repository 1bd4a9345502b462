import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors.js';
import { addDays } from './county-day.js';
import type { SituationRowResult } from './import-columns.js';
import { parseSituationCsv } from './parse-csv.js';
import { ALL_COLUMN_NAMES, buildCountyDay, countyDayCells, csvLines } from './test-support/county-days.js';

async function collect(rows: AsyncIterable<SituationRowResult>): Promise<SituationRowResult[]> {
  const results: SituationRowResult[] = [];
  for await (const result of rows) results.push(result);
  return results;
}

async function fileError(input: string | Readable): Promise<AppError> {
  try {
    await collect(parseSituationCsv(input));
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a file-level error');
}

const header = ALL_COLUMN_NAMES;
const dataRow = (overrides: Record<string, string> = {}) =>
  header.map((name) => overrides[name] ?? countyDayCells(buildCountyDay(), [name])[0] ?? '');

describe('parseSituationCsv', () => {
  it('reads rows in any column order, with optional columns left out, numbering lines from the header', async () => {
    const columns = ['date', 'tests', 'county_code', 'confirmed', 'deaths', 'new_imported', 'new_local'];
    const rows = await collect(
      parseSituationCsv(
        csvLines([
          [...columns, 'asymptomatic', 'under_observation'],
          ['2024-03-10', '500', 'CN-5331', '100', '0', '1', '2', '4', '40'],
          ['2024-03-11', '480', 'CN-5331', '103', '1', '0', '3', '0', '38'],
        ]),
      ),
    );
    expect(rows).toEqual([
      { line: 2, row: buildCountyDay({ asymptomatic: 4 }) },
      {
        line: 3,
        row: buildCountyDay({
          date: '2024-03-11',
          confirmed: 103,
          newLocal: 3,
          newImported: 0,
          deaths: 1,
          tests: 480,
          underObservation: 38,
        }),
      },
    ]);
  });

  it('reads optional columns, quoted remarks spanning lines and a header written with capitals and spaces', async () => {
    const input = [
      '\uFEFFCounty Code,Date,Confirmed,New Local,New Imported,Asymptomatic,Deaths,Under Observation,Tests,Vaccination Coverage,Remarks,Correction Note',
      'CN-5331,2024-03-10,100,2,1,0,0,40,500,73.5,"market cluster, traced",',
      '',
      'CN-5331,2024-03-11,99,0,0,0,0,40,500,,"two lines',
      'of remarks",one duplicate removed',
      'CN-5332,2024-03-11,7,0,0,0,0,1,20,,,',
    ].join('\r\n');
    const rows = await collect(parseSituationCsv(input));
    expect(rows.map((result) => result.line)).toEqual([2, 4, 6]);
    expect(rows[0]?.row).toEqual(
      buildCountyDay({ vaccinationCoverage: 73.5, remarks: 'market cluster, traced' }),
    );
    expect(rows[1]?.row).toMatchObject({
      remarks: 'two lines\r\nof remarks',
      correctionNote: 'one duplicate removed',
    });
    expect(rows[2]?.row).not.toHaveProperty('vaccinationCoverage');
    expect(rows[2]?.row).not.toHaveProperty('remarks');
  });

  it('reads a semicolon-separated file as Excel writes it in many locales', async () => {
    const rows = await collect(parseSituationCsv(csvLines([header, dataRow()], ';')));
    expect(rows).toEqual([{ line: 2, row: buildCountyDay() }]);
  });

  it('refuses unknown columns with one file-level error naming them', async () => {
    const error = await fileError(
      csvLines([
        [...header, 'population', 'Notes'],
        [...dataRow(), '1', 'x'],
      ]),
    );
    expect(error.kind).toBe('invalid');
    expect(error.code).toBe('situation.import_bad_columns');
    expect(error.details).toMatchObject({ unknown: ['population', 'notes'], missing: [] });
    expect(error.message).toContain('unknown columns: population, notes');
  });

  it('names the missing required columns', async () => {
    const columns = header.filter((name) => name !== 'deaths' && name !== 'tests');
    const error = await fileError(csvLines([columns]));
    expect(error.code).toBe('situation.import_bad_columns');
    expect(error.details).toMatchObject({ unknown: [], missing: ['deaths', 'tests'] });
    expect(error.message).toContain('missing required columns: deaths, tests');
  });

  it('refuses a header that repeats a column', async () => {
    const error = await fileError(csvLines([[...header, 'date']]));
    expect(error.details).toMatchObject({ duplicate: ['date'] });
  });

  it('refuses a file whose first line is data, not the header', async () => {
    const error = await fileError(csvLines([dataRow(), dataRow()]));
    expect(error.code).toBe('situation.import_no_header');
  });

  it('reports bad dates per row, naming the column', async () => {
    const rows = await collect(
      parseSituationCsv(
        csvLines([header, dataRow({ date: '2024-02-30' }), dataRow({ date: '10/03/2024' }), dataRow()]),
      ),
    );
    expect(rows[0]?.errors).toEqual([
      { column: 'date', code: 'situation.cell_bad_date', message: expect.stringContaining('2024-02-30') },
    ]);
    expect(rows[1]?.errors?.[0]).toMatchObject({ column: 'date', code: 'situation.cell_bad_date' });
    expect(rows[2]).toEqual({ line: 4, row: buildCountyDay() });
  });

  it('reports every bad number in a row: negative, fractional, missing, out of range', async () => {
    const rows = await collect(
      parseSituationCsv(
        csvLines([
          header,
          dataRow({
            deaths: '-1',
            tests: '2.5',
            confirmed: '',
            vaccination_coverage: '120',
            new_local: 'many',
          }),
        ]),
      ),
    );
    expect(rows).toEqual([
      {
        line: 2,
        errors: [
          { column: 'confirmed', code: 'situation.cell_required', message: 'confirmed is required' },
          { column: 'new_local', code: 'situation.cell_not_whole_number', message: expect.any(String) },
          {
            column: 'deaths',
            code: 'situation.cell_negative',
            message: 'deaths is -1; counts cannot be negative',
          },
          { column: 'tests', code: 'situation.cell_not_whole_number', message: expect.any(String) },
          {
            column: 'vaccination_coverage',
            code: 'situation.cell_out_of_range',
            message: expect.any(String),
          },
        ],
      },
    ]);
  });

  it('reports a row with more or fewer fields than the header', async () => {
    const rows = await collect(
      parseSituationCsv(
        csvLines([header, dataRow().slice(0, 5), [...dataRow(), 'extra'], [...dataRow(), '']]),
      ),
    );
    expect(rows[0]?.errors).toEqual([
      { column: null, code: 'situation.row_field_count', message: 'the row has 5 fields, the header has 12' },
    ]);
    expect(rows[1]?.errors?.[0]?.code).toBe('situation.row_field_count');
    expect(rows[2]?.row).toEqual(buildCountyDay());
  });

  it('reports a repeated county and date as a row error naming the first line', async () => {
    const rows = await collect(
      parseSituationCsv(
        csvLines([header, dataRow(), dataRow({ county_code: 'CN-5332' }), dataRow({ confirmed: '101' })]),
      ),
    );
    expect(rows.map((result) => Boolean(result.row))).toEqual([true, true, false]);
    expect(rows[2]).toEqual({
      line: 4,
      errors: [
        {
          column: null,
          code: 'situation.row_duplicate',
          message: 'county CN-5331 on 2024-03-10 is already given on line 2',
        },
      ],
    });
  });

  it('refuses binary data before parsing any row', async () => {
    const bytes = Buffer.alloc(4096);
    for (let index = 0; index < bytes.length; index++) bytes[index] = (index * 7919 + 13) % 256;
    const error = await fileError(Readable.from([bytes]));
    expect(error.code).toBe('situation.import_not_csv');
  });

  it('recognises an XLSX workbook, a PDF and UTF-16 text given as CSV', async () => {
    const cases: Array<[Buffer, string]> = [
      [Buffer.from('PK\u0003\u0004rest of a zip', 'latin1'), 'XLSX'],
      [Buffer.from('%PDF-1.7\n...'), 'PDF'],
      [Buffer.from(`\uFEFF${header.join(',')}`, 'utf16le'), 'UTF-16'],
    ];
    for (const [bytes, named] of cases) {
      const error = await fileError(Readable.from([bytes]));
      expect(error.code).toBe('situation.import_not_csv');
      expect(error.message).toContain(named);
    }
  });

  it('refuses text that is not UTF-8, such as a GBK export', async () => {
    // "县" (county) in GBK is 0xCF 0xD8, which is not valid UTF-8.
    const gbk = Buffer.concat([Buffer.from('county_code,date\n'), Buffer.from([0xcf, 0xd8, 0x2c, 0x31])]);
    const error = await fileError(Readable.from([gbk]));
    expect(error.message).toContain('UTF-8');
  });

  it('refuses printable text full of control characters', async () => {
    const garbage = 'abc\u0001\u0002def\u0003\u0004ghi\u0005'.repeat(50);
    expect((await fileError(garbage)).code).toBe('situation.import_not_csv');
  });

  it('refuses an empty file and a file of blank lines', async () => {
    expect((await fileError('')).code).toBe('situation.import_empty');
    expect((await fileError('\n\n\r\n')).code).toBe('situation.import_empty');
  });

  it('refuses a file whose quote is never closed', async () => {
    const input = `${csvLines([header, dataRow()])}\nCN-5331,2024-03-11,"100,2,1`;
    const error = await fileError(input);
    expect(error.code).toBe('situation.import_malformed');
    expect(error.details).toEqual({ csvError: 'CSV_QUOTE_NOT_CLOSED' });
  });

  it('reads a stream in small chunks that split characters and lines', async () => {
    const text = csvLines([
      header,
      dataRow({ remarks: '边境口岸 — пограничный пункт' }),
      dataRow({ date: '2024-03-11' }),
    ]);
    const bytes = Buffer.from(text);
    const chunks: Buffer[] = [];
    for (let start = 0; start < bytes.length; start += 7) chunks.push(bytes.subarray(start, start + 7));
    const rows = await collect(parseSituationCsv(Readable.from(chunks)));
    expect(rows.map((result) => result.row?.date)).toEqual(['2024-03-10', '2024-03-11']);
    expect(rows[0]?.row?.remarks).toBe('边境口岸 — пограничный пункт');
  });

  it('passes on a failure of the source stream', async () => {
    const source = Readable.from(
      (async function* () {
        yield `${header.join(',')}\n${dataRow().join(',')}\n`;
        throw new Error('disk read failed');
      })(),
    );
    await expect(collect(parseSituationCsv(source))).rejects.toThrow('disk read failed');
  });

  it('closes the source stream when the reader stops early', async () => {
    const source = Readable.from(
      (function* () {
        yield `${header.join(',')}\n`;
        for (let day = 0; day < 10_000; day++)
          yield `${dataRow({ date: addDays('2024-01-01', day) }).join(',')}\n`;
      })(),
    );
    for await (const result of parseSituationCsv(source)) {
      expect(result.row).toBeDefined();
      break;
    }
    expect(source.destroyed).toBe(true);
  });

  it('streams one year of 500 counties (182,500 rows)', async () => {
    const counties = 500;
    const days = 365;
    const source = Readable.from(
      (function* () {
        yield `${header.join(',')}\n`;
        for (let day = 0; day < days; day++) {
          const date = addDays('2023-01-01', day);
          const lines: string[] = [];
          for (let county = 0; county < counties; county++) {
            lines.push(`CN-${county},${date},${day * 2},2,0,1,0,10,200,61.5,,`);
          }
          yield `${lines.join('\n')}\n`;
        }
      })(),
    );
    const started = performance.now();
    let rows = 0;
    let errors = 0;
    for await (const result of parseSituationCsv(source)) {
      if (result.row) rows++;
      else errors++;
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `parseSituationCsv: ${rows} rows in ${seconds.toFixed(2)} s = ${Math.round(rows / seconds)} rows/s`,
    );
    expect(rows).toBe(counties * days);
    expect(errors).toBe(0);
  });
});
