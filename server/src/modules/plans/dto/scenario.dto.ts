import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { REVIEW_STATUSES, type ReviewStatus } from '@mashang/shared';
import { IsOmittable } from '../../../infra/http/is-omittable.js';
import { PageQueryDto } from '../../../infra/http/page-query.dto.js';
import { PartialEdit } from '../../../infra/http/partial-edit.js';

const ID = /^[A-Za-z0-9_.:-]{1,64}$/;

export class CreateScenarioDto {
  @ApiProperty({ example: 'catering-opening' }) @Matches(ID, { message: 'must be 1–64 letters, digits or _ . : -' }) id: string;
  @ApiProperty({ example: '餐饮店开业联合检查' }) @IsString() @IsNotEmpty() @MaxLength(200) name: string;

  @ApiProperty({ type: [String], example: ['catering'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(/^[^,]{1,64}$/, { each: true, message: 'each must be an industry without commas' })
  industries: string[];

  @ApiProperty({ type: [String], example: ['A001', 'A002'] })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(30)
  @ArrayUnique()
  @Matches(ID, { each: true, message: 'each must be an agency id' })
  agencyIds: string[];
}

export class UpdateScenarioDto extends PartialEdit(OmitType(CreateScenarioDto, ['id'] as const)) {
  @ApiPropertyOptional() @IsOmittable() @IsBoolean() active?: boolean;
}

export class IssueCodeDto {
  @ApiPropertyOptional({ description: 'required when a joint-supervision scenario expects agencies that have not joined' })
  @IsOptional()
  @IsString()
  @MinLength(4)
  @MaxLength(500)
  aloneReason?: string;
}

export class RequestReviewDto {
  @ApiProperty() @Matches(ID, { message: 'must be an inspection id' }) inspectionId: string;
  @ApiProperty({ description: 'what in the result is disputed, and why' }) @IsString() @MinLength(4) @MaxLength(1000) reason: string;
}

export class DecideReviewDto {
  @ApiProperty({ description: 'true: the result is reviewed again; false: it stands' }) @IsBoolean() accept: boolean;
  @ApiProperty() @IsString() @MinLength(2) @MaxLength(1000) note: string;
}

export class ReviewListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: REVIEW_STATUSES, description: 'only requests in this status' })
  @IsOptional()
  @IsIn(REVIEW_STATUSES)
  status?: ReviewStatus;
}
