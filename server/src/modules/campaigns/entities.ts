import { Campaign, CampaignAgency } from './campaign.entity.js';

export const CAMPAIGNS_ENTITIES = [Campaign, CampaignAgency];
