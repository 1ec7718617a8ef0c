import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An inspection plan (事前报备). Plans of one enterprise are grouped into inspections by plan-merging. */
@Entity('plans')
@Index('uq_plans_code', ['code'], { unique: true })
@Index('idx_plans_enterprise_status', ['creditCode', 'status'])
@Index('idx_plans_agency_date', ['agencyId', 'plannedDate'])
@Index('idx_plans_lead', ['leadPlanId'])
@Index('idx_plans_approval', ['approval', 'agencyId', 'filedAt'])
// Visits by kind and month (the dashboard).
@Index('idx_plans_kind_checked_in', ['kind', 'checkedInAt'])
// A special campaign's plans (its progress).
@Index('idx_plans_campaign', ['campaignId', 'status'])
// Inspections coming up on given days (advance notices to enterprises).
@Index('idx_plans_status_inspection_date', ['status', 'inspectionDate'])
export class Plan {
  @PrimaryColumn({ type: 'varchar', length: 36, collation: 'utf8mb4_bin' })
  id: string;

  /** 计划编码, shown to officers and enterprises. */
  @Column({ type: 'varchar', length: 32, collation: 'utf8mb4_bin' })
  code: string;

  @Column({ name: 'agency_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  agencyId: string;

  @Column({ name: 'credit_code', type: 'char', length: 18, collation: 'utf8mb4_bin' })
  creditCode: string;

  /** YYYY-MM-DD in Asia/Shanghai, as filed. */
  @Column({ name: 'planned_date', type: 'char', length: 10 })
  plannedDate: string;

  /** planned | complaint | superior | undercover | emergency | other */
  @Column({ name: 'trigger_type', type: 'varchar', length: 16 })
  trigger: string;

  /** inspection (行政检查) | return-visit | policy-visit | research-visit: a visit is no inspection (see shared PLAN_KINDS). */
  @Column({ type: 'varchar', length: 16, default: 'inspection' })
  kind: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  /** active | cancelled | awaiting (the head's prior approval) | returned (by the head) */
  @Column({ type: 'varchar', length: 12 })
  status: string;

  @Column({ name: 'filed_at', type: 'datetime', precision: 3 })
  filedAt: Date;

  @Column({ name: 'filed_by', type: 'int' })
  filedBy: number;

  /** The plan leading the inspection this plan belongs to (itself when it inspects alone or leads). */
  @Column({ name: 'lead_plan_id', type: 'varchar', length: 36, collation: 'utf8mb4_bin' })
  leadPlanId: string;

  /** Why this agency's inspection closed without the other agencies of a joint scenario (the supervisor sees it). */
  @Column({ name: 'alone_reason', type: 'varchar', length: 500, nullable: true })
  aloneReason: string | null;

  /** First check-in on site (scan in) by one of this plan's officers. */
  @Column({ name: 'checked_in_at', type: 'datetime', precision: 3, nullable: true })
  checkedInAt: Date | null;

  /** When this agency finished (results uploaded). */
  @Column({ name: 'finished_at', type: 'datetime', precision: 3, nullable: true })
  finishedAt: Date | null;

  /** Emergency inspected before its code: the code must be filed by then (先检查后补码). */
  @Column({ name: 'code_due_at', type: 'datetime', precision: 3, nullable: true })
  codeDueAt: Date | null;

  /** 计划审批, where the agency requires it: pending | approved | returned; null when it does not. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  approval: string | null;

  /** prior (before anything happens) | after (an emergency, approved afterwards). */
  @Column({ name: 'approval_when', type: 'varchar', length: 6, nullable: true })
  approvalWhen: string | null;

  /** The head's reasons, once decided. */
  @Column({ name: 'approval_note', type: 'varchar', length: 500, nullable: true })
  approvalNote: string | null;

  /** onsite | offsite (非现场检查: evidence asked of the enterprise; never merged with visits). */
  @Column({ type: 'varchar', length: 8, default: 'onsite' })
  mode: string;

  /** Why a 无感监管 enterprise is visited on site without a trigger, or why an off-site check became a visit. */
  @Column({ name: 'mode_reason', type: 'varchar', length: 500, nullable: true })
  modeReason: string | null;

  /** The inspection's unified date: the lead plan's date. */
  @Column({ name: 'inspection_date', type: 'char', length: 10 })
  inspectionDate: string;

  /** The special campaign (专项检查) the plan is filed under. */
  @Column({ name: 'campaign_id', type: 'varchar', length: 36, collation: 'utf8mb4_bin', nullable: true })
  campaignId?: string | null;
}
