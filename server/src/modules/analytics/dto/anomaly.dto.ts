import { ApiPropertyOptional } from '@nestjs/swagger';
import { ANOMALY_RULES, type AnomalyRuleId } from '@mashang/shared';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { PageQueryDto } from '../../../infra/http/page-query.dto.js';

export class TriggerRunDto {
  @ApiPropertyOptional({ example: '2026-11-20', description: 'as-of date (Asia/Shanghai); default yesterday' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date YYYY-MM-DD' })
  asOf?: string;
}

export class FindingsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ANOMALY_RULES })
  @IsOptional()
  @IsIn(ANOMALY_RULES, { message: `must be one of ${ANOMALY_RULES.join(', ')}` })
  rule?: AnomalyRuleId;

  @ApiPropertyOptional({ description: 'only this agency (supervisors and discipline); agency admins always see their own' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_.:-]{1,64}$/, { message: 'must be an agency id' })
  agencyId?: string;
}

export class ExportQueryDto {
  @ApiPropertyOptional({ enum: ANOMALY_RULES })
  @IsOptional()
  @IsIn(ANOMALY_RULES, { message: `must be one of ${ANOMALY_RULES.join(', ')}` })
  rule?: AnomalyRuleId;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[A-Za-z0-9_.:-]{1,64}$/, { message: 'must be an agency id' })
  agencyId?: string;
}
