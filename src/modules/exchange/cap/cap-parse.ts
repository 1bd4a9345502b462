import { AppError } from '../../../core/errors.js';
import { readCapText } from './cap-input.js';
import {
  type CapAlert,
  type CapArea,
  type CapCircle,
  type CapInfo,
  type CapMsgType,
  type CapPoint,
  type CapProblem,
  type CapReference,
  type CapResource,
  type CapValuePair,
  capCategories,
  capCertainties,
  capMsgTypes,
  capResponseTypes,
  capScopes,
  capSeverities,
  capStatuses,
  capUrgencies,
} from './cap-model.js';
import { checkAgainstSchema } from './cap-validate.js';
import { child, children, parseXmlTree, type XmlElement } from './xml-tree.js';

/** The XSD's pattern for every CAP time: seconds, a numeric offset, no `Z`, no fractions. */
const CAP_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[-+]\d{2}:\d{2}$/;
/** CAP 1.2 §3.2.1: identifier and sender must not hold spaces, commas or the restricted `<` and `&`. */
const RESTRICTED_CHARACTERS = /[\s,<&]/;
/** CAP 1.2 §3.2.1 defines these message types by "the earlier message(s) identified in <references>". */
const REFERRING_MSG_TYPES: ReadonlySet<CapMsgType> = new Set(['Update', 'Cancel', 'Ack', 'Error']);

/**
 * Imports a CAP 1.2 alert: input guard, OASIS schema, then the CAP rules the schema cannot express.
 * Throws `exchange.cap_invalid` naming the first problem, with all of them in `details.errors`.
 */
export async function parseCapAlert(xml: string | Buffer): Promise<CapAlert> {
  const read = readCapText(xml);
  if (!read.ok) throw capInvalid(read.errors);
  const validation = await checkAgainstSchema(read.text);
  if (!validation.ok) throw capInvalid(validation.errors);
  const problems: CapProblem[] = [];
  const alert = toAlert(parseXmlTree(read.text), problems);
  if (problems.length > 0) throw capInvalid(problems);
  return alert;
}

function capInvalid(errors: CapProblem[]): AppError {
  const first = errors[0];
  const where = first?.line === undefined ? '' : `line ${first.line}: `;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return new AppError(
    'invalid',
    'exchange.cap_invalid',
    `CAP alert refused: ${where}${first?.message}${more}`,
    {
      errors,
    },
  );
}

function toAlert(root: XmlElement, problems: CapProblem[]): CapAlert {
  const alert: CapAlert = {
    identifier: required(root, 'identifier'),
    sender: required(root, 'sender'),
    sent: required(root, 'sent'),
    status: oneOf(capStatuses, required(root, 'status')),
    msgType: oneOf(capMsgTypes, required(root, 'msgType')),
    ...optional(root, 'source'),
    scope: oneOf(capScopes, required(root, 'scope')),
    ...optional(root, 'restriction'),
    ...optional(root, 'addresses'),
    codes: children(root, 'code').map((code) => code.text.trim()),
    ...optional(root, 'note'),
    references: toReferences(child(root, 'references'), problems),
    ...optional(root, 'incidents'),
    info: children(root, 'info').map((info) => toInfo(info, problems)),
    signed: child(root, 'Signature') !== undefined,
  };
  checkAlertRules(alert, problems);
  return alert;
}

function toInfo(info: XmlElement, problems: CapProblem[]): CapInfo {
  return {
    language: child(info, 'language')?.text.trim() || 'en-US',
    categories: children(info, 'category').map((category) => oneOf(capCategories, category.text.trim())),
    event: required(info, 'event'),
    responseTypes: children(info, 'responseType').map((type) => oneOf(capResponseTypes, type.text.trim())),
    urgency: oneOf(capUrgencies, required(info, 'urgency')),
    severity: oneOf(capSeverities, required(info, 'severity')),
    certainty: oneOf(capCertainties, required(info, 'certainty')),
    ...optional(info, 'audience'),
    eventCodes: valuePairs(info, 'eventCode'),
    ...optional(info, 'effective'),
    ...optional(info, 'onset'),
    ...optional(info, 'expires'),
    ...optional(info, 'senderName'),
    ...optional(info, 'headline'),
    ...optional(info, 'description'),
    ...optional(info, 'instruction'),
    ...optional(info, 'web'),
    ...optional(info, 'contact'),
    parameters: valuePairs(info, 'parameter'),
    resources: children(info, 'resource').map(toResource),
    areas: children(info, 'area').map((area) => toArea(area, problems)),
  };
}

function toResource(resource: XmlElement): CapResource {
  const size = child(resource, 'size')?.text.trim();
  return {
    resourceDesc: required(resource, 'resourceDesc'),
    mimeType: required(resource, 'mimeType'),
    ...(size ? { size: Number(size) } : {}),
    ...optional(resource, 'uri'),
    ...optional(resource, 'digest'),
  };
}

function toArea(area: XmlElement, problems: CapProblem[]): CapArea {
  const altitude = child(area, 'altitude')?.text.trim();
  const ceiling = child(area, 'ceiling')?.text.trim();
  return {
    areaDesc: required(area, 'areaDesc'),
    polygons: children(area, 'polygon').flatMap((polygon) => toPolygon(polygon.text, problems)),
    circles: children(area, 'circle').flatMap((circle) => toCircle(circle.text, problems)),
    geocodes: valuePairs(area, 'geocode'),
    ...(altitude ? { altitude: Number(altitude) } : {}),
    ...(ceiling ? { ceiling: Number(ceiling) } : {}),
  };
}

/** CAP 1.2 §3.2.4: at least four `lat,lon` pairs, the first equal to the last. */
function toPolygon(text: string, problems: CapProblem[]): CapPoint[][] {
  const pairs = text.trim().split(/\s+/);
  const points = pairs.map(toPoint);
  if (points.some((point) => point === undefined)) {
    problems.push({
      message: `polygon holds a coordinate pair that is not "lat,lon" in range: "${clip(text)}"`,
    });
    return [];
  }
  const ring = points as CapPoint[];
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (ring.length < 4 || !first || !last || first.lat !== last.lat || first.lon !== last.lon) {
    problems.push({
      message: `polygon must have at least 4 points and end where it starts: "${clip(text)}"`,
    });
    return [];
  }
  return [ring];
}

/** CAP 1.2 §3.2.4: `lat,lon radius`, radius in kilometres. */
function toCircle(text: string, problems: CapProblem[]): CapCircle[] {
  const [centre, radius, extra] = text.trim().split(/\s+/);
  const center = centre === undefined ? undefined : toPoint(centre);
  const radiusKm = radius === undefined ? Number.NaN : Number(radius);
  if (!center || extra !== undefined || !Number.isFinite(radiusKm) || radiusKm < 0) {
    problems.push({ message: `circle must be "lat,lon radius": "${clip(text)}"` });
    return [];
  }
  return [{ center, radiusKm }];
}

function toPoint(pair: string): CapPoint | undefined {
  const match = /^(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)$/.exec(pair);
  if (!match) return undefined;
  const lat = Number(match[1]);
  const lon = Number(match[2]);
  return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? { lat, lon } : undefined;
}

/** CAP 1.2 §3.2.1: whitespace-separated `sender,identifier,sent` triples (producers write `<references/>` for none). */
function toReferences(references: XmlElement | undefined, problems: CapProblem[]): CapReference[] {
  const parsed: CapReference[] = [];
  for (const entry of references?.text.trim().split(/\s+/).filter(Boolean) ?? []) {
    const [sender, identifier, sent, extra] = entry.split(',');
    if (!sender || !identifier || !sent || extra !== undefined || !CAP_DATE_TIME.test(sent)) {
      problems.push({ message: `reference "${clip(entry)}" is not "sender,identifier,sent"` });
    } else {
      parsed.push({ sender, identifier, sent });
    }
  }
  return parsed;
}

function checkAlertRules(alert: CapAlert, problems: CapProblem[]): void {
  for (const field of ['identifier', 'sender'] as const) {
    if (RESTRICTED_CHARACTERS.test(alert[field])) {
      problems.push({
        message: `${field} "${clip(alert[field])}" must not contain spaces, commas, "<" or "&"`,
      });
    }
  }
  if (REFERRING_MSG_TYPES.has(alert.msgType) && alert.references.length === 0) {
    problems.push({ message: `msgType ${alert.msgType} must reference the earlier message(s) it acts on` });
  }
  if (alert.scope === 'Restricted' && !alert.restriction) {
    problems.push({ message: 'scope is Restricted but the alert has no restriction text' });
  }
  if (alert.scope === 'Private' && !alert.addresses) {
    problems.push({ message: 'scope is Private but the alert has no addresses' });
  }
}

function valuePairs(parent: XmlElement, name: string): CapValuePair[] {
  return children(parent, name).map((pair) => ({
    valueName: required(pair, 'valueName'),
    value: required(pair, 'value'),
  }));
}

/** The schema guarantees the element; an empty one reads as ''. */
function required(parent: XmlElement, name: string): string {
  return child(parent, name)?.text.trim() ?? '';
}

/** Leaves the key out when the element is absent or empty, as CAP producers use `<note/>` for "none". */
function optional<K extends string>(parent: XmlElement, name: K): { [P in K]?: string } {
  const text = child(parent, name)?.text.trim();
  return (text ? { [name]: text } : {}) as { [P in K]?: string };
}

/** The schema has already restricted the value to the list; this only narrows the type. */
function oneOf<T extends string>(values: readonly T[], value: string): T {
  const found = values.find((candidate) => candidate === value);
  if (found === undefined)
    throw new Error(`"${value}" passed the CAP schema but is not one of ${values.join(', ')}`);
  return found;
}

function clip(text: string): string {
  const flat = text.trim().replace(/\s+/g, ' ');
  return flat.length > 80 ? `${flat.slice(0, 77)}...` : flat;
}
