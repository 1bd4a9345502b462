import { writeFileSync } from 'node:fs';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { LANGUAGES, type Language } from '../core/auth/roles.js';
import { invalid } from '../core/errors.js';
import { moduleReportSources } from '../modules/reports/module-sources.js';
import { renderReport, statistics } from '../modules/reports/reports.service.js';
import { summaryMarkdown, workSummary } from '../modules/reports/summary.js';
import { out, withDatabase } from './context.js';

const FORMATS = ['json', 'csv', 'xlsx', 'pdf', 'summary'] as const;
type CliFormat = (typeof FORMATS)[number];

interface ReportOptions {
  period?: string;
  from?: string;
  to?: string;
  format: CliFormat;
  lang: Language;
  out?: string;
}

function language(value: string): Language {
  if (!(LANGUAGES as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(`use one of ${LANGUAGES.join(', ')}`);
  }
  return value as Language;
}

/** `report`: the period report of this node as JSON, CSV, XLSX, PDF or the Markdown work summary. */
export function registerReportsCommands(program: Command): void {
  program
    .command('report')
    .description('period statistics, work summary and exports of this node')
    .option('--period <code>', 'a period: 2021, 2021-H1, 2021-Q2, 2021-03, 2021-W05 or 2021-03-05')
    .option('--from <date>', 'first day (YYYY-MM-DD), with --to')
    .option('--to <date>', 'last day, inclusive (YYYY-MM-DD)')
    .addOption(new Option('--format <format>', 'what to produce').choices(FORMATS).default('json'))
    .option('--lang <lang>', `language of labels and summary: ${LANGUAGES.join(', ')}`, language, 'en')
    .option('--out <file>', 'write to this file instead of standard output (required for xlsx and pdf)')
    .action((opts: ReportOptions) =>
      withDatabase(async (handle, config) => {
        if ((opts.format === 'xlsx' || opts.format === 'pdf') && !opts.out) {
          throw invalid('reports.out_required', `--format ${opts.format} needs --out FILE`);
        }
        const deps = { db: handle.db, agency: config.nodeCode, sources: moduleReportSources(handle.db) };
        const stats = await statistics(deps, { period: opts.period, from: opts.from, to: opts.to });
        const content =
          opts.format === 'json'
            ? `${JSON.stringify(stats, null, 2)}\n`
            : opts.format === 'summary'
              ? summaryMarkdown(workSummary(stats, opts.lang), stats.agency)
              : (await renderReport(stats, opts.format, opts.lang)).content;
        if (opts.out) {
          writeFileSync(opts.out, content);
          out(`wrote ${opts.out}`);
        } else {
          process.stdout.write(content);
        }
      }),
    );
}
