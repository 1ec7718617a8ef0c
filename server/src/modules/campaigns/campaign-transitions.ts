import { ErrorCode, publicationDue, Role, shanghaiDate, type SessionUser } from '@mashang/shared';
import { DomainError, forbidden, invalid } from '../../infra/errors/domain-error.js';
import type { CampaignStep, StoredCampaign } from './campaign.repository.js';

/** The least a reason to return a campaign says. */
export const RETURN_NOTE_MIN = 2;

/** Whose campaign it is: its agency's admin, or the supervisors for one they drafted for the city. */
export function mayKeep(user: SessionUser, campaign: Pick<StoredCampaign, 'ownerAgencyId'>): boolean {
  if (campaign.ownerAgencyId === null) return user.role === Role.Supervisor;
  return user.role === Role.AgencyAdmin && user.agencyId === campaign.ownerAgencyId;
}

const conflict = (message: string) => new DomainError(ErrorCode.Conflict, message);

/** A draft, or a campaign returned by the supervisor, may be edited and submitted; nothing after. */
export function assertEditable(campaign: Pick<StoredCampaign, 'status'>): void {
  if (campaign.status !== 'draft' && campaign.status !== 'returned') throw conflict('专项检查已提交审批，不能再修改');
}

/** draft | returned → submitted. */
export function submitStep(campaign: Pick<StoredCampaign, 'status'>, now: Date): CampaignStep {
  if (campaign.status !== 'draft' && campaign.status !== 'returned') throw conflict('只有草稿或已退回的专项检查可以提交审批');
  return { status: 'submitted', submittedAt: now, decisionNote: null };
}

/** submitted → approved (publication due one month on) or returned with reasons. */
export function decisionStep(campaign: Pick<StoredCampaign, 'status'>, approve: boolean, note: string | undefined, now: Date): CampaignStep {
  if (campaign.status !== 'submitted') throw conflict('该专项检查不在待审批状态');
  const text = note?.trim() || null;
  if (!approve) {
    if (!text || text.length < RETURN_NOTE_MIN) throw invalid('note', `退回须写明理由（至少${RETURN_NOTE_MIN}个字）`);
    return { status: 'returned', decisionNote: text };
  }
  return { status: 'approved', approvedAt: now, publishDue: publicationDue(shanghaiDate(now)), decisionNote: text };
}

/** approved → published, while its period has not ended. */
export function publishStep(campaign: Pick<StoredCampaign, 'status' | 'periodTo'>, now: Date): CampaignStep {
  if (campaign.status !== 'approved') throw conflict(campaign.status === 'published' ? '专项检查已公布' : '专项检查须经批准后才能公布');
  if (campaign.periodTo < shanghaiDate(now)) throw conflict(`实施期已于 ${campaign.periodTo} 结束，不能再公布；请重新拟定`);
  return { status: 'published', publishedAt: now };
}

/** Who drafts: an agency admin for its own agency (which must join), or a supervisor for the city. */
export function draftOwner(user: SessionUser, agencyIds: readonly string[]): string | null {
  if (user.role === Role.Supervisor) return null;
  if (user.role !== Role.AgencyAdmin || !user.agencyId) throw forbidden('只有执法部门管理员或执法监督人员可以拟定专项检查');
  if (!agencyIds.includes(user.agencyId)) throw invalid('agencyIds', '牵头拟定的本部门须参加该专项检查');
  return user.agencyId;
}
