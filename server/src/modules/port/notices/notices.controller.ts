import { Body, Controller, Get, Inject, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Role, type EnterpriseSlotsView, type InspectionNoticeView, type SessionUser } from '@mashang/shared';
import { CurrentEnterprise, CurrentUser, EnterpriseOnly, Roles, type SignedInEnterprise } from '../../auth/index.js';
import { BookingSlotsDto } from '../dto/booking.dto.js';
import { InspectionNotices } from './inspection-notices.js';

/** 检查预告 and 双向预约 on the enterprise's page. */
@ApiTags('enterprise')
@ApiBearerAuth()
@EnterpriseOnly()
@Controller('enterprise')
export class EnterpriseNoticesController {
  constructor(@Inject(InspectionNotices) private readonly notices: InspectionNotices) {}

  @Get('notices')
  list(@CurrentEnterprise() enterprise: SignedInEnterprise): Promise<InspectionNoticeView[]> {
    return this.notices.upcomingOf(enterprise);
  }

  /** The half-days that suit it, replacing those marked before. */
  @Put('notices/:id/slots')
  setSlots(@CurrentEnterprise() enterprise: SignedInEnterprise, @Param('id') id: string, @Body() body: BookingSlotsDto): Promise<InspectionNoticeView> {
    return this.notices.setSlots(enterprise, id, body.slots);
  }
}

/** What the plan's officers see of the enterprise's half-days when fixing the date. */
@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans')
export class EnterpriseSlotsController {
  constructor(@Inject(InspectionNotices) private readonly notices: InspectionNotices) {}

  @Roles(Role.Officer, Role.AgencyAdmin, Role.Supervisor, Role.Discipline)
  @Get(':id/enterprise-slots')
  slots(@CurrentUser() user: SessionUser, @Param('id') id: string): Promise<EnterpriseSlotsView> {
    return this.notices.slotsForStaff(user, id);
  }
}
