// 专项检查 (Shanghai, 2026): a campaign plan is approved by the supervisor (司法局) and published
// within one month of its approval; it has a scope (industries, region, items), a period and the
// agencies that join; its inspections are plans linked to it; the published ones are public.
import type { RuleRefusal } from './errors.js';
import { addDays } from './time.js';

/**
 * draft → submitted → approved → published, or submitted → returned (with reasons) → submitted again.
 * `closed` is not stored: a published campaign reads as closed from the day after its period ends.
 */
export type CampaignStatus = 'draft' | 'submitted' | 'returned' | 'approved' | 'published' | 'closed';
export const CAMPAIGN_STATUSES: readonly CampaignStatus[] = ['draft', 'submitted', 'returned', 'approved', 'published', 'closed'];
export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = {
  draft: '草稿',
  submitted: '待审批',
  returned: '已退回',
  approved: '已批准待公布',
  published: '已公布',
  closed: '已结束',
};

/** The list's filters: a status, or the approved campaigns past their publication deadline. */
export type CampaignFilter = CampaignStatus | 'overdue' | 'all';
export const CAMPAIGN_FILTERS: readonly CampaignFilter[] = ['all', 'draft', 'submitted', 'returned', 'approved', 'overdue', 'published', 'closed'];
export const CAMPAIGN_FILTER_LABELS: Record<CampaignFilter, string> = { ...CAMPAIGN_STATUS_LABELS, all: '全部', overdue: '逾期未公布' };

/** What a campaign's own trail (`campaign:<id>`) records. */
export const CAMPAIGN_TRAIL_KINDS = ['campaign-drafted', 'campaign-edited', 'campaign-submitted', 'campaign-approved', 'campaign-returned', 'campaign-published'] as const;
export type CampaignTrailKind = (typeof CAMPAIGN_TRAIL_KINDS)[number];

/** The trail key of a campaign's chain. */
export const campaignChain = (id: string) => `campaign:${id}`;

/** The stored status and the calendar: a published campaign whose period has ended is closed. */
export function campaignStatus(stored: Exclude<CampaignStatus, 'closed'>, periodTo: string, today: string): CampaignStatus {
  return stored === 'published' && periodTo < today ? 'closed' : stored;
}

/**
 * The last day to publish an approved campaign: the same day of the next month as the approval
 * (Asia/Shanghai), or that month's last day when it has no such day (approved 1月31日 → 2月28日).
 */
export function publicationDue(approvedOn: string): string {
  const [y, m, d] = approvedOn.split('-').map(Number);
  const year = m === 12 ? y + 1 : y;
  const month = m === 12 ? 1 : m + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** An approved campaign not published by its deadline (the due day itself is still in time). */
export function publicationOverdue(c: { status: CampaignStatus; publishDue: string | null }, today: string): boolean {
  return c.status === 'approved' && c.publishDue !== null && c.publishDue < today;
}

/** What a plan linked to a campaign must fit. Empty lists mean no limit (regionPrefixes: the whole city). */
export interface CampaignScope {
  name: string;
  status: CampaignStatus;
  industries: readonly string[];
  regionPrefixes: readonly string[];
  periodFrom: string;
  periodTo: string;
  agencyIds: readonly string[];
}

/** Every reason a plan may not be linked to the campaign; none when it fits. */
export function campaignLinkRefusals(
  campaign: CampaignScope,
  plan: { agencyId: string; date: string; enterprise: { industry: string; region: string } },
): RuleRefusal[] {
  const name = `专项检查“${campaign.name}”`;
  if (campaign.status !== 'published') {
    return [{ rule: 'campaign-unpublished', message: `${name}${campaign.status === 'closed' ? '已结束' : '尚未公布'}，不能关联`, remedy: '选择已公布且在实施期内的专项检查，或不关联专项检查' }];
  }
  const refusals: RuleRefusal[] = [];
  if (!campaign.agencyIds.includes(plan.agencyId)) {
    refusals.push({ rule: 'campaign-agency', message: `本部门未参加${name}`, remedy: '选择本部门参加的专项检查，或不关联专项检查' });
  }
  if (campaign.industries.length && !campaign.industries.includes(plan.enterprise.industry)) {
    refusals.push({ rule: 'campaign-scope', message: `企业行业“${plan.enterprise.industry}”不在${name}的范围（${campaign.industries.join('、')}）内`, remedy: '检查范围内的企业，或不关联专项检查' });
  }
  if (campaign.regionPrefixes.length && !campaign.regionPrefixes.some((p) => plan.enterprise.region.startsWith(p))) {
    refusals.push({ rule: 'campaign-scope', message: `企业所在区域（${plan.enterprise.region}）不在${name}的区域（${campaign.regionPrefixes.join('、')}）内`, remedy: '检查范围内的企业，或不关联专项检查' });
  }
  if (plan.date < campaign.periodFrom || plan.date > campaign.periodTo) {
    refusals.push({ rule: 'campaign-period', message: `检查日期 ${plan.date} 不在${name}的实施期（${campaign.periodFrom} 至 ${campaign.periodTo}）内`, remedy: `选择 ${campaign.periodFrom} 至 ${campaign.periodTo} 之间的日期` });
  }
  return refusals;
}

/** The period, checked where a campaign is saved: a real range of at most a year. */
export function campaignPeriodProblem(periodFrom: string, periodTo: string): string | null {
  if (periodTo < periodFrom) return '结束日期不能早于开始日期';
  if (periodTo > addDays(periodFrom, 365)) return '实施期不能超过一年';
  return null;
}

/** A campaign as the console and the officer app read it. */
export interface CampaignView {
  id: string;
  name: string;
  /** What the campaign is about, in a few sentences. */
  summary: string;
  status: CampaignStatus;
  /** The agency that drafted it; null when the supervisors drafted it for the city. */
  ownerAgencyId: string | null;
  ownerAgencyName: string | null;
  industries: string[];
  regionPrefixes: string[];
  itemIds: string[];
  itemNames: string[];
  agencyIds: string[];
  agencyNames: string[];
  periodFrom: string;
  periodTo: string;
  /** The supervisor's reasons when returned (and the note of the approval). */
  decisionNote: string | null;
  submittedAt: string | null;
  approvedAt: string | null;
  /** YYYY-MM-DD: publish by then (one month from approval). */
  publishDue: string | null;
  overdue: boolean;
  publishedAt: string | null;
}

/** One step of a campaign's trail, for reading. */
export interface CampaignEventView {
  kind: CampaignTrailKind;
  actor: string;
  at: string;
  note: string | null;
}

export interface CampaignDetail extends CampaignView {
  history: CampaignEventView[];
}

/** Plans linked to a campaign: filed (not cancelled or returned) and finished by their agency. */
export interface CampaignProgress {
  campaignId: string;
  filed: number;
  finished: number;
}

/** POST /api/campaigns and PATCH /api/campaigns/:id (a draft or a returned campaign). */
export interface CampaignRequest {
  name: string;
  summary?: string;
  industries: string[];
  regionPrefixes: string[];
  itemIds: string[];
  agencyIds: string[];
  periodFrom: string;
  periodTo: string;
}

/** POST /api/campaigns/:id/decision (supervisors). */
export interface CampaignDecisionRequest {
  approve: boolean;
  /** Required to return. */
  note?: string;
}

/** GET /api/public/campaigns: what anyone may read of a published campaign. */
export interface PublicCampaignView {
  id: string;
  name: string;
  summary: string;
  status: 'published' | 'closed';
  industries: string[];
  regionPrefixes: string[];
  itemNames: string[];
  agencyNames: string[];
  periodFrom: string;
  periodTo: string;
  publishedAt: string;
}
