import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { MAX_RECTIFY_DAYS, VIOLATION_COLOUR_VALUES, type ViolationColour } from '@mashang/shared';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, Matches, Max, Min, ValidateIf, ValidateNested } from 'class-validator';

const ID = /^[A-Za-z0-9_.:-]{1,64}$/;
const ID_MESSAGE = 'must be 1–64 letters, digits or _ . : -';

export class ColourAgencyQueryDto {
  @ApiPropertyOptional({ description: 'the agency (supervisors); an agency admin always works on their own' })
  @IsOptional()
  @Matches(ID, { message: ID_MESSAGE })
  agencyId?: string;
}

export class ColourChangeDto {
  @ApiProperty() @Matches(ID, { message: ID_MESSAGE }) itemId: string;

  @ApiProperty({ enum: VIOLATION_COLOUR_VALUES, nullable: true, description: 'null takes the item off the list' })
  @ValidateIf((_o, value) => value !== null)
  @IsIn(VIOLATION_COLOUR_VALUES as string[])
  colour: ViolationColour | null;

  @ApiPropertyOptional({ description: 'days to rectify a yellow violation' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_RECTIFY_DAYS)
  rectifyDays?: number;
}

export class ColourListChangeDto {
  @ApiPropertyOptional() @IsOptional() @Matches(ID, { message: ID_MESSAGE }) agencyId?: string;

  @ApiProperty({ type: [ColourChangeDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ColourChangeDto)
  changes: ColourChangeDto[];
}
