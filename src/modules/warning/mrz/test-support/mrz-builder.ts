import { computeCheckDigit } from '../check-digit.js';

/** What a test document says, in MRZ spelling: dates as YYMMDD, names as plain words. */
export interface MrzSpec {
  documentCode: string;
  issuingState: string;
  surname: string;
  givenNames: string;
  documentNumber: string;
  nationality: string;
  birthDate: string;
  sex: 'M' | 'F' | '<';
  expiryDate: string;
  optionalData: string;
  optionalData2: string;
}

const defaults: MrzSpec = {
  documentCode: 'P',
  issuingState: 'CHN',
  surname: 'ZHANG',
  givenNames: 'WEI',
  documentNumber: 'E12345678',
  nationality: 'CHN',
  birthDate: '850315',
  sex: 'M',
  expiryDate: '300101',
  optionalData: '',
  optionalData2: '',
};

function pad(text: string, length: number): string {
  if (text.length > length)
    throw new RangeError(`${JSON.stringify(text)} does not fit in ${length} characters`);
  return text.padEnd(length, '<');
}

function mrzName(surname: string, givenNames: string, length: number): string {
  const words = (text: string) => text.trim().split(/\s+/).filter(Boolean).join('<');
  return pad(`${words(surname)}<<${words(givenNames)}`, length);
}

/** A spec with test defaults (a PRC passport) and the given overrides. */
export function buildMrzSpec(overrides: Partial<MrzSpec> = {}): MrzSpec {
  return { ...defaults, ...overrides };
}

/** A TD3 (passport) zone with correct check digits. */
export function buildTd3(overrides: Partial<MrzSpec> = {}): string[] {
  const spec = buildMrzSpec(overrides);
  const number = pad(spec.documentNumber, 9);
  const personal = pad(spec.optionalData, 14);
  const personalCheck = spec.optionalData === '' ? '<' : computeCheckDigit(personal);
  const withDigit = (data: string) => data + computeCheckDigit(data);
  const line2 = `${withDigit(number)}${pad(spec.nationality, 3)}${withDigit(spec.birthDate)}${spec.sex}${withDigit(spec.expiryDate)}${personal}${personalCheck}`;
  const composite = computeCheckDigit(line2.slice(0, 10) + line2.slice(13, 20) + line2.slice(21, 43));
  return [
    `${pad(spec.documentCode, 2)}${pad(spec.issuingState, 3)}${mrzName(spec.surname, spec.givenNames, 39)}`,
    line2 + composite,
  ];
}

/** A TD2 card zone with correct check digits. */
export function buildTd2(overrides: Partial<MrzSpec> = {}): string[] {
  const spec = buildMrzSpec({ documentCode: 'I', ...overrides });
  const withDigit = (data: string) => data + computeCheckDigit(data);
  const line2 = `${withDigit(pad(spec.documentNumber, 9))}${pad(spec.nationality, 3)}${withDigit(spec.birthDate)}${spec.sex}${withDigit(spec.expiryDate)}${pad(spec.optionalData, 7)}`;
  const composite = computeCheckDigit(line2.slice(0, 10) + line2.slice(13, 20) + line2.slice(21, 35));
  return [
    `${pad(spec.documentCode, 2)}${pad(spec.issuingState, 3)}${mrzName(spec.surname, spec.givenNames, 31)}`,
    line2 + composite,
  ];
}

/** A TD1 card zone with correct check digits, spilling a document number over 9 characters as ICAO 9303 Part 5 says. */
export function buildTd1(overrides: Partial<MrzSpec> = {}): string[] {
  const spec = buildMrzSpec({ documentCode: 'I', ...overrides });
  const withDigit = (data: string) => data + computeCheckDigit(data);
  const long = spec.documentNumber.length > 9;
  const overflow = `${spec.documentNumber.slice(9)}${computeCheckDigit(spec.documentNumber)}<${spec.optionalData}`;
  const numberAndOptional = long
    ? `${spec.documentNumber.slice(0, 9)}<${pad(overflow, 15)}`
    : `${withDigit(pad(spec.documentNumber, 9))}${pad(spec.optionalData, 15)}`;
  const line1 = `${pad(spec.documentCode, 2)}${pad(spec.issuingState, 3)}${numberAndOptional}`;
  const line2Start = `${withDigit(spec.birthDate)}${spec.sex}${withDigit(spec.expiryDate)}${pad(spec.nationality, 3)}${pad(spec.optionalData2, 11)}`;
  const composite = computeCheckDigit(
    line1.slice(5) + line2Start.slice(0, 7) + line2Start.slice(8, 15) + line2Start.slice(18, 29),
  );
  return [line1, line2Start + composite, mrzName(spec.surname, spec.givenNames, 30)];
}

/** A visa zone (MRV-A with 44 characters a line, MRV-B with 36), which has no composite check digit. */
export function buildVisa(kind: 'MRV-A' | 'MRV-B', overrides: Partial<MrzSpec> = {}): string[] {
  const spec = buildMrzSpec({ documentCode: 'V', ...overrides });
  const width = kind === 'MRV-A' ? 44 : 36;
  const withDigit = (data: string) => data + computeCheckDigit(data);
  const line2 = `${withDigit(pad(spec.documentNumber, 9))}${pad(spec.nationality, 3)}${withDigit(spec.birthDate)}${spec.sex}${withDigit(spec.expiryDate)}${pad(spec.optionalData, width - 28)}`;
  return [
    `${pad(spec.documentCode, 2)}${pad(spec.issuingState, 3)}${mrzName(spec.surname, spec.givenNames, width - 5)}`,
    line2,
  ];
}

/** The zone with one character replaced, `line` and `position` 1-based. */
export function withCharacterAt(
  lines: readonly string[],
  line: number,
  position: number,
  character: string,
): string[] {
  return lines.map((text, index) =>
    index === line - 1 ? text.slice(0, position - 1) + character + text.slice(position) : text,
  );
}

/** A different digit than `digit`, for breaking a check digit on purpose. */
export function otherDigit(digit: string): string {
  return String((Number(digit) + 1) % 10);
}
