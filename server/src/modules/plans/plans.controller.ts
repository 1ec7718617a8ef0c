import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { normaliseCreditCode, Role, type SessionUser } from '@mashang/shared';
import { invalid } from '../../infra/errors/domain-error.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { PageQueryDto } from '../../infra/http/page-query.dto.js';
import { CancelPlanDto, FilePlanDto, MovePlanDto } from './dto/file-plan.dto.js';
import { PlansService } from './plans.service.js';

/** 事前报备: filing inspection plans, merged into joint inspections. */
@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans')
export class PlansController {
  constructor(@Inject(PlansService) private readonly plans: PlansService) {}

  @Roles(Role.Officer, Role.AgencyAdmin)
  @Post()
  file(@CurrentUser() user: SessionUser, @Body() body: FilePlanDto) {
    return this.plans.file(user, body);
  }

  @Get()
  list(@CurrentUser() user: SessionUser, @Query() query: PageQueryDto) {
    return this.plans.list(user, query.page, query.pageSize);
  }

  /** Shown while filing: same-industry inspection results of the last six months (结果互认). */
  @Roles(Role.Officer, Role.AgencyAdmin)
  @Get('half-year-history')
  halfYearHistory(@CurrentUser() user: SessionUser, @Query('creditCode') creditCode?: string) {
    if (!creditCode) throw invalid('creditCode', 'required');
    return this.plans.halfYearHistory(user, normaliseCreditCode(creditCode));
  }

  @Get(':id')
  get(@CurrentUser() user: SessionUser, @Param('id') id: string) {
    return this.plans.get(user, id);
  }

  @Roles(Role.Officer, Role.AgencyAdmin)
  @Patch(':id')
  move(@CurrentUser() user: SessionUser, @Param('id') id: string, @Body() body: MovePlanDto) {
    return this.plans.move(user, id, body.date);
  }

  @Roles(Role.Officer, Role.AgencyAdmin)
  @Post(':id/cancel')
  @HttpCode(200)
  cancel(@CurrentUser() user: SessionUser, @Param('id') id: string, @Body() body: CancelPlanDto) {
    return this.plans.cancel(user, id, body.reason);
  }

  @Get(':id/history')
  history(@CurrentUser() user: SessionUser, @Param('id') id: string) {
    return this.plans.history(user, id);
  }
}
