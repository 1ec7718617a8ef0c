import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One entry of the audit log (审计日志): who let which personal data leave, when, why and from where.
 * Rows are only ever inserted — no statement anywhere updates or deletes them — and each carries the
 * hash of the entry before it, so an edited or deleted row breaks the chain at that point.
 */
@Entity('audit_log')
@Index('idx_audit_log_at', ['at'])
@Index('idx_audit_log_actor', ['actor', 'seq'])
export class AuditEntry {
  /** 1, 2, 3, … in the order entries were appended. */
  @PrimaryColumn({ type: 'bigint' })
  seq: string;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;

  /** `user:<id>:<username>`, or `cli` for the command line. */
  @Column({ type: 'varchar', length: 200 })
  actor: string;

  /** An AuditAction. */
  @Column({ type: 'varchar', length: 32 })
  action: string;

  /** What left, e.g. `exchange/officers` (AUDIT_RESOURCES). */
  @Column({ type: 'varchar', length: 100 })
  resource: string;

  /** JSON text of what chose the rows, hashed exactly as stored. */
  @Column({ type: 'text' })
  filter: string;

  /** The stated purpose (required for phones in clear). */
  @Column({ type: 'varchar', length: 300, nullable: true })
  purpose: string | null;

  /** Rows that left; null when the export broke off. */
  @Column({ name: 'row_count', type: 'int', nullable: true })
  rowCount: number | null;

  /** The client's address, or the host name for the command line. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  address: string | null;

  @Column({ name: 'prev_hash', type: 'char', length: 64 })
  prevHash: string;

  @Column({ type: 'char', length: 64 })
  hash: string;
}
