import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * 高发违法行为预警报告 as written for a year (by the January job or on request): kept as generated, so
 * a published year does not move when older cases are imported later. Written again only on request.
 */
@Entity('warning_reports')
export class WarningReportRow {
  @PrimaryColumn({ type: 'smallint' })
  year: number;

  /** The ViolationWarningReport as JSON text. */
  @Column({ type: 'mediumtext' })
  report: string;

  @Column({ name: 'total_cases', type: 'int' })
  totalCases: number;

  /** Causes of the overall list that carry a warning. */
  @Column({ type: 'int' })
  warnings: number;

  @Column({ name: 'generated_at', type: 'datetime', precision: 3 })
  generatedAt: Date;

  /** `system:warning-report`, `user:<id>:<username>` or `cli`. */
  @Column({ name: 'requested_by', type: 'varchar', length: 200 })
  requestedBy: string;
}
