import { XMLParser } from 'fast-xml-parser';

/** An element with namespace prefixes dropped: enough for CAP, whose schema has already fixed every name. */
export interface XmlElement {
  name: string;
  children: XmlElement[];
  /** The element's own character data, references decoded, CDATA taken verbatim. */
  text: string;
}

const TEXT = '#text';
const CDATA = '#cdata';

// Entity processing is off: no DTD is ever read, and the five predefined entities and character references are
// decoded below, per text node, so CDATA content is never decoded by mistake.
const parser = new XMLParser({
  preserveOrder: true,
  removeNSPrefix: true,
  ignoreAttributes: true,
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  cdataPropName: CDATA,
});

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Parses a document that the schema check has accepted and returns its root element. */
export function parseXmlTree(text: string): XmlElement {
  const nodes: unknown = parser.parse(text);
  const root = toElements(nodes)[0];
  if (!root) throw new Error('the document has no root element');
  return root;
}

/** The first child named `name`, if any. */
export function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((candidate) => candidate.name === name);
}

/** Every child named `name`, in document order. */
export function children(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((candidate) => candidate.name === name);
}

function toElements(nodes: unknown): XmlElement[] {
  if (!Array.isArray(nodes)) return [];
  const elements: XmlElement[] = [];
  for (const node of nodes) {
    if (typeof node !== 'object' || node === null) continue;
    for (const [key, value] of Object.entries(node)) {
      if (key === TEXT || key === CDATA || key === ':@') continue;
      const kids: unknown[] = Array.isArray(value) ? value : [];
      elements.push({ name: key, children: toElements(kids), text: ownText(kids) });
    }
  }
  return elements;
}

function ownText(nodes: unknown[]): string {
  let text = '';
  for (const node of nodes) {
    if (typeof node !== 'object' || node === null) continue;
    const record = node as Record<string, unknown>;
    if (TEXT in record) text += decodeReferences(String(record[TEXT]));
    if (CDATA in record) text += cdataText(record[CDATA]);
  }
  return text;
}

function cdataText(value: unknown): string {
  if (!Array.isArray(value)) return '';
  return value
    .map((part) =>
      typeof part === 'object' && part !== null ? String((part as Record<string, unknown>)[TEXT] ?? '') : '',
    )
    .join('');
}

function decodeReferences(text: string): string {
  return text.replace(/&(#x[0-9A-Fa-f]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (all, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(Number.parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(Number.parseInt(ref.slice(1), 10));
    return PREDEFINED[ref] ?? all;
  });
}
