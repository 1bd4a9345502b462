import type { County } from '../directory/directory.schema.js';
import { getGeography } from '../directory/directory.service.js';
import { portsAsOf } from './port-register.service.js';
import { addDays, deriveCountySeries, type RiskLevel, riskLevel } from './rules/index.js';
import type {
  CountySeries,
  Feature,
  Figures,
  MirrorView,
  SituationMap,
  SituationSettings,
} from './situation.schema.js';
import type { ReportRow } from './situation.store.js';
import * as store from './situation.store.js';
import {
  agencyInfo,
  allCounties,
  allPorts,
  countyDayOf,
  type SituationContext,
} from './situation-context.js';
import { getSituationSettings } from './situation-settings.js';

// A 7-day figure and its previous week need 14 days of reports.
const LOOKBACK_DAYS = 13;

/** Which source speaks for a county: our agency for ours, else the counterpart of its country when it reported. */
function sourceFor(
  county: Pick<County, 'country'>,
  ownAgency: string,
  ownCountry: string,
  sources: readonly string[],
) {
  if (county.country === ownCountry) return ownAgency;
  const others = sources.filter((source) => source !== ownAgency);
  return others.find((source) => source.startsWith(`${county.country}-`)) ?? others[0] ?? null;
}

/** 7-day figures, incidence, growth, doubling time and risk level of one county, day by day. */
export async function countySeries(
  ctx: SituationContext,
  countyCode: string,
  from: string,
  to: string,
  source?: string,
): Promise<CountySeries> {
  const county = await getGeography(ctx.db, 'counties', countyCode);
  const own = await agencyInfo(ctx.db, ctx.ownAgency);
  const rows = await store.listReports(ctx.db, {
    county: countyCode,
    from: addDays(from, -LOOKBACK_DAYS),
    to,
  });
  const chosen =
    source ??
    sourceFor(county, own.code, own.country, [...new Set(rows.map((r) => r.source_agency))]) ??
    own.code;
  const settings = await getSituationSettings(ctx.db);
  const mine = rows.filter((row) => row.source_agency === chosen);
  const confirmed = new Map(mine.map((row) => [row.report_date, row.confirmed]));
  const points = deriveCountySeries(mine.map(countyDayOf), county.population ?? undefined)
    .filter((point) => point.date >= from)
    .map((point) => ({
      ...point,
      confirmed: confirmed.get(point.date) ?? 0,
      riskLevel: riskLevel(point, settings.riskThresholds),
    }));
  return { countyCode, source: chosen, population: county.population ?? null, points };
}

interface CountyPicture {
  county: County;
  figures: Figures;
}

/** Every county's figures on one day, from the source that speaks for it. */
async function countyPictures(ctx: SituationContext, date: string, settings: SituationSettings) {
  const own = await agencyInfo(ctx.db, ctx.ownAgency);
  const rows = await store.listReports(ctx.db, { from: addDays(date, -LOOKBACK_DAYS), to: date });
  const byCounty = new Map<string, ReportRow[]>();
  for (const row of rows) byCounty.set(row.county_code, [...(byCounty.get(row.county_code) ?? []), row]);
  const pictures = new Map<string, CountyPicture>();
  for (const county of await allCounties(ctx.db)) {
    const countyRows = byCounty.get(county.code) ?? [];
    const source = sourceFor(county, own.code, own.country, [
      ...new Set(countyRows.map((r) => r.source_agency)),
    ]);
    const mine = countyRows.filter((row) => row.source_agency === source);
    const today = mine.find((row) => row.report_date === date);
    const point = deriveCountySeries(mine.map(countyDayOf), county.population ?? undefined).find(
      (p) => p.date === date,
    );
    const stated = today?.stated_risk_level as RiskLevel | null | undefined;
    pictures.set(county.code, {
      county,
      figures: {
        source: source ?? '',
        reported: today !== undefined,
        confirmed: today?.confirmed ?? null,
        new: point?.new ?? null,
        sum7: point?.sum7 ?? null,
        incidence7Per100k: point?.incidence7Per100k ?? null,
        riskLevel: stated ?? (point ? riskLevel(point, settings.riskThresholds) : null),
      },
    });
  }
  return { pictures, own };
}

/** The whole-border picture of one day as GeoJSON: counties with risk level, ports with status, both sides. */
export async function situationMap(ctx: SituationContext, date: string): Promise<SituationMap> {
  const settings = await getSituationSettings(ctx.db);
  const { pictures, own } = await countyPictures(ctx, date, settings);
  const countyFeatures: Feature[] = [...pictures.values()].map(({ county, figures }) => ({
    type: 'Feature',
    id: county.code,
    geometry: (county.geometry as Record<string, unknown> | null | undefined) ?? null,
    properties: {
      code: county.code,
      country: county.country,
      side: county.country === own.country ? 'own' : 'counterpart',
      names: county.names,
      population: county.population ?? null,
      ...figures,
    },
  }));
  const ports = await allPorts(ctx.db);
  const states = new Map((await portsAsOf(ctx, date)).map((state) => [state.portCode, state]));
  const portFeatures: Feature[] = ports.map((port) => {
    const state = states.get(port.code);
    return {
      type: 'Feature',
      id: port.code,
      geometry:
        port.lon !== null && port.lon !== undefined && port.lat !== null && port.lat !== undefined
          ? { type: 'Point', coordinates: [port.lon, port.lat] }
          : null,
      properties: {
        code: port.code,
        country: port.country,
        side: port.country === own.country ? 'own' : 'counterpart',
        names: port.names,
        kind: port.kind,
        counterpartPortCode: port.counterpartPortCode ?? null,
        status: state?.current?.status ?? null,
        measures: state?.current?.measures ?? null,
        effectiveFrom: state?.current?.effectiveFrom ?? null,
        stale: state?.stale ?? true,
      },
    };
  });
  return {
    date,
    counties: { type: 'FeatureCollection', features: countyFeatures },
    ports: { type: 'FeatureCollection', features: portFeatures },
  };
}

/** Mirror counties and port pairs side by side, with differing risk, status and crossing counts flagged. */
export async function mirrorView(ctx: SituationContext, date: string): Promise<MirrorView> {
  const settings = await getSituationSettings(ctx.db);
  const { pictures, own } = await countyPictures(ctx, date, settings);
  const blank = (source: string): Figures => ({
    source,
    reported: false,
    confirmed: null,
    new: null,
    sum7: null,
    incidence7Per100k: null,
    riskLevel: null,
  });
  const counties = [...pictures.values()]
    .filter(({ county }) => county.country === own.country && county.mirrorCountyCode)
    .map(({ county, figures }) => {
      const theirCode = county.mirrorCountyCode ?? '';
      const theirs = pictures.get(theirCode)?.figures ?? blank('');
      return {
        ours: { countyCode: county.code, figures },
        theirs: { countyCode: theirCode, figures: theirs },
        riskDiffers:
          figures.riskLevel !== null && theirs.riskLevel !== null && figures.riskLevel !== theirs.riskLevel,
      };
    });
  const states = new Map((await portsAsOf(ctx, date)).map((state) => [state.portCode, state]));
  const crossings = await store.listCrossings(ctx.db, date);
  const peopleAt = (portCode: string, ours: boolean) =>
    crossings.find((c) => c.port_code === portCode && (c.source_agency === own.code) === ours)?.people ??
    null;
  const ports = (await allPorts(ctx.db))
    .filter((port) => port.country === own.country && port.counterpartPortCode)
    .map((port) => {
      const theirCode = port.counterpartPortCode ?? '';
      const ours = {
        portCode: port.code,
        status: states.get(port.code)?.current?.status ?? null,
        crossings: peopleAt(port.code, true),
      };
      const theirs = {
        portCode: theirCode,
        status: states.get(theirCode)?.current?.status ?? null,
        crossings: peopleAt(theirCode, false),
      };
      const difference =
        ours.crossings !== null && theirs.crossings !== null ? ours.crossings - theirs.crossings : null;
      const larger = Math.max(ours.crossings ?? 0, theirs.crossings ?? 0);
      return {
        ours,
        theirs,
        statusDiffers: ours.status !== null && theirs.status !== null && ours.status !== theirs.status,
        crossingDifference: difference,
        crossingDiscrepancy:
          difference !== null && Math.abs(difference) > (larger * settings.crossingDiscrepancyPercent) / 100,
      };
    });
  return { date, counties, ports };
}
