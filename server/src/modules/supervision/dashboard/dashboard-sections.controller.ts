import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Role, type SessionUser } from '@mashang/shared';
import { CurrentUser, Roles } from '../../auth/index.js';
import { DashboardYearDto, SatisfactionTrendQueryDto, VisitsPerEnterpriseQueryDto } from './dashboard-sections.dto.js';
import { SatisfactionTrend } from './satisfaction-trend.js';
import { VisitsPerEnterprise } from './visits-per-enterprise.js';
import { YearOnYear } from './year-on-year.js';

/** The dashboard's sections, one route each: supervisors and discipline see every agency, an agency admin its own. */
@ApiTags('supervision')
@ApiBearerAuth()
@Roles(Role.Supervisor, Role.Discipline, Role.AgencyAdmin)
@Controller('supervision/dashboard')
export class DashboardSectionsController {
  constructor(
    @Inject(YearOnYear) private readonly yearOnYear: YearOnYear,
    @Inject(VisitsPerEnterprise) private readonly visits: VisitsPerEnterprise,
    @Inject(SatisfactionTrend) private readonly satisfaction: SatisfactionTrend,
  ) {}

  @Get('year-on-year')
  yearOnYearView(@CurrentUser() user: SessionUser, @Query() query: DashboardYearDto) {
    return this.yearOnYear.view(user, query.year);
  }

  @Get('visits-per-enterprise')
  visitsView(@CurrentUser() user: SessionUser, @Query() query: VisitsPerEnterpriseQueryDto) {
    return this.visits.view(user, query.year, query.top);
  }

  @Get('satisfaction-trend')
  satisfactionView(@CurrentUser() user: SessionUser, @Query() query: SatisfactionTrendQueryDto) {
    return this.satisfaction.view(user, query.year, query.agencyId);
  }
}
