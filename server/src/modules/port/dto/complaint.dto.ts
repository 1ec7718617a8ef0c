import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COMPLAINT_CONTENT_MAX } from '@mashang/shared';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { IsCreditCode } from '../../../infra/http/is-credit-code.js';
import { MOBILE } from './sign-in.dto.js';

const INSPECTION_ID = /^[A-Za-z0-9_.:-]{1,64}$/;

export class PortalComplaintDto {
  @ApiProperty({ example: '执法人员一个月内第三次上门检查同一事项', description: 'what happened' })
  @IsString() @MinLength(5, { message: '请用至少5个字说明情况' }) @MaxLength(COMPLAINT_CONTENT_MAX) content: string;

  @ApiPropertyOptional({ description: 'one of its inspection records the complaint is about' })
  @IsOptional() @Matches(INSPECTION_ID, { message: '检查记录编号格式不正确' }) inspectionId?: string;
}

export class PublicComplaintDto extends PortalComplaintDto {
  @ApiProperty({ example: '91440300708461136T' }) @IsCreditCode() creditCode: string;
  @ApiProperty({ example: '13812345678', description: 'the contact phone, verified by its SMS code' }) @Matches(MOBILE, { message: '请输入11位手机号' }) phone: string;
  @ApiProperty({ example: '123456' }) @Matches(/^\d{6}$/, { message: '验证码为6位数字' }) smsCode: string;
}
