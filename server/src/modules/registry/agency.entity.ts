import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@Entity('agencies')
export class Agency {
  @PrimaryColumn({ type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** Industry authority; agencies of one kind are "the same industry". */
  @Column({ type: 'varchar', length: 64 })
  kind: string;

  @Column({ type: 'char', length: 6 })
  region: string;

  /** Its plans wait for the head's approval (事前审批) before they merge or get a code; emergencies are approved afterwards. */
  @Column({ name: 'plan_approval', type: 'boolean', default: false })
  planApproval: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)', onUpdate: 'CURRENT_TIMESTAMP(3)' })
  updatedAt: Date;
}
