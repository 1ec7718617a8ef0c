import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** 陪同执法: an officer of another agency (the business-environment bureau's) accompanying a plan's inspection. */
@Entity('plan_accompaniments')
@Index('idx_plan_accompaniments_agency', ['agencyId', 'addedAt'])
export class PlanAccompaniment {
  @PrimaryColumn({ name: 'plan_id', type: 'varchar', length: 36, collation: 'utf8mb4_bin' })
  planId: string;

  @PrimaryColumn({ name: 'officer_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  officerId: string;

  /** The accompanying officer's agency, as it was when they joined. */
  @Column({ name: 'agency_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  agencyId: string;

  @Column({ name: 'added_at', type: 'datetime', precision: 3 })
  addedAt: Date;

  @Column({ name: 'added_by', type: 'int' })
  addedBy: number;
}
