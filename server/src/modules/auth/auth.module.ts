import { createSecretKey } from 'node:crypto';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import type { AppConfig } from '../../infra/config/config.js';
import { ChangePassword } from './account/change-password.js';
import { OfficerAccounts } from './account/officer-accounts.js';
import { UserActivation } from './account/user-activation.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { JwtAuthGuard } from './jwt-auth.guard.js';
import { LoginThrottle } from './login/login-throttle.js';
import { PasswordCheck } from './login/password-check.js';
import { Passwords } from './password.js';
import { EnterpriseSessionRepository } from './sessions/enterprise-session.repository.js';
import { EnterpriseSessions } from './sessions/enterprise-sessions.js';
import { SessionRepository } from './sessions/session.repository.js';
import { Sessions } from './sessions/sessions.js';
import { UsersController } from './users.controller.js';
import { UserRepository } from './user.repository.js';
import { WechatClient } from './wechat.client.js';

@Module({})
export class AuthModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AuthModule,
      // Sign-in and users are every module's concern: guards, roles and names of who did what.
      global: true,
      imports: [
        // A KeyObject once, rather than the string: jsonwebtoken otherwise re-parses the secret on every
        // request, first trying it as a public key and failing (a fifth of the CPU of a check-in).
        JwtModule.register({
          secret: createSecretKey(Buffer.from(config.jwtSecret)) as unknown as string,
          signOptions: { expiresIn: config.jwtTtlSeconds, algorithm: 'HS256' },
          verifyOptions: { algorithms: ['HS256'] },
        }),
      ],
      controllers: [AuthController, UsersController],
      providers: [
        AuthService, UserRepository, Passwords, LoginThrottle, PasswordCheck, SessionRepository, Sessions, ChangePassword, UserActivation, OfficerAccounts, WechatClient,
        EnterpriseSessionRepository, EnterpriseSessions,
        { provide: APP_GUARD, useClass: JwtAuthGuard },
      ],
      exports: [AuthService, UserRepository, OfficerAccounts, EnterpriseSessions, WechatClient],
    };
  }
}
