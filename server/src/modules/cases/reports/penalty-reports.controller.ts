import { Controller, Get, Inject, Ip, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Role, type SessionUser } from '@mashang/shared';
import { IsOptional, Matches } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { PassThrough } from 'node:stream';
import { CurrentUser, Roles } from '../../auth/index.js';
import { PenaltyReports } from './penalty-reports.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export class DisputedClausesQueryDto {
  @ApiPropertyOptional({ example: '2026-01-01', description: 'first day (Asia/Shanghai); default 1 January of the year of `to`' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-06-30', description: 'last day, included; default today' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date YYYY-MM-DD' })
  to?: string;

  @ApiPropertyOptional({ description: 'only this agency (supervisors and discipline); agency admins always get their own' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_.:-]{1,64}$/, { message: 'must be an agency id' })
  agencyId?: string;
}

/** Reports on penalty cases: 争议条款 (clauses whose discretion draws objections). */
@ApiTags('penalty reports')
@ApiBearerAuth()
@Roles(Role.Supervisor, Role.Discipline, Role.AgencyAdmin)
@Controller('penalty-reports')
export class PenaltyReportsController {
  constructor(@Inject(PenaltyReports) private readonly reports: PenaltyReports) {}

  @Get('disputed-clauses')
  disputedClauses(@CurrentUser() user: SessionUser, @Query() query: DisputedClausesQueryDto) {
    return this.reports.disputedClauses(user, query);
  }

  /** The same as an Excel workbook, streamed; recorded in the audit log. */
  @Get('disputed-clauses/export')
  async export(@CurrentUser() user: SessionUser, @Query() query: DisputedClausesQueryDto, @Ip() address: string, @Res() reply: FastifyReply): Promise<void> {
    const { fileName, write } = await this.reports.disputedClausesWorkbook(user, query, address || null);
    const body = new PassThrough();
    void reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="disputed-clauses.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`).send(body);
    write(body).then(() => body.end(), (error) => body.destroy(error));
  }
}
