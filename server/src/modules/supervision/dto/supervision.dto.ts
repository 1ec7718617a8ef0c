import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CASE_ACTIONS,
  CASE_SORTS,
  CASE_STATUSES,
  DISCIPLINE_OUTCOMES,
  FLAG_SOURCES,
  type CaseAction,
  type CaseSort,
  type CaseStatus,
  type DisciplineOutcome,
  type FlagSource,
} from '@mashang/shared';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { PAGE_SIZE_MAX } from '../../../infra/http/page-query.dto.js';

const ID = /^[A-Za-z0-9_.:-]{1,64}$/;
/** User ids are INT columns. */
const USER_ID_MAX = 2_147_483_647;

export class CaseListQueryDto {
  @ApiPropertyOptional({ enum: FLAG_SOURCES }) @IsOptional() @IsIn(FLAG_SOURCES) source?: FlagSource;
  @ApiPropertyOptional() @IsOptional() @Matches(ID, { message: 'must be an agency id' }) agencyId?: string;
  @ApiPropertyOptional({ enum: [...CASE_STATUSES, 'active'] }) @IsOptional() @IsIn([...CASE_STATUSES, 'active']) status?: CaseStatus | 'active';

  @ApiPropertyOptional({ description: 'only cases past the deadline of their current step' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value))
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 3650 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(3650) minAgeDays?: number;
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 3650 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(3650) maxAgeDays?: number;
  @ApiPropertyOptional({ description: 'enterprise name, or the start of a credit code' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({ enum: CASE_SORTS }) @IsOptional() @IsIn(CASE_SORTS) sort?: CaseSort;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) cursor?: string;
  @ApiPropertyOptional({ type: 'integer', default: 20, minimum: 1, maximum: PAGE_SIZE_MAX }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(PAGE_SIZE_MAX) pageSize = 20;
}

export class CaseActionDto {
  @ApiProperty({ enum: CASE_ACTIONS }) @IsIn(CASE_ACTIONS) action: CaseAction;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
  @ApiPropertyOptional({ example: '2026-06-01' }) @IsOptional() @IsString() @MaxLength(10) deadline?: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: USER_ID_MAX }) @IsOptional() @IsInt() @Min(1) @Max(USER_ID_MAX) assigneeId?: number;
  @ApiPropertyOptional({ enum: DISCIPLINE_OUTCOMES }) @IsOptional() @IsIn(DISCIPLINE_OUTCOMES) outcome?: DisciplineOutcome;
}

export class AttachmentDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) name: string;
  @ApiProperty({ example: 'image/jpeg' }) @Matches(/^[\w.+-]+\/[\w.+-]+$/, { message: 'must be a MIME type' }) @MaxLength(100) mime: string;
  @ApiProperty({ description: 'the file, base64' }) @IsString() @MinLength(1) @Matches(/^[A-Za-z0-9+/]+={0,2}$/, { message: 'must be base64' }) content: string;
}

export class DashboardQueryDto {
  @ApiPropertyOptional({ type: 'integer', default: 12, minimum: 1, maximum: 36 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(36) months = 12;
}

/** An export: the dashboard's months, or the case list's filters for `cases`. */
export class ExportQueryDto extends CaseListQueryDto {
  @ApiPropertyOptional({ type: 'integer', default: 12, minimum: 1, maximum: 36 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(36) months = 12;
}
