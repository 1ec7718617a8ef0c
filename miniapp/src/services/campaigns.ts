import type { CampaignView, PublicCampaignView } from '@mashang/shared';
import { api } from './request';

/** The published special campaigns (专项检查): public, no session. */
export function publicCampaigns(): Promise<PublicCampaignView[]> {
  return api.get<PublicCampaignView[]>('/api/public/campaigns', undefined, { anonymous: true });
}

/** The published campaigns in their period that the officer's agency joins: what a plan may be filed under. */
export function joinableCampaigns(): Promise<CampaignView[]> {
  return api.get<CampaignView[]>('/api/campaigns/joinable');
}
