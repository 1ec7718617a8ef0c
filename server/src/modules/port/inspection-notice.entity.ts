import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An advance notice (检查预告) sent by SMS for an inspection on a date: once per inspection and date (a moved one is announced again). */
@Entity('inspection_notices')
export class InspectionNotice {
  @PrimaryColumn({ name: 'lead_plan_id', type: 'varchar', length: 36, collation: 'utf8mb4_bin' })
  leadPlanId: string;

  @PrimaryColumn({ name: 'inspection_date', type: 'char', length: 10 })
  inspectionDate: string;

  @Column({ name: 'credit_code', type: 'char', length: 18, collation: 'utf8mb4_bin' })
  creditCode: string;

  @Column({ name: 'sent_at', type: 'datetime', precision: 3 })
  sentAt: Date;

  @Column({ name: 'provider_message_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin', nullable: true })
  providerMessageId: string | null;
}

/** A half-day the enterprise marked as suiting it for an inspection (双向预约); the officers see them when fixing the date. */
@Entity('inspection_bookings')
@Index('idx_inspection_bookings_enterprise', ['creditCode', 'markedAt'])
export class InspectionBooking {
  @PrimaryColumn({ name: 'lead_plan_id', type: 'varchar', length: 36, collation: 'utf8mb4_bin' })
  leadPlanId: string;

  @PrimaryColumn({ type: 'char', length: 10 })
  day: string;

  /** am | pm */
  @PrimaryColumn({ type: 'char', length: 2 })
  half: string;

  @Column({ name: 'credit_code', type: 'char', length: 18, collation: 'utf8mb4_bin' })
  creditCode: string;

  @Column({ name: 'marked_at', type: 'datetime', precision: 3 })
  markedAt: Date;
}
