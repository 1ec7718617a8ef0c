import type { Writable } from 'node:stream';
import { warningRuleText, warningTables, type ViolationWarningReport } from '@mashang/shared';
import ExcelJS from 'exceljs';

/**
 * Streams a year's warning report as an .xlsx workbook: the overall list, then by industry and by
 * region, one sheet each with Chinese headers; rows are committed as written. Answers the rows written.
 */
export async function writeWarningWorkbook(report: ViolationWarningReport, out: Writable, stored: boolean): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  let count = 0;
  for (const [i, table] of warningTables(report).entries()) {
    const sheet = workbook.addWorksheet(table.title);
    sheet.columns = table.header.map((h) => ({ width: h === '违法行为' ? 44 : h.length > 4 ? 14 : 10 }));
    if (i === 0) {
      const title = sheet.addRow([`${report.year}年度高发违法行为预警报告`]);
      title.font = { bold: true, size: 13 };
      title.commit();
      sheet.addRow([`全年立案 ${report.totalCases} 件（上年 ${report.previousYearCases} 件）。${warningRuleText(report)}`]).commit();
      sheet.addRow([`${stored ? '生成于' : '即时统计于'} ${report.generatedAt.slice(0, 16).replace('T', ' ')}`]).commit();
    }
    const head = sheet.addRow(table.header);
    head.font = { bold: true };
    head.commit();
    for (const row of table.rows) sheet.addRow(row).commit();
    count += table.rows.length;
    sheet.commit();
  }
  await workbook.commit();
  return count;
}
