import { Column, Entity, PrimaryColumn } from 'typeorm';

/** 裁量基准 per violation clause, kept by the supervisor. Factors, bands and ranges as JSON text. */
@Entity('discretion_benchmarks')
export class DiscretionBenchmarkRow {
  @PrimaryColumn({ type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  clause: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'legal_basis', type: 'varchar', length: 500 })
  legalBasis: string;

  @Column({ type: 'text' })
  factors: string;

  @Column({ type: 'text' })
  bands: string;

  @Column({ type: 'text' })
  ranges: string;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;

  @Column({ name: 'updated_by', type: 'varchar', length: 200 })
  updatedBy: string;
}
