import { TextDecoder } from 'node:util';
import type { CapProblem } from './cap-model.js';

export type CapText = { ok: true; text: string } | { ok: false; errors: CapProblem[] };

const XINCLUDE_NAMESPACES = ['http://www.w3.org/2001/XInclude', 'http://www.w3.org/2003/XInclude'];
const ENCODING_IN_PROLOG = /^(<\?xml\s[^?]*?encoding\s*=\s*)(["'])([A-Za-z][A-Za-z0-9._-]*)\2/;

/**
 * Turns raw bytes or text into UTF-8-ready text and refuses DTDs, entity declarations and XInclude before any
 * XML tool sees the document, so nothing external can ever be resolved whatever the tool's defaults.
 */
export function readCapText(input: string | Buffer): CapText {
  const decoded = typeof input === 'string' ? { ok: true as const, text: input } : decodeBytes(input);
  if (!decoded.ok) return decoded;
  const text = declareUtf8(decoded.text.replace(/^\uFEFF/, ''));
  const errors = findUnsafeMarkup(text);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, text };
}

/** Honours a BOM or the prolog's `encoding` (ISO-8859-1, windows-1252, UTF-16…), as an XML parser would. */
function decodeBytes(bytes: Buffer): CapText {
  const label = sniffEncoding(bytes);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    return refuse(`the XML declares encoding "${label}", which is not supported`, 1);
  }
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    return refuse(`the document is not valid ${label} text`, undefined);
  }
}

function sniffEncoding(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0x3c && bytes[1] === 0x00) return 'utf-16le';
  if (bytes[0] === 0x00 && bytes[1] === 0x3c) return 'utf-16be';
  // Every encoding a declaration may name here is ASCII-compatible up to the declaration itself.
  const head = bytes.subarray(0, 256).toString('latin1');
  return ENCODING_IN_PROLOG.exec(head)?.[3]?.toLowerCase() ?? 'utf-8';
}

/** The text is handed on as UTF-8, so a stale `encoding="ISO-8859-1"` would make the tools misread it. */
function declareUtf8(text: string): string {
  return text.replace(
    ENCODING_IN_PROLOG,
    (_all, start: string, quote: string) => `${start}${quote}UTF-8${quote}`,
  );
}

/**
 * Outside comments and CDATA, `<!` can only open a declaration (DOCTYPE, ENTITY, ELEMENT, ATTLIST, NOTATION):
 * CAP needs none, and they are how external entities and entity bombs get in.
 */
function findUnsafeMarkup(text: string): CapProblem[] {
  const errors: CapProblem[] = [];
  let at = text.indexOf('<!');
  while (at !== -1) {
    if (text.startsWith('<!--', at)) {
      at = skipPast(text, at, '-->');
    } else if (text.startsWith('<![CDATA[', at)) {
      at = skipPast(text, at, ']]>');
    } else {
      const keyword = /^<!([A-Za-z]+)/.exec(text.slice(at, at + 20))?.[1] ?? '';
      errors.push({
        line: lineOf(text, at),
        message: `<!${keyword}> declarations are refused: CAP alerts carry no DTD, and no DTD or external entity is ever resolved`,
      });
      break;
    }
    at = at === -1 ? -1 : text.indexOf('<!', at);
  }
  // Searched in the whole text, CDATA included: a false alarm on prose quoting the namespace is an acceptable price.
  for (const namespace of XINCLUDE_NAMESPACES) {
    const found = text.indexOf(namespace);
    if (found !== -1) {
      errors.push({
        line: lineOf(text, found),
        message: 'XInclude is refused: CAP alerts include nothing, and no XInclude is ever resolved',
      });
    }
  }
  return errors;
}

function skipPast(text: string, from: number, end: string): number {
  const found = text.indexOf(end, from + 2);
  return found === -1 ? -1 : found + end.length;
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function refuse(message: string, line: number | undefined): CapText {
  return { ok: false, errors: [line === undefined ? { message } : { line, message }] };
}
