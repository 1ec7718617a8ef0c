import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { PageQueryDto } from '../../../infra/http/page-query.dto.js';
import { IsCalendarDate } from '../../../infra/http/is-calendar-date.js';
import { IsCreditCode } from '../../../infra/http/is-credit-code.js';
import { CHECK_MODES, isVisit, PLAN_APPROVAL_STATUSES, PLAN_KINDS, PLAN_TRIGGERS, type CheckMode, type PlanApprovalStatus, type PlanKind, type PlanTrigger } from '@mashang/shared';

const ID = /^[A-Za-z0-9_.:-]{1,64}$/;

export class FilePlanDto {
  @ApiProperty({ example: '91440300708461136T' }) @IsCreditCode() creditCode: string;

  @ApiProperty({ example: '2026-12-01', description: 'inspection date, Asia/Shanghai' })
  @IsCalendarDate()
  date: string;

  @ApiPropertyOptional({ enum: PLAN_KINDS, default: 'inspection', description: 'inspection, or a visit that is not one: 回访 return-visit, 政策宣传 policy-visit, 走访调研 research-visit' })
  @IsOptional()
  @IsIn(PLAN_KINDS)
  kind?: PlanKind;

  @ApiProperty({ enum: PLAN_TRIGGERS, description: 'required for an inspection; a visit is planned' })
  @ValidateIf((o: FilePlanDto) => !isVisit(o.kind) || o.trigger !== undefined)
  @IsIn(PLAN_TRIGGERS)
  trigger: PlanTrigger;

  @ApiPropertyOptional({ description: 'required for every trigger but planned; for a visit, its purpose' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @Matches(ID, { each: true, message: 'each must be an officer id' })
  officerIds: string[];

  @ApiProperty({ type: [String], description: 'at least one for an inspection; none for a visit' })
  @ValidateIf((o: FilePlanDto) => !isVisit(o.kind) || o.itemIds !== undefined)
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @Matches(ID, { each: true, message: 'each must be an item id' })
  itemIds: string[];

  @ApiPropertyOptional({ enum: CHECK_MODES, description: '现场 or 非现场 (evidence asked of the enterprise); on site when absent' })
  @IsOptional()
  @IsIn(CHECK_MODES)
  mode?: CheckMode;

  @ApiPropertyOptional({ description: 'why a 无感监管 enterprise is visited on site on a routine plan' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  modeReason?: string;
  @ApiPropertyOptional({ description: 'the published special campaign (专项检查) the plan is filed under' })
  @IsOptional()
  @Matches(ID, { message: 'must be a campaign id' })
  campaignId?: string;
}

export class MovePlanDto {
  @ApiProperty({ example: '2026-12-08' })
  @IsCalendarDate()
  date: string;
}

export class CancelPlanDto {
  @ApiProperty({ description: 'why the plan is cancelled (kept in its history)' })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason: string;
}

export class DecidePlanApprovalDto {
  @ApiProperty({ description: 'true: approved; false: returned (with a note)' }) @IsBoolean() approve: boolean;

  @ApiPropertyOptional({ description: 'the reasons; required to return a plan' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class PlanApprovalQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PLAN_APPROVAL_STATUSES, default: 'pending' })
  @IsOptional()
  @IsIn(PLAN_APPROVAL_STATUSES)
  status: PlanApprovalStatus = 'pending';
}

export class AccompanyDto {
  @ApiProperty({ example: 'JH20261201-7Q3KXW', description: '计划编码 of the inspection to accompany (陪同执法)' })
  @IsString()
  @Matches(/^[A-Z]{2}\d{8}-[0-9A-Z]{6}$/, { message: 'must be a plan code like JH20261201-7Q3KXW' })
  planCode: string;
}

export class CampaignProgressQueryDto {
  @ApiProperty({ description: 'campaign ids, comma-separated (at most 100)' })
  @Matches(/^[A-Za-z0-9_.:-]{1,64}(,[A-Za-z0-9_.:-]{1,64}){0,99}$/, { message: 'must be campaign ids separated by commas' })
  ids: string;
}
