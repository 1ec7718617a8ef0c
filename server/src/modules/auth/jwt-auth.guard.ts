import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { ErrorCode, type EnterpriseSession, type Role, type SessionUser } from '@mashang/shared';
import { DomainError } from '../../infra/errors/domain-error.js';
import { ENTERPRISE_ONLY } from './enterprise.decorator.js';
import { ALLOWED_ROLES } from './roles.decorator.js';
import { IS_PUBLIC } from './public.decorator.js';
import { EnterpriseSessions } from './sessions/enterprise-sessions.js';
import { Sessions } from './sessions/sessions.js';
import { VerifiedTokens } from './verified-tokens.js';

/** Who a verified token speaks for, and the session it belongs to: a user, or an enterprise (no role). */
type TokenSession = { user: SessionUser; sessionId: string } | { enterprise: EnterpriseSession; sessionId: string };

/**
 * Global guard: every route needs a valid bearer token of a live session unless marked @Public; @Roles
 * narrows further. A session ends with logout, a password change or deactivation (see Sessions).
 * Enterprise tokens are a kind of their own: accepted on @EnterpriseOnly routes and nowhere else, and
 * those routes accept nothing else.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  private readonly verified = new VerifiedTokens<TokenSession>();

  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(JwtService) private readonly jwt: JwtService,
    @Inject(Sessions) private readonly sessions: Sessions,
    @Inject(EnterpriseSessions) private readonly enterpriseSessions: EnterpriseSessions,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest();
    const header: string | undefined = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7) : undefined;
    if (!token) throw new DomainError(ErrorCode.Unauthenticated, '请先登录');
    let session = this.verified.get(token);
    if (!session) {
      const payload = await this.jwt.verifyAsync<{ user?: SessionUser; enterprise?: EnterpriseSession; jti?: string; exp?: number }>(token).catch(() => null);
      // A token without a session (signed before sessions were recorded) signs in again too.
      if (!payload?.jti || (!payload.user && !payload.enterprise)) throw new DomainError(ErrorCode.Unauthenticated, '登录已过期，请重新登录');
      session = payload.enterprise ? { enterprise: payload.enterprise, sessionId: payload.jti } : { user: payload.user!, sessionId: payload.jti };
      this.verified.set(token, session, payload.exp === undefined ? undefined : payload.exp * 1000);
    }
    const enterpriseRoute = this.reflector.getAllAndOverride<boolean>(ENTERPRISE_ONLY, targets) ?? false;
    if ('enterprise' in session) {
      if (!enterpriseRoute) throw new DomainError(ErrorCode.Forbidden, '企业登录只能使用企业端的功能');
      const { creditCode } = session.enterprise;
      if (!(await this.enterpriseSessions.isLive(session.sessionId, creditCode))) {
        throw new DomainError(ErrorCode.Unauthenticated, '登录已失效（已退出或已被移出企业联系人），请重新登录');
      }
      request.enterprise = { creditCode, sessionId: session.sessionId };
      return true;
    }
    if (enterpriseRoute) throw new DomainError(ErrorCode.Forbidden, '此功能仅供企业登录后使用');
    if (!(await this.sessions.isLive(session.sessionId, session.user.id))) {
      throw new DomainError(ErrorCode.Unauthenticated, '登录已失效（已退出、密码已修改或账号已停用），请重新登录');
    }
    request.user = session.user;
    request.sessionId = session.sessionId;
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (allowed && !allowed.includes(session.user.role)) throw new DomainError(ErrorCode.Forbidden, '当前角色无权执行此操作');
    return true;
  }
}
