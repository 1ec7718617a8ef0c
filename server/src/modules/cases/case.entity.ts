import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export interface CauseChange {
  from: string;
  to: string;
  at: string;
}

/** An administrative penalty case (立案 → 决定 → 结案, or 撤销). */
@Entity('cases')
@Index('idx_cases_agency_filed', ['agencyId', 'filedAt', 'coercive'])
@Index('idx_cases_enterprise_decided', ['creditCode', 'decidedAt', 'id'])
@Index('idx_cases_cause_decided', ['cause', 'discretionLevel', 'decidedAt'])
@Index('idx_cases_inspection', ['inspectionId'])
export class Case {
  @PrimaryColumn({ type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  id: string;

  @Column({ name: 'agency_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  agencyId: string;

  @Column({ name: 'credit_code', type: 'char', length: 18, collation: 'utf8mb4_bin' })
  creditCode: string;

  @Column({ name: 'inspection_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin', nullable: true })
  inspectionId: string | null;

  /** Violation clause code. */
  @Column({ type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  cause: string;

  /** light | general | severe */
  @Column({ name: 'discretion_level', type: 'varchar', length: 8 })
  discretionLevel: string;

  /** In fen. */
  @Column({ type: 'bigint' })
  fine: string;

  /** filed | decided | closed | revoked */
  @Column({ type: 'varchar', length: 8 })
  status: string;

  @Column({ name: 'filed_at', type: 'datetime', precision: 3 })
  filedAt: Date;

  @Column({ name: 'decided_at', type: 'datetime', precision: 3, nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'closed_at', type: 'datetime', precision: 3, nullable: true })
  closedAt: Date | null;

  @Column({ name: 'revoked_at', type: 'datetime', precision: 3, nullable: true })
  revokedAt: Date | null;

  /** JSON list of {from, to, at}; text rather than JSON so MySQL, MariaDB and TiDB store it alike. */
  @Column({ name: 'cause_changes', type: 'text', nullable: true })
  causeChanges: string | null;

  /** Approved extension of the 90-day limit. */
  @Column({ name: 'extended_days', type: 'int', default: 0 })
  extendedDays: number;

  @Column({ type: 'boolean', default: false })
  coercive: boolean;
}
