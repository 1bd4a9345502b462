import { Type } from '@sinclair/typebox';
import { actorOf } from '../../core/http/access.js';
import type { HttpApp } from '../../core/http/app.js';
import { problemFor } from '../../core/http/problem.js';
import { AgencyCode, ErrorResponses } from '../../core/http/schemas.js';
import { MAX_ATTACHMENTS_TOTAL_BYTES } from './attachments.js';
import type { Federation } from './federation.js';
import {
  BatchAnswer,
  DeliveryBatch,
  DeliveryRequest,
  FederationStatus,
  NewPeer,
  OwnKeys,
  Peer,
  ReceiptResponse,
} from './federation.schema.js';
import { BATCH_PATH, MESSAGES_PATH } from './outbox.js';
import { ANNOUNCEMENT_PATH, JWKS_PATH } from './trust.js';

const PUBLIC = { public: true } as const;
const ADMIN = { roles: ['admin'] } as const;
const ANYONE = { roles: 'any' } as const;
const tags = ['federation'];
// Attachments travel base64 inside the delivery request (4/3 of their size), plus room for the envelope.
const DELIVERY_BODY_LIMIT = Math.ceil((MAX_ATTACHMENTS_TOTAL_BYTES * 4) / 3) + 4 * 1024 * 1024;

const Jwks = Type.Object({ keys: Type.Array(Type.Record(Type.String(), Type.Unknown())) });
const GeneralJws = Type.Object({
  payload: Type.String(),
  signatures: Type.Array(Type.Record(Type.String(), Type.Unknown())),
});

/** Keys, the trust list, and the node-to-node delivery endpoint. */
export function federationRoutes(federation: Federation) {
  return (app: HttpApp) => {
    app.get(
      JWKS_PATH,
      {
        config: { access: PUBLIC },
        schema: { tags, response: { 200: Jwks } },
      },
      async () => federation.deps.identity.jwks(),
    );
    app.get(
      ANNOUNCEMENT_PATH,
      {
        config: { access: PUBLIC },
        schema: {
          tags,
          description: 'The JWKS signed by every published signing key, so peers adopt rotated keys safely',
          response: { 200: GeneralJws },
        },
      },
      async () => federation.deps.identity.announcement(),
    );
    app.get(
      '/api/v1/federation/keys',
      { config: { access: ANYONE }, schema: { tags, response: { 200: OwnKeys, ...ErrorResponses } } },
      async () => federation.ownKeys(),
    );
    app.get(
      '/api/v1/federation/peers',
      {
        config: { access: ANYONE },
        schema: { tags, response: { 200: Type.Object({ items: Type.Array(Peer) }), ...ErrorResponses } },
      },
      async () => ({ items: await federation.listPeerDetails() }),
    );
    app.post(
      '/api/v1/federation/peers',
      {
        config: { access: ADMIN },
        schema: { tags, body: NewPeer, response: { 201: Peer, ...ErrorResponses } },
      },
      async (request, reply) =>
        reply.status(201).send(await federation.addPeer(actorOf(request), request.body)),
    );
    app.delete(
      '/api/v1/federation/peers/:code',
      {
        config: { access: ADMIN },
        schema: {
          tags,
          params: Type.Object({ code: AgencyCode }, { additionalProperties: false }),
          response: { 204: Type.Null(), ...ErrorResponses },
        },
      },
      async (request, reply) => {
        await federation.removePeer(actorOf(request), request.params.code);
        return reply.status(204).send(null);
      },
    );
    app.get(
      '/api/v1/federation/status',
      { config: { access: ADMIN }, schema: { tags, response: { 200: FederationStatus, ...ErrorResponses } } },
      async () => federation.status(),
    );
    app.post(
      MESSAGES_PATH,
      {
        // Authenticated by the signatures in the body, not by a session: see receiveDelivery.
        config: { access: PUBLIC },
        bodyLimit: DELIVERY_BODY_LIMIT,
        schema: {
          tags,
          body: DeliveryRequest,
          response: { 200: ReceiptResponse, ...ErrorResponses },
        },
      },
      async (request) => {
        const outcome = await federation.receive(request.body, 'http');
        return { receipt: outcome.receipt, status: outcome.status, duplicate: outcome.duplicate };
      },
    );
    app.post(
      BATCH_PATH,
      {
        config: { access: PUBLIC },
        bodyLimit: DELIVERY_BODY_LIMIT,
        schema: {
          tags,
          description:
            'Several deliveries in one request (catch-up); each is verified, stored and answered alone',
          body: DeliveryBatch,
          response: { 200: BatchAnswer, ...ErrorResponses },
        },
      },
      async (request) => {
        const results: BatchAnswer['results'] = [];
        for (const item of request.body.items) {
          try {
            const outcome = await federation.receive(item, 'http');
            results.push({ httpStatus: 200, ...outcome });
          } catch (error) {
            const problem = problemFor(error, request);
            if (problem.status >= 500) request.log.error({ err: error }, 'batch delivery failed');
            results.push({
              httpStatus: problem.status,
              code: problem.code,
              detail: problem.detail,
              ...(typeof problem.receipt === 'string' && { receipt: problem.receipt }),
            });
          }
        }
        return { results };
      },
    );
  };
}
