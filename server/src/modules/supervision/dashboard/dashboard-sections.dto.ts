import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

const ID = /^[A-Za-z0-9_.:-]{1,64}$/;

/** A section of the dashboard for one calendar year (Asia/Shanghai); a year after this one is refused. */
export class DashboardYearDto {
  @ApiProperty({ type: 'integer', minimum: 2000, maximum: 2099 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2099) year: number;
}

export class VisitsPerEnterpriseQueryDto extends DashboardYearDto {
  @ApiPropertyOptional({ type: 'integer', default: 10, minimum: 1, maximum: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(50) top = 10;
}

export class SatisfactionTrendQueryDto extends DashboardYearDto {
  /** One agency's months (an agency admin: its own only); all agencies together when absent. */
  @ApiPropertyOptional() @IsOptional() @Matches(ID, { message: 'must be an agency id' }) agencyId?: string;
}
