import type { ApiClient } from '../../../../test/support/http-client.js';
import type { TestNode } from '../../../../test/support/nodes.js';
import { adminOf, trustPeer } from '../../federation/test-support/federation-nodes.js';
import type { BodyOf, NotificationType } from '../bodies/index.js';

const AGENCIES: Record<
  string,
  { country: string; names: Record<string, string>; language: string; timeZone: string }
> = {
  'CN-NIA': {
    country: 'CN',
    names: {
      zh: '国家移民管理局',
      en: 'National Immigration Administration',
      ru: 'Национальное иммиграционное управление',
    },
    language: 'zh',
    timeZone: 'Asia/Shanghai',
  },
  'MN-GABP': {
    country: 'MN',
    names: { en: 'General Authority for Border Protection', ru: 'Главное управление охраны границы' },
    language: 'ru',
    timeZone: 'Asia/Ulaanbaatar',
  },
  'RU-FSB': {
    country: 'RU',
    names: { ru: 'Пограничная служба ФСБ', en: 'FSB Border Service' },
    language: 'ru',
    timeZone: 'Asia/Irkutsk',
  },
  'KZ-KNB': {
    country: 'KZ',
    names: { en: 'Border Service of Kazakhstan', ru: 'Пограничная служба Казахстана' },
    language: 'ru',
    timeZone: 'Asia/Almaty',
  },
};

/** Enters counterpart agencies in a node's directory (as its administrator would). */
export async function addCounterparts(node: TestNode, codes: readonly string[]): Promise<void> {
  const admin = await adminOf(node);
  for (const code of codes) {
    const agency = AGENCIES[code];
    if (!agency) throw new Error(`no test agency ${code}`);
    const created = await admin.post('/api/v1/directory/agencies', { code, kind: 'counterpart', ...agency });
    if (created.status !== 201) throw new Error(`could not add ${code} at ${node.code}: ${created.text}`);
  }
}

/** Adds a peer without a node: its copies are rendered for e-mail or fax. */
export async function addManualPeer(
  node: TestNode,
  code: string,
  options: { language: 'zh' | 'en' | 'ru'; email?: string },
): Promise<void> {
  const added = await (await adminOf(node)).post('/api/v1/federation/peers', {
    code,
    mode: 'manual',
    ...options,
  });
  if (added.status !== 201) throw new Error(`could not add manual peer ${code}: ${added.text}`);
}

/** Two nodes that know each other as counterparts and trust each other's keys. */
export async function linkNodes(a: TestNode, b: TestNode): Promise<void> {
  await addCounterparts(a, [b.code]);
  await addCounterparts(b, [a.code]);
  await trustPeer(a, b, { language: 'ru' });
  await trustPeer(b, a, { language: 'zh' });
}

/** A request to create a notification; override any field. */
export function newNotification<T extends NotificationType = 'liaison.message'>(
  overrides: {
    type?: T;
    to?: string[];
    priority?: string;
    body?: BodyOf<T> | unknown;
    text?: string;
    inReplyTo?: string;
    draft?: boolean;
    attachments?: unknown;
  } = {},
) {
  return {
    type: 'liaison.message',
    to: ['MN-GABP'],
    priority: 'routine',
    body: { subject: 'Erenhot port hours', text: 'Erenhot closes at 18:00 on Friday for disinfection.' },
    ...overrides,
  };
}

/** Creates a notification and returns its id, failing the test with the server's answer otherwise. */
export async function createOrThrow(client: ApiClient, request: Record<string, unknown>): Promise<string> {
  const created = await client.post<{ id: string }>('/api/v1/notifications', request);
  if (created.status !== 201) throw new Error(`create failed: ${created.status} ${created.text}`);
  return created.body.id;
}
