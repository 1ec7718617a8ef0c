import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The anomaly report as of one date: its run's state while computing, then its summary. One per date. */
@Entity('anomaly_runs')
@Index('idx_anomaly_runs_queued', ['queuedAt'])
export class AnomalyRun {
  /** YYYY-MM-DD (Asia/Shanghai). */
  @PrimaryColumn({ name: 'as_of', type: 'char', length: 10 })
  asOf: string;

  @Column({ name: 'rule_set', type: 'varchar', length: 8 })
  ruleSet: string;

  /** queued | running | completed | failed */
  @Column({ type: 'varchar', length: 10 })
  status: string;

  /** 0–100 */
  @Column({ type: 'smallint', default: 0 })
  progress: number;

  /** The rule being computed, or `summary` / `flags`. */
  @Column({ name: 'current_rule', type: 'varchar', length: 40, nullable: true })
  currentRule: string | null;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  /** Why the last attempt failed. */
  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ name: 'requested_by', type: 'varchar', length: 200 })
  requestedBy: string;

  @Column({ name: 'queued_at', type: 'datetime', precision: 3 })
  queuedAt: Date;

  @Column({ name: 'started_at', type: 'datetime', precision: 3, nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: 'datetime', precision: 3, nullable: true })
  finishedAt: Date | null;

  /** When the completed report was generated (the file's `generatedAt`). */
  @Column({ name: 'generated_at', type: 'datetime', precision: 3, nullable: true })
  generatedAt: Date | null;

  /** JSON `{ byRule, byAgency }` of the completed report. */
  @Column({ type: 'mediumtext', nullable: true })
  summary: string | null;

  @Column({ name: 'finding_count', type: 'int', default: 0 })
  findingCount: number;

  /** Flagged cases raised by this report (findings not raised before). */
  @Column({ name: 'raised_count', type: 'int', default: 0 })
  raisedCount: number;
}
