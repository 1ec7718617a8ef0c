import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { ErrorCode, type Role, type SessionUser } from '@mashang/shared';
import { DomainError } from '../../infra/errors/domain-error.js';
import { ALLOWED_ROLES } from './roles.decorator.js';
import { IS_PUBLIC } from './public.decorator.js';
import { VerifiedTokens } from './verified-tokens.js';

/** Global guard: every route needs a valid bearer token unless marked @Public; @Roles narrows further. */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  private readonly verified = new VerifiedTokens<SessionUser>();

  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(JwtService) private readonly jwt: JwtService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest();
    const header: string | undefined = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7) : undefined;
    if (!token) throw new DomainError(ErrorCode.Unauthenticated, '请先登录');
    let user = this.verified.get(token);
    if (!user) {
      try {
        const payload = await this.jwt.verifyAsync<{ user: SessionUser; exp?: number }>(token);
        user = payload.user;
        this.verified.set(token, user, payload.exp === undefined ? undefined : payload.exp * 1000);
      } catch {
        throw new DomainError(ErrorCode.Unauthenticated, '登录已过期，请重新登录');
      }
    }
    request.user = user;
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (allowed && !allowed.includes(user.role)) throw new DomainError(ErrorCode.Forbidden, '当前角色无权执行此操作');
    return true;
  }
}
