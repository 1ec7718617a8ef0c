import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CONTACT_TITLE_MAX } from '@mashang/shared';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsCreditCode } from '../../../infra/http/is-credit-code.js';

/** A mainland mobile number (isMainlandMobile in shared). */
export const MOBILE = /^1[3-9]\d{9}$/;
const MOBILE_MESSAGE = '请输入11位手机号';
const SMS_CODE = /^\d{6}$/;

export class SignInCodeDto {
  @ApiProperty({ example: '91440300708461136T' }) @IsCreditCode() creditCode: string;
  @ApiProperty({ example: '13812345678' }) @Matches(MOBILE, { message: MOBILE_MESSAGE }) phone: string;
}

export class EnterpriseSignInDto {
  @ApiProperty({ example: '91440300708461136T' }) @IsCreditCode() creditCode: string;
  @ApiProperty({ example: '13812345678' }) @Matches(MOBILE, { message: MOBILE_MESSAGE }) phone: string;
  @ApiProperty({ example: '123456', description: 'the SMS code' }) @Matches(SMS_CODE, { message: '验证码为6位数字' }) code: string;
}

export class EnterpriseWechatSignInDto {
  @ApiProperty({ description: 'wx.login() code' }) @IsString() @IsNotEmpty() @MaxLength(128) code: string;
  @ApiPropertyOptional({ description: 'first sign-in only, with phone and smsCode: binds this WeChat account to the phone' })
  @IsOptional() @IsCreditCode() creditCode?: string;
  @ApiPropertyOptional({ example: '13812345678' }) @IsOptional() @Matches(MOBILE, { message: MOBILE_MESSAGE }) phone?: string;
  @ApiPropertyOptional({ example: '123456' }) @IsOptional() @Matches(SMS_CODE, { message: '验证码为6位数字' }) smsCode?: string;
}

export class AddContactDto {
  @ApiProperty({ example: '13912345678' }) @Matches(MOBILE, { message: MOBILE_MESSAGE }) phone: string;
  @ApiPropertyOptional({ example: '财务负责人' }) @IsOptional() @IsString() @MaxLength(CONTACT_TITLE_MAX) title?: string;
}
