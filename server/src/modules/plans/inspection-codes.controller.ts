import { Body, Controller, Get, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Role, type SessionUser } from '@mashang/shared';
import type { FastifyReply } from 'fastify';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Public } from '../auth/public.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { IssueCodeDto } from './dto/scenario.dto.js';
import { InspectionCodesService } from './inspection-codes.service.js';

/** 检查码: issued to the officers of an inspection, checked by anyone who scans it. */
@ApiTags('inspection codes')
@Controller()
export class InspectionCodesController {
  constructor(@Inject(InspectionCodesService) private readonly codes: InspectionCodesService) {}

  @ApiBearerAuth()
  @Roles(Role.Officer, Role.AgencyAdmin)
  @Post('plans/:id/code')
  @HttpCode(200)
  issue(@CurrentUser() user: SessionUser, @Param('id') id: string, @Body() body: IssueCodeDto) {
    return this.codes.issue(user, id, body.aloneReason);
  }

  /** What the verification page shows; no login: the enterprise at the door scans it. */
  @Public()
  @Get('codes/:token')
  check(@Param('token') token: string) {
    return this.codes.check(token);
  }
}

/** The short address a QR holds, outside /api: sends the phone to the H5 verification page. */
@Controller({ path: 'v' })
export class CodeLinkController {
  @Public()
  @Get(':token')
  open(@Param('token') token: string, @Res() reply: FastifyReply): void {
    void reply.redirect(`/h5/#/enterprise/pages/verify/index?c=${encodeURIComponent(token)}`, 302);
  }
}
