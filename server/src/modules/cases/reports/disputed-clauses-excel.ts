import type { Writable } from 'node:stream';
import { disputedClauseTable, percentText, type DisputedClausesReport } from '@mashang/shared';
import ExcelJS from 'exceljs';

const WIDTHS = [14, 40, 16, 16, 10, 10, 10, 10, 12, 80];

/**
 * Streams the disputed-clause report as an .xlsx workbook: a title row (period, agency, thresholds),
 * then the table with Chinese headers; rows are committed as written.
 */
export async function writeDisputedClausesWorkbook(report: DisputedClausesReport, out: Writable): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('争议条款');
  sheet.columns = WIDTHS.map((width) => ({ width }));
  const title = sheet.addRow([`争议条款统计（${report.from} 至 ${report.to}${report.agencyName ? `，${report.agencyName}` : '，全部执法部门'}）`]);
  title.font = { bold: true, size: 13 };
  title.commit();
  sheet.addRow([`提示标准：异议不少于 ${report.thresholds.minObjections} 件且异议率不低于 ${percentText(report.thresholds.minRate)}；生成于 ${report.generatedAt.slice(0, 16).replace('T', ' ')}`]).commit();
  const { header, rows } = disputedClauseTable(report);
  const head = sheet.addRow(header);
  head.font = { bold: true };
  head.commit();
  for (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
  return rows.length;
}
