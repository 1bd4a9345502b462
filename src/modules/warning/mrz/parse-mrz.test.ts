import { describe, expect, it } from 'vitest';
import { formatMrzJson } from './format-mrz-json.js';
import type { CheckedField, MrzFailure, MrzResult, MrzSuccess } from './mrz.types.js';
import { parseMrz, parseMrzDocuments } from './parse-mrz.js';
import {
  buildTd1,
  buildTd2,
  buildTd3,
  buildVisa,
  otherDigit,
  withCharacterAt,
} from './test-support/mrz-builder.js';

const now = new Date('2026-06-15T12:00:00Z');
const parse = (lines: readonly string[]) => parseMrz(lines.join('\n'), { now });

function succeeded(result: MrzResult): MrzSuccess {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.errors)}`);
  return result;
}

function failed(result: MrzResult): MrzFailure {
  if (result.ok) throw new Error('expected failure, got success');
  return result;
}

function breakDigit(lines: readonly string[], line: number, position: number): string[] {
  const current = lines[line - 1]?.charAt(position - 1) ?? '0';
  return withCharacterAt(lines, line, position, otherDigit(current));
}

describe('parseMrz on well-formed zones', () => {
  it('reads every field of a TD3 passport', () => {
    const result = succeeded(parse(buildTd3({ givenNames: 'XIAO MING', optionalData: 'AB1234' })));
    expect(result.format).toBe('TD3');
    expect(result.fields).toEqual({
      documentType: 'passport',
      documentCode: 'P',
      issuingState: 'CHN',
      documentNumber: 'E12345678',
      surname: 'ZHANG',
      givenNames: 'XIAO MING',
      nationality: 'CHN',
      birthDate: '1985-03-15',
      sex: 'M',
      expiryDate: '2030-01-01',
      optionalData: 'AB1234',
      optionalData2: null,
      personalNumber: 'AB1234',
    });
    expect(result.checks.map((c) => [c.field, c.valid])).toEqual([
      ['documentNumber', true],
      ['birthDate', true],
      ['expiryDate', true],
      ['personalNumber', true],
      ['composite', true],
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('tells TD2 cards from MRV-B visas and TD3 passports from MRV-A visas by the document code', () => {
    expect(parse(buildTd2()).format).toBe('TD2');
    expect(parse(buildVisa('MRV-B')).format).toBe('MRV-B');
    expect(parse(buildTd3()).format).toBe('TD3');
    const visa = succeeded(parse(buildVisa('MRV-A', { optionalData: 'ENTRIES2' })));
    expect(visa.format).toBe('MRV-A');
    expect(visa.fields.documentType).toBe('visa');
    expect(visa.fields.optionalData).toBe('ENTRIES2');
    expect(visa.checks.map((c) => c.field)).toEqual(['documentNumber', 'birthDate', 'expiryDate']);
  });

  it('joins a TD1 document number longer than 9 characters from its overflow in the optional data', () => {
    const result = succeeded(parse(buildTd1({ documentNumber: 'AB123456789XY', optionalData: 'Q7' })));
    expect(result.fields.documentNumber).toBe('AB123456789XY');
    expect(result.fields.optionalData).toBe('Q7');
    expect(result.checks[0]).toMatchObject({ field: 'documentNumber', line: 1, position: 20, valid: true });
  });

  it('tolerates lowercase, CRLF line ends, surrounding blanks and trailing whitespace', () => {
    const lines = buildTd3();
    const messy = `\r\n  ${lines[0]?.toLowerCase()}   \r\n${lines[1]}\t\r\n\r\n`;
    expect(succeeded(parseMrz(messy, { now })).fields).toEqual(succeeded(parse(lines)).fields);
  });

  it('splits a zone that a scanner sent as a single line', () => {
    const lines = buildTd1();
    expect(succeeded(parseMrz(lines.join(''), { now })).fields).toEqual(succeeded(parse(lines)).fields);
  });

  it('turns fillers into spaces in names and splits surname from given names on <<', () => {
    const result = succeeded(parse(buildTd3({ surname: 'DE LA CRUZ', givenNames: 'MARIA JOSE' })));
    expect(result.fields.surname).toBe('DE LA CRUZ');
    expect(result.fields.givenNames).toBe('MARIA JOSE');
  });

  it('keeps <<< runs inside given names as one space', () => {
    const [line1 = '', line2 = ''] = buildTd3();
    const result = succeeded(parse([`${line1.slice(0, 5)}${'LI<<MEI<<<LAN'.padEnd(39, '<')}`, line2]));
    expect(result.fields.surname).toBe('LI');
    expect(result.fields.givenNames).toBe('MEI LAN');
  });

  it('reads unknown day or month (<<) as a partial date whose check digit counts fillers as 0', () => {
    expect(succeeded(parse(buildTd3({ birthDate: '8503<<' }))).fields.birthDate).toBe('1985-03');
    expect(succeeded(parse(buildTd3({ birthDate: '85<<<<' }))).fields.birthDate).toBe('1985');
  });

  it('reads a birth date as the latest century that keeps it in the past', () => {
    expect(succeeded(parse(buildTd3({ birthDate: '260615' }))).fields.birthDate).toBe('2026-06-15');
    expect(succeeded(parse(buildTd3({ birthDate: '260616' }))).fields.birthDate).toBe('1926-06-16');
    expect(succeeded(parse(buildTd3({ birthDate: '0001<<' }))).fields.birthDate).toBe('2000-01');
  });

  it('reads an expiry date within 50 years either side of today and warns when it has passed', () => {
    const future = succeeded(parse(buildTd3({ expiryDate: '750101' })));
    expect(future.fields.expiryDate).toBe('2075-01-01');
    expect(future.warnings).toEqual([]);
    const past = succeeded(parse(buildTd3({ expiryDate: '770101' })));
    expect(past.fields.expiryDate).toBe('1977-01-01');
    expect(past.warnings).toEqual([
      expect.objectContaining({ line: 2, field: 'expiryDate', code: 'expired' }),
    ]);
  });

  it('reads an unspecified sex (< or X) as X', () => {
    expect(succeeded(parse(buildTd3({ sex: '<' }))).fields.sex).toBe('X');
  });

  it('warns that a name filling its whole field may be truncated', () => {
    const result = succeeded(parse(buildTd1({ surname: 'ABCDEFGHIJKLMN', givenNames: 'OPQRSTUVWXYZAB' })));
    expect(result.warnings).toEqual([
      expect.objectContaining({ line: 3, field: 'name', code: 'name_truncated' }),
    ]);
  });
});

describe('parseMrz refusing a broken check digit', () => {
  const cases: Array<[string, () => string[], CheckedField, number, number]> = [
    ['TD3', buildTd3, 'documentNumber', 2, 10],
    ['TD3', buildTd3, 'birthDate', 2, 20],
    ['TD3', buildTd3, 'expiryDate', 2, 28],
    ['TD3', () => buildTd3({ optionalData: 'K99' }), 'personalNumber', 2, 43],
    ['TD3', buildTd3, 'composite', 2, 44],
    ['TD2', buildTd2, 'documentNumber', 2, 10],
    ['TD2', buildTd2, 'composite', 2, 36],
    ['TD1', buildTd1, 'documentNumber', 1, 15],
    ['TD1', buildTd1, 'birthDate', 2, 7],
    ['TD1', buildTd1, 'expiryDate', 2, 15],
    ['TD1', buildTd1, 'composite', 2, 30],
    ['MRV-A', () => buildVisa('MRV-A'), 'expiryDate', 2, 28],
  ];
  for (const [format, build, field, line, position] of cases) {
    it(`names line ${line}, the ${field} field and the failed digit on a ${format} zone`, () => {
      const result = failed(parse(breakDigit(build(), line, position)));
      const error = result.errors.find((e) => e.field === field);
      expect(error).toMatchObject({ line, field, position, code: 'check_digit' });
      expect(error?.message).toMatch(
        new RegExp(`line ${line} position ${position} holds "\\d", but .* computes \\d`),
      );
      expect(result.checks?.find((c) => c.field === field)?.valid).toBe(false);
    });
  }

  it('fails the composite too when a field check digit is broken, as the composite covers it', () => {
    const result = failed(parse(breakDigit(buildTd3(), 2, 20)));
    expect(result.errors.map((e) => e.field)).toEqual(['birthDate', 'composite']);
  });

  it('refuses a check digit that is not a digit', () => {
    const result = failed(parse(withCharacterAt(buildTd3(), 2, 20, 'A')));
    expect(result.errors[0]?.message).toContain('"A", which is not a digit');
  });
});

describe('parseMrz refusing malformed zones', () => {
  it('refuses a line of the wrong length, naming the line', () => {
    const [line1 = '', line2 = ''] = buildTd3();
    const result = failed(parse([line1, line2.slice(0, 43)]));
    expect(result.format).toBe('TD3');
    expect(result.errors).toEqual([
      expect.objectContaining({
        line: 2,
        code: 'line_length',
        message: 'line 2 has 43 characters; a TD3 MRZ needs 44',
      }),
    ]);
  });

  it('refuses an unknown format, naming the lengths it knows', () => {
    const result = failed(parseMrz(`${'P<'.padEnd(40, '<')}\n${'1'.repeat(40)}`, { now }));
    expect(result.format).toBeUndefined();
    expect(result.errors).toEqual([
      expect.objectContaining({ line: 1, code: 'unknown_length', values: { length: 40 } }),
    ]);
    expect(result.errors[0]?.message).toMatch(
      /unknown MRZ format: line 1 has 40 characters; expected 30 .* 44/,
    );
  });

  it('refuses a TD1 zone with a missing third line and a TD3 zone with an extra line', () => {
    const [a = '', b = ''] = buildTd1();
    expect(failed(parse([a, b])).errors).toEqual([expect.objectContaining({ line: 3, code: 'line_count' })]);
    expect(failed(parse([...buildTd3(), 'X'.repeat(44)])).errors).toEqual([
      expect.objectContaining({ line: 3, code: 'line_count' }),
    ]);
  });

  it('refuses empty input', () => {
    expect(failed(parseMrz(' \n\r\n', { now })).errors).toEqual([
      expect.objectContaining({ line: 1, code: 'empty' }),
    ]);
  });

  it('refuses illegal characters, naming the line, the position and the field', () => {
    const result = failed(parse(withCharacterAt(buildTd3(), 1, 8, '#')));
    expect(result.errors).toEqual([
      expect.objectContaining({ line: 1, position: 8, field: 'name', code: 'character' }),
    ]);
    expect(result.fields?.surname).toBe('ZH#NG');
  });

  it('refuses a space inside a line', () => {
    const result = failed(parse(withCharacterAt(buildTd1(), 2, 17, ' ')));
    expect(result.errors).toContainEqual(
      expect.objectContaining({ line: 2, position: 17, field: 'nationality', code: 'character' }),
    );
  });

  it('refuses an impossible date and a day given without its month', () => {
    const month = failed(parse(buildTd3({ birthDate: '851315' })));
    expect(month.errors).toEqual([expect.objectContaining({ line: 2, field: 'birthDate', code: 'date' })]);
    expect(failed(parse(buildTd3({ expiryDate: '290229' }))).errors[0]).toMatchObject({
      field: 'expiryDate',
      code: 'date',
    });
    expect(failed(parse(buildTd3({ birthDate: '85<<15' }))).errors[0]).toMatchObject({
      field: 'birthDate',
      code: 'date',
    });
  });

  it('refuses a sex other than M, F, X or <', () => {
    const result = failed(parse(buildTd3({ sex: 'Q' as 'M' })));
    expect(result.errors[0]).toMatchObject({ line: 2, position: 21, field: 'sex', code: 'sex' });
    expect(result.fields?.sex).toBeNull();
  });

  it('refuses a state code with digits in it', () => {
    const result = failed(parse(buildTd3({ nationality: 'CH1' })));
    expect(result.errors[0]).toMatchObject({
      line: 2,
      position: 11,
      field: 'nationality',
      code: 'state_code',
    });
  });

  it('refuses a TD1 zone that announces a long document number but does not continue it', () => {
    const result = failed(parse(withCharacterAt(buildTd1(), 1, 15, '<')));
    expect(result.errors[0]).toMatchObject({ line: 1, field: 'documentNumber', code: 'document_number' });
  });
});

describe('parseMrz with autocorrection', () => {
  it('reads OCR letters in dates as digits and digits in names as letters, warning for each', () => {
    const lines = withCharacterAt(withCharacterAt(buildTd3({ birthDate: '850105' }), 2, 16, 'O'), 1, 6, '2');
    expect(parse(lines).ok).toBe(false);
    const result = succeeded(parseMrz(lines.join('\n'), { now, autocorrect: true }));
    expect(result.fields.birthDate).toBe('1985-01-05');
    expect(result.fields.surname).toBe('ZHANG');
    expect(result.warnings.map((w) => w.code)).toEqual(['autocorrected', 'autocorrected']);
  });
});

describe('parseMrzDocuments and formatMrzJson', () => {
  it('parses each block of lines separated by blank lines as one document', () => {
    const text = `${buildTd3().join('\r\n')}\r\n\r\n\r\n${buildTd1().join('\n')}\n   \n${'BAD'}\n`;
    const results = parseMrzDocuments(text, { now });
    expect(results.map((r) => [r.ok, r.format])).toEqual([
      [true, 'TD3'],
      [true, 'TD1'],
      [false, undefined],
    ]);
  });

  it('prints every key for both outcomes so the CLI output has one shape', () => {
    const good = formatMrzJson(parse(buildTd3()));
    const bad = formatMrzJson(parseMrz('NOT AN MRZ', { now }));
    expect(Object.keys(good)).toEqual(['ok', 'format', 'fields', 'checks', 'errors', 'warnings']);
    expect(Object.keys(bad)).toEqual(Object.keys(good));
    expect(bad).toMatchObject({ ok: false, format: null, fields: null, checks: [] });
    expect(JSON.parse(JSON.stringify(good))).toEqual(good);
  });
});
