import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { normaliseCreditCode, Role, type SessionUser } from '@mashang/shared';
import { invalid } from '../../infra/errors/domain-error.js';
import { CurrentUser, Roles } from '../auth/index.js';
import { PageQueryDto } from '../../infra/http/page-query.dto.js';
import { CancelPlanDto, FilePlanDto, MovePlanDto } from './dto/file-plan.dto.js';
import { CancelPlan } from './changes/cancel-plan.js';
import { MovePlan } from './changes/move-plan.js';
import { FilePlan } from './filing/file-plan.js';
import { HalfYearRecords } from './half-year/half-year-records.js';
import { PlanViews } from './listing/plan-views.js';

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
  ) {}

  @Roles(Role.Officer, Role.AgencyAdmin)
  @Post()
  file(@CurrentUser() user: SessionUser, @Body() body: FilePlanDto) {
    return this.filing.file(user, body);
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

  @Get(':id/history')
  history(@CurrentUser() user: SessionUser, @Param('id') id: string) {
    return this.views.history(user, id);
  }
}
