import { Inject, Injectable, Logger } from '@nestjs/common';
import { ErrorCode, userActor, type SessionUser, type UserAccount } from '@mashang/shared';
import { Transactions } from '../../../infra/database/tx.js';
import { DomainError, notFound } from '../../../infra/errors/domain-error.js';
import { toSessionUser } from '../session-user.js';
import { Sessions } from '../sessions/sessions.js';
import { UserRepository } from '../user.repository.js';

/** A supervisor deactivates an account (every session of it ends at once) or reactivates it (it signs in anew). */
@Injectable()
export class UserActivation {
  private readonly logger = new Logger('Users');

  constructor(
    @Inject(UserRepository) private readonly users: UserRepository,
    @Inject(Sessions) private readonly sessions: Sessions,
    @Inject(Transactions) private readonly transactions: Transactions,
  ) {}

  async setActive(actor: SessionUser, userId: number, active: boolean): Promise<UserAccount> {
    if (userId === actor.id && !active) throw new DomainError(ErrorCode.Conflict, '不能停用自己正在使用的账号');
    const account = await this.transactions.run(async (tx) => {
      const user = await this.users.find({ id: userId }, tx, { forUpdate: true });
      if (!user) throw notFound('账号');
      if (user.active !== active) await this.users.update({ id: userId }, { active }, tx);
      if (!active) await this.sessions.endAllOf(userId, 'deactivated', {}, tx);
      return { ...toSessionUser(user), active };
    });
    if (!active) await this.sessions.changed(userId);
    this.logger.log(`user ${userId} ${active ? 'reactivated' : 'deactivated'} by ${userActor(actor)}`);
    return account;
  }
}
