import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A file added to a flagged case while it is investigated or answered (kept in the database: small, few, audited). */
@Entity('flagged_case_attachments')
@Index('idx_flagged_case_attachments_case', ['caseId', 'at'])
export class CaseAttachment {
  @PrimaryColumn({ type: 'varchar', length: 36, collation: 'utf8mb4_bin' })
  id: string;

  @Column({ name: 'case_id', type: 'varchar', length: 36, collation: 'utf8mb4_bin' })
  caseId: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 100 })
  mime: string;

  @Column({ type: 'int' })
  size: number;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'mediumblob', select: false })
  content: Buffer;

  @Column({ name: 'uploaded_by', type: 'varchar', length: 200 })
  uploadedBy: string;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;
}
