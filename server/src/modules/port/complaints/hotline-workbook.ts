import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ErrorCode } from '@mashang/shared';
import ExcelJS from 'exceljs';
import { DomainError } from '../../../infra/errors/domain-error.js';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The columns of a 12345 export as the hotline names them, and the ticket's field each fills. */
export const HOTLINE_COLUMNS: Readonly<Record<string, string>> = {
  工单号: 'ticketNo',
  受理时间: 'receivedAt',
  统一社会信用代码: 'creditCode',
  联系电话: 'phone',
  诉求内容: 'content',
  检查记录编号: 'inspectionId',
};
const REQUIRED = ['工单号', '受理时间', '统一社会信用代码', '联系电话', '诉求内容'];

/** Excel uploads arrive as a raw stream, like JSON Lines: the import reads them itself. */
export function registerWorkbookUploads(app: NestFastifyApplication): void {
  app.getHttpAdapter().getInstance().addContentTypeParser(XLSX, (_request, payload, done) => done(null, payload));
}

/** A cell as text: dates as ISO instants, rich text and hyperlinks by their text, formulas by their result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value).trim();
}

/**
 * The first sheet of a 12345 export (.xlsx), a header row naming the columns (HOTLINE_COLUMNS) and a
 * ticket a row, as the JSON Lines the import reads: so both formats are checked by the same rules and
 * their problems named by the same line numbers (the sheet's row numbers).
 */
export async function hotlineWorkbookLines(bytes: Buffer): Promise<string> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new DomainError(ErrorCode.BadRequest, '不是有效的 Excel（.xlsx）文件');
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw new DomainError(ErrorCode.BadRequest, 'Excel 文件中没有工作表');
  const header = new Map<number, string>();
  sheet.getRow(1).eachCell((cell, column) => {
    const name = cellText(cell.value);
    if (HOTLINE_COLUMNS[name]) header.set(column, HOTLINE_COLUMNS[name]);
  });
  const missing = REQUIRED.filter((name) => ![...header.values()].includes(HOTLINE_COLUMNS[name]));
  if (missing.length) throw new DomainError(ErrorCode.ValidationFailed, `第一行应为列名，缺少：${missing.join('、')}`, missing.map((name) => ({ field: `第1行：${name}`, reason: '缺少此列' })));
  const lines: string[] = [''];
  for (let r = 2; r <= sheet.rowCount; r += 1) {
    const ticket: Record<string, string> = {};
    sheet.getRow(r).eachCell((cell, column) => {
      const field = header.get(column);
      const text = cellText(cell.value);
      if (field && text) ticket[field] = text;
    });
    lines.push(Object.keys(ticket).length ? JSON.stringify(ticket) : '');
  }
  return lines.join('\n');
}
