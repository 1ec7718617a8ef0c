import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The 检查码 of one inspection (joint or single), named by its lead plan. */
@Entity('inspection_codes')
@Index('idx_inspection_codes_lead', ['leadPlanId'])
export class InspectionCode {
  @PrimaryColumn({ type: 'varchar', length: 32, collation: 'utf8mb4_bin' })
  token: string;

  @Column({ name: 'lead_plan_id', type: 'varchar', length: 36, collation: 'utf8mb4_bin' })
  leadPlanId: string;

  @Column({ name: 'issued_at', type: 'datetime', precision: 3 })
  issuedAt: Date;

  @Column({ name: 'issued_by', type: 'int' })
  issuedBy: number;

  /** End of the day after the inspection date (Asia/Shanghai). */
  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt: Date;

  /** Set when the inspection is cancelled; the code then says so. */
  @Column({ name: 'revoked_at', type: 'datetime', precision: 3, nullable: true })
  revokedAt: Date | null;
}
