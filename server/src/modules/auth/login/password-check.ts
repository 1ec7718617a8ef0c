import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode } from '@mashang/shared';
import { isDatabaseUnavailable } from '../../../infra/database/unavailable.js';
import { DomainError } from '../../../infra/errors/domain-error.js';
import { Passwords, UNKNOWN_USER_HASH } from '../password.js';
import type { User } from '../user.entity.js';
import { UserRepository } from '../user.repository.js';
import { LoginThrottle } from './login-throttle.js';

/**
 * A username and password checked, throttled per account and per address. The answer is the same, and
 * takes as long, for an unknown username, an inactive account and a wrong password: the password is
 * hashed in every case.
 */
@Injectable()
export class PasswordCheck {
  constructor(
    @Inject(UserRepository) private readonly users: UserRepository,
    @Inject(Passwords) private readonly passwords: Passwords,
    @Inject(LoginThrottle) private readonly throttle: LoginThrottle,
  ) {}

  async check(username: string, password: string, ip: string): Promise<User> {
    const attempt = await this.throttle.begin(username, ip);
    const user = await this.users.find({ username }).catch(async (error: unknown) => {
      // Not judged: the attempt does not count (503 follows).
      if (isDatabaseUnavailable(error)) await this.throttle.withdraw(attempt);
      throw error;
    });
    const matches = await this.passwords.verify(password, user?.passwordHash ?? UNKNOWN_USER_HASH);
    if (!user || !user.active || !matches) {
      this.throttle.failed(attempt);
      throw new DomainError(ErrorCode.InvalidCredentials, '账号或密码不正确');
    }
    await this.throttle.succeeded(attempt);
    return user;
  }
}
