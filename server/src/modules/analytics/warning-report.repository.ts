import { Injectable } from '@nestjs/common';
import type { ViolationWarningReport } from '@mashang/shared';
import { BaseRepository } from '../../infra/database/tx.js';

export interface StoredWarningYear {
  year: number;
  totalCases: number;
  warnings: number;
  generatedAt: Date;
  requestedBy: string;
}

/** The stored yearly warning reports (`warning_reports`), one per year. */
@Injectable()
export class WarningReportRepository extends BaseRepository {
  /** Stores a year's report, replacing the one written before. */
  async save(report: ViolationWarningReport, requestedBy: string, at: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO warning_reports (year, report, total_cases, warnings, generated_at, requested_by) VALUES (?, ?, ?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE report = VALUES(report), total_cases = VALUES(total_cases), warnings = VALUES(warnings),
         generated_at = VALUES(generated_at), requested_by = VALUES(requested_by)`,
      [report.year, JSON.stringify(report), report.totalCases, report.top.filter((c) => c.warning).length, at, requestedBy],
    );
  }

  async get(year: number): Promise<{ report: ViolationWarningReport; requestedBy: string } | null> {
    const [row]: { report: string; requested_by: string }[] = await this.dataSource.query('SELECT report, requested_by FROM warning_reports WHERE year = ?', [year]);
    return row ? { report: JSON.parse(row.report), requestedBy: row.requested_by } : null;
  }

  /** Every stored year, newest first, without the reports themselves. */
  async years(): Promise<StoredWarningYear[]> {
    const rows: { year: number; total_cases: number; warnings: number; generated_at: Date; requested_by: string }[] = await this.dataSource.query(
      'SELECT year, total_cases, warnings, generated_at, requested_by FROM warning_reports ORDER BY year DESC');
    return rows.map((r) => ({ year: Number(r.year), totalCases: Number(r.total_cases), warnings: Number(r.warnings), generatedAt: new Date(r.generated_at), requestedBy: r.requested_by }));
  }
}
