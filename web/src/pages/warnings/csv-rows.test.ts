import { describe, expect, it } from 'vitest';
import { csvRows } from './csv-rows.js';

describe('csvRows', () => {
  it('keys each row by its header turned camelCase and numbers it by its line in the text', () => {
    const rows = csvRows('surname,given_names,BIRTH_DATE\nBATBAYAR,Ganbold,1985-03-31\nLI,Wei,1990-01-02');
    expect(rows).toEqual([
      { line: 2, values: { surname: 'BATBAYAR', givenNames: 'Ganbold', birthDate: '1985-03-31' } },
      { line: 3, values: { surname: 'LI', givenNames: 'Wei', birthDate: '1990-01-02' } },
    ]);
  });

  it('skips blank lines but counts them, so line numbers match what the officer sees', () => {
    const rows = csvRows('surname,document_number\n\nBATBAYAR,E1234567\n\n\nLI,G7654321\n');
    expect(rows.map((row) => [row.line, row.values.surname])).toEqual([
      [3, 'BATBAYAR'],
      [6, 'LI'],
    ]);
  });

  it('drops empty cells and trims the rest, so a missing value reads as absent', () => {
    const [row] = csvRows('surname, given_names ,nationality\n  TSEND , ,MNG');
    expect(row?.values).toEqual({ surname: 'TSEND', nationality: 'MNG' });
  });

  it('keeps a quoted comma inside its cell', () => {
    const [row] = csvRows('surname,given_names\n"O\'NEILL, JR",Patrick');
    expect(row?.values).toEqual({ surname: "O'NEILL, JR", givenNames: 'Patrick' });
  });

  it('accepts rows shorter than the header rather than refusing the whole list', () => {
    const [row] = csvRows('surname,given_names,nationality\nDORJ,Bat');
    expect(row?.values).toEqual({ surname: 'DORJ', givenNames: 'Bat' });
  });

  it('throws for an unterminated quote, naming where the CSV broke', () => {
    expect(() => csvRows('surname,given_names\n"DORJ,Bat\n')).toThrow(/quote/i);
  });

  it('gives no rows for a header alone', () => {
    expect(csvRows('surname,given_names\n')).toEqual([]);
  });
});
