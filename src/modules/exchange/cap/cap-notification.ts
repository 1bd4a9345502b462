import { AppError } from '../../../core/errors.js';
import {
  CAP_NAMESPACE,
  type CapAlert,
  type CapCertainty,
  type CapInfo,
  type CapPoint,
  type CapSeverity,
  type CapUrgency,
} from './cap-model.js';

export const notificationPriorities = ['routine', 'urgent', 'flash'] as const;
export type NotificationPriority = (typeof notificationPriorities)[number];

/** Where an imported notification came from, so replies and updates can reference the original alert. */
export interface CapOrigin {
  identifier: string;
  sender: string;
  sent: string;
}

export interface LiaisonMessageBody {
  subject: string;
  text: string;
}

/** Proposed `measures.update` body for a Health alert; the exchange module owns the final schema. */
export interface MeasuresUpdateBody {
  subject: string;
  text: string;
  areas: Array<{ areaDesc: string; polygons: CapPoint[][] }>;
  effective?: string;
  expires?: string;
}

export type CapImportedNotification = {
  priority: NotificationPriority;
  /** The sender's free text (description, then instruction), shown beside the structured body. */
  text: string;
  cap: CapOrigin;
} & (
  | { type: 'liaison.message'; body: LiaisonMessageBody }
  | { type: 'measures.update'; body: MeasuresUpdateBody }
);

/** Notification types whose content is public-health information; personal-data types never leave as CAP. */
export const capExportableTypes = [
  'measures.update',
  'port.policy',
  'situation.daily',
  'liaison.message',
] as const;
export type CapExportableType = (typeof capExportableTypes)[number];

/** What `notificationToCap` needs; the exchange module maps its stored notification onto this. */
export interface CapExportNotification {
  id: string;
  type: string;
  priority: NotificationPriority;
  /** ISO 8601 instant. */
  createdAt: string;
  /** Agency code such as `CN-NIA`. */
  senderAgency: string;
  senderName: string;
  subject: string;
  text: string;
  language: 'zh' | 'en' | 'ru';
  areas?: Array<{ areaDesc: string; polygon?: CapPoint[] }>;
  expiresAt?: string;
}

export interface CapExportOptions {
  /** Who may see the alert; CAP requires it with scope Restricted. */
  restriction?: string;
}

const DEFAULT_RESTRICTION =
  'Borderlink liaison: for the border and immigration agencies it is addressed to; not for public release.';
const TYPE_PARAMETER = 'borderlink:notificationType';

const PRIORITY_RANK: Record<NotificationPriority, number> = { routine: 0, urgent: 1, flash: 2 };

const CAP_LEVELS: Record<
  NotificationPriority,
  { urgency: CapUrgency; severity: CapSeverity; certainty: CapCertainty }
> = {
  flash: { urgency: 'Immediate', severity: 'Extreme', certainty: 'Observed' },
  urgent: { urgency: 'Expected', severity: 'Severe', certainty: 'Likely' },
  routine: { urgency: 'Future', severity: 'Moderate', certainty: 'Possible' },
};

/** CAP's `<event>` names the kind of message in the alert's own language. */
const EVENT_NAMES: Record<CapExportableType, Record<CapExportNotification['language'], string>> = {
  'measures.update': {
    en: 'Epidemic prevention and control measures',
    zh: '疫情防控措施',
    ru: 'Меры профилактики и контроля эпидемии',
  },
  'port.policy': {
    en: 'Port of entry control policy',
    zh: '口岸管控政策',
    ru: 'Режим работы пункта пропуска',
  },
  'situation.daily': {
    en: 'Daily epidemic situation',
    zh: '每日疫情通报',
    ru: 'Ежедневная эпидемиологическая обстановка',
  },
  'liaison.message': { en: 'Liaison message', zh: '联络信息', ru: 'Сообщение офицера связи' },
};

/**
 * Maps an imported CAP alert onto a notification. Priority takes the most pressing `<info>`: Extreme severity
 * with Immediate urgency is flash, at least Severe with at least Expected is urgent, anything else routine;
 * test, exercise, system and draft alerts are always routine.
 */
export function capToNotification(
  alert: CapAlert,
  options: { languages?: readonly string[] } = {},
): CapImportedNotification {
  const info = pickInfo(alert.info, options.languages ?? []);
  const cap = { identifier: alert.identifier, sender: alert.sender, sent: alert.sent };
  const priority = alert.status === 'Actual' ? highestPriority(alert.info) : 'routine';
  const prefix = alert.status === 'Actual' ? '' : `[${alert.status}] `;
  if (!info) {
    // Cancel, Ack and Error messages may carry no <info>: what they say is in <note>.
    const text = alert.note ?? '';
    const subject = `${prefix}CAP ${alert.msgType} from ${alert.sender}`;
    return { type: 'liaison.message', priority, body: { subject, text }, text, cap };
  }
  const subject = `${prefix}${info.headline ?? info.event}`;
  const text = [info.description, info.instruction].filter(Boolean).join('\n\n');
  if (isMeasuresUpdate(info)) {
    const body: MeasuresUpdateBody = {
      subject,
      text,
      areas: info.areas.map((area) => ({ areaDesc: area.areaDesc, polygons: area.polygons })),
      ...(info.effective ? { effective: info.effective } : {}),
      ...(info.expires ? { expires: info.expires } : {}),
    };
    return { type: 'measures.update', priority, body, text, cap };
  }
  return { type: 'liaison.message', priority, body: { subject, text }, text, cap };
}

/** Priority for one `<info>`'s severity and urgency; exported so the mapping can be shown in the UI. */
export function priorityFor(severity: CapSeverity, urgency: CapUrgency): NotificationPriority {
  if (severity === 'Extreme' && urgency === 'Immediate') return 'flash';
  const severe = severity === 'Extreme' || severity === 'Severe';
  const soon = urgency === 'Immediate' || urgency === 'Expected';
  return severe && soon ? 'urgent' : 'routine';
}

function highestPriority(infos: CapInfo[]): NotificationPriority {
  let best: NotificationPriority = 'routine';
  for (const info of infos) {
    const priority = priorityFor(info.severity, info.urgency);
    if (PRIORITY_RANK[priority] > PRIORITY_RANK[best]) best = priority;
  }
  return best;
}

/** The `<info>` in the reader's language when there is one (`en` matches `en-US`), else the first. */
function pickInfo(infos: CapInfo[], languages: readonly string[]): CapInfo | undefined {
  for (const wanted of languages) {
    const primary = wanted.toLowerCase().split('-')[0];
    const found = infos.find((info) => info.language.toLowerCase().split('-')[0] === primary);
    if (found) return found;
  }
  return infos[0];
}

/** Our own exports say which type they came from; from elsewhere, a Health alert is a measure in an area. */
function isMeasuresUpdate(info: CapInfo): boolean {
  const declared = info.parameters.find((parameter) => parameter.valueName === TYPE_PARAMETER)?.value;
  if (declared === 'measures.update') return true;
  if (declared !== undefined) return false;
  return info.categories.includes('Health') && info.areas.length > 0;
}

/** Writes an alert-kind notification as a CAP 1.2 alert (scope Restricted, category Health). */
export function notificationToCap(
  notification: CapExportNotification,
  options: CapExportOptions = {},
): string {
  const type = exportableType(notification.type);
  const sender = `${notification.senderAgency}@borderlink`;
  requireCapToken('identifier', notification.id);
  requireCapToken('sender', sender);
  const levels = CAP_LEVELS[notification.priority];
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<alert xmlns="${CAP_NAMESPACE}">`,
    element(1, 'identifier', notification.id),
    element(1, 'sender', sender),
    element(1, 'sent', toCapTime('createdAt', notification.createdAt)),
    element(1, 'status', 'Actual'),
    element(1, 'msgType', 'Alert'),
    element(1, 'scope', 'Restricted'),
    element(1, 'restriction', options.restriction ?? DEFAULT_RESTRICTION),
    '  <info>',
    element(2, 'language', notification.language),
    element(2, 'category', 'Health'),
    element(2, 'event', EVENT_NAMES[type][notification.language]),
    element(2, 'urgency', levels.urgency),
    element(2, 'severity', levels.severity),
    element(2, 'certainty', levels.certainty),
    ...(notification.expiresAt
      ? [element(2, 'expires', toCapTime('expiresAt', notification.expiresAt))]
      : []),
    element(2, 'senderName', notification.senderName),
    element(2, 'headline', notification.subject),
    element(2, 'description', notification.text),
    '    <parameter>',
    element(3, 'valueName', TYPE_PARAMETER),
    element(3, 'value', type),
    '    </parameter>',
    ...(notification.areas ?? []).flatMap(areaLines),
    '  </info>',
    '</alert>',
  ];
  return `${lines.filter((line) => line !== '').join('\n')}\n`;
}

function exportableType(type: string): CapExportableType {
  const found = capExportableTypes.find((candidate) => candidate === type);
  if (!found) {
    throw new AppError(
      'invalid',
      'exchange.cap_not_exportable',
      `notifications of type ${type} are not exported as CAP; exportable: ${capExportableTypes.join(', ')}`,
      { type },
    );
  }
  return found;
}

function areaLines(area: { areaDesc: string; polygon?: CapPoint[] }): string[] {
  if (area.areaDesc.trim() === '') throw exportInvalid('every area needs a description (areaDesc)');
  return [
    '    <area>',
    element(3, 'areaDesc', area.areaDesc),
    ...(area.polygon ? [element(3, 'polygon', capPolygon(area.polygon))] : []),
    '    </area>',
  ];
}

/** CAP wants a closed ring of at least four points; an open ring is closed here rather than refused. */
function capPolygon(points: CapPoint[]): string {
  const bad = points.find((point) => !(Math.abs(point.lat) <= 90 && Math.abs(point.lon) <= 180));
  if (bad) throw exportInvalid(`polygon point ${JSON.stringify(bad)} is outside WGS 84 latitude/longitude`);
  const first = points[0];
  const last = points[points.length - 1];
  const closed =
    first && last && (first.lat !== last.lat || first.lon !== last.lon) ? [...points, first] : points;
  if (closed.length < 4) throw exportInvalid('a polygon needs at least three distinct points');
  return closed.map((point) => `${coordinate(point.lat)},${coordinate(point.lon)}`).join(' ');
}

/** Plain decimals: `String(1e-7)` would write an exponent CAP readers do not expect. */
function coordinate(value: number): string {
  return String(Number(value.toFixed(6)));
}

/** CAP times carry seconds and an offset, never `Z` or fractions; UTC is written `-00:00` (CAP 1.2 §3.3.2). */
function toCapTime(field: string, iso: string): string {
  const instant = new Date(iso);
  const written = Number.isNaN(instant.getTime()) ? '' : instant.toISOString();
  if (!/^\d{4}-/.test(written)) throw exportInvalid(`${field} "${iso}" is not an ISO 8601 instant`);
  return `${written.slice(0, 19)}-00:00`;
}

function requireCapToken(field: string, value: string): void {
  if (value === '' || /[\s,<&]/.test(value)) {
    throw exportInvalid(`${field} "${value}" must be non-empty, without spaces, commas, "<" or "&"`);
  }
}

/** One element on its own line; empty values are dropped so optional CAP elements are simply absent. */
function element(depth: number, name: string, value: string): string {
  const text = escapeXml(withoutNonXmlCharacters(value).trim());
  return text === '' ? '' : `${'  '.repeat(depth)}<${name}>${text}</${name}>`;
}

/** XML 1.0 cannot carry control codes or lone surrogates at all (they arrive pasted from elsewhere). */
function withoutNonXmlCharacters(value: string): string {
  return value.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
}

/** A raw CR would be normalised to LF by any XML parser; a character reference keeps it. */
function escapeXml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;');
}

function exportInvalid(message: string): AppError {
  return new AppError('invalid', 'exchange.cap_export_invalid', `cannot export as CAP: ${message}`);
}
