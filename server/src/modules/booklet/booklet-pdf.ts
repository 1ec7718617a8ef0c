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
    doc.font('bold').fontSize(12).fillColor(INK).text(section.agencyName);
    doc.moveDown(0.3);
    doc.font('regular').fontSize(8.5).fillColor(INK);
    doc.table({
      columnStyles: [width * 0.22, width * 0.2, width * 0.29, width * 0.29],
      defaultStyle: { border: 0.5, borderColor: RULE, padding: [4, 5, 4, 5] },
      rowStyles: (row) => (row === 0 ? { backgroundColor: HEAD_FILL } : undefined),
      data: [
        [BOOKLET_TEXT.item, BOOKLET_TEXT.basis, BOOKLET_TEXT.violations, BOOKLET_TEXT.compliance].map((text) => ({ text, font: { src: 'bold' }, type: 'TH' as const })),
        ...section.items.map((item) => [
          itemCell(item),
          item.basis,
          item.commonViolations || BOOKLET_TEXT.notGiven,
          item.complianceGuide || BOOKLET_TEXT.notGiven,
        ]),
      ],
    });
    doc.x = MARGIN;
  }

  doc.moveDown(1);
  doc.font('bold').fontSize(14).fillColor(INK).text(BOOKLET_TEXT.historyHeading, MARGIN);
  doc.moveDown(0.4);
  if (!content.history.length) doc.font('regular').fontSize(10.5).text(BOOKLET_TEXT.noHistory);
  else {
    doc.font('regular').fontSize(8.5).fillColor(INK);
    doc.table({
      columnStyles: [width * 0.14, width * 0.22, width * 0.14, width * 0.36, width * 0.14],
      defaultStyle: { border: 0.5, borderColor: RULE, padding: [4, 5, 4, 5] },
      rowStyles: (row) => (row === 0 ? { backgroundColor: HEAD_FILL } : undefined),
      data: [
        [BOOKLET_TEXT.historyDate, BOOKLET_TEXT.historyAgency, BOOKLET_TEXT.historyTrigger, BOOKLET_TEXT.historyItems, BOOKLET_TEXT.historyResult]
          .map((text) => ({ text, font: { src: 'bold' }, type: 'TH' as const })),
        ...content.history.map((row) => [row.date, row.agencyName, row.trigger, row.items, row.result]),
      ],
    });
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
