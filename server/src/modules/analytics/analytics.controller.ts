import { Body, Controller, Get, HttpCode, Inject, Ip, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Role, type SessionUser } from '@mashang/shared';
import type { FastifyReply } from 'fastify';
import { PassThrough, type Writable } from 'node:stream';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { PageQueryDto } from '../../infra/http/page-query.dto.js';
import { AnalyticsService } from './analytics.service.js';
import { ExportQueryDto, FindingsQueryDto, TriggerRunDto } from './dto/anomaly.dto.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 大数据研判: the nightly anomaly report for supervisors and discipline (all agencies) and agency admins (their own); the yearly warning report is WarningController's. */
@ApiTags('anomaly')
@ApiBearerAuth()
@Roles(Role.Supervisor, Role.Discipline, Role.AgencyAdmin)
@Controller('anomaly')
export class AnalyticsController {
  constructor(@Inject(AnalyticsService) private readonly analytics: AnalyticsService) {}

  @Get('rules')
  rules() {
    return this.analytics.rules();
  }

  @Get('runs')
  runs(@CurrentUser() user: SessionUser, @Query() query: PageQueryDto) {
    return this.analytics.listRuns(user, query.page, query.pageSize);
  }

  /** Computes the report as of a date now (default yesterday); the same date is computed once. */
  @Roles(Role.Supervisor)
  @Post('runs')
  @HttpCode(202)
  trigger(@CurrentUser() user: SessionUser, @Body() body: TriggerRunDto) {
    return this.analytics.trigger(user, body?.asOf);
  }

  /** Status, progress and current rule of one date's run. */
  @Get('runs/:asOf')
  run(@CurrentUser() user: SessionUser, @Param('asOf') asOf: string) {
    return this.analytics.getRun(user, asOf);
  }

  @Get('reports/:asOf')
  summary(@CurrentUser() user: SessionUser, @Param('asOf') asOf: string) {
    return this.analytics.summary(user, asOf);
  }

  @Get('reports/:asOf/findings')
  findings(@CurrentUser() user: SessionUser, @Param('asOf') asOf: string, @Query() query: FindingsQueryDto) {
    return this.analytics.findings(user, asOf, { rule: query.rule, agencyId: query.agencyId }, query.page, query.pageSize);
  }

  /** The findings as an Excel workbook, streamed; recorded in the audit log. */
  @Get('reports/:asOf/findings/export')
  async export(@CurrentUser() user: SessionUser, @Param('asOf') asOf: string, @Query() query: ExportQueryDto, @Ip() address: string, @Res() reply: FastifyReply): Promise<void> {
    const write = await this.analytics.findingsWorkbook(user, asOf, { rule: query.rule, agencyId: query.agencyId }, address || null);
    stream(reply, XLSX, `anomaly-${asOf}.xlsx`, write);
  }

  /** The whole report file, as `npm run cli -- report` writes it; recorded in the audit log. */
  @Roles(Role.Supervisor, Role.Discipline)
  @Get('reports/:asOf/file')
  async file(@CurrentUser() user: SessionUser, @Param('asOf') asOf: string, @Ip() address: string, @Res() reply: FastifyReply): Promise<void> {
    const write = await this.analytics.reportFile(user, asOf, address || null);
    stream(reply, 'application/json; charset=utf-8', `anomaly-report-${asOf}.json`, write);
  }
}

function stream(reply: FastifyReply, type: string, filename: string, write: (out: Writable) => Promise<number>): void {
  const body = new PassThrough();
  void reply.header('content-type', type).header('content-disposition', `attachment; filename="${filename}"`).send(body);
  write(body).then(() => body.end(), (error) => body.destroy(error));
}
