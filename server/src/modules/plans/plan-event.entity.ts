import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type PlanEventKind = 'filed' | 'merged' | 'moved' | 'cancelled' | 'coded' | 'alone' | 'refused' | 'approved' | 'returned' | 'accompanied';

/** Append-only history of plans: filings, every change of grouping, and refused attempts. */
@Entity('plan_events')
@Index('idx_plan_events_plan', ['planId', 'id'])
@Index('idx_plan_events_enterprise', ['creditCode', 'id'])
export class PlanEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  /** Null for a refused attempt, which never became a plan. */
  @Column({ name: 'plan_id', type: 'varchar', length: 36, collation: 'utf8mb4_bin', nullable: true })
  planId: string | null;

  @Column({ name: 'agency_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  agencyId: string;

  @Column({ name: 'credit_code', type: 'char', length: 18, collation: 'utf8mb4_bin' })
  creditCode: string;

  @Column({ type: 'varchar', length: 12 })
  kind: PlanEventKind;

  /** `user:<id>:<username>` */
  @Column({ type: 'varchar', length: 200 })
  actor: string;

  /** JSON: what happened and why (refusals name their rules). */
  @Column({ type: 'text' })
  detail: string;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;
}
