import type { Db } from '../../core/db/database.js';
import { AppError, invalid } from '../../core/errors.js';
import type { EventBus } from '../../core/events.js';
import type { Agency, County, Port } from '../directory/directory.schema.js';
import { getAgency, getGeography, listAgencies, listGeography } from '../directory/directory.service.js';
import type { CountyDay } from './rules/index.js';
import type { SituationNotifier } from './situation.notifier.js';
import type { ReportRow } from './situation.store.js';

/** What the situation use cases need from the composition root. */
export interface SituationContext {
  readonly db: Db;
  /** This node's agency code: the source of the reports entered here. */
  readonly ownAgency: string;
  readonly notifier: SituationNotifier;
  readonly events?: EventBus;
  /** The clock; tests pin it. */
  readonly now?: () => Date;
}

export const nowOf = (ctx: Pick<SituationContext, 'now'>): Date => (ctx.now ? ctx.now() : new Date());

export interface AgencyInfo {
  code: string;
  country: string;
  timeZone: string;
}

/** An agency's country and time zone; an agency the directory does not know yet is taken as UTC. */
export async function agencyInfo(db: Db, code: string): Promise<AgencyInfo> {
  try {
    const agency = await getAgency(db, code);
    return { code, country: agency.country, timeZone: agency.timeZone };
  } catch (error) {
    if (error instanceof AppError && error.kind === 'not_found') {
      return { code, country: code.slice(0, 2), timeZone: 'UTC' };
    }
    throw error;
  }
}

/** Every counterpart agency in the directory. */
export async function counterpartAgencies(db: Db): Promise<Agency[]> {
  return (await listAgencies(db, { kind: 'counterpart', limit: 500 })).items;
}

/** Counterparts in the given neighbour country, or all of them when none matches. */
export async function counterpartsFacing(db: Db, neighbourCountry: string | null): Promise<string[]> {
  const all = await counterpartAgencies(db);
  const facing = all.filter((agency) => agency.country === neighbourCountry);
  return (facing.length ? facing : all).map((agency) => agency.code);
}

async function allOf<K extends 'counties' | 'ports'>(db: Db, kind: K) {
  const items: Array<K extends 'counties' ? County : Port> = [];
  let cursor: string | undefined;
  do {
    const page = await listGeography(db, kind, { cursor, limit: 1000 });
    items.push(...(page.items as Array<K extends 'counties' ? County : Port>));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

/** Every border county in the directory, both sides. */
export const allCounties = (db: Db): Promise<County[]> => allOf(db, 'counties');

/** Every port in the directory, both sides. */
export const allPorts = (db: Db): Promise<Port[]> => allOf(db, 'ports');

/** A county from the directory; an unknown code is the caller's mistake (400). */
export async function knownCounty(db: Db, code: string): Promise<County> {
  try {
    return await getGeography(db, 'counties', code);
  } catch (error) {
    if (error instanceof AppError && error.kind === 'not_found') {
      throw invalid('situation.unknown_county', `county ${code} is not in the directory`, {
        field: 'countyCode',
      });
    }
    throw error;
  }
}

/** A port from the directory, or a 404 when the directory does not know it. */
export const knownPort = (db: Db, code: string): Promise<Port> => getGeography(db, 'ports', code);

/** The county day a stored report holds. */
export function countyDayOf(row: ReportRow): CountyDay {
  return {
    countyCode: row.county_code,
    date: row.report_date,
    confirmed: row.confirmed,
    newLocal: row.new_local,
    newImported: row.new_imported,
    asymptomatic: row.asymptomatic,
    deaths: row.deaths,
    underObservation: row.under_observation,
    tests: row.tests,
    ...(row.vaccination_coverage !== null && { vaccinationCoverage: row.vaccination_coverage }),
    ...(row.remarks !== null && { remarks: row.remarks }),
    ...(row.correction_note !== null && { correctionNote: row.correction_note }),
  };
}
