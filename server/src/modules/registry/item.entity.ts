import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** An inspection item (检查事项) with its legal basis. */
@Entity('items')
@Index('idx_items_agency', ['agencyId'])
export class Item {
  @PrimaryColumn({ type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  id: string;

  @Column({ name: 'agency_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  agencyId: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 2000 })
  basis: string;

  /** On the 无事不扰 list: not inspected on site without a trigger. */
  @Column({ name: 'no_disturb', type: 'boolean', default: false })
  noDisturb: boolean;

  /** The enterprise industries the item applies to, joined by 、; empty: listed in a booklet only where the item was inspected. */
  @Column({ type: 'varchar', length: 1000, default: '' })
  industries: string;

  /** 常见违法行为, for the enterprise's compliance booklet (一企一册). */
  @Column({ name: 'common_violations', type: 'varchar', length: 2000, default: '' })
  commonViolations: string;

  /** 合规指引: how to comply. */
  @Column({ name: 'compliance_guide', type: 'varchar', length: 2000, default: '' })
  complianceGuide: string;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)', onUpdate: 'CURRENT_TIMESTAMP(3)' })
  updatedAt: Date;
}
