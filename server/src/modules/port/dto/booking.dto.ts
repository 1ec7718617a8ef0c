import { ApiProperty } from '@nestjs/swagger';
import { BOOKING_SLOTS_MAX, HALF_DAYS, type HalfDay } from '@mashang/shared';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, ValidateNested } from 'class-validator';
import { IsCalendarDate } from '../../../infra/http/is-calendar-date.js';

export class BookingSlotDto {
  @ApiProperty({ example: '2026-12-09' }) @IsCalendarDate() date: string;
  @ApiProperty({ enum: HALF_DAYS }) @IsIn(HALF_DAYS) half: HalfDay;
}

export class BookingSlotsDto {
  @ApiProperty({ type: [BookingSlotDto] })
  @IsArray()
  @ArrayMaxSize(BOOKING_SLOTS_MAX)
  @ValidateNested({ each: true })
  @Type(() => BookingSlotDto)
  slots: BookingSlotDto[];
}
