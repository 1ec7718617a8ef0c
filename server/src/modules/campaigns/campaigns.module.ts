import { Module } from '@nestjs/common';
import { RegistryModule } from '../registry/index.js';
import { TrailModule } from '../trail/index.js';
import { CampaignRepository } from './campaign.repository.js';
import { CampaignViews } from './campaign-views.js';
import { CampaignWorkflow } from './campaign-workflow.js';
import { CampaignsController } from './campaigns.controller.js';

/** 专项检查: special campaigns, their approval and publication; plans read them to link. */
@Module({
  imports: [TrailModule, RegistryModule],
  controllers: [CampaignsController],
  providers: [CampaignRepository, CampaignViews, CampaignWorkflow],
  exports: [CampaignRepository],
})
export class CampaignsModule {}
