import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What became of each drawn enterprise: the plan filed for it, or why none could be. */
@Entity('random_draw_plans')
export class RandomDrawPlan {
  @PrimaryColumn({ name: 'draw_id', type: 'varchar', length: 36, collation: 'utf8mb4_bin' })
  drawId: string;

  @PrimaryColumn({ name: 'credit_code', type: 'char', length: 18, collation: 'utf8mb4_bin' })
  creditCode: string;

  @Column({ name: 'plan_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin', nullable: true })
  planId: string | null;

  /** Chinese: why no plan was filed (a filing rule, fewer than two eligible officers). */
  @Column({ type: 'varchar', length: 500, nullable: true })
  refusal: string | null;
}
