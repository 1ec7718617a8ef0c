import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { normaliseCreditCode, Role, type SessionUser } from '@mashang/shared';
import { invalid } from '../../infra/errors/domain-error.js';
import { CurrentUser, Roles } from '../auth/index.js';
import { PageQueryDto } from '../../infra/http/page-query.dto.js';
import { AccompanyDto, CampaignProgressQueryDto, CancelPlanDto, DecidePlanApprovalDto, FilePlanDto, MovePlanDto, PlanApprovalQueryDto } from './dto/file-plan.dto.js';
import { PlanApprovalQueue } from './approval/approval-queue.js';
import { DecidePlanApproval } from './approval/decide-approval.js';
import { CancelPlan } from './changes/cancel-plan.js';
import { MovePlan } from './changes/move-plan.js';
import { FilePlan } from './filing/file-plan.js';
import { HalfYearRecords } from './half-year/half-year-records.js';
import { PlanViews } from './listing/plan-views.js';
import { AccompanyPlan } from './visits/accompany-plan.js';
import { PlanRepository } from './plan.repository.js';

/** 事前报备: filing inspection plans, merged into joint inspections. */
@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans')
export class PlansController {
  constructor(
    @Inject(FilePlan) private readonly filing: FilePlan,
    @Inject(MovePlan) private readonly moving: MovePlan,
    @Inject(CancelPlan) private readonly cancelling: CancelPlan,
    @Inject(PlanViews) private readonly views: PlanViews,
    @Inject(HalfYearRecords) private readonly halfYear: HalfYearRecords,
    @Inject(PlanApprovalQueue) private readonly approvals: PlanApprovalQueue,
    @Inject(DecidePlanApproval) private readonly deciding: DecidePlanApproval,
    @Inject(AccompanyPlan) private readonly accompanying: AccompanyPlan,
    @Inject(PlanRepository) private readonly plans: PlanRepository,
  ) {}

  @Roles(Role.Officer, Role.AgencyAdmin)
  @Post()
  file(@CurrentUser() user: SessionUser, @Body() body: FilePlanDto) {
    return this.filing.file(user, body);
  }

  /** 陪同执法: an officer of another agency (the business-environment bureau) joins an inspection by its plan code. */
  @Roles(Role.Officer)
  @Post('accompany')
  @HttpCode(200)
  accompany(@CurrentUser() user: SessionUser, @Body() body: AccompanyDto) {
    return this.accompanying.accompany(user, body.planCode);
  }

  @Get()
  list(@CurrentUser() user: SessionUser, @Query() query: PageQueryDto) {
    return this.views.list(user, query.page, query.pageSize);
  }

  /** Shown while filing: same-industry inspection results of the last six months (结果互认). */
  @Roles(Role.Officer, Role.AgencyAdmin)
  @Get('half-year-history')
  halfYearHistory(@CurrentUser() user: SessionUser, @Query('creditCode') creditCode?: string) {
    if (!creditCode) throw invalid('creditCode', 'required');
    return this.halfYear.of(user, normaliseCreditCode(creditCode));
  }

  /** 计划审批: plans waiting for (or decided by) their agency head; an agency admin's own agency, overseers all. */
  @Roles(Role.AgencyAdmin, Role.Supervisor, Role.Discipline)
  @Get('approvals')
  approvalQueue(@CurrentUser() user: SessionUser, @Query() query: PlanApprovalQueryDto) {
    return this.approvals.list(user, query.status, query.page, query.pageSize);
  }

  /** 专项检查 progress for the console: each campaign's plans filed and finished (counts only). */
  @Roles(Role.AgencyAdmin, Role.Supervisor, Role.Discipline)
  @Get('campaign-progress')
  campaignProgress(@Query() query: CampaignProgressQueryDto) {
    return this.plans.campaignProgress([...new Set(query.ids.split(','))]);
  }

  @Get(':id')
  get(@CurrentUser() user: SessionUser, @Param('id') id: string) {
    return this.views.get(user, id);
  }

  @Roles(Role.Officer, Role.AgencyAdmin)
  @Patch(':id')
  move(@CurrentUser() user: SessionUser, @Param('id') id: string, @Body() body: MovePlanDto) {
    return this.moving.move(user, id, body.date);
  }

  @Roles(Role.Officer, Role.AgencyAdmin)
  @Post(':id/cancel')
  @HttpCode(200)
  cancel(@CurrentUser() user: SessionUser, @Param('id') id: string, @Body() body: CancelPlanDto) {
    return this.cancelling.cancel(user, id, body.reason);
  }

  /** The agency's admin approves a plan or returns it with reasons (an emergency, after the fact). */
  @Roles(Role.AgencyAdmin)
  @Post(':id/approval')
  @HttpCode(200)
  decideApproval(@CurrentUser() user: SessionUser, @Param('id') id: string, @Body() body: DecidePlanApprovalDto) {
    return this.deciding.decide(user, id, body.approve, body.note);
  }

  @Get(':id/history')
  history(@CurrentUser() user: SessionUser, @Param('id') id: string) {
    return this.views.history(user, id);
  }
}
