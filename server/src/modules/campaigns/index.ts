/**
 * campaigns/ — 专项检查: special campaigns (scope, period, the agencies that join), their approval by
 * the supervisors and publication within a month; plans/ links a plan to a published one.
 * Owns: campaigns, campaign_agencies. Imports registry/ and trail/.
 */
export { CampaignsModule } from './campaigns.module.js';
export { CampaignRepository, type StoredCampaign } from './campaign.repository.js';
