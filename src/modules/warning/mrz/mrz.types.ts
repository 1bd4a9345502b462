/** The ICAO 9303 machine-readable zone layouts this parser reads. */
export const MRZ_FORMATS = ['TD1', 'TD2', 'TD3', 'MRV-A', 'MRV-B'] as const;
export type MrzFormat = (typeof MRZ_FORMATS)[number];

export type DocumentType = 'passport' | 'id_card' | 'visa' | 'other';

/** `X` stands for both MRZ spellings of "unspecified": the filler `<` and the letter `X`. */
export type MrzSex = 'M' | 'F' | 'X';

/** Fields that carry a check digit of their own, plus the composite over the whole zone. */
export type CheckedField = 'documentNumber' | 'birthDate' | 'expiryDate' | 'personalNumber' | 'composite';

/** The fields of a zone; `mrz` names the zone itself, for what no one field holds (its lines, its fillers). */
export const MRZ_FIELD_NAMES = [
  'documentCode',
  'issuingState',
  'documentNumber',
  'name',
  'nationality',
  'birthDate',
  'sex',
  'expiryDate',
  'optionalData',
  'optionalData2',
  'personalNumber',
  'composite',
] as const;
export type MrzFieldName = (typeof MRZ_FIELD_NAMES)[number];

/** What makes a zone unreadable. */
export const MRZ_ERROR_CODES = [
  'empty',
  'line_count',
  'line_length',
  'unknown_length',
  'character',
  'check_digit',
  'document_code',
  'state_code',
  'date',
  'sex',
  'document_number',
] as const;

export type MrzIssueCode =
  | (typeof MRZ_ERROR_CODES)[number]
  | 'filler_included_in_check'
  | 'unknown_date'
  | 'expired'
  | 'name_truncated'
  | 'name_digits'
  | 'empty_surname'
  | 'unusual_document_code'
  | 'autocorrected';

/**
 * One finding; `line` and `position` are 1-based, `position` is the column of the offending character. An error
 * whose English `message` says more than its line, position and field has that in `values`, for a client to word
 * it in its reader's language: `lines` and `expected` (line_count), `length` and `expected` (line_length),
 * `length` (unknown_length, a first line no format has),
 * `character`, `actual` and `expected` (check_digit), `value`, the field as printed (document_code, state_code,
 * date, sex).
 */
export interface MrzIssue {
  line: number;
  field: MrzFieldName | 'mrz';
  code: MrzIssueCode;
  message: string;
  position?: number;
  values?: Readonly<Record<string, string | number>>;
}

export interface CheckDigitResult {
  field: CheckedField;
  /** The digit the data computes to (ICAO 9303 Part 3, weights 7-3-1). */
  expected: string;
  /** The character printed in the zone. */
  actual: string;
  valid: boolean;
  line: number;
  position: number;
}

/**
 * Dates are ISO 8601 at the precision the zone gives: `1974-08-12`, `1974-08` when the day is unknown
 * (`<<`), `1974` when day and month are; null when the whole date is fillers or unreadable.
 */
export interface MrzFields {
  documentType: DocumentType;
  documentCode: string;
  issuingState: string;
  documentNumber: string;
  surname: string;
  givenNames: string;
  nationality: string;
  birthDate: string | null;
  /** Null only in a failed result, when the sex position holds something else than M, F, X or <. */
  sex: MrzSex | null;
  expiryDate: string | null;
  /** Issuer's optional data (TD1 line 1 after any document-number overflow; TD3 personal-number field). */
  optionalData: string;
  /** TD1 only: the optional data of line 2. */
  optionalData2: string | null;
  /** TD3 only: the personal-number field when it is not empty. */
  personalNumber: string | null;
}

export interface MrzSuccess {
  ok: true;
  format: MrzFormat;
  fields: MrzFields;
  checks: CheckDigitResult[];
  warnings: MrzIssue[];
}

export interface MrzFailure {
  ok: false;
  format?: MrzFormat;
  fields?: MrzFields;
  checks?: CheckDigitResult[];
  errors: MrzIssue[];
  warnings: MrzIssue[];
}

export type MrzResult = MrzSuccess | MrzFailure;

export interface MrzParseOptions {
  /** "Today" for the century rules and the expiry warning; defaults to the current time. */
  now?: Date;
  /** Expiry years are read within this many years either side of `now` (default 50). */
  expiryWindowYears?: number;
  /** Undo common OCR confusions (O/0, I/1, Z/2, S/5, G/6, B/8) in fields whose character class is fixed. */
  autocorrect?: boolean;
}
