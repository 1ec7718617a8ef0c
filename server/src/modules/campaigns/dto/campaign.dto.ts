import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CAMPAIGN_FILTERS, type CampaignFilter } from '@mashang/shared';
import { PageQueryDto } from '../../../infra/http/page-query.dto.js';
import { IsCalendarDate } from '../../../infra/http/is-calendar-date.js';

const ID = /^[A-Za-z0-9_.:-]{1,64}$/;

/** A campaign as drafted or edited (the whole of it each time). */
export class CampaignDto {
  @ApiProperty({ example: '2026年冬季燃气安全专项检查' }) @IsString() @IsNotEmpty() @MaxLength(200) name: string;

  @ApiPropertyOptional({ description: 'what the campaign is about' }) @IsOptional() @IsString() @MaxLength(2000) summary?: string;

  @ApiProperty({ type: [String], description: "industries as the enterprise register names them; empty: every industry", example: ['餐饮服务'] })
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(/^[^,]{1,64}$/, { each: true, message: 'each must be an industry without commas' })
  industries: string[];

  @ApiProperty({ type: [String], description: 'division-code prefixes (2–6 digits); empty: the whole city', example: ['410204'] })
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @Matches(/^\d{2,6}$/, { each: true, message: 'each must be a division-code prefix of 2–6 digits' })
  regionPrefixes: string[];

  @ApiProperty({ type: [String], description: 'items from the items register' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @Matches(ID, { each: true, message: 'each must be an item id' })
  itemIds: string[];

  @ApiProperty({ type: [String], description: 'the agencies that join' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @Matches(ID, { each: true, message: 'each must be an agency id' })
  agencyIds: string[];

  @ApiProperty({ example: '2026-12-15' }) @IsCalendarDate() periodFrom: string;
  @ApiProperty({ example: '2027-01-31' }) @IsCalendarDate() periodTo: string;
}

export class CampaignDecisionDto {
  @ApiProperty({ description: 'true: approved; false: returned (with a note)' }) @IsBoolean() approve: boolean;

  @ApiPropertyOptional({ description: 'the reasons; required to return' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class CampaignQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CAMPAIGN_FILTERS, default: 'all' })
  @IsOptional()
  @IsIn(CAMPAIGN_FILTERS)
  status: CampaignFilter = 'all';
}
