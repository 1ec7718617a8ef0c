import { Body, Controller, Get, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { Role, type ComplaintView, type HotlineImportResult, type SessionUser, type SignInCodeAnswer } from '@mashang/shared';
import type { FastifyRequest } from 'fastify';
import { CurrentEnterprise, CurrentUser, EnterpriseOnly, Public, Roles, type SignedInEnterprise } from '../../auth/index.js';
import { PortalComplaintDto, PublicComplaintDto } from '../dto/complaint.dto.js';
import { SignInCodeDto } from '../dto/sign-in.dto.js';
import { ComplaintFiling } from './complaint-filing.js';
import { HotlineImport } from './hotline-import.js';
import { XLSX } from './hotline-workbook.js';

/** 码上响应 from the signed-in enterprise's page: its complaints and what became of them. */
@ApiTags('enterprise')
@ApiBearerAuth()
@EnterpriseOnly()
@Controller('enterprise')
export class EnterpriseComplaintsController {
  constructor(@Inject(ComplaintFiling) private readonly filing: ComplaintFiling) {}

  @Post('complaints')
  complain(@CurrentEnterprise() enterprise: SignedInEnterprise, @Body() body: PortalComplaintDto): Promise<ComplaintView> {
    return this.filing.fromPortal(enterprise, body.content, body.inspectionId);
  }

  @Get('complaints')
  list(@CurrentEnterprise() enterprise: SignedInEnterprise): Promise<ComplaintView[]> {
    return this.filing.listOf(enterprise);
  }
}

/** 码上响应 without signing in (throttled; the contact phone verified by an SMS code), and 12345 tickets imported by supervisors. */
@ApiTags('complaints')
@Controller('complaints')
export class ComplaintsController {
  constructor(
    @Inject(ComplaintFiling) private readonly filing: ComplaintFiling,
    @Inject(HotlineImport) private readonly hotline: HotlineImport,
  ) {}

  @Public()
  @Post('code')
  @HttpCode(200)
  code(@Body() body: SignInCodeDto, @Req() request: FastifyRequest): Promise<SignInCodeAnswer> {
    return this.filing.requestCode(body.creditCode, body.phone, request.ip);
  }

  @Public()
  @Post()
  complain(@Body() body: PublicComplaintDto, @Req() request: FastifyRequest): Promise<ComplaintView> {
    return this.filing.fromPublicForm(body, request.ip);
  }

  /**
   * JSON Lines, one ticket a line: `{ ticketNo, receivedAt, creditCode, phone, content, inspectionId? }`; or
   * the hotline's Excel export, columns 工单号 受理时间 统一社会信用代码 联系电话 诉求内容 (检查记录编号).
   */
  @ApiBearerAuth()
  @Roles(Role.Supervisor)
  @ApiConsumes('application/x-ndjson', XLSX)
  @Post('hotline')
  @HttpCode(200)
  importHotline(@CurrentUser() user: SessionUser, @Req() request: FastifyRequest): Promise<HotlineImportResult> {
    return this.hotline.import(user, request.body, request.headers['content-type']);
  }
}
