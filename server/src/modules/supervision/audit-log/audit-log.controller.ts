import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Role } from '@mashang/shared';
import { AuditLog } from '../../audit/index.js';
import { Roles } from '../../auth/index.js';
import { AuditLogQueryDto } from './audit-log-query.dto.js';

/**
 * 审计日志 for the discipline inspectors (纪检监察): who exported what, when, how many rows, why and
 * from where. Only they read it; those whose exports it records (supervisors, agency admins) do not.
 */
@ApiTags('audit')
@ApiBearerAuth()
@Roles(Role.Discipline)
@Controller('audit')
export class AuditLogController {
  constructor(@Inject(AuditLog) private readonly audit: AuditLog) {}

  /** Entries newest first, by actor, action and days. */
  @Get()
  list(@Query() query: AuditLogQueryDto) {
    return this.audit.list(query);
  }

  /** The log's hash chain recomputed: intact, or its first broken link. */
  @Get('verify')
  verify() {
    return this.audit.verify();
  }
}
