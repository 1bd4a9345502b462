import { login, NodeApi, sessionRequest } from './http.js';
import type { RunningNode } from './nodes.js';
import { RISK_THRESHOLDS } from './scenario.js';
import { AGENCIES, type AgencyCode, geographyWrites, SCO_RATS } from './topology.js';

/** The officers created on every node; each signs in with the demo password. */
export const DEMO_USERS = [
  { username: 'liaison', roles: ['liaison_officer'], personalData: true, label: 'liaison officer' },
  { username: 'port', roles: ['port_officer'], personalData: true, label: 'port officer' },
  { username: 'patrol', roles: ['patrol_commander'], personalData: true, label: 'patrol commander' },
  { username: 'analyst', roles: ['analyst'], personalData: false, label: 'analyst' },
] as const;
export type DemoUser = (typeof DEMO_USERS)[number]['username'];

/** A node with one API client per officer (machine clients use API tokens, never sessions). */
export interface DemoNode {
  code: AgencyCode;
  url: string;
  admin: NodeApi;
  as: Record<DemoUser, NodeApi>;
}

/**
 * Prepares one node through its API: its own agency's names and zone, the counterparts and SCO RATS in the
 * directory, the synthetic geography, the officers and their API tokens.
 */
export async function prepareNode(node: RunningNode, password: string): Promise<DemoNode> {
  const session = await login(node.url, 'admin', password);
  const adminToken = await mintToken(node.url, session, 'admin', 'demo admin client');
  const admin = new NodeApi(node.url, adminToken);
  const own = node.agency;
  await admin.request('PATCH', `/api/v1/directory/agencies/${own.code}`, {
    json: { names: own.names, language: own.language, timeZone: own.timeZone, country: own.country },
  });
  for (const other of AGENCIES.filter((a) => a.code !== own.code)) {
    await admin.post('/api/v1/directory/agencies', {
      code: other.code,
      kind: 'counterpart',
      country: other.country,
      names: other.names,
      language: other.language,
      timeZone: other.timeZone,
    });
  }
  await admin.post('/api/v1/directory/agencies', SCO_RATS);
  for (const write of geographyWrites()) await admin.put(write.path, write.body);
  // Port status changes and risk level changes go to the counterparts at once, not as drafts to review.
  await admin.request('PATCH', '/api/v1/situation/settings', {
    json: { sendNotifications: true, riskThresholds: RISK_THRESHOLDS },
  });
  const tokens: Partial<Record<DemoUser, NodeApi>> = {};
  for (const user of DEMO_USERS) {
    await admin.post('/api/v1/users', {
      username: user.username,
      displayName: `${own.code} ${user.label}`,
      password,
      language: own.language,
      roles: [...user.roles],
      personalData: user.personalData,
    });
    tokens[user.username] = admin.as(
      await mintToken(node.url, session, user.username, `demo ${user.label} client`),
    );
  }
  return { code: own.code, url: node.url, admin, as: tokens as Record<DemoUser, NodeApi> };
}

async function mintToken(
  url: string,
  session: { cookie: string; csrf: string },
  username: string,
  name: string,
): Promise<string> {
  const created = await sessionRequest<{ token: string }>(url, session, 'POST', '/api/v1/tokens', {
    username,
    name,
  });
  return created.token;
}

/** Makes every node trust every other: each node's keys are read and added as a peer on the others. */
export async function federate(nodes: readonly DemoNode[]): Promise<void> {
  const keys = await Promise.all(
    nodes.map((node) =>
      node.admin.get<{ code: string; url: string; fingerprint: string }>('/api/v1/federation/keys'),
    ),
  );
  for (const node of nodes) {
    for (const peer of keys.filter((k) => k.code !== node.code)) {
      const agency = AGENCIES.find((a) => a.code === peer.code);
      await node.admin.post('/api/v1/federation/peers', {
        code: peer.code,
        url: peer.url,
        fingerprint: peer.fingerprint,
        ...(agency && { language: agency.language }),
      });
    }
  }
}
