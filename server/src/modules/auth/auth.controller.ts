import { Body, Controller, Get, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { LoginResponse, SessionUser } from '@mashang/shared';
import type { FastifyRequest } from 'fastify';
import { ChangePassword } from './account/change-password.js';
import { AuthService } from './auth.service.js';
import { CurrentSessionId, CurrentUser } from './current-user.decorator.js';
import { ChangePasswordDto } from './dto/account.dto.js';
import { LoginDto, WechatLoginDto } from './dto/login.dto.js';
import { Public } from './public.decorator.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(ChangePassword) private readonly passwords: ChangePassword,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body() body: LoginDto, @Req() request: FastifyRequest): Promise<LoginResponse> {
    return this.auth.loginWithPassword(body.username, body.password, request.ip);
  }

  @Public()
  @Post('wechat')
  @HttpCode(200)
  wechat(@Body() body: WechatLoginDto, @Req() request: FastifyRequest): Promise<LoginResponse> {
    return this.auth.loginWithWechat(request.ip, body.code, body.username, body.password);
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentUser() user: SessionUser): Promise<SessionUser> {
    return this.auth.me(user.id);
  }

  /** Ends this session: its token is refused from now on. */
  @ApiBearerAuth()
  @Post('logout')
  @HttpCode(204)
  logout(@CurrentUser() user: SessionUser, @CurrentSessionId() sessionId: string): Promise<void> {
    return this.auth.logout(user, sessionId);
  }

  /** One's own password; the account's other sessions end, this one goes on. */
  @ApiBearerAuth()
  @Post('password')
  @HttpCode(204)
  changePassword(@CurrentUser() user: SessionUser, @CurrentSessionId() sessionId: string, @Body() body: ChangePasswordDto, @Req() request: FastifyRequest): Promise<void> {
    return this.passwords.change(user, sessionId, body.currentPassword, body.newPassword, request.ip);
  }
}
