import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** 双随机一公开: a sampling task, its commitment, its inputs, and once drawn its result and seed. */
@Entity('random_draws')
@Index('idx_random_draws_agency', ['agencyId', 'committedAt'])
@Index('idx_random_draws_committed', ['committedAt'])
export class RandomDraw {
  @PrimaryColumn({ type: 'varchar', length: 36, collation: 'utf8mb4_bin' })
  id: string;

  @Column({ name: 'agency_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  agencyId: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** JSON: item ids, industries, division-code prefixes. */
  @Column({ type: 'text' })
  scope: string;

  @Column({ name: 'period_from', type: 'char', length: 10 })
  periodFrom: string;

  @Column({ name: 'period_to', type: 'char', length: 10 })
  periodTo: string;

  /** committed | drawn */
  @Column({ type: 'varchar', length: 12 })
  status: string;

  /** The seed is derived from the server's secret and this nonce; published only after the draw. */
  @Column({ type: 'char', length: 32 })
  nonce: string;

  /** SHA-256 of the seed, published with the inputs before the draw. */
  @Column({ type: 'char', length: 64 })
  commitment: string;

  /** The canonical inputs (population, proportions, officers, recusals). */
  @Column({ type: 'longtext' })
  inputs: string;

  @Column({ name: 'public_entropy', type: 'varchar', length: 200, nullable: true })
  publicEntropy: string | null;

  @Column({ type: 'char', length: 64, nullable: true })
  seed: string | null;

  @Column({ type: 'longtext', nullable: true })
  result: string | null;

  @Column({ name: 'committed_at', type: 'datetime', precision: 3 })
  committedAt: Date;

  @Column({ name: 'drawn_at', type: 'datetime', precision: 3, nullable: true })
  drawnAt: Date | null;

  @Column({ name: 'created_by', type: 'varchar', length: 200 })
  createdBy: string;
}
