import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An enterprise's rating of one agency's conduct in one inspection. */
@Entity('ratings')
@Index('idx_ratings_agency_rated', ['agencyId', 'ratedAt'])
// The dashboard's ratings per month: a year's range holding everything the figures read.
@Index('idx_ratings_rated', ['ratedAt', 'agencyId', 'verdict', 'language', 'procedure', 'manner', 'fairness', 'flags'])
export class Rating {
  @PrimaryColumn({ name: 'inspection_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  inspectionId: string;

  @PrimaryColumn({ name: 'agency_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  agencyId: string;

  /** 执法语言是否文明, 1–5 */
  @Column({ name: 'language_score', type: 'tinyint' })
  language: number;

  /** 执法程序是否规范 */
  @Column({ name: 'procedure_score', type: 'tinyint' })
  procedure: number;

  /** 执法方式是否柔性 */
  @Column({ name: 'manner_score', type: 'tinyint' })
  manner: number;

  /** 执法结果是否公平 */
  @Column({ name: 'fairness_score', type: 'tinyint' })
  fairness: number;

  /** approve | disapprove */
  @Column({ type: 'varchar', length: 10 })
  verdict: string;

  /** Comma-separated subset of repeated, inaction, excessive, other. */
  @Column({ type: 'varchar', length: 64, default: '' })
  flags: string;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  comment: string | null;

  @Column({ name: 'rated_at', type: 'datetime', precision: 3 })
  ratedAt: Date;

  /**
   * Random salt of the digest on the rating's trail entry (rating-digest.ts), hex; null for ratings
   * recorded before digests, and for imported ones.
   */
  @Column({ name: 'digest_salt', type: 'char', length: 32, nullable: true })
  digestSalt: string | null;
}
