import { Type } from '@sinclair/typebox';
import type { Db } from '../db/database.js';
import type { HttpApp } from '../http/app.js';
import { ErrorResponses } from '../http/schemas.js';
import { listAudit, verifyAuditChain } from './audit.js';

const AuditEntry = Type.Object({
  seq: Type.Integer(),
  at: Type.String(),
  actorId: Type.Union([Type.String(), Type.Null()]),
  actorName: Type.String(),
  action: Type.String(),
  targetType: Type.String(),
  targetId: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  requestId: Type.Union([Type.String(), Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()),
});

/** Administrators read and verify the audit log. */
export function auditRoutes(db: Db) {
  return (app: HttpApp) => {
    const tags = ['audit'];
    const access = { roles: ['admin'] } as const;
    app.get(
      '/api/v1/audit',
      {
        config: { access },
        schema: {
          tags,
          querystring: Type.Object(
            {
              before: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER })),
              limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
              actorId: Type.Optional(Type.String({ maxLength: 64 })),
              targetType: Type.Optional(Type.String({ maxLength: 64 })),
              targetId: Type.Optional(Type.String({ maxLength: 200 })),
            },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ items: Type.Array(AuditEntry) }), ...ErrorResponses },
        },
      },
      async (request) => {
        const { before, limit, ...filters } = request.query;
        return { items: await listAudit(db, { afterSeq: before, limit: limit ?? 100, ...filters }) };
      },
    );
    app.get(
      '/api/v1/audit/verify',
      {
        config: { access },
        schema: {
          tags,
          response: {
            200: Type.Object({
              ok: Type.Boolean(),
              entries: Type.Integer(),
              brokenAt: Type.Optional(Type.Integer()),
              reason: Type.Optional(Type.String()),
            }),
            ...ErrorResponses,
          },
        },
      },
      async () => verifyAuditChain(db),
    );
  };
}
