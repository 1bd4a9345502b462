import { describe, expect, it } from 'vitest';
import {
  CsvFileError,
  type CsvRowError,
  type MrzParser,
  readCsvRecords,
  type ScreenedCrossing,
  screenCsv,
} from './screen-csv.js';

const WATCHLIST = [
  'id,surname,given_names,native_name,sex,birth_date,nationality,document_number,reason',
  'w1,Ivanov,Sergei,Сергей Иванов,M,1980-03-14,RUS,AB1234567,contact',
  'w2,Wang,Xiaoming,王小明,M,1975,CHN,,case',
  'w3,Bad,Row,,Q,1980,RUS,,bad sex',
].join('\n');

const collect = async (crossings: string, parseMrz?: MrzParser) => {
  const errors: CsvRowError[] = [];
  const out: ScreenedCrossing[] = [];
  for await (const row of screenCsv(WATCHLIST, crossings, {
    onRowError: (e) => errors.push(e),
    ...(parseMrz ? { parseMrz } : {}),
  })) {
    out.push(row);
  }
  return { out, errors };
};

describe('screenCsv', () => {
  it('prints one verdict per crossing, in input order, and reports bad rows without stopping', async () => {
    const crossings = [
      'id,surname,given_names,native_name,sex,birth_date,nationality,document_number',
      'c1,IVANOV,SERGEY,,M,1980-03-14,RUS,AB1234567',
      'c2,Smith,John,,M,1990-01-01,GBR,',
      'c3,,,王小明,,1975-06-01,CHN,',
      ',Nameless,Row,,,,,',
    ].join('\n');
    const { out, errors } = await collect(crossings);
    expect(out.map((row) => [row.crossing_id, row.verdict, row.entry_id])).toEqual([
      ['c1', 'hit', 'w1'],
      ['c2', 'clear', null],
      ['c3', 'hit', 'w2'],
    ]);
    expect(errors.map((e) => [e.file, e.line, e.code])).toEqual([
      ['watchlist', 4, 'warning.csv_bad_sex'],
      ['crossings', 5, 'warning.csv_missing_id'],
    ]);
  });

  it("reports every problem of a bad row, each with the row's line, in column order", async () => {
    const crossings = [
      'id,surname,given_names,native_name,sex,birth_date,nationality,document_number',
      ',Nameless,Row,,Q,1990-13,RUS,',
      'c2,Smith,John,,M,1990-01-01,GBR,',
    ].join('\n');
    const { out, errors } = await collect(crossings);
    expect(out.map((row) => row.crossing_id)).toEqual(['c2']);
    expect(errors.filter((e) => e.file === 'crossings')).toEqual([
      { file: 'crossings', line: 2, code: 'warning.csv_missing_id', message: 'id is empty' },
      {
        file: 'crossings',
        line: 2,
        code: 'warning.csv_bad_sex',
        message: 'sex must be M, F, X or empty, not "Q"',
      },
      {
        file: 'crossings',
        line: 2,
        code: 'warning.csv_bad_birth_date',
        message: 'birth_date must be YYYY, YYYY-MM or YYYY-MM-DD, not "1990-13"',
      },
    ]);
  });

  it('refuses a row whose values run past the header (an unquoted comma), and takes empty ones there', async () => {
    const crossings = [
      'id,surname,given_names,native_name,sex,birth_date,nationality,document_number',
      // "IVANOV, SERGEY" unquoted: every value after it shifts one column right
      'c1,IVANOV, SERGEY,,,M,1980-03-14,RUS,AB1234567',
      // a comma ending the line, as some exports write, adds an empty field and loses nothing
      'c2,IVANOV,SERGEY,,M,1980-03-14,RUS,AB1234567,',
    ].join('\n');
    const { out, errors } = await collect(crossings);
    expect(out.map((row) => [row.crossing_id, row.verdict, row.entry_id])).toEqual([['c2', 'hit', 'w1']]);
    expect(errors.filter((e) => e.file === 'crossings').map((e) => [e.line, e.code])).toEqual([
      [2, 'warning.csv_extra_fields'],
    ]);
  });

  it('reports a missing id beside an unreadable MRZ', async () => {
    const parseMrz: MrzParser = () => ({ ok: false, fields: {} });
    const { errors } = await collect(['id,mrz', ',garbage'].join('\n'), parseMrz);
    expect(errors.filter((e) => e.file === 'crossings').map((e) => [e.line, e.code])).toEqual([
      [2, 'warning.csv_missing_id'],
      [2, 'warning.csv_bad_mrz'],
    ]);
  });

  it('refuses a birth date that is no day of the calendar or after today, in either file, as the API does', async () => {
    const watchlist = `${WATCHLIST}\nw4,Future,Born,,M,2026-12,RUS,,case`;
    const crossings = [
      'id,surname,given_names,sex,birth_date,nationality',
      'c1,IVANOV,SERGEI,M,1990-02-30,RUS',
      'c2,IVANOV,SERGEI,M,2027,RUS',
      'c3,IVANOV,SERGEI,M,2026-11-28,RUS',
      'c4,IVANOV,SERGEY,M,1980-03-14,rus',
      'c5,IVANOV,SERGEY,M,1980-03-14,RUS',
    ].join('\n');
    const errors: CsvRowError[] = [];
    const out: ScreenedCrossing[] = [];
    for await (const row of screenCsv(watchlist, crossings, {
      onRowError: (e) => errors.push(e),
      today: '2026-11-28T23:59:59.000Z',
    })) {
      out.push(row);
    }
    expect(errors.filter((e) => e.code === 'warning.csv_bad_birth_date')).toEqual([
      {
        file: 'watchlist',
        line: 5,
        code: 'warning.csv_bad_birth_date',
        message: 'birth_date: the date of birth 2026-12 is after today',
      },
      {
        file: 'crossings',
        line: 2,
        code: 'warning.csv_bad_birth_date',
        message: 'birth_date: the date of birth 1990-02-30 is not a day of the calendar',
      },
      {
        file: 'crossings',
        line: 3,
        code: 'warning.csv_bad_birth_date',
        message: 'birth_date: the date of birth 2027 is after today',
      },
    ]);
    // a birth today is possible; a lower-case nationality is read as its upper-case code
    expect(out.map((row) => row.crossing_id)).toEqual(['c3', 'c4', 'c5']);
    expect(out[1]).toEqual({ ...out[2], crossing_id: 'c4' });
  });

  it('reads identities from an mrz column through the injected parser', async () => {
    const parseMrz: MrzParser = (text) =>
      text.startsWith('P<')
        ? {
            ok: true,
            fields: {
              surname: 'IVANOV',
              givenNames: 'SERGEI',
              documentNumber: 'AB1234567',
              birthDate: '1980-03-14',
              sex: 'M',
            },
          }
        : { ok: false, fields: {} };
    const crossings = ['id,mrz', 'c1,P<RUSIVANOV<<SERGEI', 'c2,garbage'].join('\n');
    const { out, errors } = await collect(crossings, parseMrz);
    expect(out).toEqual([{ crossing_id: 'c1', verdict: 'hit', entry_id: 'w1', score: 1 }]);
    expect(errors.filter((e) => e.file === 'crossings').map((e) => e.code)).toEqual(['warning.csv_bad_mrz']);
  });

  it('reports each finding of the MRZ parser as a row error naming its line and field', async () => {
    const parseMrz: MrzParser = () => ({
      ok: false,
      errors: [
        {
          line: 2,
          field: 'documentNumber',
          code: 'check_digit',
          position: 10,
          message:
            'document number check digit failed: line 2 position 10 holds "3", but "E12345678" computes 2',
        },
        {
          line: 2,
          field: 'mrz',
          code: 'line_length',
          message: 'line 2 has 40 characters; a TD3 MRZ needs 44',
        },
      ],
      fields: {},
    });
    const { errors } = await collect(['id,mrz', 'c1,P<CHNZHANG'].join('\n'), parseMrz);
    expect(errors.filter((e) => e.file === 'crossings')).toEqual([
      {
        file: 'crossings',
        line: 2,
        code: 'warning.csv_bad_mrz',
        message:
          'MRZ line 2, field documentNumber: document number check digit failed: line 2 position 10 holds "3", but "E12345678" computes 2',
      },
      {
        file: 'crossings',
        line: 2,
        code: 'warning.csv_bad_mrz',
        message: 'MRZ line 2: line 2 has 40 characters; a TD3 MRZ needs 44',
      },
    ]);
  });

  it('screens the crossings before a broken quote and then fails naming its line', async () => {
    const crossings = ['id,surname,given_names', 'c1,IVANOV,SERGEI', 'c2,"SMITH"X,JOHN', 'c3,LI,NA'].join(
      '\n',
    );
    const screened: string[] = [];
    const failure = await (async () => {
      for await (const row of screenCsv(WATCHLIST, crossings)) screened.push(row.crossing_id);
    })().catch((error: unknown) => error);
    expect(screened).toEqual(['c1']);
    expect(failure).toBeInstanceOf(CsvFileError);
    expect(failure).toMatchObject({ file: 'crossings', line: 3 });
  });

  it('refuses a file naming a column twice up front, as uploads do, where one value would be lost', async () => {
    const run = async () => {
      for await (const _row of screenCsv('id,surname,Surname\nw1,LI,WANG', 'id,surname\nc1,WANG')) break;
    };
    await expect(run()).rejects.toMatchObject({
      name: 'CsvHeaderError',
      file: 'watchlist',
      message: expect.stringContaining('column surname is named twice'),
    });
  });

  it('refuses a watchlist id given twice, naming both lines', async () => {
    const twice = `${WATCHLIST}\nw1,Petrov,Ivan,,M,1970,RUS,,case`;
    const run = async () => {
      for await (const _row of screenCsv(twice, 'id,surname\nc1,PETROV')) break;
    };
    await expect(run()).rejects.toMatchObject({
      file: 'watchlist',
      line: 5,
      message: 'id w1 is on line 2 and again on line 5',
    });
  });
});

async function* failingAfter(text: string): AsyncGenerator<string> {
  yield text;
  throw new Error('connection reset');
}

describe('readCsvRecords', () => {
  it('throws an error of its source as it is, after the records read before it', async () => {
    const lines: number[] = [];
    const read = async () => {
      for await (const item of readCsvRecords(failingAfter('id,a\n1,x\n2,y\n3,zzz'), { columns: true })) {
        if ('record' in item) lines.push(item.line);
      }
    };
    await expect(read()).rejects.toThrow('connection reset');
    expect(lines).toEqual([2, 3]);
  });
});
