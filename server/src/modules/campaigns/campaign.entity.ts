import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** 专项检查: a special campaign, from its draft to its publication (its steps are on its own trail). */
@Entity('campaigns')
@Index('idx_campaigns_status', ['status', 'createdAt'])
@Index('idx_campaigns_owner', ['ownerAgencyId', 'createdAt'])
export class Campaign {
  @PrimaryColumn({ type: 'varchar', length: 36, collation: 'utf8mb4_bin' })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 2000 })
  summary: string;

  /** draft | submitted | returned | approved | published (closed is read from the period). */
  @Column({ type: 'varchar', length: 12 })
  status: string;

  /** The agency that drafted it; null for the supervisors' own. */
  @Column({ name: 'owner_agency_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin', nullable: true })
  ownerAgencyId: string | null;

  /** JSON: industry names as the enterprise register has them (empty: every industry). */
  @Column({ type: 'text' })
  industries: string;

  /** JSON: division-code prefixes (empty: the whole city). */
  @Column({ name: 'region_prefixes', type: 'text' })
  regionPrefixes: string;

  /** JSON: item ids from the items register. */
  @Column({ name: 'item_ids', type: 'text' })
  itemIds: string;

  @Column({ name: 'period_from', type: 'char', length: 10 })
  periodFrom: string;

  @Column({ name: 'period_to', type: 'char', length: 10 })
  periodTo: string;

  /** The supervisor's reasons (required to return). */
  @Column({ name: 'decision_note', type: 'varchar', length: 500, nullable: true })
  decisionNote: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'created_by', type: 'varchar', length: 200 })
  createdBy: string;

  @Column({ name: 'submitted_at', type: 'datetime', precision: 3, nullable: true })
  submittedAt: Date | null;

  @Column({ name: 'approved_at', type: 'datetime', precision: 3, nullable: true })
  approvedAt: Date | null;

  /** YYYY-MM-DD (Asia/Shanghai): one month from approval. */
  @Column({ name: 'publish_due', type: 'char', length: 10, nullable: true })
  publishDue: string | null;

  @Column({ name: 'published_at', type: 'datetime', precision: 3, nullable: true })
  publishedAt: Date | null;
}

/** The agencies that join a campaign (one row each, so an agency's campaigns are found by index). */
@Entity('campaign_agencies')
@Index('idx_campaign_agencies_agency', ['agencyId'])
export class CampaignAgency {
  @PrimaryColumn({ name: 'campaign_id', type: 'varchar', length: 36, collation: 'utf8mb4_bin' })
  campaignId: string;

  @PrimaryColumn({ name: 'agency_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  agencyId: string;
}
