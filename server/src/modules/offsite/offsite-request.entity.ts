import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * 非现场检查: what an agency asked an enterprise to send instead of visiting, for an off-site plan (one
 * request per plan; asking again is a new round of the same request).
 */
@Entity('offsite_requests')
@Index('uq_offsite_requests_plan', ['planId'], { unique: true })
@Index('uq_offsite_requests_token', ['tokenHash'], { unique: true })
@Index('idx_offsite_requests_enterprise', ['creditCode', 'requestedAt'])
@Index('idx_offsite_requests_agency_status', ['agencyId', 'status', 'requestedAt'])
export class OffsiteRequest {
  @PrimaryColumn({ type: 'varchar', length: 36, collation: 'utf8mb4_bin' })
  id: string;

  /** The off-site plan; its inspection record (once accepted) has the same id. */
  @Column({ name: 'plan_id', type: 'varchar', length: 36, collation: 'utf8mb4_bin' })
  planId: string;

  @Column({ name: 'agency_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  agencyId: string;

  @Column({ name: 'credit_code', type: 'char', length: 18, collation: 'utf8mb4_bin' })
  creditCode: string;

  /** asked | answered | accepted | converted */
  @Column({ type: 'varchar', length: 10 })
  status: string;

  @Column({ type: 'int' })
  round: number;

  /** The officer's note when asking again. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  /** SHA-256 of the SMS link's token (the token itself is derived, never stored). */
  @Column({ name: 'token_hash', type: 'char', length: 64, collation: 'utf8mb4_bin' })
  tokenHash: string;

  /** When the check began: the inspection record's start once accepted. */
  @Column({ name: 'requested_at', type: 'datetime', precision: 3 })
  requestedAt: Date;

  @Column({ name: 'requested_by', type: 'int' })
  requestedBy: number;

  @Column({ name: 'answered_at', type: 'datetime', precision: 3, nullable: true })
  answeredAt: Date | null;

  @Column({ name: 'decided_at', type: 'datetime', precision: 3, nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decided_by', type: 'int', nullable: true })
  decidedBy: number | null;

  /** Why it became an on-site plan. */
  @Column({ name: 'convert_reason', type: 'varchar', length: 500, nullable: true })
  convertReason: string | null;
}

/** One thing asked: an item of the plan and the evidence wanted for it, in the order asked. */
@Entity('offsite_request_asks')
export class OffsiteRequestAsk {
  @PrimaryColumn({ name: 'request_id', type: 'varchar', length: 36, collation: 'utf8mb4_bin' })
  requestId: string;

  @PrimaryColumn({ type: 'int' })
  position: number;

  @Column({ name: 'item_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  itemId: string;

  /** photo | document | reading */
  @Column({ type: 'varchar', length: 10 })
  kind: string;

  @Column({ type: 'varchar', length: 200 })
  ask: string;
}

/** What the enterprise sent for an ask: a file (kept in the document storage) or a reading. */
@Entity('offsite_evidence')
@Index('idx_offsite_evidence_request', ['requestId', 'position', 'uploadedAt'])
export class OffsiteEvidence {
  @PrimaryColumn({ type: 'varchar', length: 36, collation: 'utf8mb4_bin' })
  id: string;

  @Column({ name: 'request_id', type: 'varchar', length: 36, collation: 'utf8mb4_bin' })
  requestId: string;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'int' })
  round: number;

  @Column({ type: 'varchar', length: 10 })
  kind: string;

  @Column({ name: 'reading', type: 'varchar', length: 200, nullable: true })
  reading: string | null;

  @Column({ name: 'file_name', type: 'varchar', length: 255, nullable: true })
  fileName: string | null;

  @Column({ name: 'content_type', type: 'varchar', length: 64, nullable: true })
  contentType: string | null;

  @Column({ name: 'size_bytes', type: 'int', nullable: true })
  sizeBytes: number | null;

  @Column({ type: 'char', length: 64, nullable: true })
  sha256: string | null;

  @Column({ name: 'storage_key', type: 'varchar', length: 255, collation: 'utf8mb4_bin', nullable: true })
  storageKey: string | null;

  @Column({ name: 'uploaded_at', type: 'datetime', precision: 3 })
  uploadedAt: Date;
}
