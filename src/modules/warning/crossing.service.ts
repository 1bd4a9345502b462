import { appendAudit } from '../../core/audit/audit.js';
import type { Actor } from '../../core/auth/roles.js';
import { notFound } from '../../core/errors.js';
import type { WarningRuntime } from './warning.runtime.js';
import type { Crossing } from './warning.schema.js';
import * as store from './warning.store.js';
import type { CrossingRow } from './warning.tables.js';

/** The API view of a stored crossing; a purged one keeps only where, when and the verdict. */
export function toCrossingView(row: CrossingRow): Crossing {
  return {
    id: row.id,
    kind: row.kind,
    direction: row.direction,
    portCode: row.port_code,
    crossedAt: row.crossed_at,
    conveyance: row.conveyance,
    fromCounty: row.from_county,
    residenceCounty: row.residence_county,
    // The purge blanks these columns already; null here makes "no identity any more" explicit, not empty fields.
    identity:
      row.purged_at === null
        ? {
            surname: row.surname,
            givenNames: row.given_names,
            nativeName: row.native_name,
            sex: row.sex,
            birthDate: row.birth_date,
            nationality: row.nationality,
            documentType: row.document_type,
            documentNumber: row.document_number,
            issuingState: row.issuing_state,
          }
        : null,
    verdict: row.verdict as Crossing['verdict'],
    score: row.score,
    source: row.source,
    reference: row.reference,
    createdAt: row.created_at,
    purgedAt: row.purged_at,
  };
}

/** One crossing with the traveller's identity, for hit review; the read is audited by id only. */
export async function getCrossing(rt: WarningRuntime, actor: Actor, id: string): Promise<Crossing> {
  const row = await store.findCrossing(rt.db, id);
  if (!row) throw notFound('warning.crossing_not_found', 'Crossing', id);
  await appendAudit(rt.db, actor, { action: 'crossing.read', targetType: 'crossing', targetId: id });
  return toCrossingView(row);
}
