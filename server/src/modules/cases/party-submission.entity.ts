import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** What the party sent through the supervision code: a statement, a hearing request or an objection to the discretion. */
@Entity('party_submissions')
@Index('idx_party_submissions_case', ['caseId', 'at'])
@Index('idx_party_submissions_kind', ['kind', 'at'])
export class PartySubmission {
  @PrimaryColumn({ type: 'varchar', length: 36, collation: 'utf8mb4_bin' })
  id: string;

  @Column({ name: 'case_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  caseId: string;

  /** statement | hearing | objection */
  @Column({ type: 'varchar', length: 12 })
  kind: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;

  /** The flagged case an objection raised. */
  @Column({ name: 'flagged_case_id', type: 'varchar', length: 36, collation: 'utf8mb4_bin', nullable: true })
  flaggedCaseId: string | null;

  /** Whether the objection was upheld, once a supervisor concluded it. */
  @Column({ type: 'boolean', nullable: true })
  upheld: boolean | null;
}
