import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A declared conflict of interest (回避): the officer is never drawn for the enterprise. */
@Entity('draw_conflicts')
export class DrawConflict {
  @PrimaryColumn({ name: 'officer_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  officerId: string;

  @PrimaryColumn({ name: 'credit_code', type: 'char', length: 18, collation: 'utf8mb4_bin' })
  creditCode: string;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @Column({ name: 'declared_at', type: 'datetime', precision: 3 })
  declaredAt: Date;

  @Column({ name: 'declared_by', type: 'varchar', length: 200 })
  declaredBy: string;
}
