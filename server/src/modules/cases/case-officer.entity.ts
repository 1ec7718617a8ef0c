import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('case_officers')
@Index('idx_case_officers_officer', ['officerId'])
export class CaseOfficer {
  @PrimaryColumn({ name: 'case_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  caseId: string;

  @PrimaryColumn({ name: 'officer_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  officerId: string;

  @Column({ type: 'smallint' })
  position: number;
}
