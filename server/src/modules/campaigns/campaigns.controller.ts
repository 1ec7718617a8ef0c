import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Role, type SessionUser } from '@mashang/shared';
import { CurrentUser, Public, Roles } from '../auth/index.js';
import { CampaignViews } from './campaign-views.js';
import { CampaignWorkflow } from './campaign-workflow.js';
import { CampaignDecisionDto, CampaignDto, CampaignQueryDto } from './dto/campaign.dto.js';

/** 专项检查: agency admins and supervisors draft, supervisors approve, the drafter publishes; anyone reads the published ones. */
@ApiTags('campaigns')
@Controller()
export class CampaignsController {
  constructor(
    @Inject(CampaignWorkflow) private readonly workflow: CampaignWorkflow,
    @Inject(CampaignViews) private readonly views: CampaignViews,
  ) {}

  @ApiBearerAuth()
  @Roles(Role.AgencyAdmin, Role.Supervisor, Role.Discipline)
  @Get('campaigns')
  list(@CurrentUser() user: SessionUser, @Query() query: CampaignQueryDto) {
    return this.views.list(user, query.status, { page: query.page, pageSize: query.pageSize });
  }

  /** What a plan may be filed under: the published campaigns in their period that the caller's agency joins. */
  @ApiBearerAuth()
  @Roles(Role.Officer, Role.AgencyAdmin)
  @Get('campaigns/joinable')
  joinable(@CurrentUser() user: SessionUser) {
    return this.views.joinable(user);
  }

  /** The agencies a campaign may name as joining (ids and names of all). */
  @ApiBearerAuth()
  @Roles(Role.AgencyAdmin, Role.Supervisor)
  @Get('campaigns/agencies')
  agencies() {
    return this.views.agencyChoices();
  }

  @ApiBearerAuth()
  @Roles(Role.AgencyAdmin, Role.Supervisor)
  @Post('campaigns')
  draft(@CurrentUser() user: SessionUser, @Body() body: CampaignDto) {
    return this.workflow.draft(user, body);
  }

  @ApiBearerAuth()
  @Get('campaigns/:id')
  one(@CurrentUser() user: SessionUser, @Param('id') id: string) {
    return this.views.detail(user, id);
  }

  @ApiBearerAuth()
  @Roles(Role.AgencyAdmin, Role.Supervisor)
  @Put('campaigns/:id')
  edit(@CurrentUser() user: SessionUser, @Param('id') id: string, @Body() body: CampaignDto) {
    return this.workflow.edit(user, id, body);
  }

  @ApiBearerAuth()
  @Roles(Role.AgencyAdmin, Role.Supervisor)
  @Post('campaigns/:id/submit')
  @HttpCode(200)
  submit(@CurrentUser() user: SessionUser, @Param('id') id: string) {
    return this.workflow.submit(user, id);
  }

  @ApiBearerAuth()
  @Roles(Role.Supervisor)
  @Post('campaigns/:id/decision')
  @HttpCode(200)
  decide(@CurrentUser() user: SessionUser, @Param('id') id: string, @Body() body: CampaignDecisionDto) {
    return this.workflow.decide(user, id, body.approve, body.note);
  }

  @ApiBearerAuth()
  @Roles(Role.AgencyAdmin, Role.Supervisor)
  @Post('campaigns/:id/publish')
  @HttpCode(200)
  publish(@CurrentUser() user: SessionUser, @Param('id') id: string) {
    return this.workflow.publish(user, id);
  }

  @Public()
  @Get('public/campaigns')
  published() {
    return this.views.publicList();
  }
}
