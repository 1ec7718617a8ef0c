import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { BOOKLET_TEXT } from '@mashang/shared';
import type { BookletContent, BookletItem } from './booklet-content.js';

/**
 * Noto Sans SC (SIL Open Font License 1.1, from the npm package @expo-google-fonts/noto-sans-sc): read
 * once per process, embedded as a subset of the glyphs a booklet uses, so a booklet weighs tens of
 * kilobytes rather than the font's ten megabytes.
 */
const FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const;
let fonts: { regular: Buffer; bold: Buffer } | null = null;
function loadFonts(): { regular: Buffer; bold: Buffer } {
  if (!fonts) {
    const require = createRequire(import.meta.url);
    fonts = { regular: readFileSync(require.resolve(FONT_FILES.regular)), bold: readFileSync(require.resolve(FONT_FILES.bold)) };
  }
  return fonts;
}

const MARGIN = 48;
const INK = '#1f2329';
const MUTED = '#646a73';
const RULE = '#c9cdd4';
const HEAD_FILL = '#eef1f5';
const NOTE_FILL = '#fff7e8';

const itemCell = (item: BookletItem) => {
  const lines = [item.name, `（${item.reasons.join('；')}）`];
  if (item.noDisturb) lines.push(BOOKLET_TEXT.noDisturb);
  return lines.join('\n');
};

const PAD = 4;
/** Room a heading needs below it: its table's header and a first row. */
const KEEP_WITH_NEXT = 80;
const TABLE_SIZE = 8.5;

/**
 * A table drawn by hand: each row as tall as its tallest cell, the header again at the top of every page a
 * table crosses. (pdfkit's own table measures each cell many times: ~0.4 s a row with a CJK font.)
 * A cell taller than a page is cut with an ellipsis rather than split.
 */
function table(doc: PDFKit.PDFDocument, widths: readonly number[], header: readonly string[], rows: readonly (readonly string[])[]): void {
  const left = doc.page.margins.left;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const maxRow = doc.page.height - doc.page.margins.top - doc.page.margins.bottom - 40;
  const heightOf = (cells: readonly string[], font: string) => {
    doc.font(font).fontSize(TABLE_SIZE);
    return Math.min(maxRow, Math.max(...cells.map((text, i) => doc.heightOfString(text, { width: widths[i] - PAD * 2 }))) + PAD * 2);
  };
  const draw = (cells: readonly string[], font: string, height: number, fill: string | null) => {
    let x = left;
    const y = doc.y;
    cells.forEach((text, i) => {
      if (fill) doc.rect(x, y, widths[i], height).fill(fill);
      doc.lineWidth(0.5).rect(x, y, widths[i], height).stroke(RULE);
      doc.font(font).fontSize(TABLE_SIZE).fillColor(INK).text(text, x + PAD, y + PAD, { width: widths[i] - PAD * 2, height: height - PAD * 2, ellipsis: true });
      x += widths[i];
    });
    doc.x = left;
    doc.y = y + height;
  };
  const headerHeight = heightOf(header, 'bold');
  const drawHeader = () => draw(header, 'bold', headerHeight, HEAD_FILL);
  if (doc.y + headerHeight * 2 > bottom()) doc.addPage();
  drawHeader();
  for (const row of rows) {
    const height = heightOf(row, 'regular');
    if (doc.y + height > bottom()) {
      doc.addPage();
      drawHeader();
    }
    draw(row, 'regular', height, null);
  }
}

/**
 * The booklet as an A4 PDF (pdfkit): title, the enterprise's name and credit code, one section per agency
 * with its items table (item, legal basis, common violations, how to comply), the inspection history
 * table, page numbers. The document is a readable stream: pipe it to the answer.
 */
export function bookletPdf(content: BookletContent): PDFKit.PDFDocument {
  const { regular, bold } = loadFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + 12, left: MARGIN, right: MARGIN },
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: { Title: `${content.title}（${content.subtitle}）— ${content.enterpriseName}`, Subject: content.subtitle, Creator: '码上入企' },
  });
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  const width = doc.page.width - MARGIN * 2;

  doc.font('bold').fontSize(22).fillColor(INK).text(`${content.title}（${content.subtitle}）`, { align: 'center' });
  doc.moveDown(0.4);
  doc.font('bold').fontSize(15).text(content.enterpriseName, { align: 'center' });
  doc.moveDown(0.6);
  doc.font('regular').fontSize(10.5);
  for (const [label, value] of content.facts) doc.fillColor(MUTED).text(`${label}：`, { continued: true }).fillColor(INK).text(value);
  doc.fillColor(MUTED).text(`${BOOKLET_TEXT.generatedAt}：`, { continued: true }).fillColor(INK).text(content.generatedAt);
  doc.moveDown(0.8);

  doc.font('bold').fontSize(14).fillColor(INK).text(BOOKLET_TEXT.itemsHeading);
  doc.moveDown(0.3);
  doc.font('regular').fontSize(9.5).fillColor(MUTED).text(BOOKLET_TEXT.itemsIntro);
  doc.moveDown(0.4);
  if (!content.sections.length) doc.font('regular').fontSize(10.5).fillColor(INK).text(BOOKLET_TEXT.noItems);
  for (const section of content.sections) {
    doc.moveDown(0.5);
    // An agency's name is not left alone at the foot of a page: it goes over with its table.
    if (doc.y + KEEP_WITH_NEXT > doc.page.height - doc.page.margins.bottom) doc.addPage();
    doc.font('bold').fontSize(12).fillColor(INK).text(section.agencyName);
    doc.moveDown(0.3);
    table(
      doc,
      [width * 0.22, width * 0.2, width * 0.29, width * 0.29],
      [BOOKLET_TEXT.item, BOOKLET_TEXT.basis, BOOKLET_TEXT.violations, BOOKLET_TEXT.compliance],
      section.items.map((item) => [itemCell(item), item.basis, item.commonViolations || BOOKLET_TEXT.notGiven, item.complianceGuide || BOOKLET_TEXT.notGiven]),
    );
    doc.x = MARGIN;
  }

  doc.moveDown(1);
  doc.font('bold').fontSize(14).fillColor(INK).text(BOOKLET_TEXT.historyHeading, MARGIN);
  doc.moveDown(0.4);
  if (!content.history.length) doc.font('regular').fontSize(10.5).text(BOOKLET_TEXT.noHistory);
  else {
    table(
      doc,
      [width * 0.14, width * 0.22, width * 0.14, width * 0.36, width * 0.14],
      [BOOKLET_TEXT.historyDate, BOOKLET_TEXT.historyAgency, BOOKLET_TEXT.historyTrigger, BOOKLET_TEXT.historyItems, BOOKLET_TEXT.historyResult],
      content.history.map((row) => [row.date, row.agencyName, row.trigger, row.items, row.result]),
    );
    doc.x = MARGIN;
    if (content.historyNote) {
      doc.moveDown(0.4);
      doc.font('regular').fontSize(9).fillColor(MUTED).text(content.historyNote);
    }
  }
  doc.moveDown(1);
  const y = doc.y;
  doc.font('regular').fontSize(9).fillColor(MUTED);
  const footerHeight = doc.heightOfString(BOOKLET_TEXT.footer, { width: width - 16 }) + 12;
  if (y + footerHeight > doc.page.height - doc.page.margins.bottom) doc.addPage();
  doc.rect(MARGIN, doc.y, width, footerHeight).fill(NOTE_FILL);
  doc.fillColor(MUTED).text(BOOKLET_TEXT.footer, MARGIN + 8, doc.y + 6, { width: width - 16 });

  // Page numbers last, once the number of pages is known; the bottom margin is lifted so writing there adds no page.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(8.5).fillColor(MUTED)
      .text(`${content.enterpriseName} · ${BOOKLET_TEXT.page(i - range.start + 1, range.count)}`, MARGIN, doc.page.height - MARGIN + 4, { width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.flushPages();
  doc.end();
  return doc;
}
