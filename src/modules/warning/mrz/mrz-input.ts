import { isMrzCharacter } from './check-digit.js';
import type { MrzIssue } from './mrz.types.js';
import { fieldAt, layoutFor, type MrzLayout } from './mrz-layouts.js';

/** The zone's layout and its lines, or why none fits. */
export type MrzShape =
  | { ok: true; layout: MrzLayout; lines: string[] }
  | { ok: false; layout: MrzLayout | null; errors: MrzIssue[] };

const KNOWN_LENGTHS = '30 (TD1), 36 (TD2, MRV-B) or 44 (TD3, MRV-A)';

/** Splits text into upper-cased MRZ lines, dropping surrounding whitespace, CR and blank lines. */
export function mrzLines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim().toUpperCase())
    .filter((line) => line.length > 0);
}

// Some scanners send the whole zone as one line; the total length tells which layout it was.
function unjoin(lines: string[]): string[] {
  const only = lines[0];
  if (lines.length !== 1 || only === undefined) return lines;
  const width = { 90: 30, 72: 36, 88: 44 }[only.length];
  if (width === undefined) return lines;
  const parts: string[] = [];
  for (let start = 0; start < only.length; start += width) parts.push(only.slice(start, start + width));
  return parts;
}

function lineIssue(
  line: number,
  code: 'line_count' | 'line_length' | 'unknown_length',
  message: string,
  values: MrzIssue['values'],
): MrzIssue {
  return { line, field: 'mrz', code, message, values };
}

function shapeErrors(layout: MrzLayout, lines: readonly string[]): MrzIssue[] {
  const errors: MrzIssue[] = [];
  if (lines.length > layout.lineCount) {
    errors.push(
      lineIssue(
        layout.lineCount + 1,
        'line_count',
        `a ${layout.format} MRZ has ${layout.lineCount} lines, found ${lines.length}`,
        { lines: lines.length, expected: layout.lineCount },
      ),
    );
  }
  if (lines.length < layout.lineCount) {
    errors.push(
      lineIssue(
        lines.length + 1,
        'line_count',
        `line ${lines.length + 1} is missing: a ${layout.format} MRZ has ${layout.lineCount} lines of ${layout.lineLength} characters`,
        { lines: lines.length, expected: layout.lineCount },
      ),
    );
  }
  lines.slice(0, layout.lineCount).forEach((line, index) => {
    if (line.length !== layout.lineLength) {
      errors.push(
        lineIssue(
          index + 1,
          'line_length',
          `line ${index + 1} has ${line.length} characters; a ${layout.format} MRZ needs ${layout.lineLength}`,
          { length: line.length, expected: layout.lineLength },
        ),
      );
    }
  });
  return errors;
}

/** Finds the layout from the first line's length and document code, and checks every line fits it. */
export function shapeOf(text: string): MrzShape {
  const lines = unjoin(mrzLines(text));
  const first = lines[0];
  if (first === undefined) {
    return {
      ok: false,
      layout: null,
      errors: [{ line: 1, field: 'mrz', code: 'empty', message: 'the input holds no MRZ line' }],
    };
  }
  const layout = layoutFor(first.length, first.charAt(0));
  if (layout === null) {
    const message = `unknown MRZ format: line 1 has ${first.length} characters; expected ${KNOWN_LENGTHS}`;
    // the lengths a zone may have are part of each language's wording, not a value
    const values = { length: first.length };
    return { ok: false, layout: null, errors: [lineIssue(1, 'unknown_length', message, values)] };
  }
  const errors = shapeErrors(layout, lines);
  return errors.length > 0 ? { ok: false, layout, errors } : { ok: true, layout, lines };
}

/** One error per character outside A-Z, 0-9 and <, naming the field it falls in. */
export function characterErrors(layout: MrzLayout, lines: readonly string[]): MrzIssue[] {
  const errors: MrzIssue[] = [];
  lines.forEach((line, index) => {
    [...line].forEach((character, column) => {
      if (isMrzCharacter(character)) return;
      const position = column + 1;
      const field = fieldAt(layout, index + 1, position)?.field ?? 'mrz';
      errors.push({
        line: index + 1,
        field,
        code: 'character',
        position,
        message: `line ${index + 1} position ${position} (${field}) holds ${JSON.stringify(character)}; an MRZ allows only A-Z, 0-9 and <`,
        values: { character },
      });
    });
  });
  return errors;
}
