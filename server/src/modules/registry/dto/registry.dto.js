var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { ApiPropertyOptional, PartialType, OmitType, ApiProperty } from '@nestjs/swagger';
import { CREDIT_GRADES } from '@mashang/shared';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateIf, } from 'class-validator';
import { IsCreditCode } from './is-credit-code.js';
const ID = /^[A-Za-z0-9_.:-]{1,64}$/;
const ID_MESSAGE = 'must be 1–64 letters, digits or _ . : -';
const REGION = /^\d{6}$/;
const PHONE = /^\+?\d{5,20}$/;
export class ListQueryDto {
    q;
    page = 1;
    pageSize = 20;
}
__decorate([
    ApiPropertyOptional({ description: 'search text' }),
    IsOptional(),
    IsString(),
    MaxLength(100),
    __metadata("design:type", String)
], ListQueryDto.prototype, "q", void 0);
__decorate([
    ApiPropertyOptional({ default: 1 }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(1),
    __metadata("design:type", Object)
], ListQueryDto.prototype, "page", void 0);
__decorate([
    ApiPropertyOptional({ default: 20, maximum: 100 }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(1),
    Max(100),
    __metadata("design:type", Object)
], ListQueryDto.prototype, "pageSize", void 0);
export class ScopedListQueryDto extends ListQueryDto {
    agencyId;
}
__decorate([
    ApiPropertyOptional({ description: 'only this agency (supervisors); others always see their own' }),
    IsOptional(),
    Matches(ID, { message: ID_MESSAGE }),
    __metadata("design:type", String)
], ScopedListQueryDto.prototype, "agencyId", void 0);
export class CreateAgencyDto {
    id;
    name;
    kind;
    region;
}
__decorate([
    ApiProperty(),
    Matches(ID, { message: ID_MESSAGE }),
    __metadata("design:type", String)
], CreateAgencyDto.prototype, "id", void 0);
__decorate([
    ApiProperty(),
    IsString(),
    IsNotEmpty(),
    MaxLength(200),
    __metadata("design:type", String)
], CreateAgencyDto.prototype, "name", void 0);
__decorate([
    ApiProperty({ example: 'market' }),
    Matches(/^[a-z][a-z0-9-]{0,31}$/, { message: 'must be a lower-case kind such as market, fire, ecology' }),
    __metadata("design:type", String)
], CreateAgencyDto.prototype, "kind", void 0);
__decorate([
    ApiProperty({ example: '410202' }),
    Matches(REGION, { message: 'must be a 6-digit division code' }),
    __metadata("design:type", String)
], CreateAgencyDto.prototype, "region", void 0);
export class UpdateAgencyDto extends PartialType(OmitType(CreateAgencyDto, ['id'])) {
}
export class CreateOfficerDto {
    id;
    agencyId;
    name;
    certNo;
    phone;
}
__decorate([
    ApiProperty(),
    Matches(ID, { message: ID_MESSAGE }),
    __metadata("design:type", String)
], CreateOfficerDto.prototype, "id", void 0);
__decorate([
    ApiProperty(),
    Matches(ID, { message: ID_MESSAGE }),
    __metadata("design:type", String)
], CreateOfficerDto.prototype, "agencyId", void 0);
__decorate([
    ApiProperty(),
    IsString(),
    IsNotEmpty(),
    MaxLength(200),
    __metadata("design:type", String)
], CreateOfficerDto.prototype, "name", void 0);
__decorate([
    ApiProperty({ description: '执法证号' }),
    IsString(),
    IsNotEmpty(),
    MaxLength(64),
    __metadata("design:type", String)
], CreateOfficerDto.prototype, "certNo", void 0);
__decorate([
    ApiPropertyOptional({ nullable: true }),
    IsOptional(),
    ValidateIf((_, value) => value !== null),
    Matches(PHONE, { message: 'must be a phone number (digits, optional leading +)' }),
    __metadata("design:type", Object)
], CreateOfficerDto.prototype, "phone", void 0);
export class UpdateOfficerDto extends PartialType(OmitType(CreateOfficerDto, ['id', 'agencyId'])) {
}
export class CreateItemDto {
    id;
    agencyId;
    name;
    basis;
    noDisturb;
}
__decorate([
    ApiProperty(),
    Matches(ID, { message: ID_MESSAGE }),
    __metadata("design:type", String)
], CreateItemDto.prototype, "id", void 0);
__decorate([
    ApiProperty(),
    Matches(ID, { message: ID_MESSAGE }),
    __metadata("design:type", String)
], CreateItemDto.prototype, "agencyId", void 0);
__decorate([
    ApiProperty(),
    IsString(),
    IsNotEmpty(),
    MaxLength(200),
    __metadata("design:type", String)
], CreateItemDto.prototype, "name", void 0);
__decorate([
    ApiProperty({ description: 'legal basis' }),
    IsString(),
    IsNotEmpty(),
    MaxLength(2000),
    __metadata("design:type", String)
], CreateItemDto.prototype, "basis", void 0);
__decorate([
    ApiPropertyOptional({ description: 'on the 无事不扰 list' }),
    IsOptional(),
    IsBoolean(),
    __metadata("design:type", Boolean)
], CreateItemDto.prototype, "noDisturb", void 0);
export class UpdateItemDto extends PartialType(OmitType(CreateItemDto, ['id', 'agencyId'])) {
}
export class CreateEnterpriseDto {
    creditCode;
    name;
    industry;
    region;
    phone;
    creditGrade;
    lowTouch;
}
__decorate([
    ApiProperty({ example: '91350100M000100Y43' }),
    IsCreditCode(),
    __metadata("design:type", String)
], CreateEnterpriseDto.prototype, "creditCode", void 0);
__decorate([
    ApiProperty(),
    IsString(),
    IsNotEmpty(),
    MaxLength(200),
    __metadata("design:type", String)
], CreateEnterpriseDto.prototype, "name", void 0);
__decorate([
    ApiProperty(),
    IsString(),
    IsNotEmpty(),
    MaxLength(64),
    __metadata("design:type", String)
], CreateEnterpriseDto.prototype, "industry", void 0);
__decorate([
    ApiProperty(),
    Matches(REGION, { message: 'must be a 6-digit division code' }),
    __metadata("design:type", String)
], CreateEnterpriseDto.prototype, "region", void 0);
__decorate([
    ApiPropertyOptional({ nullable: true }),
    IsOptional(),
    ValidateIf((_, value) => value !== null),
    Matches(PHONE, { message: 'must be a phone number (digits, optional leading +)' }),
    __metadata("design:type", Object)
], CreateEnterpriseDto.prototype, "phone", void 0);
__decorate([
    ApiProperty({ enum: CREDIT_GRADES }),
    IsIn(CREDIT_GRADES),
    __metadata("design:type", String)
], CreateEnterpriseDto.prototype, "creditGrade", void 0);
__decorate([
    ApiPropertyOptional({ description: 'on the 无感监管 list' }),
    IsOptional(),
    IsBoolean(),
    __metadata("design:type", Boolean)
], CreateEnterpriseDto.prototype, "lowTouch", void 0);
export class UpdateEnterpriseDto extends PartialType(OmitType(CreateEnterpriseDto, ['creditCode'])) {
}
