import { Controller, Get, HttpCode, Inject, Ip, Param, ParseIntPipe, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Role, type SessionUser } from '@mashang/shared';
import type { FastifyReply } from 'fastify';
import { PassThrough } from 'node:stream';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { WarningReports } from './warning-reports.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 高发违法行为预警报告 (yearly), for supervisors and discipline inspectors. */
@ApiTags('anomaly')
@ApiBearerAuth()
@Roles(Role.Supervisor, Role.Discipline)
@Controller('anomaly/warnings')
export class WarningController {
  constructor(@Inject(WarningReports) private readonly warnings: WarningReports) {}

  /** The stored years and those being written. */
  @Get()
  years() {
    return this.warnings.years();
  }

  /** A year's stored report, or (none stored yet) the year computed now. */
  @Get(':year')
  get(@Param('year', ParseIntPipe) year: number) {
    return this.warnings.get(year);
  }

  /** Writes the year's report (again) in the background; the January job does the same for the year before. */
  @Roles(Role.Supervisor)
  @Post(':year')
  @HttpCode(202)
  request(@CurrentUser() user: SessionUser, @Param('year', ParseIntPipe) year: number) {
    return this.warnings.request(user, year);
  }

  /** The report as an Excel workbook (the overall list, by industry, by region), streamed; recorded in the audit log. */
  @Get(':year/export')
  async export(@CurrentUser() user: SessionUser, @Param('year', ParseIntPipe) year: number, @Ip() address: string, @Res() reply: FastifyReply): Promise<void> {
    const write = await this.warnings.workbook(user, year, address || null);
    const body = new PassThrough();
    const name = `${year}年高发违法行为预警报告.xlsx`;
    void reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="warning-${year}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`).send(body);
    write(body).then(() => body.end(), (error) => body.destroy(error));
  }
}
