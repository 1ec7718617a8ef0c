import { Inject, Injectable } from '@nestjs/common';
import { campaignLinkRefusals, campaignStatus, type RuleRefusal } from '@mashang/shared';
import type { Tx } from '../../../infra/database/tx.js';
import { notFound } from '../../../infra/errors/domain-error.js';
import { CampaignRepository } from '../../campaigns/index.js';
import type { LockedEnterprise } from '../enterprise-serial.js';

/**
 * A plan filed under a special campaign (专项检查) must fit it: the campaign published and in its
 * period, the agency among those that join, the enterprise in its industries and region.
 */
@Injectable()
export class CampaignLink {
  constructor(@Inject(CampaignRepository) private readonly campaigns: CampaignRepository) {}

  async refusals(campaignId: string, agencyId: string, date: string, enterprise: LockedEnterprise, today: string, tx: Tx): Promise<RuleRefusal[]> {
    const campaign = await this.campaigns.find(campaignId, tx);
    // An unpublished campaign is nobody's business but its drafter's.
    if (!campaign || (campaign.status !== 'published' && campaign.ownerAgencyId !== agencyId)) throw notFound('专项检查');
    return campaignLinkRefusals(
      { ...campaign, status: campaignStatus(campaign.status, campaign.periodTo, today) },
      { agencyId, date, enterprise: { industry: enterprise.industry, region: enterprise.region } },
    );
  }
}
