import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError, invalid, reasonOf } from '../../../core/errors.js';
import {
  type ColumnLayout,
  DuplicateRowGuard,
  readHeader,
  readRow,
  type SituationRowResult,
} from './import-columns.js';

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04] as const;

/**
 * Streams the rows of the first worksheet of a situation XLSX workbook, like `parseSituationCsv`;
 * `line` is the worksheet row number. File-level problems throw `AppError` kind `invalid`.
 */
export async function* parseSituationXlsx(input: Buffer | string): AsyncGenerator<SituationRowResult> {
  const head =
    typeof input === 'string' ? await readFileHead(input) : input.subarray(0, ZIP_SIGNATURE.length);
  if (head.length === 0) throw invalid('situation.import_empty', 'the file is empty');
  if (!ZIP_SIGNATURE.every((byte, index) => head[index] === byte)) {
    throw invalid('situation.import_not_xlsx', 'the file is not an XLSX workbook (no ZIP signature)');
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(
    typeof input === 'string' ? input : Readable.from([input]),
    { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' },
  );
  try {
    for await (const worksheet of reader) {
      yield* readWorksheet(worksheet);
      // Only the first worksheet holds data; the rest (notes, pivot tables) is not read.
      return;
    }
    throw invalid('situation.import_empty', 'the workbook has no worksheet');
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw invalid('situation.import_not_xlsx', `the workbook cannot be read: ${reasonOf(error)}`);
  }
}

async function* readWorksheet(worksheet: AsyncIterable<ExcelJS.Row>): AsyncGenerator<SituationRowResult> {
  let layout: ColumnLayout | undefined;
  const duplicates = new DuplicateRowGuard();
  for await (const row of worksheet) {
    const cells = rowCells(row);
    if (cells.every((cell) => cell.trim() === '')) continue;
    if (!layout) {
      layout = readHeader(cells);
      continue;
    }
    // A worksheet row ends at its last filled cell, so empty trailing cells are simply absent.
    while (cells.length < layout.width) cells.push('');
    yield duplicates.check(readRow(cells, layout, row.number));
  }
  if (!layout) throw invalid('situation.import_empty', 'the first worksheet has no header row');
}

/** The row's cells as text, column A first; ExcelJS keeps `values` 1-based and sparse. */
function rowCells(row: ExcelJS.Row): string[] {
  const values = Array.isArray(row.values) ? row.values : [];
  const cells: string[] = [];
  for (let index = 1; index < values.length; index++) cells.push(cellText(values[index]));
  return cells;
}

function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  // Date-formatted cells arrive as midnight UTC of the calendar day shown in the sheet.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('error' in value) return String(value.error);
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  return '';
}

async function readFileHead(path: string): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await file.read(
      Buffer.alloc(ZIP_SIGNATURE.length),
      0,
      ZIP_SIGNATURE.length,
      0,
    );
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}
