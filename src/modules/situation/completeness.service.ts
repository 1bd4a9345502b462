import { localTimeToInstant } from './local-time.js';
import { addDays } from './rules/index.js';
import type { AgencyCompleteness, Completeness } from './situation.schema.js';
import * as store from './situation.store.js';
import { agencyInfo, allCounties, counterpartAgencies, type SituationContext } from './situation-context.js';
import { getSituationSettings } from './situation-settings.js';

/**
 * Who reported a day, as DHIS2 counts data sets: per source agency, each of its country's border counties
 * is reported (on time), late (first received after the cut-off on the following local day) or missing.
 */
export async function completeness(ctx: SituationContext, date: string): Promise<Completeness> {
  const settings = await getSituationSettings(ctx.db);
  const own = await agencyInfo(ctx.db, ctx.ownAgency);
  const reporters = [
    { ...own, side: 'own' as const },
    ...(await counterpartAgencies(ctx.db)).map((a) => ({
      code: a.code,
      country: a.country,
      timeZone: a.timeZone,
      side: 'counterpart' as const,
    })),
  ];
  const counties = await allCounties(ctx.db);
  const firstReported = new Map(
    (await store.listReports(ctx.db, { from: date, to: date })).map((row) => [
      `${row.county_code}|${row.source_agency}`,
      row.first_reported_at,
    ]),
  );
  const agencies: AgencyCompleteness[] = [];
  for (const reporter of reporters) {
    const expected = counties.filter((county) => county.country === reporter.country);
    if (expected.length === 0) continue;
    // A day's figures are complete only once it is over, so they are due on the next local day.
    const dueAt = localTimeToInstant(
      addDays(date, 1),
      settings.reportingCutoff,
      reporter.timeZone,
    ).toISOString();
    const rows = expected.map((county) => {
      const at = firstReported.get(`${county.code}|${reporter.code}`) ?? null;
      const state = at === null ? 'missing' : at > dueAt ? 'late' : 'reported';
      return { countyCode: county.code, state, firstReportedAt: at } as const;
    });
    const count = (state: string) => rows.filter((row) => row.state === state).length;
    agencies.push({
      agency: reporter.code,
      side: reporter.side,
      dueAt,
      expected: rows.length,
      reported: count('reported'),
      late: count('late'),
      missing: count('missing'),
      counties: rows,
    });
  }
  return { date, agencies };
}

/** Who still owes a report for the day: the reminder list, per agency. */
export async function missingReporters(
  ctx: SituationContext,
  date: string,
): Promise<Array<{ agency: string; side: 'own' | 'counterpart'; countyCodes: string[] }>> {
  const { agencies } = await completeness(ctx, date);
  return agencies
    .filter((agency) => agency.missing > 0)
    .map((agency) => ({
      agency: agency.agency,
      side: agency.side,
      countyCodes: agency.counties.filter((c) => c.state === 'missing').map((c) => c.countyCode),
    }));
}
