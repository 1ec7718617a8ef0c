import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Role, type SessionUser, type VisitsByMonthView } from '@mashang/shared';
import { CurrentUser, Roles } from '../../auth/index.js';
import { DashboardQueryDto } from '../dto/supervision.dto.js';
import { VisitsDashboard } from './visits-dashboard.js';

/** The dashboard's visits (回访、服务走访、陪同执法), counted apart from inspections. */
@ApiTags('supervision')
@ApiBearerAuth()
@Roles(Role.Supervisor, Role.Discipline, Role.AgencyAdmin)
@Controller('supervision')
export class VisitsDashboardController {
  constructor(@Inject(VisitsDashboard) private readonly visits: VisitsDashboard) {}

  @Get('visits')
  byMonth(@CurrentUser() user: SessionUser, @Query() query: DashboardQueryDto): Promise<VisitsByMonthView> {
    return this.visits.byMonth(user, query.months);
  }
}
