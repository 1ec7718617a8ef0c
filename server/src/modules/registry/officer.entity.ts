import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@Entity('officers')
@Index('idx_officers_agency', ['agencyId'])
export class Officer {
  @PrimaryColumn({ type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  id: string;

  @Column({ name: 'agency_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  agencyId: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** 执法证号 */
  @Column({ name: 'cert_no', type: 'varchar', length: 64 })
  certNo: string;

  /** Encrypted (PhoneCipher); never stored or logged in clear. */
  @Column({ name: 'phone_cipher', type: 'varchar', length: 128, nullable: true })
  phoneCipher: string | null;

  /** The last day (YYYY-MM-DD, Asia/Shanghai) the enforcement certificate is valid; null when not known. */
  @Column({ name: 'cert_expires', type: 'char', length: 10, nullable: true })
  certExpires: string | null;

  /** On duty (在岗); an officer taken off duty is offered for no new plan and their accounts cannot sign in. */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)', onUpdate: 'CURRENT_TIMESTAMP(3)' })
  updatedAt: Date;
}
