import { invalid } from '../../../core/errors.js';

/** How many leading bytes are enough to tell text from binary and to guess the delimiter. */
export const SNIFF_BYTES = 8192;

const SIGNATURES: ReadonlyArray<{ bytes: readonly number[]; what: string }> = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (an XLSX workbook? import it as .xlsx)' },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0],
    what: 'a legacy Excel (.xls) or Office file; save it as CSV UTF-8 or .xlsx',
  },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0xff, 0xfe], what: 'UTF-16 text; save it as CSV UTF-8' },
  { bytes: [0xfe, 0xff], what: 'UTF-16 text; save it as CSV UTF-8' },
];

const DELIMITERS = [',', ';', '\t'] as const;
export type CsvDelimiter = (typeof DELIMITERS)[number];

// A few stray control characters survive in real exports (form feeds, DOS end-of-file marks); binary data has many.
const MAX_CONTROL_SHARE = 0.01;

/**
 * Refuses, with a file-level error, a file whose first bytes show it is not CSV text,
 * and returns the delimiter its first line uses.
 */
export function sniffCsv(head: Uint8Array, wholeFile: boolean): CsvDelimiter {
  if (head.length === 0) throw invalid('situation.import_empty', 'the file is empty');
  const signature = SIGNATURES.find(({ bytes }) => bytes.every((byte, index) => head[index] === byte));
  if (signature) throw notCsv(`the file is ${signature.what}, not CSV`);
  if (head.includes(0)) throw notCsv('the file contains binary data (NUL bytes), not CSV text');
  let text: string;
  try {
    // In a cut-off head the last character may be split; streaming mode leaves it undecoded instead of failing.
    text = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: !wholeFile });
  } catch {
    throw notCsv('the file is not UTF-8 text; save it as "CSV UTF-8"');
  }
  if (countControlCharacters(text) > text.length * MAX_CONTROL_SHARE) {
    throw notCsv('the file contains binary data (control characters), not CSV text');
  }
  return guessDelimiter(text.split(/\r?\n/, 1)[0] ?? '');
}

const ALLOWED_CONTROLS = new Set([0x09, 0x0a, 0x0c, 0x0d]);

function countControlCharacters(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if ((code < 0x20 && !ALLOWED_CONTROLS.has(code)) || code === 0x7f) count++;
  }
  return count;
}

function guessDelimiter(headerLine: string): CsvDelimiter {
  let best: CsvDelimiter = ',';
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    const count = headerLine.split(delimiter).length - 1;
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

function notCsv(message: string) {
  return invalid('situation.import_not_csv', message);
}
