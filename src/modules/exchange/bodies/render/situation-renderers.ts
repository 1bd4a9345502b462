import type {
  CountySituation,
  MeasuresUpdateBody,
  PortPolicyBody,
  SituationDailyBody,
} from '../body-schemas.js';
import { flag, INDENT, type RenderContext, type RenderedBody } from './render-context.js';

const sum = (counties: readonly CountySituation[], pick: (county: CountySituation) => number): number =>
  counties.reduce((total, county) => total + pick(county), 0);

const countyLines = (ctx: RenderContext, county: CountySituation): string[] => {
  const name = ctx.place('county', county.countyCode);
  const line = ctx.msg('situationDaily.county', {
    county: name,
    confirmed: county.confirmed,
    newLocal: county.newLocal,
    newImported: county.newImported,
    asymptomatic: county.asymptomatic,
    deaths: county.deaths,
    underObservation: county.underObservation,
    tests: county.tests,
    hasCoverage: flag(county.vaccinationCoverage !== undefined),
    coverage: (county.vaccinationCoverage ?? 0) / 100,
    risk: ctx.label('riskLevel', county.riskLevel),
  });
  const remarks =
    county.remarks === undefined
      ? []
      : [INDENT + ctx.msg('situationDaily.remarks', { county: name, remarks: county.remarks })];
  return [line, ...remarks];
};

/** Renders a day's border-county figures with totals first, as a reader scans them. */
export const renderSituationDaily = (ctx: RenderContext, body: SituationDailyBody): RenderedBody => {
  const newLocal = sum(body.counties, (county) => county.newLocal);
  const newImported = sum(body.counties, (county) => county.newImported);
  const correction =
    body.version > 1
      ? [
          ctx.msg('situationDaily.correction', { version: body.version }),
          ...(body.correctionNote === undefined
            ? []
            : [ctx.msg('situationDaily.correctionNote', { note: body.correctionNote })]),
        ]
      : [];
  return {
    title: ctx.msg('situationDaily.title', { reportDate: ctx.day(body.reportDate) }),
    lines: [
      ...correction,
      ctx.msg('situationDaily.summary', { count: body.counties.length, timeZone: body.timeZone }),
      ctx.msg('situationDaily.totals', {
        newCases: newLocal + newImported,
        newLocal,
        newImported,
        deaths: sum(body.counties, (county) => county.deaths),
      }),
      ...body.counties.flatMap((county) => countyLines(ctx, county)),
    ],
  };
};

/** Renders a port's control status and measures with their period of validity. */
export const renderPortPolicy = (ctx: RenderContext, body: PortPolicyBody): RenderedBody => {
  const port = ctx.place('port', body.portCode);
  const { measures } = body;
  return {
    title: ctx.msg('portPolicy.title', { port }),
    lines: [
      ctx.msg('portPolicy.port', {
        port,
        hasCounterpart: flag(body.counterpartPortCode !== undefined),
        counterpart:
          body.counterpartPortCode === undefined ? '' : ctx.place('port', body.counterpartPortCode),
      }),
      ctx.msg('portPolicy.status', { status: ctx.label('portStatus', body.status) }),
      ctx.msg('portPolicy.test', { test: ctx.label('testRequirement', measures.testRequired) }),
      ctx.msg('portPolicy.quarantine', { days: measures.quarantineDays }),
      ctx.msg('portPolicy.hours', {
        hours: measures.openingHours.replaceAll('-', '–').replaceAll(',', ', '),
      }),
      ...(measures.notes === undefined ? [] : [ctx.msg('portPolicy.notes', { notes: measures.notes })]),
      ctx.msg('portPolicy.effective', {
        from: ctx.instant(body.effectiveFrom),
        hasTo: flag(body.effectiveTo !== undefined),
        to: ctx.instant(body.effectiveTo ?? body.effectiveFrom),
      }),
    ],
  };
};

/** Renders the measures in force in a border area, one numbered line each. */
export const renderMeasuresUpdate = (ctx: RenderContext, body: MeasuresUpdateBody): RenderedBody => ({
  title: ctx.msg('measuresUpdate.title', { area: ctx.place('area', body.area) }),
  lines: [
    ctx.msg('measuresUpdate.summary', { count: body.measures.length }),
    ...body.measures.flatMap((measure, index) => [
      ctx.msg('measuresUpdate.measure', {
        index: index + 1,
        measure: ctx.leadingLabel('measureType', measure.type),
        from: ctx.day(measure.effectiveFrom),
        hasTo: flag(measure.effectiveTo !== undefined),
        to: ctx.day(measure.effectiveTo ?? measure.effectiveFrom),
      }),
      ...(measure.description === undefined
        ? []
        : [INDENT + ctx.msg('measuresUpdate.description', { description: measure.description })]),
    ]),
  ],
});
