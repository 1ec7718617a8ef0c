import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An entry in an enterprise's credit record, e.g. a complaint found fabricated (弄虚作假). Only ever inserted. */
@Entity('enterprise_credit_records')
@Index('idx_enterprise_credit_records_enterprise', ['creditCode', 'at'])
export class CreditRecord {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'credit_code', type: 'char', length: 18, collation: 'utf8mb4_bin' })
  creditCode: string;

  /** fabricated-complaint */
  @Column({ type: 'varchar', length: 32 })
  kind: string;

  /** The flagged case that established it. */
  @Column({ name: 'case_id', type: 'varchar', length: 36, collation: 'utf8mb4_bin', nullable: true })
  caseId: string | null;

  @Column({ type: 'varchar', length: 1000 })
  note: string;

  @Column({ type: 'varchar', length: 200 })
  actor: string;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;
}
