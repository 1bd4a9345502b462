import { appendAudit } from '../../core/audit/audit.js';
import type { Actor } from '../../core/auth/roles.js';
import type { Db } from '../../core/db/database.js';
import { inTransaction } from '../../core/db/transaction.js';
import { conflict, invalid, notFound } from '../../core/errors.js';
import { newId, nowIso } from '../../core/ids.js';
import { conveyanceKey } from './rules.js';
import {
  type FlaggedConveyance,
  type NewFlaggedConveyance,
  RULES,
  type RuleSetting,
} from './warning.schema.js';
import * as store from './warning.store.js';
import type { FlaggedConveyanceRow } from './warning.tables.js';

const toFlaggedView = (row: FlaggedConveyanceRow): FlaggedConveyance => ({
  id: row.id,
  conveyance: row.conveyance,
  reason: row.reason,
  validUntil: row.valid_until,
  createdAt: row.created_at,
});

/** Every flagged conveyance. */
export const listFlaggedConveyances = async (db: Db) =>
  (await store.listFlaggedConveyances(db)).map(toFlaggedView);

/** Flags a conveyance for the early-warning rule. */
export async function flagConveyance(
  db: Db,
  actor: Actor,
  input: NewFlaggedConveyance,
): Promise<FlaggedConveyance> {
  const key = conveyanceKey(input.conveyance);
  if (!key)
    throw invalid('warning.conveyance_empty', 'The conveyance has no letters or digits', {
      field: 'conveyance',
    });
  const row: FlaggedConveyanceRow = {
    id: newId(),
    conveyance_key: key,
    conveyance: input.conveyance,
    reason: input.reason,
    valid_until: input.validUntil ?? null,
    created_by: actor.name,
    created_at: nowIso(),
  };
  await inTransaction(db, async (trx) => {
    if ((await store.listFlaggedConveyances(trx)).some((existing) => existing.conveyance_key === key)) {
      throw conflict('warning.conveyance_flagged', `${input.conveyance} is already flagged`, {
        field: 'conveyance',
      });
    }
    await store.insertFlaggedConveyance(trx, row);
    await appendAudit(trx, actor, { action: 'conveyance.flag', targetType: 'conveyance', targetId: row.id });
  });
  return toFlaggedView(row);
}

/** Removes a flag. */
export async function unflagConveyance(db: Db, actor: Actor, id: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    if ((await store.deleteFlaggedConveyance(trx, id)) === 0) {
      throw notFound('warning.conveyance_not_found', 'Flagged conveyance', id);
    }
    await appendAudit(trx, actor, { action: 'conveyance.unflag', targetType: 'conveyance', targetId: id });
  });
}

/** Which early-warning rules run (all, unless switched off). */
export async function listRuleSettings(db: Db): Promise<RuleSetting[]> {
  const saved = new Map((await store.listRuleSettings(db)).map((row) => [row.rule, row.enabled === 1]));
  return RULES.map((rule) => ({ rule, enabled: saved.get(rule) ?? true }));
}

/** Switches rules on or off. */
export async function saveRuleSettings(db: Db, actor: Actor, settings: readonly RuleSetting[]) {
  await inTransaction(db, async (trx) => {
    const at = nowIso();
    for (const setting of settings) await store.saveRuleSetting(trx, setting.rule, setting.enabled, at);
    await appendAudit(trx, actor, {
      action: 'warning.rules',
      targetType: 'warning_rule',
      details: { settings },
    });
  });
  return listRuleSettings(db);
}
