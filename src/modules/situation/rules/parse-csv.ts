import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { invalid } from '../../../core/errors.js';
import { SNIFF_BYTES, sniffCsv } from './file-sniffing.js';
import {
  type ColumnLayout,
  DuplicateRowGuard,
  readHeader,
  readRow,
  type SituationRowResult,
} from './import-columns.js';

// One situation row is well under 1 KB; a record this long means an unclosed quote swallowing the file.
const MAX_RECORD_BYTES = 64 * 1024;

type Chunk = Buffer | string;

/**
 * Streams the rows of a situation CSV file: each data row as a county day or its errors.
 * File-level problems (not CSV, bad header, broken quoting) throw `AppError` kind `invalid`.
 */
export async function* parseSituationCsv(input: string | Readable): AsyncGenerator<SituationRowResult> {
  const source = typeof input === 'string' ? Readable.from([input]) : input;
  const chunks = source[Symbol.asyncIterator]() as AsyncIterator<Chunk>;
  let feed: Readable | undefined;
  try {
    const { head, buffered, ended } = await readHead(chunks);
    const parser = parse({
      delimiter: sniffCsv(head, ended),
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      max_record_size: MAX_RECORD_BYTES,
    });
    feed = Readable.from(replay(buffered, ended ? undefined : chunks));
    feed.on('error', (error) => parser.destroy(error));
    feed.pipe(parser);
    yield* readRecords(parser as AsyncIterable<string[]>);
  } catch (error) {
    if (error instanceof CsvError) {
      throw invalid('situation.import_malformed', `the CSV cannot be read: ${error.message}`, {
        csvError: error.code,
      });
    }
    throw error;
  } finally {
    feed?.destroy();
    source.destroy();
  }
}

async function* readRecords(records: AsyncIterable<string[]>): AsyncGenerator<SituationRowResult> {
  let layout: ColumnLayout | undefined;
  const duplicates = new DuplicateRowGuard();
  // csv-parse's own line count goes wrong on quoted CRLF line breaks, so lines are counted here:
  // blank lines come through as records, and a record spans one line plus its quoted line breaks.
  let linesBefore = 0;
  for await (const record of records) {
    const line = linesBefore + 1;
    linesBefore += 1 + quotedLineBreaks(record);
    if (record.every((cell) => cell.trim() === '')) continue;
    if (!layout) {
      layout = readHeader(record);
      continue;
    }
    yield duplicates.check(readRow(record, layout, line));
  }
  if (!layout) throw invalid('situation.import_empty', 'the file has no header row');
}

/** Reads chunks until there are enough bytes to sniff, keeping them to replay into the parser. */
async function readHead(
  chunks: AsyncIterator<Chunk>,
): Promise<{ head: Buffer; buffered: Chunk[]; ended: boolean }> {
  const buffered: Chunk[] = [];
  const parts: Buffer[] = [];
  let size = 0;
  while (size < SNIFF_BYTES) {
    const next = await chunks.next();
    if (next.done) return { head: Buffer.concat(parts), buffered, ended: true };
    buffered.push(next.value);
    // Only the head is converted, so a large string input is not copied whole.
    const part = typeof next.value === 'string' ? Buffer.from(next.value.slice(0, SNIFF_BYTES)) : next.value;
    parts.push(part);
    size += part.length;
  }
  return { head: Buffer.concat(parts).subarray(0, SNIFF_BYTES), buffered, ended: false };
}

async function* replay(buffered: Chunk[], rest: AsyncIterator<Chunk> | undefined): AsyncGenerator<Chunk> {
  yield* buffered;
  if (!rest) return;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

function quotedLineBreaks(record: readonly string[]): number {
  let count = 0;
  for (const cell of record) {
    if (cell.includes('\n')) count += cell.split('\n').length - 1;
  }
  return count;
}
