var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
export class LoginDto {
    username;
    password;
}
__decorate([
    ApiProperty({ example: 'supervisor' }),
    IsString(),
    IsNotEmpty(),
    MaxLength(64),
    __metadata("design:type", String)
], LoginDto.prototype, "username", void 0);
__decorate([
    ApiProperty({ example: 'demo1234' }),
    IsString(),
    IsNotEmpty(),
    MaxLength(200),
    __metadata("design:type", String)
], LoginDto.prototype, "password", void 0);
export class WechatLoginDto {
    code;
    username;
    password;
}
__decorate([
    ApiProperty({ description: 'wx.login() code' }),
    IsString(),
    IsNotEmpty(),
    MaxLength(128),
    __metadata("design:type", String)
], WechatLoginDto.prototype, "code", void 0);
__decorate([
    ApiPropertyOptional({ description: 'first login only: binds this WeChat account to the officer login' }),
    IsOptional(),
    IsString(),
    MaxLength(64),
    __metadata("design:type", String)
], WechatLoginDto.prototype, "username", void 0);
__decorate([
    ApiPropertyOptional(),
    IsOptional(),
    IsString(),
    MaxLength(200),
    __metadata("design:type", String)
], WechatLoginDto.prototype, "password", void 0);
