import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { Language } from '../../core/auth/roles.js';
import type { Breakdown } from './report-tables.js';
import type { Statistics, WorkSummary } from './reports.schema.js';
import { formatNumber } from './rounding.js';

type Pdf = InstanceType<typeof PDFDocument>;

const MARGIN = 50;
const BAR_COLOUR = '#2f6f9f';
const SECOND_COLOUR = '#9cc3de';
/** Bars a chart shows; the rest are added up into one "other" bar so a chart stays readable. */
const MAX_BARS = 12;

let fontCache: Buffer | undefined;

/** Noto Sans SC (OFL, from @embedpdf/fonts-sc) covers Chinese, Latin and Cyrillic, so one font serves every language. */
function reportFont(): Buffer {
  if (!fontCache) {
    const require = createRequire(import.meta.url);
    // The package exports only its index (in dist/); the font files sit beside dist/ in fonts/.
    const packageDir = path.dirname(path.dirname(require.resolve('@embedpdf/fonts-sc')));
    fontCache = readFileSync(path.join(packageDir, 'fonts', 'NotoSansHans-Regular.otf'));
  }
  return fontCache;
}

const OTHER: Readonly<Record<Language, string>> = { en: 'other', zh: '其他', ru: 'прочие' };

/** The rows a chart draws: the largest first, the tail summed into "other". */
function chartRows(table: Breakdown, lang: Language): Array<{ label: string; values: number[] }> {
  const rows = table.rows.filter((row) => row.values.some((value) => value > 0));
  if (rows.length <= MAX_BARS) return rows;
  const kept = rows.slice(0, MAX_BARS - 1);
  const rest = rows.slice(MAX_BARS - 1);
  const summed = table.columns.map((_, index) =>
    rest.reduce((sum, row) => sum + (row.values[index] ?? 0), 0),
  );
  return [...kept, { label: OTHER[lang], values: summed }];
}

function ensureRoom(doc: Pdf, height: number): void {
  if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
}

/** A horizontal bar chart of a breakdown's columns (at most two series), drawn with pdfkit primitives. */
function barChart(doc: Pdf, table: Breakdown, lang: Language): void {
  const rows = chartRows(table, lang);
  if (rows.length === 0) return;
  const series = Math.min(2, table.columns.length);
  const barHeight = 8;
  const rowHeight = series * barHeight + 6;
  ensureRoom(doc, 40 + rows.length * rowHeight);
  doc.fontSize(11).fillColor('black').text(table.title, MARGIN, doc.y);
  doc.moveDown(0.3);
  const labelWidth = 160;
  const chartLeft = MARGIN + labelWidth + 6;
  const chartWidth = doc.page.width - MARGIN - chartLeft - 50;
  const max = Math.max(1, ...rows.flatMap((row) => row.values.slice(0, series)));
  let y = doc.y;
  for (const row of rows) {
    doc
      .fontSize(8)
      .fillColor('black')
      .text(row.label, MARGIN, y, { width: labelWidth, height: rowHeight, ellipsis: true, lineBreak: false });
    for (let s = 0; s < series; s += 1) {
      const value = row.values[s] ?? 0;
      const top = y + s * barHeight;
      const width = Math.max(value > 0 ? 1 : 0, (value / max) * chartWidth);
      doc
        .rect(chartLeft, top, width, barHeight - 1)
        .fill(s === 0 ? BAR_COLOUR : SECOND_COLOUR)
        .fillColor('black')
        .fontSize(7)
        .text(formatNumber(value, lang), chartLeft + width + 3, top, { lineBreak: false });
    }
    y += rowHeight;
  }
  if (series > 1) {
    doc.fontSize(7);
    table.columns.slice(0, series).forEach((column, s) => {
      const x = chartLeft + s * 90;
      doc.rect(x, y + 2, 8, 6).fill(s === 0 ? BAR_COLOUR : SECOND_COLOUR);
      doc.fillColor('black').text(column, x + 11, y + 1, { lineBreak: false });
    });
    y += 12;
  }
  doc.x = MARGIN;
  doc.y = y + 12;
}

function figuresTable(doc: Pdf, summary: WorkSummary): void {
  doc.fontSize(9);
  const valueX = doc.page.width - MARGIN - 100;
  for (const row of summary.table) {
    ensureRoom(doc, 14);
    const y = doc.y;
    doc.fillColor('black').text(row.label, MARGIN, y, { width: valueX - MARGIN - 10, lineBreak: false });
    doc.text(row.shown, valueX, y, { width: 100, align: 'right', lineBreak: false });
    doc
      .moveTo(MARGIN, y + 12)
      .lineTo(doc.page.width - MARGIN, y + 12)
      .lineWidth(0.3)
      .stroke('#cccccc');
    doc.x = MARGIN;
    doc.y = y + 14;
  }
}

/** The report as a PDF: summary text, the exact figures with the rounding rule, then a bar chart per breakdown. */
export function reportPdf(
  stats: Statistics,
  summary: WorkSummary,
  tables: readonly Breakdown[],
  title: string,
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: {
      Title: title,
      Author: stats.agency,
      Creator: 'Borderlink',
      CreationDate: new Date(stats.generatedAt),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('report', reportFont());
  doc.font('report');
  doc.fontSize(16).text(title);
  doc.fontSize(9).fillColor('#555555').text(`${stats.agency} · ${stats.period.from} – ${stats.period.to}`);
  doc.moveDown();
  // Justified Latin and Cyrillic lines open wide gaps around long numbers; Chinese has no spaces to stretch.
  const align = summary.lang === 'zh' ? 'justify' : 'left';
  doc.fontSize(11).fillColor('black').text(summary.text, { align, lineGap: 2 });
  doc.moveDown();
  figuresTable(doc, summary);
  doc.moveDown(0.5);
  doc.fontSize(8).fillColor('#555555').text(summary.roundingRule);
  doc.moveDown();
  for (const table of tables.slice(1)) barChart(doc, table, summary.lang);
  doc.end();
  return done;
}
