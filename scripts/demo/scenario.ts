import type { Random } from './prng.js';
import { type AgencyCode, COUNTIES, type DemoCounty, PASSES, PORTS, SECTIONS } from './topology.js';

/**
 * The risk rule every demo node is set to (`PATCH /api/v1/situation/settings`): new cases of 7 days per
 * 100,000 inhabitants only, so the replay knows on which days a county's level changes and a notification
 * goes out.
 */
export const RISK_THRESHOLDS = {
  mediumIncidence7Per100k: 5,
  highIncidence7Per100k: 20,
  mediumNewLocal7: null,
  highNewLocal7: null,
} as const;

/** One county's figures for one day, cumulative where the situation module expects it. */
export interface CountyDay {
  county: string;
  confirmed: number;
  newLocal: number;
  newImported: number;
  asymptomatic: number;
  deaths: number;
  underObservation: number;
  tests: number;
  riskLevel: 'low' | 'medium' | 'high';
}

export interface Traveller {
  surname: string;
  givenNames: string;
  birthDate: string;
  nationality: string;
  documentNumber: string;
  sex: 'M' | 'F';
}

export interface WatchlistPerson extends Traveller {
  category: 'confirmed_case' | 'close_contact' | 'absconded_from_quarantine';
  source: AgencyCode;
}

export interface InterceptionEvent {
  occurredAt: string;
  lon: number;
  lat: number;
  personsCount: number;
  nationality: 'MNG' | 'VNM' | 'CHN';
  direction: 'attempted_exit' | 'attempted_entry';
  reason: 'illegal_crossing_attempt' | 'involved_in_epidemic' | 'smuggling';
  outcome: 'persuaded_to_return' | 'detained' | 'handed_over' | 'sent_to_quarantine';
  counterpart: AgencyCode;
  /** The person handed over to the counterpart, for the `handed_over` events. */
  handover: Traveller | null;
}

export interface PortChange {
  agency: AgencyCode;
  port: string;
  status: 'open' | 'cargo_only' | 'passengers_restricted' | 'closed';
  quarantineDays: number;
  testRequired: 'none' | 'antigen' | 'pcr';
}

const SURNAMES: Record<string, readonly string[]> = {
  CHN: ['WANG', 'LI', 'ZHANG', 'LIU', 'CHEN', 'YANG', 'HUANG', 'ZHAO', 'WU', 'ZHOU'],
  MNG: ['BATBAYAR', 'GANBOLD', 'ERDENE', 'TUMUR', 'BOLD', 'OYUN', 'DORJ', 'SUKH'],
  VNM: ['NGUYEN', 'TRAN', 'LE', 'PHAM', 'HOANG', 'VU', 'DANG', 'BUI'],
};
const GIVEN: Record<string, readonly string[]> = {
  CHN: ['WEI', 'FANG', 'JUN', 'LEI', 'MIN', 'QIANG', 'YAN', 'HUI'],
  MNG: ['ANAR', 'BAATAR', 'TSETSEG', 'MUNKH', 'NARAN', 'ZAYA', 'GEREL'],
  VNM: ['VAN AN', 'THI HOA', 'MINH', 'DUC', 'THI LAN', 'QUANG', 'HONG'],
};

/** A plausible invented traveller of a nationality; document numbers are unique per call counter. */
export function inventTraveller(
  random: Random,
  nationality: 'CHN' | 'MNG' | 'VNM',
  serial: number,
): Traveller {
  return {
    surname: random.pick(SURNAMES[nationality] ?? []),
    givenNames: random.pick(GIVEN[nationality] ?? []),
    birthDate: `${random.int(1960, 2002)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
    nationality,
    documentNumber: `${nationality.slice(0, 1)}${String(serial).padStart(8, '0')}`,
    sex: random.chance(0.5) ? 'M' : 'F',
  };
}

/** The epidemic in one county: a slow background with two waves, seeded. */
export class CountyEpidemic {
  private confirmed: number;
  private deaths = 0;
  private recent: number[] = [];

  constructor(
    readonly county: DemoCounty,
    private readonly random: Random,
    private readonly waveDays: readonly number[],
  ) {
    this.confirmed = random.int(0, 20);
  }

  /** The figures of day `index` (0 = 1 January). */
  day(index: number): CountyDay {
    const wave = this.waveDays.reduce((sum, peak) => sum + 6 * Math.exp(-(((index - peak) / 9) ** 2)), 0);
    const scale = this.county.population / 100_000;
    const newLocal = this.random.poisson(Math.max(0.05, wave * scale));
    const newImported = this.random.poisson(0.3 * scale + 0.1);
    this.confirmed += newLocal + newImported;
    if (newLocal > 8 && this.random.chance(0.05)) this.deaths += 1;
    this.recent = [...this.recent.slice(-6), newLocal + newImported];
    const sum7 = this.recent.reduce((a, b) => a + b, 0);
    // The same expression as the node's 7-day incidence, so both sides reach a threshold on the same day.
    const per100k = (sum7 * 100_000) / this.county.population;
    return {
      county: this.county.code,
      confirmed: this.confirmed,
      newLocal,
      newImported,
      asymptomatic: this.random.poisson(0.5 + newLocal / 3),
      deaths: this.deaths,
      underObservation: 20 + (newLocal + newImported) * 12 + this.random.int(0, 30),
      tests: Math.round(this.county.population * (0.004 + wave / 400)) + this.random.int(0, 200),
      riskLevel:
        per100k >= RISK_THRESHOLDS.highIncidence7Per100k
          ? 'high'
          : per100k >= RISK_THRESHOLDS.mediumIncidence7Per100k
            ? 'medium'
            : 'low',
    };
  }
}

/** A point on the Chinese side of a section, a few hundred metres from a pass (so it is located). */
export function interceptionPoint(random: Random, section: string): { lon: number; lat: number } {
  const passes = PASSES.filter((p) => p.section === section);
  const pass = random.pick(passes);
  const s = SECTIONS.find((x) => x.code === section);
  if (!s) throw new Error(`unknown section ${section}`);
  const lon = pass.lon + (random.next() - 0.5) * 0.3;
  // Stay on the Chinese side, 1–20 km from the line.
  const offset = 0.01 + random.next() * 0.18;
  const lat = s.chinaNorth ? s.borderLat + offset : s.borderLat - offset;
  return { lon: Math.round(lon * 10_000) / 10_000, lat: Math.round(lat * 10_000) / 10_000 };
}

export const OWN_COUNTIES = (country: string) => COUNTIES.filter((c) => c.country === country);
export const OWN_PORTS = (country: string) => PORTS.filter((p) => p.country === country);
