export { computeCheckDigit } from './check-digit.js';
export { type CrossingIdentity, toCrossingIdentity } from './crossing-identity.js';
export { formatMrzJson, type MrzJson } from './format-mrz-json.js';
export type {
  CheckDigitResult,
  CheckedField,
  DocumentType,
  MrzFailure,
  MrzFieldName,
  MrzFields,
  MrzFormat,
  MrzIssue,
  MrzIssueCode,
  MrzParseOptions,
  MrzResult,
  MrzSex,
  MrzSuccess,
} from './mrz.types.js';
export { MRZ_ERROR_CODES, MRZ_FIELD_NAMES, MRZ_FORMATS } from './mrz.types.js';
export { parseMrz, parseMrzDocuments } from './parse-mrz.js';
