import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RATING_COMMENT_MAX, RATING_PROBLEMS, RATING_SCORE_MAX, RATING_SCORE_MIN, RATING_VERDICTS, type RatingProblem, type RatingVerdict } from '@mashang/shared';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';

const ID = /^[A-Za-z0-9_.:-]{1,64}$/;

export class RatingDto {
  @ApiProperty() @Matches(ID, { message: 'must be an agency id' }) agencyId: string;

  @ApiProperty({ minimum: 1, maximum: 5, description: '执法语言是否文明' }) @IsInt() @Min(RATING_SCORE_MIN) @Max(RATING_SCORE_MAX) language: number;
  @ApiProperty({ minimum: 1, maximum: 5, description: '执法程序是否规范' }) @IsInt() @Min(RATING_SCORE_MIN) @Max(RATING_SCORE_MAX) procedure: number;
  @ApiProperty({ minimum: 1, maximum: 5, description: '执法方式是否柔性' }) @IsInt() @Min(RATING_SCORE_MIN) @Max(RATING_SCORE_MAX) manner: number;
  @ApiProperty({ minimum: 1, maximum: 5, description: '执法结果是否公平' }) @IsInt() @Min(RATING_SCORE_MIN) @Max(RATING_SCORE_MAX) fairness: number;

  @ApiProperty({ enum: RATING_VERDICTS }) @IsIn(RATING_VERDICTS) verdict: RatingVerdict;

  @ApiProperty({ enum: RATING_PROBLEMS, isArray: true })
  @IsArray()
  @ArrayMaxSize(RATING_PROBLEMS.length)
  @ArrayUnique()
  @IsIn(RATING_PROBLEMS, { each: true })
  flags: RatingProblem[];

  @ApiPropertyOptional({ maxLength: RATING_COMMENT_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(RATING_COMMENT_MAX)
  comment?: string | null;
}

export class SubmitRatingsDto {
  @ApiProperty({ type: [RatingDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => RatingDto)
  ratings: RatingDto[];
}
