import { type TSchema, Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { useTestNode } from '../../../test/support/nodes.js';
import { StringEnum } from '../../core/http/schemas.js';
import { type RowFormat, rowValidator } from './row-input.js';
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

const errorOf = (value: unknown, schema: TSchema = Row, format: RowFormat = 'ndjson'): RowError => {
  const result = rowValidator(schema)(value, 7, format);
  if (result.ok) throw new Error('the row was taken');
  return result.error;
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
