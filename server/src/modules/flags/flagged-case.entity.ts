import type { FlagSource } from '@mashang/shared';
import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export type { FlagSource };

/**
 * A case for supervision (执法监督): something a supervisor must look at. One per `dedupeKey` for ever,
 * so a subject already raised (and perhaps reviewed) is not raised again for the same reason.
 */
@Entity('flagged_cases')
@Index('uq_flagged_cases_dedupe', ['dedupeKey'], { unique: true })
@Index('idx_flagged_cases_status_created', ['status', 'createdAt'])
@Index('idx_flagged_cases_agency_status', ['agencyId', 'status', 'createdAt'])
@Index('idx_flagged_cases_source_created', ['source', 'createdAt'])
@Index('idx_flagged_cases_enterprise', ['creditCode', 'createdAt'])
@Index('idx_flagged_cases_officer', ['officerId', 'createdAt'])
@Index('idx_flagged_cases_inspection', ['inspectionId'])
@Index('idx_flagged_cases_created', ['createdAt', 'id'])
@Index('idx_flagged_cases_status_deadline', ['status', 'deadline', 'createdAt'])
@Index('idx_flagged_cases_deadline', ['deadline', 'id'])
export class FlaggedCase {
  @PrimaryColumn({ type: 'varchar', length: 36, collation: 'utf8mb4_bin' })
  id: string;

  /** e.g. `rating:<inspectionId>:<agencyId>`, `anomaly:<rule>:<subjectType>:<subjectId>` */
  @Column({ name: 'dedupe_key', type: 'varchar', length: 255, collation: 'utf8mb4_bin' })
  dedupeKey: string;

  @Column({ type: 'varchar', length: 20 })
  source: FlagSource;

  /** The anomaly rule id, or the kind of rating problem. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  rule: string | null;

  /** inspection | case | enterprise | enterprise-agency | officer | agency | review | plan */
  @Column({ name: 'subject_type', type: 'varchar', length: 20 })
  subjectType: string;

  @Column({ name: 'subject_id', type: 'varchar', length: 200, collation: 'utf8mb4_bin' })
  subjectId: string;

  /** The agency whose conduct is in question (the agency port sees its own). */
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

  /** One line in Chinese for the list. */
  @Column({ type: 'varchar', length: 300 })
  title: string;

  /** JSON: the evidence (record ids, scores, comments). */
  @Column({ type: 'text' })
  evidence: string;

  /** open | assigned | investigating | rectifying | answered | referred | closed (see case-workflow.ts) */
  @Column({ type: 'varchar', length: 16 })
  status: string;

  /** unfounded | rectified | disciplined | fabricated, once closed */
  @Column({ type: 'varchar', length: 16, nullable: true })
  conclusion: string | null;

  @Column({ name: 'assignee_id', type: 'int', nullable: true })
  assigneeId: number | null;

  /** YYYY-MM-DD (Asia/Shanghai) by which the current step is due. */
  @Column({ type: 'char', length: 10, nullable: true })
  deadline: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;

  @Column({ name: 'closed_at', type: 'datetime', precision: 3, nullable: true })
  closedAt: Date | null;
}

/** Append-only log of everything done to a flagged case, in order, with who did it. */
@Entity('flagged_case_events')
@Index('idx_flagged_case_events_case', ['caseId', 'id'])
export class FlaggedCaseEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'case_id', type: 'varchar', length: 36, collation: 'utf8mb4_bin' })
  caseId: string;

  /** raised, assigned, note, attachment, rectification-ordered, rectification-answered, confirmed, referred, discipline-outcome, concluded, … */
  @Column({ type: 'varchar', length: 32 })
  kind: string;

  @Column({ type: 'varchar', length: 200 })
  actor: string;

  /** JSON */
  @Column({ type: 'text' })
  detail: string;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;
}

