import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Officers on an inspection, in the order they were listed. */
@Entity('inspection_officers')
@Index('idx_inspection_officers_officer', ['officerId'])
export class InspectionOfficer {
  @PrimaryColumn({ name: 'inspection_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  inspectionId: string;

  @PrimaryColumn({ name: 'officer_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  officerId: string;

  @Column({ type: 'smallint' })
  position: number;
}
