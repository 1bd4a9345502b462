import type { MrzFieldName, MrzFormat } from './mrz.types.js';

/** What a field may hold once read correctly; autocorrection only touches `alpha` and `numeric` spans. */
export type Charset = 'alpha' | 'numeric' | 'alnum' | 'any';

/** A run of characters in the zone; `line` and `start` are 1-based as in ICAO 9303. */
export interface Span {
  line: number;
  start: number;
  length: number;
}

export interface FieldSpan extends Span {
  field: MrzFieldName;
  charset: Charset;
  /** True for a check-digit position rather than data. */
  checkDigit?: boolean;
}

export interface MrzLayout {
  format: MrzFormat;
  lineCount: number;
  lineLength: number;
  /** Every position of the zone, in reading order, each in exactly one span. */
  spans: readonly FieldSpan[];
  /** Spans concatenated for the composite check digit, absent on visas. */
  compositeParts: readonly Span[] | null;
  /** TD1 and TD2 let a document number longer than 9 characters continue in the optional data. */
  documentNumberOverflow: boolean;
}

const span = (
  field: MrzFieldName,
  line: number,
  start: number,
  length: number,
  charset: Charset,
  checkDigit = false,
): FieldSpan => ({ field, line, start, length, charset, ...(checkDigit ? { checkDigit } : {}) });

function headerAndName(lineLength: number): FieldSpan[] {
  return [
    span('documentCode', 1, 1, 2, 'alpha'),
    span('issuingState', 1, 3, 3, 'alpha'),
    span('name', 1, 6, lineLength - 5, 'alpha'),
  ];
}

// Line 2 of TD2, TD3 and both visas shares its first 28 positions (ICAO 9303 Parts 4, 6 and 7).
function secondLineStart(): FieldSpan[] {
  return [
    span('documentNumber', 2, 1, 9, 'alnum'),
    span('documentNumber', 2, 10, 1, 'numeric', true),
    span('nationality', 2, 11, 3, 'alpha'),
    span('birthDate', 2, 14, 6, 'numeric'),
    span('birthDate', 2, 20, 1, 'numeric', true),
    span('sex', 2, 21, 1, 'any'),
    span('expiryDate', 2, 22, 6, 'numeric'),
    span('expiryDate', 2, 28, 1, 'numeric', true),
  ];
}

const TD1: MrzLayout = {
  format: 'TD1',
  lineCount: 3,
  lineLength: 30,
  spans: [
    span('documentCode', 1, 1, 2, 'alpha'),
    span('issuingState', 1, 3, 3, 'alpha'),
    span('documentNumber', 1, 6, 9, 'alnum'),
    span('documentNumber', 1, 15, 1, 'numeric', true),
    span('optionalData', 1, 16, 15, 'alnum'),
    span('birthDate', 2, 1, 6, 'numeric'),
    span('birthDate', 2, 7, 1, 'numeric', true),
    span('sex', 2, 8, 1, 'any'),
    span('expiryDate', 2, 9, 6, 'numeric'),
    span('expiryDate', 2, 15, 1, 'numeric', true),
    span('nationality', 2, 16, 3, 'alpha'),
    span('optionalData2', 2, 19, 11, 'alnum'),
    span('composite', 2, 30, 1, 'numeric', true),
    span('name', 3, 1, 30, 'alpha'),
  ],
  compositeParts: [
    { line: 1, start: 6, length: 25 },
    { line: 2, start: 1, length: 7 },
    { line: 2, start: 9, length: 7 },
    { line: 2, start: 19, length: 11 },
  ],
  documentNumberOverflow: true,
};

const TD2: MrzLayout = {
  format: 'TD2',
  lineCount: 2,
  lineLength: 36,
  spans: [
    ...headerAndName(36),
    ...secondLineStart(),
    span('optionalData', 2, 29, 7, 'alnum'),
    span('composite', 2, 36, 1, 'numeric', true),
  ],
  compositeParts: [
    { line: 2, start: 1, length: 10 },
    { line: 2, start: 14, length: 7 },
    { line: 2, start: 22, length: 14 },
  ],
  documentNumberOverflow: true,
};

const TD3: MrzLayout = {
  format: 'TD3',
  lineCount: 2,
  lineLength: 44,
  spans: [
    ...headerAndName(44),
    ...secondLineStart(),
    span('personalNumber', 2, 29, 14, 'alnum'),
    span('personalNumber', 2, 43, 1, 'numeric', true),
    span('composite', 2, 44, 1, 'numeric', true),
  ],
  compositeParts: [
    { line: 2, start: 1, length: 10 },
    { line: 2, start: 14, length: 7 },
    { line: 2, start: 22, length: 22 },
  ],
  documentNumberOverflow: false,
};

const MRV_A: MrzLayout = {
  format: 'MRV-A',
  lineCount: 2,
  lineLength: 44,
  spans: [...headerAndName(44), ...secondLineStart(), span('optionalData', 2, 29, 16, 'alnum')],
  compositeParts: null,
  documentNumberOverflow: false,
};

const MRV_B: MrzLayout = {
  format: 'MRV-B',
  lineCount: 2,
  lineLength: 36,
  spans: [...headerAndName(36), ...secondLineStart(), span('optionalData', 2, 29, 8, 'alnum')],
  compositeParts: null,
  documentNumberOverflow: false,
};

export const LAYOUTS: Readonly<Record<MrzFormat, MrzLayout>> = {
  TD1,
  TD2,
  TD3,
  'MRV-A': MRV_A,
  'MRV-B': MRV_B,
};

/** The layout for a zone of this line length whose first character is `firstCharacter`; visas start with V. */
export function layoutFor(lineLength: number, firstCharacter: string): MrzLayout | null {
  const visa = firstCharacter === 'V';
  if (lineLength === 30) return TD1;
  if (lineLength === 36) return visa ? MRV_B : TD2;
  if (lineLength === 44) return visa ? MRV_A : TD3;
  return null;
}

/** The field a 1-based position belongs to. */
export function fieldAt(layout: MrzLayout, line: number, position: number): FieldSpan | undefined {
  return layout.spans.find((s) => s.line === line && position >= s.start && position < s.start + s.length);
}

/** The characters of a span. */
export function slice(lines: readonly string[], s: Span): string {
  return (lines[s.line - 1] ?? '').slice(s.start - 1, s.start - 1 + s.length);
}
