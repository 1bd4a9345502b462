import { Readable } from 'node:stream';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.js';
import { actorOf } from '../../core/http/access.js';
import type { HttpApp } from '../../core/http/app.js';
import { AgencyCode, Code, ErrorResponses, IsoDate, Page } from '../../core/http/schemas.js';
import { completeness } from './completeness.service.js';
import {
  getCrossings,
  listCrossingCounts,
  portHistory,
  portsAsOf,
  recordCrossings,
  recordPortStatus,
} from './port-register.service.js';
import { parseSituationCsv, parseSituationXlsx, SITUATION_RULES } from './rules/index.js';
import {
  AsOfQuery,
  Completeness,
  CountyDayInput,
  CountySeries,
  CrossingCount,
  CrossingRangeQuery,
  CrossingSourceQuery,
  DateQuery,
  ImportReport,
  MirrorView,
  NewCrossingCount,
  NewPortStatus,
  PortState,
  PortStatusVersionView,
  ReportQuery,
  ReportVersion,
  ReportWritten,
  SeriesQuery,
  SettingsChanges,
  SituationMap,
  SituationReport,
  SituationSettings,
} from './situation.schema.js';
import { listReports, reportHistory, saveReport, sendDailyReport } from './situation.service.js';
import type { SituationContext } from './situation-context.js';
import { importReports } from './situation-import.js';
import { countySeries, mirrorView, situationMap } from './situation-picture.service.js';
import { getSituationSettings, updateSituationSettings } from './situation-settings.js';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A year of daily figures for a thousand counties is about 60 MB of CSV. */
export const DEFAULT_IMPORT_LIMIT_BYTES = 60 * 1024 * 1024;

const tags = ['situation'];
const ANYONE = { roles: 'any' } as const;
const REPORTERS = { roles: ['liaison_officer', 'analyst'] } as const;
const PORT_KEEPERS = { roles: ['port_officer', 'liaison_officer'] } as const;
const ADMIN = { roles: ['admin'] } as const;
// The day is checked by the situation rules (which name the rule), not by the route schema.
const DayText = Type.String({ minLength: 1, maxLength: 10 });
const CountyDayParams = Type.Object({ countyCode: Code, date: DayText }, { additionalProperties: false });
const CodeParams = Type.Object({ code: Code }, { additionalProperties: false });
const CrossingDayParams = Type.Object({ code: Code, date: IsoDate }, { additionalProperties: false });

export interface SituationRouteOptions {
  /** Largest import file accepted; 60 MB by default. */
  importLimitBytes?: number;
}

/** The situation picture: county reports, imports, completeness, derived figures, the port register, map views. */
export function situationRoutes(ctx: SituationContext, options: SituationRouteOptions = {}) {
  return async (app: HttpApp) => {
    registerReportRoutes(app, ctx);
    // Its own scope, so the CSV and XLSX body parsers and the large body limit apply to this route alone.
    await app.register((scope, _options, done) => {
      registerImportRoute(scope as HttpApp, ctx, options);
      done();
    });
    registerPictureRoutes(app, ctx);
    registerPortRoutes(app, ctx);
  };
}

function registerReportRoutes(app: HttpApp, ctx: SituationContext): void {
  app.get(
    '/api/v1/situation/rules',
    {
      config: { access: ANYONE },
      schema: {
        tags,
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                code: Type.String(),
                severity: Type.String(),
                description: Type.Record(Type.String(), Type.String()),
              }),
            ),
          }),
          ...ErrorResponses,
        },
      },
    },
    async () => ({ items: [...SITUATION_RULES] }),
  );
  app.put(
    '/api/v1/situation/reports/:countyCode/:date',
    {
      config: { access: REPORTERS },
      schema: {
        tags,
        params: CountyDayParams,
        body: CountyDayInput,
        response: { 200: ReportWritten, ...ErrorResponses },
      },
    },
    async (request) =>
      saveReport(ctx, actorOf(request), request.params.countyCode, request.params.date, request.body),
  );
  app.get(
    '/api/v1/situation/reports',
    {
      config: { access: ANYONE },
      schema: { tags, querystring: ReportQuery, response: { 200: Page(SituationReport), ...ErrorResponses } },
    },
    async (request) => listReports(ctx.db, request.query),
  );
  app.get(
    '/api/v1/situation/reports/:countyCode/:date/history',
    {
      config: { access: ANYONE },
      schema: {
        tags,
        params: CountyDayParams,
        querystring: Type.Object({ source: Type.Optional(AgencyCode) }, { additionalProperties: false }),
        response: {
          200: Type.Object({ report: SituationReport, versions: Type.Array(ReportVersion) }),
          ...ErrorResponses,
        },
      },
    },
    async (request) =>
      reportHistory(
        ctx.db,
        request.params.countyCode,
        request.params.date,
        request.query.source ?? ctx.ownAgency,
      ),
  );
  app.post(
    '/api/v1/situation/reports/send',
    {
      config: { access: { roles: ['liaison_officer'] } },
      schema: {
        tags,
        body: Type.Object({ date: IsoDate }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            date: Type.String(),
            version: Type.Integer(),
            /** Counterparts that are active peers: the report left for them. */
            sentTo: Type.Array(Type.String()),
            /** Counterparts that are not peers yet: a draft waits for a liaison officer. */
            draftFor: Type.Array(Type.String()),
          }),
          ...ErrorResponses,
        },
      },
    },
    async (request) => sendDailyReport(ctx, actorOf(request), request.body.date),
  );
  app.get(
    '/api/v1/situation/completeness',
    {
      config: { access: ANYONE },
      schema: { tags, querystring: DateQuery, response: { 200: Completeness, ...ErrorResponses } },
    },
    async (request) => completeness(ctx, request.query.date),
  );
  app.get(
    '/api/v1/situation/settings',
    { config: { access: ANYONE }, schema: { tags, response: { 200: SituationSettings, ...ErrorResponses } } },
    async () => getSituationSettings(ctx.db),
  );
  app.patch(
    '/api/v1/situation/settings',
    {
      config: { access: ADMIN },
      schema: { tags, body: SettingsChanges, response: { 200: SituationSettings, ...ErrorResponses } },
    },
    async (request) => updateSituationSettings(ctx.db, actorOf(request), request.body),
  );
}

function registerImportRoute(app: HttpApp, ctx: SituationContext, options: SituationRouteOptions): void {
  const bodyLimit = options.importLimitBytes ?? DEFAULT_IMPORT_LIMIT_BYTES;
  const asBuffer = { parseAs: 'buffer' as const, bodyLimit };
  app.addContentTypeParser(['text/csv', XLSX_MEDIA_TYPE], asBuffer, (_request, body, done) =>
    done(null, body),
  );
  app.post(
    '/api/v1/situation/imports',
    {
      bodyLimit,
      config: { access: REPORTERS },
      schema: {
        tags,
        description: `A CSV (text/csv) or XLSX (${XLSX_MEDIA_TYPE}) file of county days; see the import columns.`,
        querystring: Type.Object(
          { partial: Type.Optional(Type.Boolean({ default: false })) },
          { additionalProperties: false },
        ),
        response: { 200: ImportReport, ...ErrorResponses },
      },
    },
    async (request) => {
      const file = importFile(request);
      const rows =
        file.kind === 'xlsx'
          ? parseSituationXlsx(file.bytes)
          : parseSituationCsv(Readable.from([file.bytes]));
      const { committed, ...report } = await importReports(ctx, actorOf(request), rows, {
        partial: request.query.partial ?? false,
      });
      if (!committed) {
        throw new AppError(
          'invalid',
          'situation.import_rejected',
          `${report.rejected === 1 ? '1 row has' : `${report.rejected} rows have`} errors; nothing was imported (send partial=true to keep the good rows)`,
          { ...report, rowErrors: report.errors, errors: undefined },
        );
      }
      return report;
    },
  );
}

function importFile(request: FastifyRequest): { kind: 'csv' | 'xlsx'; bytes: Buffer } {
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (!Buffer.isBuffer(request.body) || (type !== 'text/csv' && type !== XLSX_MEDIA_TYPE)) {
    throw new AppError(
      'unsupported_media_type',
      'situation.import_media_type',
      `send the file as text/csv or ${XLSX_MEDIA_TYPE}`,
    );
  }
  return { kind: type === 'text/csv' ? 'csv' : 'xlsx', bytes: request.body };
}

function registerPictureRoutes(app: HttpApp, ctx: SituationContext): void {
  app.get(
    '/api/v1/situation/counties/:code/series',
    {
      config: { access: ANYONE },
      schema: {
        tags,
        params: CodeParams,
        querystring: SeriesQuery,
        response: { 200: CountySeries, ...ErrorResponses },
      },
    },
    async (request) =>
      countySeries(ctx, request.params.code, request.query.from, request.query.to, request.query.source),
  );
  app.get(
    '/api/v1/situation/map',
    {
      config: { access: ANYONE },
      schema: { tags, querystring: DateQuery, response: { 200: SituationMap, ...ErrorResponses } },
    },
    async (request) => situationMap(ctx, request.query.date),
  );
  app.get(
    '/api/v1/situation/mirror',
    {
      config: { access: ANYONE },
      schema: { tags, querystring: DateQuery, response: { 200: MirrorView, ...ErrorResponses } },
    },
    async (request) => mirrorView(ctx, request.query.date),
  );
}

function registerPortRoutes(app: HttpApp, ctx: SituationContext): void {
  app.post(
    '/api/v1/situation/ports/:code/status',
    {
      config: { access: PORT_KEEPERS },
      schema: {
        tags,
        params: CodeParams,
        body: NewPortStatus,
        response: { 201: PortStatusVersionView, ...ErrorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await recordPortStatus(ctx, actorOf(request), request.params.code, request.body)),
  );
  app.get(
    '/api/v1/situation/ports',
    {
      config: { access: ANYONE },
      schema: {
        tags,
        querystring: AsOfQuery,
        response: { 200: Type.Object({ items: Type.Array(PortState) }), ...ErrorResponses },
      },
    },
    async (request) => ({ items: await portsAsOf(ctx, request.query.asOf) }),
  );
  app.get(
    '/api/v1/situation/ports/:code/history',
    {
      config: { access: ANYONE },
      schema: {
        tags,
        params: CodeParams,
        response: { 200: Type.Object({ items: Type.Array(PortStatusVersionView) }), ...ErrorResponses },
      },
    },
    async (request) => ({ items: await portHistory(ctx.db, request.params.code) }),
  );
  app.put(
    '/api/v1/situation/ports/:code/crossings/:date',
    {
      config: { access: PORT_KEEPERS },
      schema: {
        tags,
        params: CrossingDayParams,
        body: NewCrossingCount,
        response: { 200: CrossingCount, ...ErrorResponses },
      },
    },
    async (request) =>
      recordCrossings(ctx, actorOf(request), request.params.code, request.params.date, request.body),
  );
  app.get(
    '/api/v1/situation/ports/:code/crossings/:date',
    {
      config: { access: PORT_KEEPERS },
      schema: {
        tags,
        params: CrossingDayParams,
        querystring: CrossingSourceQuery,
        response: { 200: CrossingCount, ...ErrorResponses },
      },
    },
    async (request) => getCrossings(ctx, request.params.code, request.params.date, request.query.source),
  );
  app.get(
    '/api/v1/situation/ports/:code/crossings',
    {
      config: { access: PORT_KEEPERS },
      schema: {
        tags,
        params: CodeParams,
        querystring: CrossingRangeQuery,
        response: { 200: Type.Object({ items: Type.Array(CrossingCount) }), ...ErrorResponses },
      },
    },
    async (request) => ({ items: await listCrossingCounts(ctx, request.params.code, request.query) }),
  );
}
