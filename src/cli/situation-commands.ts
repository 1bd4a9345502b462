import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { SingleBar } from 'cli-progress';
import { type Command, InvalidArgumentError } from 'commander';
import { createLogger } from '../core/log.js';
import { isCalendarDate, parseSituationCsv, parseSituationXlsx } from '../modules/situation/rules/index.js';
import { exchangeNotifier } from '../modules/situation/situation.notifier.js';
import type { SituationReport } from '../modules/situation/situation.schema.js';
import { listReports } from '../modules/situation/situation.service.js';
import { importReports } from '../modules/situation/situation-import.js';
import { cliActor, err, out, withDatabase } from './context.js';
import { createOfflineExchange } from './offline-exchange.js';

const EXPORT_COLUMNS = [
  ['county_code', 'countyCode'],
  ['date', 'date'],
  ['source', 'source'],
  ['confirmed', 'confirmed'],
  ['new_local', 'newLocal'],
  ['new_imported', 'newImported'],
  ['asymptomatic', 'asymptomatic'],
  ['deaths', 'deaths'],
  ['under_observation', 'underObservation'],
  ['tests', 'tests'],
  ['vaccination_coverage', 'vaccinationCoverage'],
  ['remarks', 'remarks'],
  ['correction_note', 'correctionNote'],
  ['version', 'version'],
] as const satisfies ReadonlyArray<readonly [string, keyof SituationReport]>;

function calendarDate(value: string): string {
  if (!isCalendarDate(value)) throw new InvalidArgumentError(`"${value}" is not a date written YYYY-MM-DD`);
  return value;
}

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A progress bar on stderr that follows the bytes of the file as the parser reads them. */
function readingProgress(file: string) {
  const bar = new SingleBar({
    format: 'reading {bar} {percentage}% | {value}/{total} KB',
    stream: process.stderr,
    hideCursor: true,
  });
  const total = Math.max(1, Math.ceil(statSync(file).size / 1024));
  let bytes = 0;
  bar.start(total, 0);
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      bar.update(Math.min(total, Math.ceil(bytes / 1024)));
      done(null, chunk);
    },
  });
  return { counter, stop: () => bar.stop() };
}

/** `import situation FILE` and `export situation --from --to`. */
export function registerSituationCommands(program: Command, importCommand: Command): void {
  importCommand
    .command('situation')
    .description(
      'import daily border-county figures from a CSV or XLSX file (all rows or none, unless --partial)',
    )
    .argument('<file>', 'a .csv (UTF-8) or .xlsx file whose header names the situation columns')
    .option('--partial', 'keep the good rows when some are bad', false)
    .action((file: string, opts: { partial: boolean }) =>
      withDatabase(async (handle, config) => {
        const isXlsx = path.extname(file).toLowerCase() === '.xlsx';
        const reading = readingProgress(file);
        const rows = isXlsx
          ? parseSituationXlsx(file)
          : parseSituationCsv(createReadStream(file).pipe(reading.counter));
        const writing = new SingleBar({
          format: 'writing {bar} {percentage}% | {value}/{total} rows',
          stream: process.stderr,
        });
        let writingStarted = false;
        const actor = cliActor();
        // Notifications the import raises go through exchange into the outbox, as on the running node.
        const exchange = await createOfflineExchange({
          config,
          db: handle.db,
          dialect: handle.dialect,
          log: createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, config.nodeCode),
        });
        const notifier = exchangeNotifier((trx, request) => exchange.send(trx, actor, request));
        let result: Awaited<ReturnType<typeof importReports>>;
        try {
          result = await importReports({ db: handle.db, ownAgency: config.nodeCode, notifier }, actor, rows, {
            partial: opts.partial,
            onProgress: (written, total) => {
              if (!writingStarted) {
                reading.stop();
                writing.start(total, 0);
                writingStarted = true;
              }
              writing.update(written);
            },
          });
        } finally {
          reading.stop();
          if (writingStarted) writing.stop();
          // Copies already handed to the mailer must finish before withDatabase closes the database.
          await exchange.settled();
        }
        for (const e of result.errors)
          err(`line ${e.line}${e.column ? `, ${e.column}` : ''}: ${e.message} [${e.code}]`);
        if (result.rejected > result.errors.length)
          err(`… and more: ${result.rejected} rows rejected in all`);
        if (!result.committed) {
          err(
            `${result.rejected === 1 ? '1 row has' : `${result.rejected} rows have`} errors; nothing was imported (use --partial to keep the good rows)`,
          );
          process.exitCode = 1;
          return;
        }
        out(
          `imported ${result.imported}, unchanged ${result.unchanged}, rejected ${result.rejected}, with warnings ${result.warned}`,
        );
      }),
    );

  const exportCommand = program.command('export').description('export data to files');
  exportCommand
    .command('situation')
    .description('print the daily border-county figures of a period (both sides) to stdout')
    .requiredOption('--from <date>', 'first day, YYYY-MM-DD', calendarDate)
    .requiredOption('--to <date>', 'last day, YYYY-MM-DD', calendarDate)
    .option('--format <format>', 'csv or json (one object per line)', 'csv')
    .action((opts: { from: string; to: string; format: string }) =>
      withDatabase(async (handle) => {
        if (opts.format !== 'csv' && opts.format !== 'json')
          throw new InvalidArgumentError('--format is csv or json');
        if (opts.format === 'csv') out(EXPORT_COLUMNS.map(([name]) => name).join(','));
        let cursor: string | undefined;
        do {
          const page = await listReports(handle.db, { from: opts.from, to: opts.to, cursor, limit: 5000 });
          for (const report of page.items) {
            out(
              opts.format === 'json'
                ? JSON.stringify(report)
                : EXPORT_COLUMNS.map(([, field]) => csvCell(report[field])).join(','),
            );
          }
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
      }),
    );
}
