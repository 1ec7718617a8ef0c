import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type RegisterName = 'agency' | 'officer' | 'item' | 'enterprise';

/** Append-only: one row per create or change of a register entry, with who made it. */
@Entity('register_history')
@Index('idx_register_history_subject', ['register', 'subjectId', 'id'])
export class RegisterHistory {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'varchar', length: 16 })
  register: RegisterName;

  @Column({ name: 'subject_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  subjectId: string;

  @Column({ type: 'varchar', length: 8 })
  action: 'create' | 'update';

  /** `user:<id>:<username>` for API edits, `import:<folder>` for imports. */
  @Column({ type: 'varchar', length: 200 })
  actor: string;

  /** JSON: { field: { from, to } }; phones appear masked. */
  @Column({ type: 'text' })
  changes: string;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;
}
