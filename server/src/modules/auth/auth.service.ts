import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ErrorCode, Role, type LoginResponse, type SessionUser } from '@mashang/shared';
import { APP_CONFIG } from '../../infra/config/config.module.js';
import type { AppConfig } from '../../infra/config/config.js';
import { DomainError } from '../../infra/errors/domain-error.js';
import { PasswordCheck } from './login/password-check.js';
import { toSessionUser } from './session-user.js';
import { Sessions } from './sessions/sessions.js';
import type { User } from './user.entity.js';
import { UserRepository } from './user.repository.js';
import { WechatClient } from './wechat.client.js';

@Injectable()
export class AuthService {
  constructor(
    @Inject(UserRepository) private readonly users: UserRepository,
    @Inject(PasswordCheck) private readonly passwords: PasswordCheck,
    @Inject(Sessions) private readonly sessions: Sessions,
    @Inject(JwtService) private readonly jwt: JwtService,
    @Inject(WechatClient) private readonly wechat: WechatClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `ip`: the client's address, for the login throttle. */
  async loginWithPassword(username: string, password: string, ip: string): Promise<LoginResponse> {
    return this.issue(await this.passwords.check(username, password, ip));
  }

  /**
   * An officer's mini-program login. A known openid logs straight in; an unknown one needs the
   * officer's username and password once, which binds the WeChat account to that officer login.
   */
  async loginWithWechat(ip: string, code: string, username?: string, password?: string): Promise<LoginResponse> {
    const openid = await this.wechat.openIdForCode(code);
    const bound = await this.users.find({ wechatOpenid: openid });
    if (bound) {
      if (!bound.active) throw new DomainError(ErrorCode.Forbidden, '该账号已停用');
      return this.issue(bound);
    }
    if (!username || !password) {
      throw new DomainError(ErrorCode.WechatUnbound, '首次使用微信登录，请输入账号和密码完成绑定');
    }
    const user = await this.passwords.check(username, password, ip);
    if (user.role !== Role.Officer) throw new DomainError(ErrorCode.Forbidden, '只有执法人员账号可以绑定微信');
    if (user.wechatOpenid && user.wechatOpenid !== openid) {
      throw new DomainError(ErrorCode.Conflict, '该账号已绑定其他微信，请联系本部门管理员解除绑定');
    }
    await this.users.update({ id: user.id }, { wechatOpenid: openid });
    return this.issue(user);
  }

  async me(userId: number): Promise<SessionUser> {
    const user = await this.users.find({ id: userId, active: true });
    if (!user) throw new DomainError(ErrorCode.Unauthenticated, '账号不存在或已停用');
    return toSessionUser(user);
  }

  /** Ends the caller's session: its token stops working at once, in every server process. */
  async logout(user: SessionUser, sessionId: string): Promise<void> {
    await this.sessions.end(sessionId, 'logout');
    await this.sessions.changed(user.id);
  }

  /** A session of its own for each login; the token names it (`jti`) and lives as long. */
  private async issue(user: User): Promise<LoginResponse> {
    const sessionUser = toSessionUser(user);
    const expiresAt = new Date(Date.now() + this.config.jwtTtlSeconds * 1000);
    const sessionId = await this.sessions.open(user.id, expiresAt);
    const token = await this.jwt.signAsync({ user: sessionUser }, { subject: String(user.id), jwtid: sessionId });
    return { token, expiresAt: expiresAt.toISOString(), user: sessionUser };
  }
}
