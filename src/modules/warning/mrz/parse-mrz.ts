import type { CheckDigitResult, MrzIssue, MrzParseOptions, MrzResult } from './mrz.types.js';
import { autocorrect } from './mrz-autocorrect.js';
import { verify } from './mrz-checks.js';
import { readFields } from './mrz-fields.js';
import { characterErrors, shapeOf } from './mrz-input.js';

const DEFAULT_EXPIRY_WINDOW_YEARS = 50;

const byPlace = (a: MrzIssue, b: MrzIssue) => a.line - b.line || (a.position ?? 0) - (b.position ?? 0);

/** Parses one ICAO 9303 machine-readable zone (TD1, TD2, TD3, MRV-A or MRV-B) and verifies its check digits. */
export function parseMrz(text: string, options: MrzParseOptions = {}): MrzResult {
  const shape = shapeOf(text);
  if (!shape.ok) {
    return {
      ok: false,
      ...(shape.layout ? { format: shape.layout.format } : {}),
      errors: shape.errors,
      warnings: [],
    };
  }
  const { layout } = shape;
  const corrected = options.autocorrect
    ? autocorrect(layout, shape.lines)
    : { lines: shape.lines, warnings: [] };
  const reading = readFields(
    layout,
    corrected.lines,
    options.now ?? new Date(),
    options.expiryWindowYears ?? DEFAULT_EXPIRY_WINDOW_YEARS,
  );
  const checks: CheckDigitResult[] = [];
  const errors: MrzIssue[] = [...characterErrors(layout, corrected.lines), ...reading.errors];
  const warnings: MrzIssue[] = [...corrected.warnings, ...reading.warnings];
  for (const spec of reading.checks) {
    const outcome = verify(spec);
    if (outcome === null) continue;
    checks.push(outcome.result);
    if (outcome.error) errors.push(outcome.error);
    if (outcome.warning) warnings.push(outcome.warning);
  }
  errors.sort(byPlace);
  warnings.sort(byPlace);
  if (errors.length > 0)
    return { ok: false, format: layout.format, fields: reading.fields, checks, errors, warnings };
  return { ok: true, format: layout.format, fields: reading.fields, checks, warnings };
}

/** Parses several zones from one text (as read on stdin), one per block of lines separated by a blank line. */
export function parseMrzDocuments(text: string, options: MrzParseOptions = {}): MrzResult[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .filter((block) => block.trim().length > 0)
    .map((block) => parseMrz(block, options));
}
