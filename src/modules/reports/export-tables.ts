import ExcelJS from 'exceljs';
import type { Breakdown } from './report-tables.js';
import type { Statistics, WorkSummary } from './reports.schema.js';

// A cell starting with these is a formula to a spreadsheet; quote it so a code from a peer cannot run one.
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV for the whole report: a `table,key,label,column,value` row per figure, with a UTF-8 BOM for Excel. */
export function reportCsv(stats: Statistics, tables: readonly Breakdown[]): Buffer {
  const lines = [['table', 'key', 'label', 'column', 'value'].join(',')];
  const meta: Array<[string, string]> = [
    ['agency', stats.agency],
    ['from', stats.period.from],
    ['to', stats.period.to],
    ['label', stats.period.label],
    ['timeZone', stats.timeZone],
  ];
  for (const [key, value] of meta) lines.push(['period', key, key, '', value].map(csvCell).join(','));
  for (const table of tables) {
    for (const row of table.rows) {
      table.columns.forEach((column, index) => {
        lines.push([table.key, row.key, row.label, column, row.values[index] ?? 0].map(csvCell).join(','));
      });
    }
  }
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** A workbook: the summary with its exact figures on the first sheet, then one sheet per breakdown. */
export async function reportXlsx(stats: Statistics, summary: WorkSummary, tables: readonly Breakdown[]) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = `Borderlink ${stats.agency}`;
  workbook.created = new Date(stats.generatedAt);
  const first = workbook.addWorksheet(sheetName(tables[0]?.title ?? 'Summary', new Set()));
  first.columns = [{ width: 44 }, { width: 16 }];
  first.addRow([`${stats.agency} · ${stats.period.from} – ${stats.period.to} (${stats.period.label})`]).font =
    {
      bold: true,
    };
  const text = first.addRow([summary.text]);
  first.mergeCells(text.number, 1, text.number, 2);
  text.alignment = { wrapText: true, vertical: 'top' };
  text.height = Math.min(400, 15 * Math.ceil(summary.text.length / 60));
  first.addRow([summary.roundingRule]).alignment = { wrapText: true };
  first.addRow([]);
  for (const row of summary.table) first.addRow([row.label, row.value]);
  const used = new Set([first.name]);
  for (const table of tables.slice(1)) {
    const sheet = workbook.addWorksheet(sheetName(table.title, used));
    used.add(sheet.name);
    sheet.columns = [{ width: 36 }, { width: 14 }, ...table.columns.slice(1).map(() => ({ width: 14 }))];
    sheet.addRow(['', ...table.columns]).font = { bold: true };
    for (const row of table.rows) sheet.addRow([row.label, ...row.values]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// Excel limits sheet names to 31 characters without []:*?/\ and they must be unique.
function sheetName(title: string, used: ReadonlySet<string>): string {
  const base = title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 28);
  let name = base;
  for (let n = 2; used.has(name); n += 1) name = `${base} ${n}`;
  return name;
}
