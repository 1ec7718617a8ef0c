import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The procedure of a case filed through the system (imported cases have none): its stage, the facts
 * and the discretion the notice proposed. `cases` keeps the exchange format's view of the same case.
 */
@Entity('case_procedures')
@Index('idx_case_procedures_stage', ['stage', 'updatedAt'])
@Index('uq_case_procedures_code', ['codeHash'], { unique: true })
export class CaseProcedure {
  @PrimaryColumn({ name: 'case_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  caseId: string;

  /** filed | notified | review | decided | closed | revoked */
  @Column({ type: 'varchar', length: 16 })
  stage: string;

  /** inspection | complaint */
  @Column({ type: 'varchar', length: 16 })
  origin: string;

  /** The complaint (a flagged case) the case was filed from. */
  @Column({ name: 'flagged_case_id', type: 'varchar', length: 36, collation: 'utf8mb4_bin', nullable: true })
  flaggedCaseId: string | null;

  @Column({ type: 'text' })
  facts: string;

  @Column({ name: 'legal_basis', type: 'varchar', length: 500 })
  legalBasis: string;

  /** JSON list of the benchmark factor ids ticked. */
  @Column({ type: 'text', nullable: true })
  factors: string | null;

  @Column({ type: 'int', nullable: true })
  points: number | null;

  /** In fen: the notice's proposed fine and the benchmark's range for the level. */
  @Column({ name: 'proposed_fine', type: 'bigint', nullable: true })
  proposedFine: string | null;

  @Column({ name: 'range_min', type: 'bigint', nullable: true })
  rangeMin: string | null;

  @Column({ name: 'range_max', type: 'bigint', nullable: true })
  rangeMax: string | null;

  /** Why a fine lies outside the benchmark's range. */
  @Column({ name: 'outside_range_reason', type: 'text', nullable: true })
  outsideRangeReason: string | null;

  @Column({ name: 'notified_at', type: 'datetime', precision: 3, nullable: true })
  notifiedAt: Date | null;

  /** End of the statement and defence period (陈述申辩). */
  @Column({ name: 'statement_until', type: 'datetime', precision: 3, nullable: true })
  statementUntil: Date | null;

  /** End of the period to request a hearing; null when the fine does not allow one. */
  @Column({ name: 'hearing_until', type: 'datetime', precision: 3, nullable: true })
  hearingUntil: Date | null;

  @Column({ name: 'hearing_requested_at', type: 'datetime', precision: 3, nullable: true })
  hearingRequestedAt: Date | null;

  @Column({ name: 'hearing_held_at', type: 'datetime', precision: 3, nullable: true })
  hearingHeldAt: Date | null;

  /** Comma-separated decision measures (revoke-licence, order-closure) proposed or decided. */
  @Column({ type: 'varchar', length: 100, default: '' })
  measures: string;

  /** The decision proposal awaiting or past legal review: fine in fen. */
  @Column({ name: 'decision_fine', type: 'bigint', nullable: true })
  decisionFine: string | null;

  @Column({ type: 'boolean', default: false })
  major: boolean;

  /** SHA-256 of the supervision code's token, for looking it up; the token itself is derived, never stored. */
  @Column({ name: 'code_hash', type: 'char', length: 64, nullable: true })
  codeHash: string | null;

  @Column({ name: 'filed_by', type: 'int' })
  filedBy: number;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
