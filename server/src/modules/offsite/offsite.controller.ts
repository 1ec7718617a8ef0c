import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Role, type SessionUser } from '@mashang/shared';
import { enterprisePageUrl } from '../../infra/http/h5-files.js';
import { CurrentEnterprise, CurrentUser, EnterpriseOnly, Public, Roles, type SignedInEnterprise } from '../auth/index.js';
import { multipartFile } from '../onsite/index.js';
import { AddEvidence } from './answering/add-evidence.js';
import { SubmitAnswer } from './answering/submit-answer.js';
import { DecideOffsiteRequest } from './deciding/decide-request.js';
import { AskAgainDto, ConvertOffsiteDto, EvidenceFileQueryDto, EvidenceReadingDto, OffsiteListQueryDto, OffsiteShareQueryDto, SendOffsiteRequestDto } from './dto/offsite.dto.js';
import { OffsiteReads } from './offsite-reads.js';
import { SendOffsiteRequest } from './requesting/send-request.js';
import { OffsiteShare } from './share/offsite-share.js';

/** 非现场检查, the agencies' side: ask, read the answers, decide; and the share of off-site checks. */
@ApiTags('offsite')
@ApiBearerAuth()
@Controller('offsite')
export class OffsiteController {
  constructor(
    @Inject(SendOffsiteRequest) private readonly sending: SendOffsiteRequest,
    @Inject(DecideOffsiteRequest) private readonly deciding: DecideOffsiteRequest,
    @Inject(OffsiteReads) private readonly reads: OffsiteReads,
    @Inject(OffsiteShare) private readonly share: OffsiteShare,
  ) {}

  @Roles(Role.Officer, Role.AgencyAdmin)
  @Post('requests')
  send(@CurrentUser() user: SessionUser, @Body() body: SendOffsiteRequestDto) {
    return this.sending.send(user, body);
  }

  @Roles(Role.Officer, Role.AgencyAdmin, Role.Supervisor, Role.Discipline)
  @Get('requests')
  list(@CurrentUser() user: SessionUser, @Query() query: OffsiteListQueryDto) {
    return this.reads.list(user, query.status);
  }

  @Roles(Role.Officer, Role.AgencyAdmin, Role.Supervisor, Role.Discipline)
  @Get('requests/:id')
  get(@CurrentUser() user: SessionUser, @Param('id') id: string) {
    return this.reads.get(user, id);
  }

  /** The plan's request, or null when none was sent yet. */
  @Roles(Role.Officer, Role.AgencyAdmin, Role.Supervisor, Role.Discipline)
  @Get('plans/:planId/request')
  async ofPlan(@CurrentUser() user: SessionUser, @Param('planId') planId: string) {
    return { request: await this.reads.ofPlan(user, planId) };
  }

  @Roles(Role.Officer, Role.AgencyAdmin, Role.Supervisor, Role.Discipline)
  @Get('requests/:id/evidence/:evidenceId')
  async file(@CurrentUser() user: SessionUser, @Param('id') id: string, @Param('evidenceId') evidenceId: string, @Res() reply: FastifyReply) {
    const file = await this.reads.file(user, id, evidenceId);
    return reply
      .header('content-type', file.contentType)
      .header('content-length', file.sizeBytes)
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(file.stream);
  }

  @Roles(Role.Officer, Role.AgencyAdmin)
  @Post('requests/:id/accept')
  @HttpCode(200)
  accept(@CurrentUser() user: SessionUser, @Param('id') id: string) {
    return this.deciding.accept(user, id);
  }

  @Roles(Role.Officer, Role.AgencyAdmin)
  @Post('requests/:id/ask-again')
  @HttpCode(200)
  askAgain(@CurrentUser() user: SessionUser, @Param('id') id: string, @Body() body: AskAgainDto) {
    return this.deciding.askAgain(user, id, body.note);
  }

  @Roles(Role.Officer, Role.AgencyAdmin)
  @Post('requests/:id/convert')
  @HttpCode(200)
  convert(@CurrentUser() user: SessionUser, @Param('id') id: string, @Body() body: ConvertOffsiteDto) {
    return this.deciding.convert(user, id, body);
  }

  @Roles(Role.AgencyAdmin, Role.Supervisor, Role.Discipline)
  @Get('share')
  shareRows(@CurrentUser() user: SessionUser, @Query() query: OffsiteShareQueryDto) {
    return this.share.rows(user, query.from);
  }
}

/** The enterprise by the SMS link (no sign-in: the link is the credential, as the rating link is). */
@ApiTags('offsite')
@Controller('offsite-links')
export class OffsiteLinkController {
  constructor(
    @Inject(OffsiteReads) private readonly reads: OffsiteReads,
    @Inject(AddEvidence) private readonly evidence: AddEvidence,
    @Inject(SubmitAnswer) private readonly answers: SubmitAnswer,
  ) {}

  @Public()
  @Get(':token')
  view(@Param('token') token: string) {
    return this.reads.forEnterprise({ token });
  }

  @Public()
  @Post(':token/readings')
  @HttpCode(201)
  reading(@Param('token') token: string, @Body() body: EvidenceReadingDto) {
    return this.evidence.reading({ token }, body.position, body.text);
  }

  /** multipart/form-data with one `file`; the ask it answers goes in the query. */
  @Public()
  @ApiConsumes('multipart/form-data')
  @Post(':token/files')
  @HttpCode(201)
  async upload(@Param('token') token: string, @Query() query: EvidenceFileQueryDto, @Req() request: FastifyRequest) {
    return this.evidence.file({ token }, query.position, await multipartFile(request));
  }

  @Public()
  @Post(':token/submit')
  @HttpCode(200)
  submit(@Param('token') token: string) {
    return this.answers.submit({ token });
  }
}

/** The signed-in enterprise (企业端): its own requests only; another enterprise's answers 404. */
@ApiTags('enterprise')
@ApiBearerAuth()
@EnterpriseOnly()
@Controller('enterprise/offsite-requests')
export class EnterpriseOffsiteController {
  constructor(
    @Inject(OffsiteReads) private readonly reads: OffsiteReads,
    @Inject(AddEvidence) private readonly evidence: AddEvidence,
    @Inject(SubmitAnswer) private readonly answers: SubmitAnswer,
  ) {}

  @Get()
  list(@CurrentEnterprise() enterprise: SignedInEnterprise) {
    return this.reads.ofEnterprise(enterprise.creditCode);
  }

  @Get(':id')
  get(@CurrentEnterprise() enterprise: SignedInEnterprise, @Param('id') id: string) {
    return this.reads.forEnterprise({ creditCode: enterprise.creditCode, requestId: id });
  }

  @Post(':id/readings')
  @HttpCode(201)
  reading(@CurrentEnterprise() enterprise: SignedInEnterprise, @Param('id') id: string, @Body() body: EvidenceReadingDto) {
    return this.evidence.reading({ creditCode: enterprise.creditCode, requestId: id }, body.position, body.text);
  }

  @ApiConsumes('multipart/form-data')
  @Post(':id/files')
  @HttpCode(201)
  async upload(@CurrentEnterprise() enterprise: SignedInEnterprise, @Param('id') id: string, @Query() query: EvidenceFileQueryDto, @Req() request: FastifyRequest) {
    return this.evidence.file({ creditCode: enterprise.creditCode, requestId: id }, query.position, await multipartFile(request));
  }

  @Post(':id/submit')
  @HttpCode(200)
  submit(@CurrentEnterprise() enterprise: SignedInEnterprise, @Param('id') id: string) {
    return this.answers.submit({ creditCode: enterprise.creditCode, requestId: id });
  }
}

/** The short address in the SMS, outside /api: sends the phone to the enterprise's small page. */
@Controller({ path: 'o' })
export class OffsiteShortLinkController {
  @Public()
  @Get(':token')
  open(@Param('token') token: string, @Res() reply: FastifyReply): void {
    void reply.redirect(enterprisePageUrl(`/enterprise/pages/offsite/index?t=${encodeURIComponent(token)}`), 302);
  }
}
