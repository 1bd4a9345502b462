import { computeCheckDigit } from './check-digit.js';
import type { CheckDigitResult, CheckedField, MrzIssue } from './mrz.types.js';

/** Data covered by one check digit and where that digit stands (1-based). */
export interface CheckSpec {
  field: CheckedField;
  data: string;
  line: number;
  position: number;
  actual: string;
  /** A second reading some issuers use (a long document number with its filler kept in). */
  alternative?: string;
}

const LABELS: Readonly<Record<CheckedField, string>> = {
  documentNumber: 'document number',
  birthDate: 'birth date',
  expiryDate: 'expiry date',
  personalNumber: 'personal number',
  composite: 'composite',
};

const ALL_FILLERS = /^<+$/;
const MRZ_TEXT = /^[A-Z0-9<]*$/;

function result(spec: CheckSpec, expected: string, valid: boolean): CheckDigitResult {
  return {
    field: spec.field,
    expected,
    actual: spec.actual,
    valid,
    line: spec.line,
    position: spec.position,
  };
}

function failure(spec: CheckDigitResult, data: string, extra: string): MrzIssue {
  const held = /^\d$/.test(spec.actual)
    ? JSON.stringify(spec.actual)
    : `${JSON.stringify(spec.actual)}, which is not a digit`;
  return {
    line: spec.line,
    field: spec.field,
    code: 'check_digit',
    position: spec.position,
    message: `${LABELS[spec.field]} check digit failed: line ${spec.line} position ${spec.position} holds ${held}, but ${JSON.stringify(data)} computes ${spec.expected}${extra}`,
    values: { actual: spec.actual, expected: spec.expected },
  };
}

export interface CheckOutcome {
  result: CheckDigitResult;
  error?: MrzIssue;
  warning?: MrzIssue;
}

/**
 * Verifies one check digit. A field left entirely blank may carry `<` as its check digit (ICAO 9303
 * Part 3, 4.9); returns null when the data holds characters no check digit is defined for.
 */
export function verify(spec: CheckSpec): CheckOutcome | null {
  if (!MRZ_TEXT.test(spec.data)) return null;
  if (ALL_FILLERS.test(spec.data) && (spec.actual === '<' || spec.actual === '0')) {
    return { result: result(spec, spec.actual, true) };
  }
  const expected = computeCheckDigit(spec.data);
  if (spec.actual === expected) return { result: result(spec, expected, true) };
  const alternative = spec.alternative;
  if (alternative !== undefined && MRZ_TEXT.test(alternative)) {
    const second = computeCheckDigit(alternative);
    if (spec.actual === second) {
      return {
        result: result(spec, second, true),
        warning: {
          line: spec.line,
          field: spec.field,
          code: 'filler_included_in_check',
          position: spec.position,
          message: `the ${LABELS[spec.field]} check digit covers ${JSON.stringify(alternative)} with its filler, not ${JSON.stringify(spec.data)} as ICAO 9303 prescribes (${expected}); accepted as some issuers compute it so`,
        },
      };
    }
    const checked = result(spec, expected, false);
    return { result: checked, error: failure(checked, spec.data, ` (or ${second} counting the filler)`) };
  }
  const checked = result(spec, expected, false);
  return { result: checked, error: failure(checked, spec.data, '') };
}
