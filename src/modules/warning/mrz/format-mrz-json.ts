import type { CheckDigitResult, MrzFields, MrzFormat, MrzIssue, MrzResult } from './mrz.types.js';

/** The object `borderlink mrz parse` prints per document: every key always present, null when unknown. */
export interface MrzJson {
  ok: boolean;
  format: MrzFormat | null;
  fields: MrzFields | null;
  checks: CheckDigitResult[];
  errors: MrzIssue[];
  warnings: MrzIssue[];
}

/** Shapes a parse result for JSON output with a stable set of keys, so scripts need no presence checks. */
export function formatMrzJson(result: MrzResult): MrzJson {
  if (result.ok) {
    return {
      ok: true,
      format: result.format,
      fields: result.fields,
      checks: result.checks,
      errors: [],
      warnings: result.warnings,
    };
  }
  return {
    ok: false,
    format: result.format ?? null,
    fields: result.fields ?? null,
    checks: result.checks ?? [],
    errors: result.errors,
    warnings: result.warnings,
  };
}
