import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@Entity('enterprises')
@Index('idx_enterprises_region', ['region'])
@Index('idx_enterprises_name', ['name'])
// The nightly report's short lists: low-touch enterprises, and grade D ones with their region.
@Index('idx_enterprises_low_touch', ['lowTouch'])
@Index('idx_enterprises_grade', ['creditGrade', 'region'])
// The industries a joint-supervision scenario can name, read grouped from an index.
@Index('idx_enterprises_industry', ['industry'])
export class Enterprise {
  /** 统一社会信用代码 (GB 32100-2015). */
  @PrimaryColumn({ name: 'credit_code', type: 'char', length: 18, collation: 'utf8mb4_bin' })
  creditCode: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 200 })
  industry: string;

  @Column({ type: 'char', length: 6 })
  region: string;

  @Column({ name: 'phone_cipher', type: 'varchar', length: 128, nullable: true })
  phoneCipher: string | null;

  /** A best … D worst. */
  @Column({ name: 'credit_grade', type: 'char', length: 1 })
  creditGrade: string;

  /** On the 无感监管 list. */
  @Column({ name: 'low_touch', type: 'boolean', default: false })
  lowTouch: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)', onUpdate: 'CURRENT_TIMESTAMP(3)' })
  updatedAt: Date;
}
