import { appendAudit } from '../../core/audit/audit.js';
import type { Actor } from '../../core/auth/roles.js';
import type { Db } from '../../core/db/database.js';
import { inTransaction } from '../../core/db/transaction.js';
import { invalid } from '../../core/errors.js';
import { nowIso } from '../../core/ids.js';
import { DEFAULT_OUTLIER_FACTOR, DEFAULT_RISK_THRESHOLDS } from './rules/index.js';
import type { SettingsChanges, SituationSettings } from './situation.schema.js';
import * as store from './situation.store.js';

/** What a node uses until an administrator changes it. */
export const DEFAULT_SITUATION_SETTINGS: Readonly<SituationSettings> = Object.freeze({
  riskThresholds: { ...DEFAULT_RISK_THRESHOLDS },
  // DHIS2 counts a data set as "on time" until a set hour; daily liaison briefings are held late morning.
  reportingCutoff: '10:00',
  portStaleAfterDays: 7,
  crossingDiscrepancyPercent: 5,
  sendNotifications: false,
  outlierFactor: DEFAULT_OUTLIER_FACTOR,
});

/** The node's situation settings: the stored values over the defaults. */
export async function getSituationSettings(db: Db): Promise<SituationSettings> {
  const settings: Record<string, unknown> = { ...DEFAULT_SITUATION_SETTINGS };
  for (const row of await store.listSettings(db)) {
    if (row.key in settings) settings[row.key] = JSON.parse(row.value);
  }
  return settings as unknown as SituationSettings;
}

/** Changes some settings; thresholds must keep medium at or below high. */
export async function updateSituationSettings(
  db: Db,
  actor: Actor,
  changes: SettingsChanges,
): Promise<SituationSettings> {
  return inTransaction(db, async (trx) => {
    const merged = { ...(await getSituationSettings(trx)), ...changes };
    const t = merged.riskThresholds;
    for (const [medium, high] of [
      [t.mediumIncidence7Per100k, t.highIncidence7Per100k],
      [t.mediumNewLocal7, t.highNewLocal7],
    ] as const) {
      if (medium !== null && high !== null && medium > high) {
        throw invalid('situation.thresholds_out_of_order', 'a medium threshold is above its high threshold', {
          field: 'riskThresholds',
        });
      }
    }
    const at = nowIso();
    for (const [key, value] of Object.entries(changes)) {
      await store.saveSetting(trx, key, JSON.stringify(value), at, actor.name);
    }
    await appendAudit(trx, actor, {
      action: 'situation.settings_update',
      targetType: 'situation_settings',
      details: { changed: Object.keys(changes) },
    });
    return merged;
  });
}
