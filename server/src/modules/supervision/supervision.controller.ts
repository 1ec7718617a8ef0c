import { Body, Controller, Get, HttpCode, Inject, Ip, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Role, type SessionUser } from '@mashang/shared';
import type { FastifyReply } from 'fastify';
import { CurrentUser, Public, Roles } from '../auth/index.js';
import { CaseAttachments } from './attachments/case-attachments.js';
import { CaseDetails } from './case-detail/case-details.js';
import { DashboardService } from './dashboard/dashboard.service.js';
import { AttachmentDto, CaseActionDto, CaseListQueryDto, DashboardQueryDto, ExportQueryDto } from './dto/supervision.dto.js';
import { ConsoleExport } from './export/console-export.js';
import { ComplaintOutcomes } from './outcomes/complaint-outcomes.js';
import { CaseQueue } from './queue/case-queue.js';
import { CaseActions } from './workflow/case-actions.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** RFC 6266 attachment header with a UTF-8 file name. */
const disposition = (name: string) => `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`;

/**
 * 执法监督 console: supervisors see every agency, discipline inspectors read everything and record the
 * outcome of referrals, an agency admin sees and answers its own agency's cases. Officers have no access.
 */
@ApiTags('supervision')
@ApiBearerAuth()
@Roles(Role.Supervisor, Role.Discipline, Role.AgencyAdmin)
@Controller('supervision')
export class SupervisionController {
  constructor(
    @Inject(CaseQueue) private readonly queue: CaseQueue,
    @Inject(CaseDetails) private readonly details: CaseDetails,
    @Inject(CaseActions) private readonly actions: CaseActions,
    @Inject(CaseAttachments) private readonly attachments: CaseAttachments,
    @Inject(ComplaintOutcomes) private readonly complaints: ComplaintOutcomes,
    @Inject(DashboardService) private readonly dashboards: DashboardService,
    @Inject(ConsoleExport) private readonly exports: ConsoleExport,
  ) {}

  @Get('cases')
  list(@CurrentUser() user: SessionUser, @Query() query: CaseListQueryDto) {
    return this.queue.list(user, query);
  }

  @Get('cases/:id')
  get(@CurrentUser() user: SessionUser, @Param('id') id: string) {
    return this.details.get(user, id);
  }

  /** One workflow step; case-workflow.ts decides who may take which step in which status. */
  @Post('cases/:id/actions')
  @HttpCode(200)
  act(@CurrentUser() user: SessionUser, @Param('id') id: string, @Body() body: CaseActionDto) {
    return this.actions.act(user, id, body);
  }

  @Post('cases/:id/attachments')
  attach(@CurrentUser() user: SessionUser, @Param('id') id: string, @Body() body: AttachmentDto) {
    return this.attachments.attach(user, id, body);
  }

  @Get('cases/:id/attachments/:attachmentId')
  async attachment(@CurrentUser() user: SessionUser, @Param('id') id: string, @Param('attachmentId') attachmentId: string, @Res() reply: FastifyReply) {
    const file = await this.attachments.file(user, id, attachmentId);
    void reply
      .header('content-type', file.mime)
      .header('content-disposition', `attachment; filename="attachment"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
      .header('x-content-type-options', 'nosniff')
      .send(file.content);
  }

  /** 企业评: the enterprise sees what became of its own poor ratings, by its SMS link's token. */
  @Public()
  @Get('outcomes/:token')
  outcomes(@Param('token') token: string) {
    return this.complaints.outcomes(token);
  }

  @Roles(Role.Supervisor)
  @Get('assignees')
  assignees() {
    return this.actions.assignees();
  }

  @Get('dashboard')
  dashboard(@CurrentUser() user: SessionUser, @Query() query: DashboardQueryDto) {
    return this.dashboards.dashboard(user, query.months);
  }

  /** Any table of the console as an Excel file; `cases` takes the case list's filters. Recorded in the audit log. */
  @Get('export/:table')
  async export(@CurrentUser() user: SessionUser, @Param('table') table: string, @Query() query: ExportQueryDto, @Ip() address: string, @Res() reply: FastifyReply) {
    const { title, file } = await this.exports.workbook(user, table, query, address || null);
    void reply.header('content-type', XLSX).header('content-disposition', disposition(`${title}.xlsx`)).send(file);
  }
}
