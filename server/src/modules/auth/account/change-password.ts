import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, type SessionUser } from '@mashang/shared';
import { Transactions } from '../../../infra/database/tx.js';
import { DomainError, invalid } from '../../../infra/errors/domain-error.js';
import { PasswordCheck } from '../login/password-check.js';
import { Passwords } from '../password.js';
import { Sessions } from '../sessions/sessions.js';
import { UserRepository } from '../user.repository.js';

/**
 * A user changes their own password, proving the current one (throttled like a login). Every other session
 * of the account ends at once; the one that made the change goes on.
 */
@Injectable()
export class ChangePassword {
  constructor(
    @Inject(UserRepository) private readonly users: UserRepository,
    @Inject(PasswordCheck) private readonly check: PasswordCheck,
    @Inject(Passwords) private readonly passwords: Passwords,
    @Inject(Sessions) private readonly sessions: Sessions,
    @Inject(Transactions) private readonly transactions: Transactions,
  ) {}

  async change(user: SessionUser, sessionId: string, currentPassword: string, newPassword: string, ip: string): Promise<void> {
    if (newPassword === currentPassword) throw invalid('newPassword', '新密码不能与原密码相同');
    try {
      await this.check.check(user.username, currentPassword, ip);
    } catch (error) {
      // Not 401: the session is fine, only the password typed is not (a 401 would sign the user out).
      if (error instanceof DomainError && error.code === ErrorCode.InvalidCredentials) throw invalid('currentPassword', '原密码不正确');
      throw error;
    }
    const passwordHash = await this.passwords.hash(newPassword);
    await this.transactions.run(async (tx) => {
      await this.users.update({ id: user.id }, { passwordHash }, tx);
      await this.sessions.endAllOf(user.id, 'password', { except: sessionId }, tx);
    });
    await this.sessions.changed(user.id);
  }
}
