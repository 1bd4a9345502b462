import type { MrzIssue } from './mrz.types.js';
import type { Charset, MrzLayout } from './mrz-layouts.js';

// The confusions OCR-B readers make most; each side maps to the shape it is mistaken for.
const TO_DIGIT: Readonly<Record<string, string>> = {
  O: '0',
  Q: '0',
  D: '0',
  I: '1',
  Z: '2',
  S: '5',
  G: '6',
  B: '8',
};
const TO_LETTER: Readonly<Record<string, string>> = {
  '0': 'O',
  '1': 'I',
  '2': 'Z',
  '5': 'S',
  '6': 'G',
  '8': 'B',
};

function correct(text: string, charset: Charset): string {
  const table = charset === 'numeric' ? TO_DIGIT : charset === 'alpha' ? TO_LETTER : null;
  if (table === null) return text;
  return [...text].map((character) => table[character] ?? character).join('');
}

function replaceAt(line: string, start: number, replacement: string): string {
  return line.slice(0, start - 1) + replacement + line.slice(start - 1 + replacement.length);
}

/** Rewrites letters in numeric fields as digits and digits in letter fields as letters, with a warning each. */
export function autocorrect(
  layout: MrzLayout,
  lines: readonly string[],
): { lines: string[]; warnings: MrzIssue[] } {
  const corrected = [...lines];
  const warnings: MrzIssue[] = [];
  for (const span of layout.spans) {
    const line = corrected[span.line - 1] ?? '';
    const before = line.slice(span.start - 1, span.start - 1 + span.length);
    const after = correct(before, span.charset);
    if (after === before) continue;
    corrected[span.line - 1] = replaceAt(line, span.start, after);
    warnings.push({
      line: span.line,
      field: span.field,
      code: 'autocorrected',
      position: span.start,
      message: `line ${span.line} position ${span.start} (${span.field}${span.checkDigit ? ' check digit' : ''}): read ${JSON.stringify(before)} as ${JSON.stringify(after)}`,
    });
  }
  return { lines: corrected, warnings };
}
