import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** 重大执法决定法制审核: a major decision waits here until a reviewer approves it or returns it. */
@Entity('legal_reviews')
@Index('idx_legal_reviews_queue', ['verdict', 'dueAt'])
@Index('idx_legal_reviews_case', ['caseId', 'requestedAt'])
export class LegalReview {
  @PrimaryColumn({ type: 'varchar', length: 36, collation: 'utf8mb4_bin' })
  id: string;

  @Column({ name: 'case_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  caseId: string;

  /** Comma-separated reasons the decision is major (fine, revoke-licence, order-closure, hearing). */
  @Column({ type: 'varchar', length: 100 })
  reasons: string;

  /** The decision proposed: fine in fen. */
  @Column({ type: 'bigint' })
  fine: string;

  @Column({ type: 'varchar', length: 100, default: '' })
  measures: string;

  @Column({ name: 'requested_at', type: 'datetime', precision: 3 })
  requestedAt: Date;

  @Column({ name: 'due_at', type: 'datetime', precision: 3 })
  dueAt: Date;

  /** Null while waiting; approved | returned. */
  @Column({ type: 'varchar', length: 12, nullable: true })
  verdict: string | null;

  @Column({ type: 'text', nullable: true })
  opinion: string | null;

  @Column({ name: 'reviewer_id', type: 'int', nullable: true })
  reviewerId: number | null;

  @Column({ name: 'decided_at', type: 'datetime', precision: 3, nullable: true })
  decidedAt: Date | null;
}
