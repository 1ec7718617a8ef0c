import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** 三色清单: the colour a violation of one of an agency's items is classed with (green 首违不罚, yellow 限期整改, red 立案). */
@Entity('violation_colours')
@Index('idx_violation_colours_agency', ['agencyId'])
export class ViolationColourEntry {
  @PrimaryColumn({ name: 'item_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  itemId: string;

  @Column({ name: 'agency_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  agencyId: string;

  /** green | yellow | red */
  @Column({ type: 'varchar', length: 6 })
  colour: string;

  /** Days to rectify a yellow violation. */
  @Column({ name: 'rectify_days', type: 'int' })
  rectifyDays: number;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
