import { base64url } from 'jose';
import { type Envelope, type NewEnvelope, newEnvelope, type RecipientKey } from './envelope.js';
import { generateNodeKeys, type NodeKeySet } from './keys.js';
import type { TrustedKey, TrustedKeyLookup } from './verification.js';

/** A node as the tests see it: its agency code and its own keys. */
export type TestNode = { agency: string; keys: NodeKeySet };

export async function buildNode(agency: string): Promise<TestNode> {
  return { agency, keys: await generateNodeKeys(agency) };
}

/** The signing keys of a node as a peer's trust store would hold them. */
export const trustedSigningKeys = (node: TestNode): TrustedKey[] => [{ jwk: node.keys.signing.publicJwk }];

/** A trust list that knows each given node by its current signing key. */
export function trustListOf(...nodes: TestNode[]): TrustedKeyLookup {
  const byAgency = new Map(nodes.map((node) => [node.agency, trustedSigningKeys(node)]));
  return (agency) => byAgency.get(agency);
}

export const recipientKeyOf = (node: TestNode): RecipientKey => ({
  agency: node.agency,
  jwk: node.keys.encryption.publicJwk,
});

export function buildEnvelope(overrides: Partial<NewEnvelope> = {}, now = new Date()): Envelope {
  return newEnvelope(
    {
      from: 'CN-NIA',
      to: ['MN-GABP'],
      type: 'liaison.message',
      body: { subject: 'Port hours', text: 'Erenhot closes at 18:00 on Friday.' },
      ...overrides,
    },
    now,
  );
}

/** Re-encodes the payload of a compact JWS while keeping header and signature, as an attacker on the wire would. */
export function tamperPayload(jws: string, change: (payload: Record<string, unknown>) => void): string {
  const [header, payload, signature] = jws.split('.');
  const decoded = JSON.parse(new TextDecoder().decode(base64url.decode(payload ?? ''))) as Record<
    string,
    unknown
  >;
  change(decoded);
  return [header, base64url.encode(JSON.stringify(decoded)), signature].join('.');
}

export const secondsBefore = (instant: Date, seconds: number) => new Date(instant.getTime() - seconds * 1000);
export const secondsAfter = (instant: Date, seconds: number) => new Date(instant.getTime() + seconds * 1000);
