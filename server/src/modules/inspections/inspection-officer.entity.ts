import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Officers on an inspection, in the order they were listed. Each row also carries its inspection's
 * agency, enterprise and times (inspection records are written once, with their officers): the
 * nightly report reads each officer's visits in time order straight from one index instead of
 * joining and sorting every inspection.
 */
@Entity('inspection_officers')
@Index('idx_inspection_officers_visits', ['officerId', 'startedAt', 'inspectionId', 'finishedAt', 'creditCode', 'agencyId'])
export class InspectionOfficer {
  @PrimaryColumn({ name: 'inspection_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  inspectionId: string;

  @PrimaryColumn({ name: 'officer_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  officerId: string;

  @Column({ type: 'smallint' })
  position: number;

  @Column({ name: 'agency_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  agencyId: string;

  @Column({ name: 'credit_code', type: 'char', length: 18, collation: 'utf8mb4_bin' })
  creditCode: string;

  @Column({ name: 'started_at', type: 'datetime', precision: 3 })
  startedAt: Date;

  @Column({ name: 'finished_at', type: 'datetime', precision: 3 })
  finishedAt: Date;
}
