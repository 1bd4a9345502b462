import { type Static, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { AppError, invalid } from '../../core/errors.js';
import { DEFAULT_MAX_AGE_SECONDS } from './crypto/index.js';
import type { FederationDeps } from './federation.deps.js';
import { DeliveryRequest } from './federation.schema.js';
import * as store from './federation.store.js';
import { applyReceipt, deliveryRequest } from './outbox.js';
import { receiveDelivery } from './receive.js';

export const BUNDLE_FORMAT = 'borderlink-bundle';

const BundleSchema = Type.Object(
  {
    format: Type.Literal(BUNDLE_FORMAT),
    v: Type.Literal(1),
    from: Type.String(),
    to: Type.String(),
    createdAt: Type.String(),
    deliveries: Type.Array(DeliveryRequest),
    receipts: Type.Array(Type.String()),
  },
  { additionalProperties: false },
);

/**
 * An offline transfer file: deliveries signed at export (so `sentAt` is fresh for `maxAge`, 7 days) and the
 * receipts we gave for what the peer sent us lately. Everything in it is signed; the file itself needs no seal.
 */
export type Bundle = Static<typeof BundleSchema>;

export interface ImportReport {
  new: number;
  duplicate: number;
  refused: number;
  receiptsApplied: number;
  receiptsKnown: number;
  receiptsRefused: number;
}

/**
 * The pending deliveries for a peer and our recent receipts for it. Rows stay pending: whichever way arrives
 * first (the bundle or the link) is stored, the other is answered as a duplicate.
 */
export async function exportBundle(deps: FederationDeps, peer: string, limit = 100_000): Promise<Bundle> {
  const row = await store.findPeer(deps.db, peer);
  if (row?.status !== 'active' || row.mode !== 'node') {
    throw invalid('federation.not_a_node_peer', `${peer} is not an active node peer`);
  }
  const deliveries = [];
  for (const pending of await store.pendingForPeer(deps.db, peer, limit)) {
    deliveries.push(await deliveryRequest(deps, pending.envelope, pending.attempts + 1));
  }
  const since = new Date(Date.now() - DEFAULT_MAX_AGE_SECONDS * 1000).toISOString();
  const receipts = (await store.inboxReceiptsFrom(deps.db, peer, since)).map((r) => r.receipt);
  return {
    format: BUNDLE_FORMAT,
    v: 1,
    from: deps.agency,
    to: peer,
    createdAt: new Date().toISOString(),
    deliveries,
    receipts,
  };
}

/** Parses a bundle file's text; throws `federation.bundle_invalid` on anything else. */
export function parseBundle(text: string): Bundle {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalid('federation.bundle_invalid', 'the file is not a Borderlink bundle (not JSON)');
  }
  if (!Value.Check(BundleSchema, parsed)) {
    const first = Value.Errors(BundleSchema, parsed).First();
    throw invalid(
      'federation.bundle_invalid',
      `the file is not a Borderlink bundle${first ? ` (${first.path}: ${first.message})` : ''}`,
    );
  }
  return parsed;
}

/** Imports a bundle addressed to us: each delivery as if it came over HTTP, then the receipts it carries. */
export async function importBundle(deps: FederationDeps, bundle: Bundle): Promise<ImportReport> {
  if (bundle.to !== deps.agency) {
    throw invalid(
      'federation.bundle_not_for_us',
      `the bundle is for ${bundle.to}, this node is ${deps.agency}`,
    );
  }
  const report: ImportReport = {
    new: 0,
    duplicate: 0,
    refused: 0,
    receiptsApplied: 0,
    receiptsKnown: 0,
    receiptsRefused: 0,
  };
  for (const delivery of bundle.deliveries) {
    try {
      const outcome = await receiveDelivery(deps, delivery, 'bundle');
      if (outcome.duplicate) report.duplicate += 1;
      else if (outcome.status === 'delivered') report.new += 1;
      else report.refused += 1;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.code === 'federation.replay') report.duplicate += 1;
      else report.refused += 1;
    }
  }
  for (const receipt of bundle.receipts) {
    const applied = await applyReceipt(deps, receipt);
    if (applied === 'applied') report.receiptsApplied += 1;
    else if (applied === 'known') report.receiptsKnown += 1;
    else report.receiptsRefused += 1;
  }
  return report;
}
