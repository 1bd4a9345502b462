import type { Db } from '../../core/db/database.js';
import { listAgencies } from '../directory/directory.service.js';
import { countNotifications } from '../exchange/exchange.counts.js';
import { countLiaisonContacts } from '../liaison/liaison.service.js';
import { countHandovers } from '../operations/handovers.service.js';
import { countInterceptions } from '../operations/interceptions.service.js';
import { countOperations } from '../operations/operations.service.js';
import { countCrossings, countHits } from '../warning/warning.counts.js';
import type { CounterpartAgency, CountWindow, ReportSources } from './report-sources.js';

/** Counterparts beyond this would not fit one directory page; no agency borders that many. */
const MAX_COUNTERPARTS = 500;

const instants = (window: CountWindow) => ({ from: window.startsAt, to: window.endsAt });

// Liaison contacts are kept by local date, and the liaison count takes dates with an exclusive end.
const dates = (window: CountWindow) => {
  const next = new Date(Date.parse(`${window.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return { from: window.from, to: next };
};

/** The counterpart agencies in this node's directory. */
async function counterparts(db: Db): Promise<CounterpartAgency[]> {
  const page = await listAgencies(db, { kind: 'counterpart', limit: MAX_COUNTERPARTS });
  return page.items.map((agency) => ({ code: agency.code, country: agency.country }));
}

/** Report sources wired to the modules' services, for the HTTP routes and the CLI alike. */
export function moduleReportSources(db: Db): ReportSources {
  return {
    counterparts: () => counterparts(db),
    notifications: (window, now) => countNotifications(db, instants(window), now),
    hits: (window) => countHits(db, instants(window)),
    crossings: (window) => countCrossings(db, instants(window)),
    interceptions: (window) => countInterceptions(db, instants(window)),
    operations: (window) => countOperations(db, instants(window)),
    handovers: (window) => countHandovers(db, instants(window)),
    liaison: async (window) => {
      const counts = await countLiaisonContacts(db, dates(window));
      return { total: counts.total, byChannel: counts.byChannel, byParty: counts.byPartyKind };
    },
  };
}
