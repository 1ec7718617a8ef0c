import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * 异议复查: an agency disputes another agency's inspection result instead of inspecting the same
 * facts again; the supervisor accepts or rejects. While pending, the requester may not inspect
 * that enterprise (emergencies excepted).
 */
@Entity('review_requests')
@Index('idx_review_requests_subject', ['creditCode', 'agencyId', 'status'])
@Index('idx_review_requests_status', ['status', 'requestedAt'])
export class ReviewRequest {
  @PrimaryColumn({ type: 'varchar', length: 36, collation: 'utf8mb4_bin' })
  id: string;

  @Column({ name: 'inspection_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  inspectionId: string;

  @Column({ name: 'credit_code', type: 'char', length: 18, collation: 'utf8mb4_bin' })
  creditCode: string;

  /** The disputing agency. */
  @Column({ name: 'agency_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  agencyId: string;

  @Column({ type: 'varchar', length: 1000 })
  reason: string;

  /** pending | accepted | rejected */
  @Column({ type: 'varchar', length: 10 })
  status: string;

  @Column({ name: 'requested_by', type: 'int' })
  requestedBy: number;

  @Column({ name: 'requested_at', type: 'datetime', precision: 3 })
  requestedAt: Date;
}

/** Every state change of a review request, in order, with who made it. */
@Entity('review_events')
@Index('idx_review_events_review', ['reviewId', 'id'])
export class ReviewEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'review_id', type: 'varchar', length: 36, collation: 'utf8mb4_bin' })
  reviewId: string;

  /** requested | accepted | rejected */
  @Column({ type: 'varchar', length: 10 })
  kind: string;

  @Column({ type: 'varchar', length: 200 })
  actor: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;
}
