import { Type } from '@sinclair/typebox';
import { principalOf } from '../../core/http/access.js';
import type { HttpApp } from '../../core/http/app.js';
import { ErrorResponses } from '../../core/http/schemas.js';
import { ExportQuery, Statistics, StatisticsQuery, SummaryQuery, WorkSummary } from './reports.schema.js';
import * as reports from './reports.service.js';

/** Aggregates only: no personal data, so no personal-data grant and no read audit. */
const READERS = { roles: ['analyst', 'liaison_officer', 'admin'] } as const;
const tags = ['reports'];

const FileResponse = Type.Unsafe<Buffer>({
  type: 'string',
  format: 'binary',
  description: 'CSV, XLSX or PDF file',
});

/** Period statistics, the work summary and the exports. */
export function reportsRoutes(deps: reports.ReportsDeps) {
  return (app: HttpApp) => {
    app.get(
      '/api/v1/reports/statistics',
      {
        config: { access: READERS },
        schema: { tags, querystring: StatisticsQuery, response: { 200: Statistics, ...ErrorResponses } },
      },
      async (request) => reports.statistics(deps, request.query),
    );
    app.get(
      '/api/v1/reports/summary',
      {
        config: { access: READERS },
        schema: { tags, querystring: SummaryQuery, response: { 200: WorkSummary, ...ErrorResponses } },
      },
      async (request) =>
        reports.summary(deps, request.query, request.query.lang ?? principalOf(request).language),
    );
    app.get(
      '/api/v1/reports/export',
      {
        config: { access: READERS },
        schema: { tags, querystring: ExportQuery, response: { 200: FileResponse, ...ErrorResponses } },
      },
      async (request, reply) => {
        const lang = request.query.lang ?? principalOf(request).language;
        const file = await reports.exportReport(deps, request.query, request.query.format, lang);
        return reply
          .header('content-type', file.mediaType)
          .header('content-disposition', `attachment; filename="${file.fileName}"`)
          .send(file.content);
      },
    );
  };
}
