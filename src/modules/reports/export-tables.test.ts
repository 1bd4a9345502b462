import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { reportCsv, reportXlsx } from './export-tables.js';
import { reportTables } from './report-tables.js';
import { workSummary } from './summary.js';
import { buildStats } from './test-support/factories.js';

const csvLines = (content: Buffer) =>
  content
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');

describe('report exports', () => {
  it('quotes CSV cells that a spreadsheet would run as a formula or split', () => {
    const stats = buildStats({
      notifications: {
        ...buildStats().notifications,
        byCounterpart: { '=HYPERLINK("x")': { sent: 1, received: 0 }, 'A,B': { sent: 2, received: 0 } },
      },
    });
    const lines = csvLines(reportCsv(stats, reportTables(stats, 'en')));
    expect(lines).toContain(`notificationsByCounterpart,"'=HYPERLINK(""x"")","'=HYPERLINK(""x"")",sent,1`);
    expect(lines).toContain('notificationsByCounterpart,"A,B","A,B",sent,2');
  });

  it('labels codes in the language of the export and keeps the codes as keys', () => {
    const stats = buildStats();
    const lines = csvLines(reportCsv(stats, reportTables(stats, 'zh')));
    expect(lines).toContain('interceptionsByOutcome,persuaded_to_return,劝返,人数,2811');
    expect(lines).toContain('notificationsByType,situation.daily,边境疫情日报,发出,1100');
  });

  it('gives every breakdown its own sheet, with names Excel accepts', async () => {
    const stats = buildStats();
    const tables = reportTables(stats, 'ru');
    const workbook = new ExcelJS.Workbook();
    const bytes = await reportXlsx(stats, workSummary(stats, 'ru'), tables);
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
    const names = workbook.worksheets.map((sheet) => sheet.name);
    expect(names).toHaveLength(tables.length);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[[\]:*?/\\]/);
    }
    const outcomes = workbook.worksheets.find((sheet) => sheet.name.startsWith('Задержания по результату'));
    expect(outcomes?.getRow(2).values).toEqual([
      undefined,
      'Возвращение после разъяснительной беседы',
      2811,
      700,
    ]);
  });
});
