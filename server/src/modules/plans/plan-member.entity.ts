import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('plan_officers')
@Index('idx_plan_officers_officer', ['officerId'])
export class PlanOfficer {
  @PrimaryColumn({ name: 'plan_id', type: 'varchar', length: 36, collation: 'utf8mb4_bin' })
  planId: string;

  @PrimaryColumn({ name: 'officer_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  officerId: string;

  @Column({ type: 'smallint' })
  position: number;
}

@Entity('plan_items')
export class PlanItem {
  @PrimaryColumn({ name: 'plan_id', type: 'varchar', length: 36, collation: 'utf8mb4_bin' })
  planId: string;

  @PrimaryColumn({ name: 'item_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  itemId: string;

  @Column({ type: 'smallint' })
  position: number;
}
