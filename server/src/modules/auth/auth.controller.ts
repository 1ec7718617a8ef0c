import { Body, Controller, Get, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { LoginResponse, SessionUser } from '@mashang/shared';
import type { FastifyRequest } from 'fastify';
import { AuthService } from './auth.service.js';
import { CurrentUser } from './current-user.decorator.js';
import { LoginDto, WechatLoginDto } from './dto/login.dto.js';
import { Public } from './public.decorator.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(@Inject(AuthService) private readonly auth: AuthService) {}

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
}
