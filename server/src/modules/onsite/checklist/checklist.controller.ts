import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { SessionUser } from '@mashang/shared';
import { CurrentUser, Public } from '../../auth/index.js';
import { JointChecklists } from './joint-checklist.js';

/** 一表通查: the one checklist of a joint inspection, for its officers and, by the code, for the enterprise. */
@ApiTags('on site')
@Controller()
export class ChecklistController {
  constructor(@Inject(JointChecklists) private readonly checklists: JointChecklists) {}

  @ApiBearerAuth()
  @Get('onsite/inspections/:id/checklist')
  forOfficer(@CurrentUser() user: SessionUser, @Param('id') id: string) {
    return this.checklists.forUser(user, id);
  }

  /** The enterprise's copy while the code is in force (410 after): results and colours, no officers or notes. */
  @Public()
  @Get('codes/:token/checklist')
  byCode(@Param('token') token: string) {
    return this.checklists.byCode(token);
  }
}
