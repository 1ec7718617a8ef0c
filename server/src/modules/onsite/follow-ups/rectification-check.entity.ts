import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * 整改复查: the follow-up check of a yellow finding (限期整改) once its deadline has come — put right or
 * not. One per finding's item of a plan; the due list is the yellow findings without one.
 */
@Entity('rectification_checks')
@Index('uq_rectification_checks_item', ['planId', 'itemId'], { unique: true })
@Index('uq_rectification_checks_client_key', ['recordedBy', 'clientKey'], { unique: true })
export class RectificationCheck {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'plan_id', type: 'varchar', length: 36, collation: 'utf8mb4_bin' })
  planId: string;

  @Column({ name: 'item_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  itemId: string;

  @Column({ type: 'boolean' })
  rectified: boolean;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  note: string | null;

  @Column({ name: 'recorded_by', type: 'int' })
  recordedBy: number;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;

  @Column({ name: 'client_key', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  clientKey: string;
}
