import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';

/**
 * Noto Sans Hans (SIL OFL 1.1, shipped by the @embedpdf/fonts-sc package) covers Chinese, Cyrillic and Latin,
 * so one font serves documents in all three languages without any font on the host.
 */
const FONT_FILE = 'NotoSansHans-Regular.otf';
let fontData: Buffer | undefined;

function documentFont(): Buffer {
  if (fontData === undefined) {
    const entry = createRequire(import.meta.url).resolve('@embedpdf/fonts-sc');
    fontData = readFileSync(path.join(path.dirname(entry), '..', 'fonts', FONT_FILE));
  }
  return fontData;
}

/** Lays out a plain-text notification document as an A4 PDF for e-mail or fax. */
export function plainDocumentToPdf(text: string, meta: { title: string; id: string }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 56,
      info: { Title: meta.title, Subject: meta.id, Creator: 'Borderlink' },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('document', documentFont());
    doc.font('document').fontSize(10.5);
    for (const line of text.split('\n')) {
      // A rule of = or - drawn as a line reads better than a row of glyphs that may wrap.
      if (/^[=-]{20,}$/.test(line)) {
        const y = doc.y + 4;
        doc
          .moveTo(doc.page.margins.left, y)
          .lineTo(doc.page.width - doc.page.margins.right, y)
          .stroke();
        doc.moveDown(0.6);
      } else {
        doc.text(line === '' ? ' ' : line, { lineGap: 2 });
      }
    }
    doc.end();
  });
}
