import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../../../core/paths.js';
import type { CapExportNotification } from '../cap-notification.js';

const fixturesDir = path.join(projectRoot, 'test', 'fixtures', 'cap');

export type FixtureFolder =
  | 'examples/spec'
  | 'examples/real'
  | 'examples/real-nonconforming'
  | 'examples/wrapped'
  | 'negative';

/** Every file of a fixture folder, as raw bytes (encodings are part of what is tested). */
export function fixtureFiles(folder: FixtureFolder): Array<{ name: string; bytes: Buffer }> {
  const dir = path.join(fixturesDir, folder);
  return readdirSync(dir)
    .sort()
    .map((name) => ({ name, bytes: readFileSync(path.join(dir, name)) }));
}

/** One fixture file's bytes. */
export function fixture(folder: FixtureFolder, name: string): Buffer {
  return readFileSync(path.join(fixturesDir, folder, name));
}

export interface CapXmlParts {
  prefix: string;
  identifier: string;
  status: string;
  msgType: string;
  scope: string;
  alertExtras: string;
  references: string;
  category: string;
  urgency: string;
  severity: string;
  headline: string;
  description: string;
  infoExtras: string;
  area: string;
}

/** A small, schema-valid CAP 1.2 alert; each override replaces one part (raw XML, so tests can inject markup). */
export function buildCapXml(overrides: Partial<CapXmlParts> = {}): string {
  const p: CapXmlParts = {
    prefix: '',
    identifier: 'MN-GABP-2024-0001',
    status: 'Actual',
    msgType: 'Alert',
    scope: 'Public',
    alertExtras: '',
    references: '',
    category: 'Health',
    urgency: 'Expected',
    severity: 'Severe',
    headline: 'Quarantine extended at Erenhot',
    description: 'Arrivals are quarantined for 14 days.',
    infoExtras: '',
    area: '<area><areaDesc>Erenhot</areaDesc><polygon>43.6,111.9 43.7,112.0 43.6,112.1 43.6,111.9</polygon></area>',
    ...overrides,
  };
  const t = (name: string) => (p.prefix ? `${p.prefix}:${name}` : name);
  const ns = p.prefix ? `xmlns:${p.prefix}` : 'xmlns';
  const wrap = (name: string, value: string) => (value ? `<${t(name)}>${value}</${t(name)}>` : '');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<${t('alert')} ${ns}="urn:oasis:names:tc:emergency:cap:1.2">`,
    wrap('identifier', p.identifier),
    wrap('sender', 'liaison@mn-gabp.example'),
    wrap('sent', '2024-03-01T08:00:00+08:00'),
    wrap('status', p.status),
    wrap('msgType', p.msgType),
    wrap('scope', p.scope),
    p.alertExtras,
    p.references,
    `<${t('info')}>`,
    wrap('language', 'en'),
    wrap('category', p.category),
    wrap('event', 'Quarantine measures'),
    wrap('urgency', p.urgency),
    wrap('severity', p.severity),
    wrap('certainty', 'Observed'),
    wrap('headline', p.headline),
    wrap('description', p.description),
    p.infoExtras,
    p.prefix
      ? p.area.replaceAll('<', `<${p.prefix}:`).replaceAll(`<${p.prefix}:/`, `</${p.prefix}:`)
      : p.area,
    `</${t('info')}>`,
    `</${t('alert')}>`,
  ].join('\n');
}

/** An outgoing notification as the exchange module would hand it to `notificationToCap`. */
export function buildExportNotification(
  overrides: Partial<CapExportNotification> = {},
): CapExportNotification {
  return {
    id: '01907d3c-8a7e-7cc0-9a52-6b0f3f1e2a10',
    type: 'measures.update',
    priority: 'urgent',
    createdAt: '2024-03-01T00:30:00.123Z',
    senderAgency: 'CN-NIA',
    senderName: 'National Immigration Administration',
    subject: 'Entry measures at Erenhot port',
    text: 'All arrivals are tested on entry.',
    language: 'en',
    ...overrides,
  };
}
