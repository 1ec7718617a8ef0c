import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../auth/index.js';
import { PartySubmissionDto } from './party-submission.dto.js';
import { PartySubmissions } from './party-submissions.js';
import { SupervisionCodePage } from './supervision-code-page.js';
import { enterprisePageUrl } from '../../../infra/http/h5-files.js';

/** 监督码: the party of a penalty case, by the code on its notice (no login: the code is the credential). */
@ApiTags('penalty codes')
@Controller('penalty-codes')
export class SupervisionCodeController {
  constructor(
    @Inject(SupervisionCodePage) private readonly page: SupervisionCodePage,
    @Inject(PartySubmissions) private readonly submissions: PartySubmissions,
  ) {}

  @Public()
  @Get(':token')
  view(@Param('token') token: string, @Req() request: FastifyRequest) {
    return this.page.view(token, request.ip);
  }

  @Public()
  @Post(':token/submissions')
  @HttpCode(201)
  submit(@Param('token') token: string, @Body() body: PartySubmissionDto, @Req() request: FastifyRequest) {
    return this.submissions.submit(token, body, request.ip);
  }
}

/** The short address in the notice's QR and the SMS, outside /api: sends the phone to the H5 page. */
@Controller({ path: 'p' })
export class SupervisionCodeLinkController {
  @Public()
  @Get(':token')
  open(@Param('token') token: string, @Res() reply: FastifyReply): void {
    void reply.redirect(enterprisePageUrl(`/enterprise/pages/penalty/index?t=${encodeURIComponent(token)}`), 302);
  }
}
