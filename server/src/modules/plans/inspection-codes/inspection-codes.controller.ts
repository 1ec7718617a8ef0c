import { Body, Controller, Get, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Role, type SessionUser } from '@mashang/shared';
import type { FastifyReply } from 'fastify';
import { enterprisePageUrl } from '../../../infra/http/h5-files.js';
import { CurrentUser, Public, Roles } from '../../auth/index.js';
import { IssueCodeDto } from '../dto/scenario.dto.js';
import { CheckCode } from './check-code.js';
import { IssueCode } from './issue-code.js';

/** 检查码: issued to the officers of an inspection, checked by anyone who scans it. */
@ApiTags('inspection codes')
@Controller()
export class InspectionCodesController {
  constructor(
    @Inject(IssueCode) private readonly issuing: IssueCode,
    @Inject(CheckCode) private readonly checking: CheckCode,
  ) {}

  @ApiBearerAuth()
  @Roles(Role.Officer, Role.AgencyAdmin)
  @Post('plans/:id/code')
  @HttpCode(200)
  issue(@CurrentUser() user: SessionUser, @Param('id') id: string, @Body() body: IssueCodeDto) {
    return this.issuing.issue(user, id, body.aloneReason);
  }

  /** What the verification page shows; no login: the enterprise at the door scans it. */
  @Public()
  @Get('codes/:token')
  check(@Param('token') token: string) {
    return this.checking.check(token);
  }
}

/** The short address a QR holds, outside /api: sends the phone to the H5 verification page (the enterprise entry). */
@Controller({ path: 'v' })
export class CodeLinkController {
  @Public()
  @Get(':token')
  open(@Param('token') token: string, @Res() reply: FastifyReply): void {
    void reply.redirect(enterprisePageUrl(`/enterprise/pages/verify/index?c=${encodeURIComponent(token)}`), 302);
  }
}
