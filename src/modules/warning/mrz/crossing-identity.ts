import { AppError } from '../../../core/errors.js';
import type { MrzResult, MrzSex } from './mrz.types.js';

/** The identity a crossing is screened with, in the matcher's terms. */
export interface CrossingIdentity {
  surname: string;
  givenNames: string;
  documentNumber: string;
  issuingState: string | null;
  nationality: string | null;
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, as precise as the document is. */
  birthDate: string | null;
  sex: MrzSex | null;
}

// The matcher speaks ISO 3166-1 alpha-3. Germany is the one state whose ICAO code differs (D); XXX is
// ICAO's "nationality unspecified", which is no evidence at all.
function toIso3166(code: string): string | null {
  if (code === 'D') return 'DEU';
  if (code === 'XXX' || code === '') return null;
  return code;
}

/** The screening identity of a successfully parsed MRZ; throws `warning.mrz_invalid` for a failed parse. */
export function toCrossingIdentity(result: MrzResult): CrossingIdentity {
  if (!result.ok) {
    throw new AppError('invalid', 'warning.mrz_invalid', result.errors[0]?.message ?? 'the MRZ is invalid', {
      errors: result.errors,
    });
  }
  const { fields } = result;
  return {
    surname: fields.surname,
    givenNames: fields.givenNames,
    documentNumber: fields.documentNumber,
    issuingState: toIso3166(fields.issuingState),
    nationality: toIso3166(fields.nationality),
    birthDate: fields.birthDate,
    sex: fields.sex,
  };
}
