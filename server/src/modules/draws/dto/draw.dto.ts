import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { IsCalendarDate } from '../../../infra/http/is-calendar-date.js';
import { IsCreditCode } from '../../../infra/http/is-credit-code.js';

const ID = /^[A-Za-z0-9_.:-]{1,64}$/;

export class ProportionsDto {
  @ApiProperty() @Type(() => Number) @IsNumber({ maxDecimalPlaces: 4 }) @Min(0) @Max(1) A: number;
  @ApiProperty() @Type(() => Number) @IsNumber({ maxDecimalPlaces: 4 }) @Min(0) @Max(1) B: number;
  @ApiProperty() @Type(() => Number) @IsNumber({ maxDecimalPlaces: 4 }) @Min(0) @Max(1) C: number;
  @ApiProperty() @Type(() => Number) @IsNumber({ maxDecimalPlaces: 4 }) @Min(0) @Max(1) D: number;
}

export class CommitDrawDto {
  @ApiPropertyOptional({ description: 'supervisors: the agency whose officers inspect' }) @IsOptional() @Matches(ID, { message: 'must be an agency id' }) agencyId?: string;
  @ApiProperty() @IsString() @MinLength(2) @MaxLength(200) name: string;
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @ArrayUnique() @Matches(ID, { each: true, message: 'each must be an item id' }) itemIds: string[];
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(50) @ArrayUnique() @IsString({ each: true }) @MinLength(1, { each: true }) @MaxLength(40, { each: true }) industries: string[];
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(50) @ArrayUnique() @Matches(/^\d{2,6}$/, { each: true, message: 'each must be a division-code prefix' }) regionPrefixes: string[];
  @ApiProperty({ type: ProportionsDto }) @ValidateNested() @Type(() => ProportionsDto) proportions: ProportionsDto;
  @ApiProperty() @IsCalendarDate() periodFrom: string;
  @ApiProperty() @IsCalendarDate() periodTo: string;
}

export class RunDrawDto {
  @ApiPropertyOptional({ description: 'text published after the commitment, e.g. a lottery draw' })
  @IsOptional() @IsString() @MaxLength(200) publicEntropy?: string;
}

export class DeclareConflictDto {
  @ApiProperty() @Matches(ID, { message: 'must be an officer id' }) officerId: string;
  @ApiProperty() @IsCreditCode() creditCode: string;
  @ApiProperty() @IsString() @MinLength(2) @MaxLength(500) reason: string;
}
