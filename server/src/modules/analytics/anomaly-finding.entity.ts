import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One finding of the report as of `asOf`: one per (rule, subject), i.e. per dedupe key. */
@Entity('anomaly_findings')
@Index('uq_anomaly_findings_subject', ['asOf', 'dedupeKey'], { unique: true })
@Index('idx_anomaly_findings_order', ['asOf', 'ruleOrder', 'subjectId', 'inspectionId'])
@Index('idx_anomaly_findings_agency', ['asOf', 'agencyId', 'ruleOrder', 'subjectId'])
export class AnomalyFindingRow {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'as_of', type: 'char', length: 10 })
  asOf: string;

  @Column({ type: 'varchar', length: 40 })
  rule: string;

  /** Position of the rule in the spec's table: the report lists findings by it, then by subject id. */
  @Column({ name: 'rule_order', type: 'tinyint' })
  ruleOrder: number;

  @Column({ name: 'subject_type', type: 'varchar', length: 20 })
  subjectType: string;

  @Column({ name: 'subject_id', type: 'varchar', length: 200, collation: 'utf8mb4_bin' })
  subjectId: string;

  /** `anomaly:<rule>:<subjectType>:<subjectId>`, the flagged case's dedupe key. */
  @Column({ name: 'dedupe_key', type: 'varchar', length: 255, collation: 'utf8mb4_bin' })
  dedupeKey: string;

  @Column({ name: 'agency_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin', nullable: true })
  agencyId: string | null;

  @Column({ name: 'credit_code', type: 'char', length: 18, collation: 'utf8mb4_bin', nullable: true })
  creditCode: string | null;

  @Column({ name: 'officer_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin', nullable: true })
  officerId: string | null;

  @Column({ name: 'inspection_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin', nullable: true })
  inspectionId: string | null;

  /** low | medium | high */
  @Column({ type: 'varchar', length: 8 })
  severity: string;

  /** JSON */
  @Column({ type: 'text' })
  evidence: string;

  @Column({ type: 'varchar', length: 300 })
  explanation: string;

  /** The flagged case of the dedupe key, once raised (by this report or an earlier one). */
  @Column({ name: 'flagged_case_id', type: 'varchar', length: 36, collation: 'utf8mb4_bin', nullable: true })
  flaggedCaseId: string | null;
}
