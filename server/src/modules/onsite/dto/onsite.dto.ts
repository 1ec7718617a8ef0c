import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FINDING_OUTCOMES, OFFLINE_ACTION_TYPES, VIOLATION_COLOUR_VALUES, type FindingOutcome, type OfflineAction, type ViolationColour } from '@mashang/shared';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsISO8601, IsNumber, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { IsCalendarDate } from '../../../infra/http/is-calendar-date.js';
import { IsCreditCode } from '../../../infra/http/is-credit-code.js';
import { DOCUMENT_KIND_VALUES } from '../documents/document-rules.js';

const CLIENT_KEY = /^[A-Za-z0-9_-]{8,64}$/;
const CLIENT_KEY_MESSAGE = 'must be 8–64 letters, digits, _ or -';
const OUTCOMES: FindingOutcome[] = FINDING_OUTCOMES.map((o) => o.value);

export class CheckInDto {
  @ApiProperty({ example: '91440300708461136T' }) @IsCreditCode() creditCode: string;

  @ApiProperty({ description: 'idempotency key made by the phone' }) @Matches(CLIENT_KEY, { message: CLIENT_KEY_MESSAGE }) clientKey: string;

  @ApiPropertyOptional({ description: 'when scanned, for uploads from the offline queue' }) @IsOptional() @IsISO8601({ strict: true }) at?: string;

  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(-90) @Max(90) latitude?: number;

  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(-180) @Max(180) longitude?: number;
}

export class FindingDto {
  @ApiProperty() @IsString() @Matches(/^[A-Za-z0-9_.:-]{1,64}$/, { message: 'must be an item id' }) itemId: string;

  @ApiProperty({ enum: OUTCOMES }) @IsIn(OUTCOMES) outcome: FindingOutcome;

  @ApiPropertyOptional({ enum: VIOLATION_COLOUR_VALUES, description: '三色 the officer confirms; the proposal by default' })
  @IsOptional()
  @IsIn(VIOLATION_COLOUR_VALUES as string[])
  colour?: ViolationColour;

  @ApiPropertyOptional({ description: 'YYYY-MM-DD, required for rectify' }) @IsOptional() @IsCalendarDate() rectifyBy?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;

  @ApiProperty() @Matches(CLIENT_KEY, { message: CLIENT_KEY_MESSAGE }) clientKey: string;

  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) at?: string;
}

export class FinishDto {
  @ApiProperty() @Matches(CLIENT_KEY, { message: CLIENT_KEY_MESSAGE }) clientKey: string;

  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) at?: string;
}

/** Query parameters of a document upload (the file itself is the multipart body). */
export class DocumentMetaDto {
  @ApiProperty({ enum: DOCUMENT_KIND_VALUES }) @IsIn(DOCUMENT_KIND_VALUES as string[]) kind: string;

  @ApiProperty() @IsString() @Matches(/\S/, { message: 'must not be empty' }) @MaxLength(200) title: string;

  @ApiPropertyOptional({ description: '文书编号' }) @IsOptional() @IsString() @MaxLength(64) docNo?: string;

  @ApiProperty() @Matches(CLIENT_KEY, { message: CLIENT_KEY_MESSAGE }) clientKey: string;

  @ApiPropertyOptional({ description: 'hex SHA-256 the phone computed, checked against what arrived' })
  @IsOptional()
  @Matches(/^[0-9a-f]{64}$/, { message: 'must be a lowercase hex SHA-256' })
  sha256?: string;
}

export class OfflineActionDto {
  @ApiProperty({ enum: OFFLINE_ACTION_TYPES }) @IsIn(OFFLINE_ACTION_TYPES) type: OfflineAction['type'];

  @ApiProperty() @Matches(CLIENT_KEY, { message: CLIENT_KEY_MESSAGE }) clientKey: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(36) planId?: string;

  /** Checked against the action's own DTO when it is applied. */
  @ApiProperty() @IsObject() body: Record<string, unknown>;
}

export class SyncDto {
  @ApiProperty({ type: [OfflineActionDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => OfflineActionDto)
  actions: OfflineActionDto[];
}
