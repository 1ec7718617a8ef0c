import { ApiPropertyOptional, OmitType, ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { CREDIT_GRADES, REGISTERS, type CreditGrade, type RegisterKind } from '@mashang/shared';
import {
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { IsCalendarDate } from '../../../infra/http/is-calendar-date.js';
import { IsOmittable } from '../../../infra/http/is-omittable.js';
import { PartialEdit } from '../../../infra/http/partial-edit.js';
import { IsCreditCode } from '../../../infra/http/is-credit-code.js';
import { PageQueryDto } from '../../../infra/http/page-query.dto.js';

const ID = /^[A-Za-z0-9_.:-]{1,64}$/;
const ID_MESSAGE = 'must be 1–64 letters, digits or _ . : -';
const REGION = /^\d{6}$/;
const PHONE = /^\+?\d{5,20}$/;


export class ListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'search text' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class ScopedListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ description: 'only this agency (supervisors); others always see their own' })
  @IsOptional()
  @Matches(ID, { message: ID_MESSAGE })
  agencyId?: string;
}

/** `true`/`1` and `false`/`0` in a query string. */
const queryBoolean = ({ value }: { value: unknown }) => (value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value);

export class RegisterParamDto {
  @ApiProperty({ enum: REGISTERS }) @IsIn(REGISTERS) register: RegisterKind;
}

export class OfficerListQueryDto extends ScopedListQueryDto {
  @ApiPropertyOptional({ description: 'only officers on duty (true) or taken off duty (false)' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  active?: boolean;
}

export class CreateAgencyDto {
  @ApiProperty() @Matches(ID, { message: ID_MESSAGE }) id: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @ApiProperty({ example: 'market' }) @Matches(/^[a-z][a-z0-9-]{0,31}$/, { message: 'must be a lower-case kind such as market, fire, ecology' }) kind: string;
  @ApiProperty({ example: '410202' }) @Matches(REGION, { message: 'must be a 6-digit division code' }) region: string;
  @ApiPropertyOptional({ description: "plans wait for the head's approval before they merge or get a code; emergencies are approved afterwards" })
  @IsOmittable()
  @IsBoolean()
  planApproval?: boolean;
}
export class UpdateAgencyDto extends PartialEdit(OmitType(CreateAgencyDto, ['id'] as const)) {}

export class CreateOfficerDto {
  @ApiProperty() @Matches(ID, { message: ID_MESSAGE }) id: string;
  @ApiProperty() @Matches(ID, { message: ID_MESSAGE }) agencyId: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @ApiProperty({ description: '执法证号' }) @IsString() @IsNotEmpty() @MaxLength(64) certNo: string;
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @Matches(PHONE, { message: 'must be a phone number (digits, optional leading +)' })
  phone?: string | null;
  @ApiPropertyOptional({ nullable: true, description: '执法证有效期至（含当日），YYYY-MM-DD' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsCalendarDate()
  certExpires?: string | null;
}
export class UpdateOfficerDto extends PartialEdit(OmitType(CreateOfficerDto, ['id', 'agencyId'] as const)) {
  @ApiPropertyOptional({ description: '在岗; false takes the officer off duty: no new plans, their accounts cannot sign in' })
  @IsOmittable()
  @IsBoolean()
  active?: boolean;
}

export class CreateItemDto {
  @ApiProperty() @Matches(ID, { message: ID_MESSAGE }) id: string;
  @ApiProperty() @Matches(ID, { message: ID_MESSAGE }) agencyId: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @ApiProperty({ description: 'legal basis' }) @IsString() @IsNotEmpty() @MaxLength(2000) basis: string;
  @ApiPropertyOptional({ description: 'on the 无事不扰 list' }) @IsOmittable() @IsBoolean() noDisturb?: boolean;
  @ApiPropertyOptional({ description: '适用行业: enterprise industries joined by 、 (or , ；), empty for none' }) @IsOmittable() @IsString() @MaxLength(1000) industries?: string;
  @ApiPropertyOptional({ description: '常见违法行为 (compliance booklet)' }) @IsOmittable() @IsString() @MaxLength(2000) commonViolations?: string;
  @ApiPropertyOptional({ description: '合规指引 (compliance booklet)' }) @IsOmittable() @IsString() @MaxLength(2000) complianceGuide?: string;
}
export class UpdateItemDto extends PartialEdit(OmitType(CreateItemDto, ['id', 'agencyId'] as const)) {}

export class CreateEnterpriseDto {
  @ApiProperty({ example: '91350100M000100Y43' }) @IsCreditCode() creditCode: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(64) industry: string;
  @ApiProperty() @Matches(REGION, { message: 'must be a 6-digit division code' }) region: string;
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @Matches(PHONE, { message: 'must be a phone number (digits, optional leading +)' })
  phone?: string | null;
  @ApiProperty({ enum: CREDIT_GRADES }) @IsIn(CREDIT_GRADES as CreditGrade[]) creditGrade: CreditGrade;
  @ApiPropertyOptional({ description: 'on the 无感监管 list' }) @IsOmittable() @IsBoolean() lowTouch?: boolean;
}
export class UpdateEnterpriseDto extends PartialEdit(OmitType(CreateEnterpriseDto, ['creditCode'] as const)) {}
