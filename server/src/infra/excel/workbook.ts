import type { TableCell } from '@mashang/shared';
import ExcelJS from 'exceljs';

/** One sheet: a bold header row, then the rows; a note row when the rows were cut short. */
export async function workbook(title: string, { header, rows }: { header: string[]; rows: TableCell[][] }, note?: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '码上入企';
  const sheet = book.addWorksheet(title.slice(0, 31));
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  if (note) sheet.addRow([note]).font = { italic: true };
  sheet.columns.forEach((column, i) => {
    const widest = Math.max(...[header[i], ...rows.map((r) => r[i])].map((v) => String(v ?? '').length));
    column.width = Math.min(60, Math.max(10, widest * 2));
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
