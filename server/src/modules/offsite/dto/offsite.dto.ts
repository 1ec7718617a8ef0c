import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { EVIDENCE_KINDS, OFFSITE_STATUSES, type EvidenceKind, type OffsiteStatus } from '@mashang/shared';
import { IsCalendarDate } from '../../../infra/http/is-calendar-date.js';

const ID = /^[A-Za-z0-9_.:-]{1,64}$/;
const MONTH = /^20\d\d-(0[1-9]|1[0-2])$/;

export class OffsiteAskDto {
  @ApiProperty() @Matches(ID, { message: 'must be an item id' }) itemId: string;
  @ApiProperty({ enum: EVIDENCE_KINDS }) @IsIn(EVIDENCE_KINDS) kind: EvidenceKind;
  @ApiProperty({ description: 'what exactly is asked, e.g. 冷库温度记录表（近7天）' }) @IsString() @MinLength(2) @MaxLength(200) ask: string;
}

export class SendOffsiteRequestDto {
  @ApiProperty({ description: 'an off-site plan of the officer\'s agency' }) @Matches(ID, { message: 'must be a plan id' }) planId: string;

  @ApiProperty({ type: [OffsiteAskDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => OffsiteAskDto)
  asks: OffsiteAskDto[];
}

export class OffsiteListQueryDto {
  @ApiPropertyOptional({ enum: OFFSITE_STATUSES }) @IsOptional() @IsIn(OFFSITE_STATUSES) status?: OffsiteStatus;
}

export class AskAgainDto {
  @ApiProperty({ description: 'what is missing or wrong (the enterprise reads it)' }) @IsString() @MinLength(2) @MaxLength(500) note: string;
}

export class ConvertOffsiteDto {
  @ApiProperty({ description: 'why the items must be checked on site' }) @IsString() @MinLength(2) @MaxLength(500) reason: string;
  @ApiProperty({ example: '2026-12-10', description: 'the visit\'s date, today or later (Asia/Shanghai)' }) @IsCalendarDate() date: string;
}

/** A file's ask goes in the query, so it is known before the bytes arrive. */
export class EvidenceFileQueryDto {
  @ApiProperty({ description: 'index of the ask answered' }) @Type(() => Number) @IsInt() @Min(0) @Max(29) position: number;
}

export class EvidenceReadingDto {
  @ApiProperty() @IsInt() @Min(0) @Max(29) position: number;
  @ApiProperty({ description: 'the reading with its unit, or a short statement' }) @IsString() @MinLength(1) @MaxLength(200) text: string;
}

export class OffsiteShareQueryDto {
  @ApiPropertyOptional({ example: '2026-01', description: 'first month (Asia/Shanghai); default: 11 months before this one' })
  @IsOptional()
  @Matches(MONTH, { message: 'must be YYYY-MM' })
  from?: string;
}
