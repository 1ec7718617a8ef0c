import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsString, Length, Matches, MaxLength } from 'class-validator';

export class ChangePasswordDto {
  @ApiProperty()
  @IsString({ message: '请输入原密码' })
  @IsNotEmpty({ message: '请输入原密码' })
  @MaxLength(200, { message: '原密码过长' })
  currentPassword: string;

  @ApiProperty({ minLength: 8, maxLength: 200 })
  @IsString({ message: '请输入新密码' })
  @Length(8, 200, { message: '新密码应为8到200个字符' })
  newPassword: string;
}

export class UserIdParamDto {
  @ApiProperty({ description: 'the account id (users.id)' })
  @Matches(/^[1-9]\d{0,9}$/, { message: '账号编号应为正整数' })
  id: string;
}

export class SetUserActiveDto {
  @ApiProperty({ description: 'false: deactivate (every session ends at once); true: reactivate' })
  @IsBoolean({ message: 'active 应为 true 或 false' })
  active: boolean;
}
