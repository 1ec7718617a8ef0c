import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** 行政强制措施 (查封、扣押): a fixed term, extendable once, until released. */
@Entity('coercive_measures')
@Index('idx_coercive_measures_case', ['caseId', 'startedAt'])
@Index('idx_coercive_measures_due', ['releasedAt', 'dueAt'])
export class CoerciveMeasure {
  @PrimaryColumn({ type: 'varchar', length: 36, collation: 'utf8mb4_bin' })
  id: string;

  @Column({ name: 'case_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  caseId: string;

  /** seal | seize */
  @Column({ type: 'varchar', length: 8 })
  kind: string;

  /** What was sealed or seized. */
  @Column({ type: 'text' })
  items: string;

  @Column({ name: 'document_no', type: 'varchar', length: 64 })
  documentNo: string;

  @Column({ name: 'started_at', type: 'datetime', precision: 3 })
  startedAt: Date;

  @Column({ name: 'due_at', type: 'datetime', precision: 3 })
  dueAt: Date;

  @Column({ name: 'extended_at', type: 'datetime', precision: 3, nullable: true })
  extendedAt: Date | null;

  @Column({ name: 'extension_reason', type: 'text', nullable: true })
  extensionReason: string | null;

  @Column({ name: 'released_at', type: 'datetime', precision: 3, nullable: true })
  releasedAt: Date | null;

  @Column({ name: 'release_reason', type: 'text', nullable: true })
  releaseReason: string | null;
}
