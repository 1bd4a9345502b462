import type { Db } from '../../core/db/database.js';
import { portHistory } from './port-register.service.js';
import { portStatusAsOf, type RiskLevel } from './rules/index.js';
import * as store from './situation.store.js';

/** What other modules (early-warning rules) may ask the situation picture, without reading its tables. */
export interface SituationLookups {
  /** The latest risk level known for a county (from any reporting source), null when none is known yet. */
  riskLevel(countyCode: string, date: string): Promise<RiskLevel | null>;
  /** The control status of a port in force at an instant, null when the register has none. */
  portStatus(portCode: string, at: string): Promise<string | null>;
}

export function situationLookups(db: Db): SituationLookups {
  return {
    async riskLevel(countyCode, date) {
      return ((await store.latestRiskLevel(db, countyCode, date))?.level as RiskLevel | undefined) ?? null;
    },
    async portStatus(portCode, at) {
      return portStatusAsOf(await portHistory(db, portCode), at.slice(0, 10))?.status ?? null;
    },
  };
}
