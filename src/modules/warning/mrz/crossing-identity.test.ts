import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors.js';
import { toCrossingIdentity } from './crossing-identity.js';
import { parseMrz } from './parse-mrz.js';
import { buildTd3, otherDigit, withCharacterAt } from './test-support/mrz-builder.js';

const now = new Date('2026-06-15T00:00:00Z');

describe('toCrossingIdentity', () => {
  it('gives the matcher the identity fields of a parsed MRZ as a plain object', () => {
    const result = parseMrz(buildTd3({ birthDate: '8503<<', sex: 'F' }).join('\n'), { now });
    expect(toCrossingIdentity(result)).toEqual({
      surname: 'ZHANG',
      givenNames: 'WEI',
      documentNumber: 'E12345678',
      issuingState: 'CHN',
      nationality: 'CHN',
      birthDate: '1985-03',
      sex: 'F',
    });
  });

  it("speaks ISO 3166 alpha-3: Germany's ICAO code D becomes DEU, unspecified XXX becomes null", () => {
    const result = parseMrz(buildTd3({ issuingState: 'D', nationality: 'XXX' }).join('\n'), { now });
    expect(toCrossingIdentity(result)).toMatchObject({ issuingState: 'DEU', nationality: null });
  });

  it('refuses a failed parse with an invalid-input error carrying the parse errors', () => {
    const lines = buildTd3();
    const broken = withCharacterAt(lines, 2, 10, otherDigit(lines[1]?.charAt(9) ?? '0'));
    const result = parseMrz(broken.join('\n'), { now });
    const thrown = (() => {
      try {
        toCrossingIdentity(result);
        return null;
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(AppError);
    expect(thrown).toMatchObject({ kind: 'invalid', code: 'warning.mrz_invalid' });
    expect((thrown as AppError).details?.errors).toHaveLength(2);
  });
});
