import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One agency's record of an on-site inspection (a joint inspection has one per agency, sharing `jointId`). */
@Entity('inspections')
@Index('idx_inspections_enterprise_start', ['creditCode', 'startedAt'])
@Index('idx_inspections_agency_start', ['agencyId', 'startedAt'])
@Index('idx_inspections_start', ['startedAt'])
@Index('idx_inspections_joint', ['jointId'])
// The dashboard's year on year: per agency in start order, with the trigger and the joint inspection.
@Index('idx_inspections_agency_year', ['agencyId', 'startedAt', 'trigger', 'jointId'])
// The nightly anomaly report's passes: per enterprise in (start, id) order, per enterprise and agency, the uncoded.
@Index('idx_inspections_enterprise_sequence', ['creditCode', 'startedAt', 'id', 'agencyId', 'trigger', 'jointId', 'finishedAt', 'officerCount'])
@Index('idx_inspections_enterprise_agency', ['creditCode', 'agencyId', 'trigger', 'startedAt'])
@Index('idx_inspections_uncoded', ['coded', 'startedAt', 'trigger', 'codedAt', 'agencyId', 'creditCode'])
export class Inspection {
  @PrimaryColumn({ type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  id: string;

  @Column({ name: 'agency_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  agencyId: string;

  @Column({ name: 'credit_code', type: 'char', length: 18, collation: 'utf8mb4_bin' })
  creditCode: string;

  /** planned | complaint | superior | undercover | emergency | other (`trigger` is reserved in SQL). */
  @Column({ name: 'trigger_type', type: 'varchar', length: 16 })
  trigger: string;

  @Column({ name: 'joint_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin', nullable: true })
  jointId: string | null;

  @Column({ name: 'started_at', type: 'datetime', precision: 3 })
  startedAt: Date;

  @Column({ name: 'finished_at', type: 'datetime', precision: 3 })
  finishedAt: Date;

  @Column({ type: 'boolean' })
  coded: boolean;

  @Column({ name: 'coded_at', type: 'datetime', precision: 3, nullable: true })
  codedAt: Date | null;

  /** pass | rectify | case */
  @Column({ type: 'varchar', length: 8 })
  result: string;

  /** How many officers the record lists (distinct). */
  @Column({ name: 'officer_count', type: 'smallint', default: 0 })
  officerCount: number;
}
