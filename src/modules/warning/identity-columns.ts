/**
 * The identity columns of a passenger row, as bulk screening reads them from CSV and the web sends them. No
 * imports, so the web bundle takes it without the warning schemas.
 */
export const IDENTITY_COLUMNS = [
  'surname',
  'givenNames',
  'nativeName',
  'sex',
  'birthDate',
  'nationality',
  'documentType',
  'documentNumber',
  'issuingState',
] as const;
