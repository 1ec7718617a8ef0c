import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One entry of an inspection's trail (全过程留痕). Rows are only ever inserted; each carries the hash
 * of the entry before it, so an edited or deleted row breaks the chain at that point.
 */
@Entity('inspection_trail')
@Index('uq_inspection_trail_seq', ['inspectionId', 'seq'], { unique: true })
export class TrailEntry {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  /** The inspection record's id (for on-site inspections: the agency's plan id). */
  @Column({ name: 'inspection_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  inspectionId: string;

  /** 1, 2, 3, … within the inspection. */
  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'varchar', length: 24 })
  kind: string;

  /** `user:<id>:<username>`, `enterprise`, or `system:<what>` */
  @Column({ type: 'varchar', length: 200 })
  actor: string;

  /** JSON text, hashed exactly as stored. */
  @Column({ type: 'text' })
  detail: string;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;

  @Column({ name: 'prev_hash', type: 'char', length: 64 })
  prevHash: string;

  @Column({ type: 'char', length: 64 })
  hash: string;
}
