import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * A joint-supervision scenario (综合监管场景): for enterprises of these industries, these agencies
 * inspect together. An inspection that closes without all of them needs a reason the supervisor sees.
 */
@Entity('joint_scenarios')
export class JointScenario {
  @PrimaryColumn({ type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** Comma-separated enterprise industries the scenario covers. */
  @Column({ type: 'varchar', length: 1000 })
  industries: string;

  /** Comma-separated agency ids that must inspect jointly. */
  @Column({ name: 'agency_ids', type: 'varchar', length: 1000, collation: 'utf8mb4_bin' })
  agencyIds: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)', onUpdate: 'CURRENT_TIMESTAMP(3)' })
  updatedAt: Date;
}
