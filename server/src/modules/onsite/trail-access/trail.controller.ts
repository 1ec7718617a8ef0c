import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { SessionUser } from '@mashang/shared';
import { CurrentUser, Public } from '../../auth/index.js';
import { TrailAccessService } from './trail-access.service.js';

/** 全过程留痕: an inspection's trail and its verification. */
@ApiTags('trail')
@Controller()
export class TrailController {
  constructor(@Inject(TrailAccessService) private readonly trails: TrailAccessService) {}

  @ApiBearerAuth()
  @Get('inspections/:id/trail')
  trail(@CurrentUser() user: SessionUser, @Param('id') id: string) {
    return this.trails.trail(user, id);
  }

  @ApiBearerAuth()
  @Get('inspections/:id/trail/verify')
  verify(@CurrentUser() user: SessionUser, @Param('id') id: string) {
    return this.trails.verify(user, id);
  }

  /** The enterprise's own view, by the inspection code it was shown, while the code is in force (410 after). */
  @Public()
  @Get('codes/:token/trail')
  byCode(@Param('token') token: string) {
    return this.trails.trailByCode(token);
  }
}
