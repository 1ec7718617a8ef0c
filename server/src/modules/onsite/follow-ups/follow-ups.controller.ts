import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Role, type SessionUser } from '@mashang/shared';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CurrentUser, Roles } from '../../auth/index.js';
import { FollowUps } from './follow-ups.js';

export class FollowUpDto {
  @ApiProperty() @IsString() @MaxLength(36) @Matches(/^[A-Za-z0-9_-]{1,36}$/, { message: 'must be a plan id' }) planId: string;

  @ApiProperty() @IsString() @Matches(/^[A-Za-z0-9_.:-]{1,64}$/, { message: 'must be an item id' }) itemId: string;

  @ApiProperty() @IsBoolean() rectified: boolean;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;

  @ApiProperty() @Matches(/^[A-Za-z0-9_-]{8,64}$/, { message: 'must be 8–64 letters, digits, _ or -' }) clientKey: string;
}

/** 整改复查: the yellow violations due for their follow-up check, and its result. */
@ApiTags('on site')
@ApiBearerAuth()
@Controller('onsite/follow-ups')
export class FollowUpsController {
  constructor(@Inject(FollowUps) private readonly followUps: FollowUps) {}

  @Roles(Role.Officer, Role.AgencyAdmin, Role.Supervisor, Role.Discipline)
  @Get()
  due(@CurrentUser() user: SessionUser) {
    return this.followUps.due(user);
  }

  @Roles(Role.Officer)
  @Post()
  @HttpCode(200)
  record(@CurrentUser() user: SessionUser, @Body() body: FollowUpDto) {
    return this.followUps.record(user, body);
  }
}
