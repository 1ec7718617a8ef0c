import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A complaint (码上响应): from the enterprise's page, the public form or a 12345 hotline ticket. Each
 * raises a flagged case of source `complaint` with a deadline; when the supervisor concludes it, the
 * outcome goes to the contact phone by SMS.
 */
@Entity('complaints')
@Index('uq_complaints_ticket', ['ticketNo'], { unique: true })
@Index('idx_complaints_enterprise', ['creditCode', 'receivedAt'])
@Index('idx_complaints_case', ['flaggedCaseId'])
export class Complaint {
  @PrimaryColumn({ type: 'varchar', length: 36, collation: 'utf8mb4_bin' })
  id: string;

  /** portal | public | hotline */
  @Column({ type: 'varchar', length: 8 })
  channel: string;

  /** The 12345 ticket's number (hotline only): importing it again adds nothing. */
  @Column({ name: 'ticket_no', type: 'varchar', length: 40, collation: 'utf8mb4_bin', nullable: true })
  ticketNo: string | null;

  @Column({ name: 'credit_code', type: 'char', length: 18, collation: 'utf8mb4_bin' })
  creditCode: string;

  /** The contact phone, encrypted; its blind index. */
  @Column({ name: 'phone_cipher', type: 'varchar', length: 128 })
  phoneCipher: string;

  @Column({ name: 'phone_index', type: 'char', length: 64, collation: 'utf8mb4_bin' })
  phoneIndex: string;

  /** The contact phone is the register's or one of the enterprise's contacts. */
  @Column({ name: 'contact_registered', type: 'boolean' })
  contactRegistered: boolean;

  @Column({ type: 'text' })
  content: string;

  @Column({ name: 'inspection_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin', nullable: true })
  inspectionId: string | null;

  @Column({ name: 'agency_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin', nullable: true })
  agencyId: string | null;

  @Column({ name: 'received_at', type: 'datetime', precision: 3 })
  receivedAt: Date;

  /** YYYY-MM-DD (Asia/Shanghai) by which the supervisor answers. */
  @Column({ type: 'char', length: 10 })
  deadline: string;

  @Column({ name: 'flagged_case_id', type: 'varchar', length: 36, collation: 'utf8mb4_bin' })
  flaggedCaseId: string;

  /** Who filed it: `enterprise`, or the supervisor who imported the ticket. */
  @Column({ type: 'varchar', length: 200 })
  actor: string;

  @Column({ name: 'outcome_sent_at', type: 'datetime', precision: 3, nullable: true })
  outcomeSentAt: Date | null;
}
