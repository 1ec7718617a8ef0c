import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DASHBOARD_TABLES, dashboardTable, ErrorCode, Role, TABLE_TITLES, type DashboardTable, type SessionUser } from '@mashang/shared';
import type { FastifyReply } from 'fastify';
import { DomainError } from '../../infra/errors/domain-error.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Public } from '../auth/public.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { DashboardService } from './dashboard.service.js';
import { AttachmentDto, CaseActionDto, CaseListQueryDto, DashboardQueryDto, ExportQueryDto } from './dto/supervision.dto.js';
import { caseRows, workbook } from './excel-export.js';
import { SupervisionService } from './supervision.service.js';

/** Rows a case-list export holds at most. */
const EXPORT_LIMIT = 20_000;
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
    @Inject(SupervisionService) private readonly cases: SupervisionService,
    @Inject(DashboardService) private readonly dashboards: DashboardService,
  ) {}

  @Get('cases')
  list(@CurrentUser() user: SessionUser, @Query() query: CaseListQueryDto) {
    return this.cases.list(user, query);
  }

  @Get('cases/:id')
  get(@CurrentUser() user: SessionUser, @Param('id') id: string) {
    return this.cases.get(user, id);
  }

  /** One workflow step; case-workflow.ts decides who may take which step in which status. */
  @Post('cases/:id/actions')
  @HttpCode(200)
  act(@CurrentUser() user: SessionUser, @Param('id') id: string, @Body() body: CaseActionDto) {
    return this.cases.act(user, id, body);
  }

  @Post('cases/:id/attachments')
  attach(@CurrentUser() user: SessionUser, @Param('id') id: string, @Body() body: AttachmentDto) {
    return this.cases.attach(user, id, body);
  }

  @Get('cases/:id/attachments/:attachmentId')
  async attachment(@CurrentUser() user: SessionUser, @Param('id') id: string, @Param('attachmentId') attachmentId: string, @Res() reply: FastifyReply) {
    const file = await this.cases.attachment(user, id, attachmentId);
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
    return this.cases.outcomes(token);
  }

  @Roles(Role.Supervisor)
  @Get('assignees')
  assignees() {
    return this.cases.assignees();
  }

  @Get('dashboard')
  dashboard(@CurrentUser() user: SessionUser, @Query() query: DashboardQueryDto) {
    return this.dashboards.dashboard(user, query.months);
  }

  /** Any table of the console as an Excel file; `cases` takes the case list's filters. */
  @Get('export/:table')
  async export(@CurrentUser() user: SessionUser, @Param('table') table: string, @Query() query: ExportQueryDto, @Res() reply: FastifyReply) {
    if (!DASHBOARD_TABLES.includes(table as DashboardTable)) {
      throw new DomainError(ErrorCode.NotFound, `没有可导出的表：${table}`, [{ field: 'table', reason: `must be one of ${DASHBOARD_TABLES.join(', ')}` }]);
    }
    const name = TABLE_TITLES[table as DashboardTable];
    let file: Buffer;
    if (table === 'cases') {
      const items = await this.cases.exportRows(user, query, EXPORT_LIMIT + 1);
      const cut = items.length > EXPORT_LIMIT;
      file = await workbook(name, caseRows(items.slice(0, EXPORT_LIMIT)), cut ? `仅导出前 ${EXPORT_LIMIT} 条，请缩小筛选范围` : undefined);
    } else {
      const view = await this.dashboards.dashboard(user, query.months);
      file = await workbook(name, dashboardTable(table as Exclude<DashboardTable, 'cases'>, view));
    }
    void reply.header('content-type', XLSX).header('content-disposition', disposition(`${name}.xlsx`)).send(file);
  }
}
