import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength,
} from 'class-validator';
import {
  COERCIVE_MEASURE_KINDS, DECISION_MEASURES, LEGAL_REVIEW_VERDICTS, PENALTY_STAGES,
  type CoerciveMeasureKind, type DecisionMeasure, type LegalReviewVerdict, type PenaltyStage,
} from '@mashang/shared';
import { IsCalendarDate } from '../../../infra/http/is-calendar-date.js';
import { IsCreditCode } from '../../../infra/http/is-credit-code.js';

const ID = /^[A-Za-z0-9_.:-]{1,64}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Ten million yuan, in fen: above any fine a city decides. */
const MAX_FINE = 1_000_000_000;

export class FilePenaltyCaseDto {
  @ApiPropertyOptional() @IsOptional() @Matches(ID, { message: 'must be an inspection id' }) inspectionId?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(UUID, { message: 'must be a flagged case id' }) flaggedCaseId?: string;
  @ApiPropertyOptional() @IsOptional() @IsCreditCode() creditCode?: string;
  @ApiProperty() @Matches(ID, { message: 'must be a violation clause' }) cause: string;
  @ApiProperty() @IsString() @MinLength(4) @MaxLength(4000) facts: string;
  @ApiProperty({ type: [String] })
  @IsArray() @ArrayMinSize(2) @ArrayMaxSize(20) @ArrayUnique() @Matches(ID, { each: true, message: 'each must be an officer id' })
  officerIds: string[];
}

export class NoticeDto {
  @ApiProperty({ type: [String] })
  @IsArray() @ArrayMaxSize(50) @ArrayUnique() @Matches(ID, { each: true, message: 'each must be a factor id' })
  factorIds: string[];
  @ApiProperty({ description: 'fen' }) @Type(() => Number) @IsInt() @Min(0) @Max(MAX_FINE) proposedFine: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) outsideRangeReason?: string;
  @ApiPropertyOptional({ enum: DECISION_MEASURES, isArray: true })
  @IsOptional() @IsArray() @ArrayUnique() @IsIn(DECISION_MEASURES, { each: true })
  measures?: DecisionMeasure[];
}

export class DecisionDto {
  @ApiProperty({ description: 'fen' }) @Type(() => Number) @IsInt() @Min(0) @Max(MAX_FINE) fine: number;
  @ApiPropertyOptional({ enum: DECISION_MEASURES, isArray: true })
  @IsOptional() @IsArray() @ArrayUnique() @IsIn(DECISION_MEASURES, { each: true })
  measures?: DecisionMeasure[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) outsideRangeReason?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() hearingHeldOn?: string;
}

export class LegalReviewVerdictDto {
  @ApiProperty({ enum: LEGAL_REVIEW_VERDICTS }) @IsIn(LEGAL_REVIEW_VERDICTS) verdict: LegalReviewVerdict;
  @ApiProperty() @IsString() @MinLength(2) @MaxLength(2000) opinion: string;
}

export class ReasonDto {
  @ApiProperty() @IsString() @MinLength(2) @MaxLength(2000) reason: string;
}

export class CauseChangeDto {
  @ApiProperty() @Matches(ID, { message: 'must be a violation clause' }) to: string;
  @ApiProperty() @IsString() @MinLength(2) @MaxLength(2000) reason: string;
}

export class CoerciveMeasureDto {
  @ApiProperty({ enum: COERCIVE_MEASURE_KINDS }) @IsIn(COERCIVE_MEASURE_KINDS) kind: CoerciveMeasureKind;
  @ApiProperty() @IsString() @MinLength(2) @MaxLength(2000) items: string;
  @ApiProperty() @IsString() @MinLength(2) @MaxLength(64) documentNo: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() startedOn?: string;
}

export class PenaltyCaseListQueryDto {
  @ApiPropertyOptional({ enum: PENALTY_STAGES }) @IsOptional() @IsIn(PENALTY_STAGES) stage?: PenaltyStage;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100_000) page?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) pageSize?: number;
}
