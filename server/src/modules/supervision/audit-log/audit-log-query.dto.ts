import { ApiPropertyOptional } from '@nestjs/swagger';
import { AUDIT_ACTIONS, type AuditAction } from '@mashang/shared';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** The audit log's filters and page. */
export class AuditLogQueryDto {
  @ApiPropertyOptional({ description: 'a username, or cli for the command line' }) @IsOptional() @IsString() @MaxLength(64) actor?: string;
  @ApiPropertyOptional({ enum: AUDIT_ACTIONS }) @IsOptional() @IsIn(AUDIT_ACTIONS) action?: AuditAction;
  @ApiPropertyOptional({ example: '2026-05-01', description: 'first day (Asia/Shanghai), included' }) @IsOptional() @Matches(DATE, { message: 'must be a date YYYY-MM-DD' }) from?: string;
  @ApiPropertyOptional({ example: '2026-05-31', description: 'last day (Asia/Shanghai), included' }) @IsOptional() @Matches(DATE, { message: 'must be a date YYYY-MM-DD' }) to?: string;
  @ApiPropertyOptional({ default: 1, maximum: 10000 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10000) page = 1;
  @ApiPropertyOptional({ default: 20, maximum: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) pageSize = 20;
}
