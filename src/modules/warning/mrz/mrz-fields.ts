import type { DocumentType, MrzFieldName, MrzFields, MrzIssue, MrzIssueCode, MrzSex } from './mrz.types.js';
import type { CheckSpec } from './mrz-checks.js';
import { type DateKind, hasExpired, readMrzDate } from './mrz-dates.js';
import { type FieldSpan, type MrzLayout, slice } from './mrz-layouts.js';

export interface FieldReading {
  fields: MrzFields;
  checks: CheckSpec[];
  errors: MrzIssue[];
  warnings: MrzIssue[];
}

interface Context {
  layout: MrzLayout;
  lines: readonly string[];
  now: Date;
  windowYears: number;
  errors: MrzIssue[];
  warnings: MrzIssue[];
}

function spanOf(layout: MrzLayout, field: MrzFieldName, checkDigit = false): FieldSpan | undefined {
  return layout.spans.find((s) => s.field === field && (s.checkDigit ?? false) === checkDigit);
}

function requiredSpan(layout: MrzLayout, field: MrzFieldName, checkDigit = false): FieldSpan {
  const found = spanOf(layout, field, checkDigit);
  if (!found) throw new Error(`layout ${layout.format} has no ${field}${checkDigit ? ' check digit' : ''}`);
  return found;
}

function issue(span: FieldSpan, code: MrzIssueCode, message: string, values?: MrzIssue['values']): MrzIssue {
  return {
    line: span.line,
    field: span.field,
    code,
    position: span.start,
    message: `line ${span.line} ${message}`,
    ...(values && { values }),
  };
}

/** Fillers become single spaces, as ICAO 9303 uses them between name parts and in optional data. */
export function fillersToSpaces(raw: string): string {
  return raw.replace(/<+/g, ' ').trim();
}

function documentTypeOf(code: string): DocumentType {
  const first = code.charAt(0);
  if (first === 'P') return 'passport';
  if (first === 'V') return 'visa';
  if (first === 'I' || first === 'A' || first === 'C') return 'id_card';
  return 'other';
}

// ICAO 9303 Part 4 reserves P for passports in TD3; Parts 5 and 6 give A, C and I to TD1/TD2 cards.
const EXPECTED_TYPE: Readonly<Record<MrzLayout['format'], DocumentType>> = {
  TD1: 'id_card',
  TD2: 'id_card',
  TD3: 'passport',
  'MRV-A': 'visa',
  'MRV-B': 'visa',
};

function readDocumentCode(context: Context): string {
  const span = requiredSpan(context.layout, 'documentCode');
  const raw = slice(context.lines, span);
  if (!/^[A-Z][A-Z<]$/.test(raw)) {
    context.errors.push(
      issue(
        span,
        'document_code',
        `position 1 (documentCode): ${JSON.stringify(raw)} is not a document code (a letter, then a letter or <)`,
        { value: raw },
      ),
    );
  } else if (documentTypeOf(raw) !== EXPECTED_TYPE[context.layout.format]) {
    context.warnings.push(
      issue(
        span,
        'unusual_document_code',
        `position 1 (documentCode): ${JSON.stringify(raw)} is unusual on a ${context.layout.format} document`,
      ),
    );
  }
  return raw.replace(/<+$/, '');
}

function readStateCode(context: Context, field: 'issuingState' | 'nationality'): string {
  const span = requiredSpan(context.layout, field);
  const raw = slice(context.lines, span);
  if (!/^[A-Z]{1,3}<*$/.test(raw)) {
    context.errors.push(
      issue(
        span,
        'state_code',
        `position ${span.start} (${field}): ${JSON.stringify(raw)} is not a state code (1 to 3 letters, then fillers)`,
        { value: raw },
      ),
    );
  }
  return raw.replace(/<+$/, '');
}

function readName(context: Context): { surname: string; givenNames: string } {
  const span = requiredSpan(context.layout, 'name');
  const raw = slice(context.lines, span);
  const separator = raw.indexOf('<<');
  const primary = separator === -1 ? raw : raw.slice(0, separator);
  const secondary = separator === -1 ? '' : raw.slice(separator + 2);
  if (!raw.endsWith('<')) {
    context.warnings.push(issue(span, 'name_truncated', 'name field is full: the names may be truncated'));
  }
  if (/\d/.test(raw)) {
    context.warnings.push(
      issue(
        span,
        'name_digits',
        'name holds digits, which ICAO 9303 names never contain (a national transliteration?)',
      ),
    );
  }
  const surname = fillersToSpaces(primary);
  if (surname === '')
    context.warnings.push(issue(span, 'empty_surname', 'name has no primary identifier (surname)'));
  return { surname, givenNames: fillersToSpaces(secondary) };
}

function readDate(context: Context, field: 'birthDate' | 'expiryDate'): string | null {
  const span = requiredSpan(context.layout, field);
  const kind: DateKind = field === 'birthDate' ? 'birth' : 'expiry';
  const reading = readMrzDate(slice(context.lines, span), kind, context.now, context.windowYears);
  const where = `position ${span.start} (${field})`;
  if (!reading.ok) {
    context.errors.push(
      issue(span, 'date', `${where}: ${reading.message}`, { value: slice(context.lines, span) }),
    );
    return null;
  }
  if (reading.value === null)
    context.warnings.push(issue(span, 'unknown_date', `${where}: the date is not given`));
  if (kind === 'expiry' && reading.lastDay !== null && hasExpired(reading.lastDay, context.now)) {
    context.warnings.push(issue(span, 'expired', `${where}: the document expired on ${reading.value}`));
  }
  return reading.value;
}

function readSex(context: Context): MrzSex | null {
  const span = requiredSpan(context.layout, 'sex');
  const raw = slice(context.lines, span);
  if (raw === 'M' || raw === 'F') return raw;
  if (raw === 'X' || raw === '<') return 'X';
  context.errors.push(
    issue(span, 'sex', `position ${span.start} (sex): ${JSON.stringify(raw)} is not M, F, X or <`, {
      value: raw,
    }),
  );
  return null;
}

function checkSpec(
  context: Context,
  field: MrzFieldName & CheckSpec['field'],
  data: string,
): CheckSpec | null {
  const digit = spanOf(context.layout, field, true);
  if (!digit) return null;
  return { field, data, line: digit.line, position: digit.start, actual: slice(context.lines, digit) };
}

interface DocumentNumberReading {
  value: string;
  check: CheckSpec;
  /** The optional data left once an overflowing document number has been taken out of it. */
  optionalRaw: string;
}

function readDocumentNumber(context: Context): DocumentNumberReading {
  const span = requiredSpan(context.layout, 'documentNumber');
  const digit = requiredSpan(context.layout, 'documentNumber', true);
  const principal = slice(context.lines, span);
  const optionalSpan = spanOf(context.layout, 'optionalData') ?? spanOf(context.layout, 'personalNumber');
  const optionalRaw = optionalSpan ? slice(context.lines, optionalSpan) : '';
  const plain: DocumentNumberReading = {
    value: principal.replace(/<+$/, ''),
    check: {
      field: 'documentNumber',
      data: principal,
      line: digit.line,
      position: digit.start,
      actual: slice(context.lines, digit),
    },
    optionalRaw,
  };
  if (plain.value === '') {
    context.errors.push(
      issue(span, 'document_number', `position ${span.start} (documentNumber): the document number is empty`),
    );
  }
  if (!context.layout.documentNumberOverflow || plain.check.actual !== '<' || !optionalSpan) return plain;
  return readOverflow(context, plain, digit, optionalSpan);
}

// ICAO 9303 Parts 5 and 6: a filler instead of the check digit says the number goes on in the optional
// data, ending with its check digit and a filler.
function readOverflow(
  context: Context,
  plain: DocumentNumberReading,
  digit: FieldSpan,
  optionalSpan: FieldSpan,
): DocumentNumberReading {
  const principal = plain.check.data;
  const run = /^[^<]*/.exec(plain.optionalRaw)?.[0] ?? '';
  if (run.length === 0) {
    context.errors.push(
      issue(
        digit,
        'document_number',
        `position ${digit.start} (documentNumber) holds a filler, announcing a long document number, but the optional data at position ${optionalSpan.start} does not continue it`,
      ),
    );
    return plain;
  }
  const extension = run.slice(0, -1);
  return {
    value: plain.value + extension,
    check: {
      field: 'documentNumber',
      data: principal + extension,
      alternative: `${principal}<${extension}`,
      line: optionalSpan.line,
      position: optionalSpan.start + run.length - 1,
      actual: run.slice(-1),
    },
    optionalRaw: plain.optionalRaw.slice(run.length + 1),
  };
}

function compositeData(context: Context): string | null {
  const parts = context.layout.compositeParts;
  return parts === null ? null : parts.map((part) => slice(context.lines, part)).join('');
}

function collectChecks(context: Context, documentNumber: CheckSpec): CheckSpec[] {
  const rawOf = (field: MrzFieldName) => {
    const span = spanOf(context.layout, field);
    return span ? slice(context.lines, span) : '';
  };
  const composite = compositeData(context);
  return [
    documentNumber,
    checkSpec(context, 'birthDate', rawOf('birthDate')),
    checkSpec(context, 'expiryDate', rawOf('expiryDate')),
    checkSpec(context, 'personalNumber', rawOf('personalNumber')),
    composite === null ? null : checkSpec(context, 'composite', composite),
  ].filter((spec): spec is CheckSpec => spec !== null);
}

function optionalData2(context: Context): string | null {
  const span = spanOf(context.layout, 'optionalData2');
  return span ? fillersToSpaces(slice(context.lines, span)) : null;
}

/** Reads every field of a zone whose shape is already known to fit its layout. */
export function readFields(
  layout: MrzLayout,
  lines: readonly string[],
  now: Date,
  windowYears: number,
): FieldReading {
  const context: Context = { layout, lines, now, windowYears, errors: [], warnings: [] };
  const documentCode = readDocumentCode(context);
  const issuingState = readStateCode(context, 'issuingState');
  const documentNumber = readDocumentNumber(context);
  const { surname, givenNames } = readName(context);
  const nationality = readStateCode(context, 'nationality');
  const birthDate = readDate(context, 'birthDate');
  const sex = readSex(context);
  const expiryDate = readDate(context, 'expiryDate');
  const optionalData = fillersToSpaces(documentNumber.optionalRaw);
  const fields: MrzFields = {
    documentType: documentTypeOf(documentCode),
    documentCode,
    issuingState,
    documentNumber: documentNumber.value,
    surname,
    givenNames,
    nationality,
    birthDate,
    sex,
    expiryDate,
    optionalData,
    optionalData2: optionalData2(context),
    personalNumber: layout.format === 'TD3' && optionalData !== '' ? optionalData : null,
  };
  return {
    fields,
    checks: collectChecks(context, documentNumber.check),
    errors: context.errors,
    warnings: context.warnings,
  };
}
