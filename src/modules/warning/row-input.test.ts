import { type TSchema, Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { useTestNode } from '../../../test/support/nodes.js';
import { StringEnum } from '../../core/http/schemas.js';
import {
  type ByteSource,
  type InputRow,
  type RowFormat,
  RowReport,
  readRows,
  rowValidator,
} from './row-input.js';
import { buildEntry } from './test-support/factories.js';
import type { RowError } from './warning.schema.js';

const Row = Type.Object(
  {
    direction: StringEnum(['entry', 'exit'] as const),
    surname: Type.String({ maxLength: 5 }),
    seats: Type.Optional(Type.Integer()),
  },
  { additionalProperties: false },
);

const errorsOf = (
  value: unknown,
  schema: TSchema = Row,
  format: RowFormat = 'ndjson',
): readonly RowError[] => {
  const result = rowValidator(schema)(value, 7, format);
  if (result.ok) throw new Error('the row was taken');
  return result.errors;
};

/** The error of a row with one bad field. */
const errorOf = (value: unknown, schema: TSchema = Row, format: RowFormat = 'ndjson'): RowError => {
  const [only, ...others] = errorsOf(value, schema, format);
  expect(others).toEqual([]);
  if (!only) throw new Error('the row has no error');
  return only;
};

describe('row schema errors', () => {
  it('name the field and carry the keyword and params a client words them with', () => {
    expect(errorOf({ direction: 'sideways', surname: 'ODON' })).toEqual({
      line: 7,
      code: 'warning.invalid_row',
      message: '/direction must be equal to one of the allowed values',
      path: '/direction',
      keyword: 'enum',
      params: { allowedValues: ['entry', 'exit'] },
    });
    expect(errorOf({ direction: 'entry', surname: 'TSERENDORJ' })).toMatchObject({
      path: '/surname',
      keyword: 'maxLength',
      params: { limit: 5 },
    });
    expect(errorOf({ direction: 'entry', surname: 'ODON', seats: '2' })).toMatchObject({
      path: '/seats',
      keyword: 'type',
      params: { type: 'integer' },
    });
  });

  it('point at the missing or unknown field itself, keeping Ajv’s English', () => {
    expect(errorOf({ direction: 'entry' })).toMatchObject({
      path: '/surname',
      keyword: 'required',
      params: { missingProperty: 'surname' },
      message: "/ must have required property 'surname'",
    });
    expect(errorOf({ direction: 'entry', surname: 'ODON', favourite: true })).toMatchObject({
      path: '/favourite',
      keyword: 'additionalProperties',
      params: { additionalProperty: 'favourite' },
      message: '/ unknown field "favourite"',
    });
  });
});

describe('a row with several bad fields', () => {
  it('reports each of them, once per field, with its keyword and params', () => {
    const errors = errorsOf({ direction: 'sideways', surname: 'TSERENDORJ', seats: '2', favourite: true });
    expect(errors.map((error) => [error.path, error.keyword])).toEqual([
      ['/favourite', 'additionalProperties'],
      ['/direction', 'enum'],
      ['/surname', 'maxLength'],
      ['/seats', 'type'],
    ]);
    expect(errors.every((error) => error.line === 7 && error.code === 'warning.invalid_row')).toBe(true);
    const Blank = Type.Object({ reason: Type.String({ minLength: 1, pattern: '\\S' }) });
    // empty breaks both keywords; the officer needs to hear of the field once
    expect(errorsOf({ reason: '' }, Blank)).toEqual([
      expect.objectContaining({ path: '/reason', keyword: 'minLength' }),
    ]);
  });

  it('reports only the first error of a row of more fields than any schema has, which would cost more to list', () => {
    const madeUp = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`field${i}`, i]));
    expect(errorsOf({ direction: 'entry', surname: 'BOLD', ...madeUp })).toEqual([
      expect.objectContaining({ path: '/field0', keyword: 'additionalProperties' }),
    ]);
    // a list counts by its items: a row is as costly to check for a long list as for many fields
    const Listed = Type.Object({ aliases: Type.Array(Type.String(), { maxItems: 5 }) });
    expect(errorsOf({ aliases: Array.from({ length: 150 }, (_, i) => i) }, Listed)).toHaveLength(1);
  });

  it('reports the missing fields and a NUL character beside the others', () => {
    expect(errorsOf({ seats: 1.5, surname: 'A\u0000B' }).map((error) => [error.path, error.keyword])).toEqual(
      [
        ['/surname', 'pattern'],
        ['/direction', 'required'],
        ['/seats', 'type'],
      ],
    );
  });

  it('leaves the rules the fields the schema passed, and says which it refused', () => {
    const Nested = Type.Object(
      {
        portCode: Type.String(),
        identity: Type.Object(
          { surname: Type.String({ maxLength: 5 }), birthDate: Type.Optional(Type.String()) },
          { additionalProperties: false },
        ),
        aliases: Type.Array(Type.String({ maxLength: 5 })),
      },
      { additionalProperties: false },
    );
    const result = rowValidator(Nested, ['identity'])(
      {
        identity: { surname: 'TSERENDORJ', birthDate: '1970' },
        aliases: ['BOLD', 'TSERENDORJ'],
        colour: 'red',
      },
      3,
      'csv',
    );
    if (result.ok) throw new Error('the row was taken');
    // a CSV row names the columns the file has
    expect(result.errors.map((error) => error.path)).toEqual([
      '/port_code',
      '/colour',
      '/surname',
      '/aliases/1',
    ]);
    expect(result.rest).toEqual({ identity: { birthDate: '1970' } });
    expect(
      ['/identity/surname', '/aliases', '/aliases/1', '/portCode', '/colour'].map(result.refused),
    ).toEqual([true, true, true, true, true]);
    expect(['/identity/birthDate', '/identity', ''].map(result.refused)).toEqual([false, false, false]);
  });
});

describe('the report of an upload’s bad rows', () => {
  const bad = (line: number, count: number): RowError[] =>
    Array.from({ length: count }, (_, n) => ({ line, code: 'warning.invalid_row', message: `field ${n}` }));

  it('lists a row’s errors together, cutting short only a row of very many', () => {
    const report = new RowReport();
    report.reject(bad(2, 3));
    expect(report.errorsTruncated).toBe(false);
    report.reject(bad(3, 40));
    expect(report.errors.filter((error) => error.line === 3)).toHaveLength(20);
    expect(report.errors).toHaveLength(23);
    expect(report.rejected).toBe(2);
    expect(report.errorsTruncated).toBe(true);
  });

  it('lists in file order a row refused after later ones (a batch that could not be stored)', () => {
    const report = new RowReport();
    report.reject(bad(2, 1));
    report.reject(bad(7, 2));
    report.reject(bad(5, 1));
    expect(report.errors.map((error) => error.line)).toEqual([2, 5, 7, 7]);
  });

  it('stays bounded however many rows fail, listing whole rows in file order and counting the rest', () => {
    const report = new RowReport();
    for (let line = 2; line < 100_002; line += 1) report.reject(bad(line, 3));
    expect(report.rejected).toBe(100_000);
    expect(report.errors).toHaveLength(999);
    expect(report.errors.at(-1)?.line).toBe(334);
    expect(report.errorsTruncated).toBe(true);
    // a row with room for it after one that had none is not listed: the list stays the file's first bad rows
    const after = new RowReport();
    for (let line = 2; line < 51; line += 1) after.reject(bad(line, 20));
    after.reject(bad(51, 19));
    after.reject(bad(52, 2));
    after.reject(bad(53, 1));
    expect(after.errors).toHaveLength(999);
    expect(after.errors.at(-1)?.line).toBe(51);
  });
});

describe('CSV row schema errors', () => {
  const CsvRow = Type.Object(
    { portCode: Type.String(), birthDate: Type.Optional(Type.String({ pattern: '^[0-9]{4}' })) },
    { additionalProperties: false },
  );

  it('name the field by the column the file has, not by the API field', () => {
    expect(errorOf({ portCode: 'ERENHOT', birthDate: 'soon' }, CsvRow, 'csv')).toMatchObject({
      path: '/birth_date',
      keyword: 'pattern',
    });
    expect(errorOf({ birthDate: '1980' }, CsvRow, 'csv')).toMatchObject({
      path: '/port_code',
      params: { missingProperty: 'port_code' },
      message: "/ must have required property 'port_code'",
    });
    expect(errorOf({ portCode: 'ERENHOT', seatNumber: '12' }, CsvRow, 'csv')).toMatchObject({
      path: '/seat_number',
      params: { additionalProperty: 'seat_number' },
      message: '/ unknown field "seat_number"',
    });
  });

  it('keep the API field names for NDJSON rows', () => {
    expect(errorOf({ birthDate: '1980' }, CsvRow, 'ndjson')).toMatchObject({ path: '/portCode' });
  });
});

async function* chunksOf(chunks: Array<string | Uint8Array>): ByteSource {
  yield* chunks;
}

const rowsOf = async (source: ByteSource | Array<string | Uint8Array>, format: RowFormat) => {
  const rows: InputRow[] = [];
  const failure = await (async () => {
    for await (const row of readRows(Array.isArray(source) ? chunksOf(source) : source, format))
      rows.push(row);
  })().catch((error: unknown) => error);
  return { rows, failure };
};

/** A source that sends `chunks` and then fails, as a request stream does when its client drops it. */
async function* breaksAfter(...chunks: Array<string | Uint8Array>): ByteSource {
  yield* chunks;
  throw Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
}

// 李娜 as Excel saves it in China (GBK), not as UTF-8.
const LI_NA_GBK = Buffer.from([0xc0, 0xee, 0xc4, 0xc8]);

describe('reading uploads', () => {
  it('ends a CSV upload whose source fails midway as interrupted, after the rows before it', async () => {
    const { rows, failure } = await rowsOf(
      breaksAfter('id,surname\n1,LI\n2,WANG\n', '3,ZHAO\n', '4,Z'),
      'csv',
    );
    expect(rows).toEqual([
      { line: 2, record: { id: '1', surname: 'LI' } },
      { line: 3, record: { id: '2', surname: 'WANG' } },
    ]);
    expect(failure).toMatchObject({ kind: 'invalid', code: 'warning.upload_interrupted' });
  });

  it('ends an NDJSON upload whose source fails midway as interrupted', async () => {
    const { rows, failure } = await rowsOf(breaksAfter('{"a":1}\n{"a":'), 'ndjson');
    expect(rows).toEqual([{ line: 1, record: { a: 1 } }]);
    expect(failure).toMatchObject({ code: 'warning.upload_interrupted' });
  });

  it('still reports broken CSV quoting as unreadable, after the rows before it', async () => {
    const { rows, failure } = await rowsOf(['id,surname\n1,LI\n2,"WANG"X\n3,ZHAO\n'], 'csv');
    expect(failure).toBeUndefined();
    expect(rows).toEqual([
      { line: 2, record: { id: '1', surname: 'LI' } },
      { line: 3, error: expect.objectContaining({ line: 3, code: 'warning.csv_unreadable' }) },
    ]);
  });

  it('refuses each line that is not UTF-8, reading the others, wherever the chunks split', async () => {
    const gbk = Buffer.concat([
      Buffer.from('id,native_name\n1,张伟\n2,'),
      LI_NA_GBK,
      Buffer.from('\n3,"王\n芳"\n'),
    ]);
    for (const cut of [0, 15, 16, 20, 25]) {
      const chunks = cut === 0 ? [gbk] : [gbk.subarray(0, cut), gbk.subarray(cut)];
      const { rows } = await rowsOf(chunks, 'csv');
      expect(rows, `cut at ${cut}`).toEqual([
        { line: 2, record: { id: '1', nativeName: '张伟' } },
        { line: 3, error: expect.objectContaining({ line: 3, code: 'warning.not_utf8' }) },
        { line: 5, record: { id: '3', nativeName: '王\n芳' } },
      ]);
    }
    const ndjson = Buffer.concat([Buffer.from('{"n":"张伟"}\n{"n":"'), LI_NA_GBK, Buffer.from('"}\n')]);
    const { rows } = await rowsOf([ndjson], 'ndjson');
    expect(rows).toEqual([
      { line: 1, record: { n: '张伟' } },
      { line: 2, error: expect.objectContaining({ code: 'warning.not_utf8' }) },
    ]);
  });

  it('names a record spanning lines by its undecodable line, and refuses a header that is not UTF-8', async () => {
    const quoted = Buffer.concat([Buffer.from('id,native_name\n1,"\n'), LI_NA_GBK, Buffer.from('"\n')]);
    expect((await rowsOf([quoted], 'csv')).rows).toEqual([
      { line: 3, error: expect.objectContaining({ line: 3, code: 'warning.not_utf8' }) },
    ]);
    const header = Buffer.concat([Buffer.from('id,'), LI_NA_GBK, Buffer.from('\n1,x\n')]);
    expect((await rowsOf([header], 'csv')).rows).toEqual([
      { line: 1, error: expect.objectContaining({ line: 1, code: 'warning.not_utf8' }) },
    ]);
  });

  it('refuses a CSV row with more fields than the header, whose values would lie under the wrong columns', async () => {
    // an unquoted comma in the surname shifts the birth date into the sex column and drops the last value
    const csv =
      'id,surname,sex,birth_date\n1,LI, WEI,M,1980-01-02\n2,"WANG, FANG",F,1985\n3,ZHAO,F\n4,MA,M,1990,\n';
    expect((await rowsOf([csv], 'csv')).rows).toEqual([
      {
        line: 2,
        error: expect.objectContaining({ line: 2, code: 'warning.csv_extra_fields', params: { extra: 1 } }),
      },
      // a quoted comma is one value, and a row with fewer fields leaves the last columns empty
      { line: 3, record: { id: '2', surname: 'WANG, FANG', sex: 'F', birthDate: '1985' } },
      { line: 4, record: { id: '3', surname: 'ZHAO', sex: 'F' } },
      // an empty field past the header (a comma ending the line) loses nothing
      { line: 5, record: { id: '4', surname: 'MA', sex: 'M', birthDate: '1990' } },
    ]);
  });

  it('refuses a CSV header naming a column twice, as one of its values would be silently lost', async () => {
    // however the second is written (named as the file writes it), before any row is taken and with no row at all
    for (const [header, column] of [
      ['id,surname,surname', 'surname'],
      ['id,surname, Surname ', 'Surname'],
    ]) {
      const repeated = {
        line: 1,
        code: 'warning.csv_repeated_column',
        path: `/${column}`,
        params: { column },
      };
      expect((await rowsOf([`${header}\n1,LI,WANG\n2,ZHAO,ZHAO\n`], 'csv')).rows, header).toEqual([
        { line: 1, error: expect.objectContaining(repeated) },
      ]);
      expect((await rowsOf([`${header}\n`], 'csv')).rows, header).toEqual([
        { line: 1, error: expect.objectContaining(repeated) },
      ]);
    }
    // columns with no name, as an export writes blank ones, are no column named twice
    expect((await rowsOf(['id,surname,,\r\n1,LI,,\r\n'], 'csv')).rows).toEqual([
      { line: 2, record: { id: '1', surname: 'LI' } },
    ]);
    // the case of a column does not matter, so GIVEN_NAMES and given_names are one column
    expect((await rowsOf(['id,GIVEN_NAMES,given_names\n1,NA,NA\n'], 'csv')).rows).toEqual([
      {
        line: 1,
        error: expect.objectContaining({ code: 'warning.csv_repeated_column', path: '/given_names' }),
      },
    ]);
  });

  it('takes a byte order mark before UTF-8 in either format', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const csv = await rowsOf([Buffer.concat([bom, Buffer.from('id,native_name\n1,李娜\n')])], 'csv');
    expect(csv.rows).toEqual([{ line: 2, record: { id: '1', nativeName: '李娜' } }]);
    const ndjson = await rowsOf([Buffer.concat([bom, Buffer.from('{"n":"李娜"}\r\n')])], 'ndjson');
    expect(ndjson.rows).toEqual([{ line: 1, record: { n: '李娜' } }]);
  });

  it('refuses an empty file as empty', async () => {
    for (const format of ['csv', 'ndjson'] as const) {
      expect((await rowsOf([], format)).failure).toMatchObject({ code: 'warning.upload_empty' });
      expect((await rowsOf(['\uFEFF\n  \n'], format)).failure).toMatchObject({
        code: 'warning.upload_empty',
      });
    }
  });
});

describeEachDatabase('watchlist import row errors over HTTP', (dialect) => {
  const t = useTestNode(dialect, { code: 'CN-NIA' });

  it('reach the client with their keyword and params, refused or kept', async () => {
    const officer = await t().userWith(['port_officer'], { personalData: true });
    const rows = [
      JSON.stringify(buildEntry({ surname: 'SOKOLOV', documentNumber: 'RU1000001' })),
      JSON.stringify({ ...buildEntry(), category: 'unknown' }),
      'not json',
    ].join('\n');
    const refused = await officer.raw(
      'POST',
      '/api/v1/warning/watchlist/imports',
      rows,
      'application/x-ndjson',
    );
    expect(refused.status).toBe(400);
    const errors = (refused.body.report as { errors: RowError[] }).errors;
    expect(errors[0]).toMatchObject({ line: 2, path: '/category', keyword: 'enum' });
    expect(errors[0]?.params?.allowedValues).toEqual(expect.arrayContaining([buildEntry().category]));
    expect(errors[1]).toEqual({ line: 3, code: 'warning.bad_json', message: 'the line is not valid JSON' });
    const kept = await officer.raw(
      'POST',
      '/api/v1/warning/watchlist/imports?partial=true',
      rows,
      'application/x-ndjson',
    );
    expect(kept.status).toBe(201);
    expect((kept.body.errors as RowError[])[0]).toMatchObject({ path: '/category', keyword: 'enum' });
  });
});
