import type { Language } from '../../core/auth/roles.js';
import type { Db } from '../../core/db/database.js';
import { getAgency } from '../directory/directory.service.js';
import { reportPdf } from './export-pdf.js';
import { reportCsv, reportXlsx } from './export-tables.js';
import { type PeriodRequest, type ReportPeriod, resolvePeriod } from './period.js';
import type { ReportSources } from './report-sources.js';
import { reportTables } from './report-tables.js';
import type { ExportFormat, Statistics, WorkSummary } from './reports.schema.js';
import { buildStatistics } from './statistics.js';
import { workSummary } from './summary.js';

/** What the reports use cases need: the node's database (for its agency), its agency code and the counts. */
export interface ReportsDeps {
  readonly db: Db;
  readonly agency: string;
  readonly sources: ReportSources;
}

/** An export ready to send or write: bytes, media type and a file name. */
export interface ReportFile {
  readonly fileName: string;
  readonly mediaType: string;
  readonly content: Buffer;
}

const MEDIA_TYPES: Readonly<Record<ExportFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

const TITLE: Readonly<Record<Language, string>> = {
  en: 'Work report',
  zh: '工作情况统计报告',
  ru: 'Отчёт о работе',
};

/** The period a request names, in the node's agency time zone. */
export async function periodOf(deps: ReportsDeps, request: PeriodRequest): Promise<ReportPeriod> {
  const agency = await getAgency(deps.db, deps.agency);
  return resolvePeriod(request, agency.timeZone);
}

/** Period statistics from every module's counts. */
export async function statistics(
  deps: ReportsDeps,
  request: PeriodRequest,
  now = new Date(),
): Promise<Statistics> {
  return buildStatistics(deps.sources, deps.agency, await periodOf(deps, request), now);
}

/** The press-release summary in one language, with its exact-figures table and rounding rule. */
export async function summary(
  deps: ReportsDeps,
  request: PeriodRequest,
  lang: Language,
): Promise<WorkSummary> {
  return workSummary(await statistics(deps, request), lang);
}

/** Renders already computed statistics as a file. */
export async function renderReport(
  stats: Statistics,
  format: ExportFormat,
  lang: Language,
): Promise<ReportFile> {
  const tables = reportTables(stats, lang);
  const base = `report-${stats.agency}-${stats.period.label.replaceAll('/', '_')}-${lang}`;
  const content =
    format === 'csv'
      ? reportCsv(stats, tables)
      : format === 'xlsx'
        ? await reportXlsx(stats, workSummary(stats, lang), tables)
        : await reportPdf(stats, workSummary(stats, lang), tables, `${TITLE[lang]} · ${stats.period.label}`);
  return { fileName: `${base}.${format}`, mediaType: MEDIA_TYPES[format], content };
}

/** The report of a period as CSV, XLSX or PDF. */
export async function exportReport(
  deps: ReportsDeps,
  request: PeriodRequest,
  format: ExportFormat,
  lang: Language,
): Promise<ReportFile> {
  return renderReport(await statistics(deps, request), format, lang);
}
