import type { Actor } from '../../core/auth/roles.js';
import type { Db } from '../../core/db/database.js';
import type { NodeContext, Worker } from '../../core/module.js';
import { readAttachment, storeAttachment } from './attachments.js';
import type { FederationApi, MessageHandlers, PeerView } from './federation.contract.js';
import { type FederationDeps, RECORD_ONLY_HANDLERS } from './federation.deps.js';
import type { DeliveryRequest, NewPeer, OwnKeys, Peer } from './federation.schema.js';
import * as store from './federation.store.js';
import { NodeIdentity } from './node-identity.js';
import { enqueue } from './outbox.js';
import { OutboxWorker } from './outbox-worker.js';
import { type ReceivedVia, type ReceiveOutcome, receiveDelivery } from './receive.js';
import { federationRetentionWorker } from './retention.js';
import * as trust from './trust.js';

/** Federation as the composition root, the routes and other modules use it. */
export interface Federation extends FederationApi {
  readonly deps: FederationDeps;
  readonly worker: OutboxWorker;
  /** Deletes settled outbox rows and old inbox rows past `config.federation.retentionDays`. */
  readonly retention: Worker;
  /** Replaces the handlers (exchange registers its own once it is built). */
  useHandlers(handlers: MessageHandlers): void;
  /** Delivers due work now; call after the transaction that enqueued has committed. */
  kick(): void;
  ownKeys(): Promise<OwnKeys>;
  addPeer(actor: Actor, input: NewPeer): Promise<Peer>;
  removePeer(actor: Actor, code: string): Promise<void>;
  listPeerDetails(): Promise<Peer[]>;
  receive(request: DeliveryRequest, via: ReceivedVia): Promise<ReceiveOutcome>;
  status(): Promise<{
    outbox: Record<string, Record<string, number>>;
    inbox: Record<string, Record<string, number>>;
  }>;
}

/** Builds federation for a node (or a CLI command): keys, trust list, inbox, outbox and its worker. */
export async function createFederation(
  context: Pick<NodeContext, 'config' | 'db' | 'log'>,
  handlers: MessageHandlers = RECORD_ONLY_HANDLERS,
): Promise<Federation> {
  const { config, db, log } = context;
  const settings = config.federation;
  const identity = new NodeIdentity(db, config.nodeCode, settings.keysSecret);
  await identity.ensure();
  let current = handlers;
  const deps: FederationDeps = {
    db,
    agency: config.nodeCode,
    publicUrl: config.publicUrl,
    dataDir: config.dataDir,
    log: log.child({ module: 'federation' }),
    identity,
    settings,
    handlers: () => current,
  };
  const worker = new OutboxWorker(deps);
  const kickSoon = () => {
    // The caller's transaction commits after enqueue returns; look a moment later, and the poll catches the rest.
    setTimeout(() => worker.kick(), 5).unref();
  };
  return {
    deps,
    worker,
    retention: federationRetentionWorker(db, deps.log, {
      retentionDays: settings.retentionDays,
      // Read on every run: exchange registers its handlers (and so its personal-data types) after this.
      isPersonalDataType: (type) => current.isPersonalDataType?.(type) ?? false,
    }),
    useHandlers(next) {
      current = next;
    },
    kick: () => worker.kick(),
    async enqueue(trx: Db, message) {
      await enqueue(deps, trx, message);
      kickSoon();
    },
    getPeer: (trx: Db, code: string): Promise<PeerView | null> => trust.getPeer(trx, code),
    listPeers: (trx: Db) => trust.listPeers(trx),
    storeAttachment: (bytes, meta) => storeAttachment(config.dataDir, bytes, meta),
    readAttachment: (sha256) => readAttachment(config.dataDir, sha256),
    async ownKeys() {
      const fingerprint = await identity.fingerprint();
      return {
        code: config.nodeCode,
        url: config.publicUrl,
        fingerprint: fingerprint.canonical,
        fingerprintDisplay: fingerprint.display,
      };
    },
    async addPeer(actor, input) {
      const peer = await trust.addPeer(db, actor, input);
      worker.resetPeer(peer.code);
      return peer;
    },
    removePeer: (actor, code) => trust.removePeer(db, actor, code),
    async listPeerDetails() {
      return (await store.listPeers(db)).map(trust.toPeer);
    },
    receive: (request, via) => receiveDelivery(deps, request, via),
    async status() {
      const outbox: Record<string, Record<string, number>> = {};
      for (const row of await store.outboxCounts(db)) {
        outbox[row.peer] = { ...outbox[row.peer], [row.status]: Number(row.count) };
      }
      const inbox: Record<string, Record<string, number>> = {};
      for (const row of await store.inboxCounts(db)) {
        inbox[row.sender] = { ...inbox[row.sender], [row.status]: Number(row.count) };
      }
      return { outbox, inbox };
    },
  };
}
