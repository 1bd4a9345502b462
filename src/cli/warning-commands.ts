import { createReadStream } from 'node:fs';
import { type Command, InvalidArgumentError } from 'commander';
import { type MrzParser, screenCsv } from '../modules/warning/matcher/index.js';
import { CsvFileError, CsvHeaderError, SCREEN_CSV_COLUMNS } from '../modules/warning/matcher/screen-csv.js';
import { formatMrzJson, parseMrz, parseMrzDocuments } from '../modules/warning/mrz/index.js';
import { err, out } from './context.js';

const FORMATS = ['ndjson', 'csv'] as const;
type OutputFormat = (typeof FORMATS)[number];

function outputFormat(value: string): OutputFormat {
  if ((FORMATS as readonly string[]).includes(value)) return value as OutputFormat;
  throw new InvalidArgumentError(`format must be one of ${FORMATS.join(', ')}`);
}

/** The matcher's MRZ port, served by the MRZ parser (check digits verified). */
const mrzForMatcher: MrzParser = (text) => {
  const result = parseMrz(text);
  if (!result.ok) return { ok: false, errors: result.errors, fields: {} };
  const { fields } = result;
  return {
    ok: true,
    fields: {
      surname: fields.surname,
      givenNames: fields.givenNames,
      documentNumber: fields.documentNumber,
      nationality: fields.nationality === 'D' ? 'DEU' : fields.nationality,
      birthDate: fields.birthDate ?? undefined,
      sex: fields.sex ?? undefined,
    },
  };
};

/** A file's bytes, opened only when read, so a missing file fails where it is read and not as a stray event. */
async function* fileBytes(file: string): AsyncGenerator<Buffer> {
  yield* createReadStream(file);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** `screen` (offline screening of CSV files) and `mrz parse`. */
export function registerWarningCommands(program: Command): void {
  program
    .command('screen')
    .description('screen a crossings CSV against a watchlist CSV offline; one JSON line per crossing')
    .requiredOption('--watchlist <file>', `CSV with a header row: ${SCREEN_CSV_COLUMNS.watchlist.join(', ')}`)
    .requiredOption(
      '--crossings <file>',
      `CSV: ${SCREEN_CSV_COLUMNS.crossings.join(', ')} (id and mrz suffice)`,
    )
    .option('--format <format>', `output: ${FORMATS.join(' or ')}`, outputFormat, 'ndjson')
    .action(async (opts: { watchlist: string; crossings: string; format: OutputFormat }) => {
      if (opts.format === 'csv') out('crossing_id,verdict,entry_id,score');
      const results = screenCsv(fileBytes(opts.watchlist), fileBytes(opts.crossings), {
        parseMrz: mrzForMatcher,
        // Bad rows go to stderr so stdout stays one result per good crossing.
        onRowError: (rowError) => err(JSON.stringify({ error: rowError })),
      });
      try {
        for await (const result of results) {
          out(
            opts.format === 'csv'
              ? [result.crossing_id, result.verdict, result.entry_id ?? '', result.score].join(',')
              : JSON.stringify(result),
          );
        }
      } catch (error) {
        if (error instanceof CsvHeaderError) err(`error: ${error.message}`);
        else if (error instanceof CsvFileError) {
          const where = `${error.file} file ${opts[error.file]}${error.line ? `, line ${error.line}` : ''}`;
          err(`error: ${where}: ${error.message}`);
        } else throw error;
        process.exitCode = 1;
      }
    });

  const mrz = program.command('mrz').description('machine-readable zones (ICAO 9303)');
  mrz
    .command('parse')
    .description(
      'read MRZ documents on stdin (separated by a blank line); print one JSON object per document with its fields, check digits and errors',
    )
    .action(async () => {
      // A document that fails is reported in its JSON (`ok: false`, `errors`), not by the exit status:
      // a batch with one bad zone is still a successful run.
      for (const result of parseMrzDocuments(await readStdin())) out(JSON.stringify(formatMrzJson(result)));
    });
}
