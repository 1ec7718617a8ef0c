import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, shanghaiDate } from '@mashang/shared';
import type { Redis } from 'ioredis';
import type { Tx } from '../../../infra/database/tx.js';
import { DomainError } from '../../../infra/errors/domain-error.js';
import { REDIS } from '../../../infra/redis/redis.module.js';
import { CodeAttempts } from '../code-attempts.js';
import { RatingInviteRepository, type OpenedInvite } from '../rating-invite.repository.js';
import { credentialHash, parseCredential } from '../rating-token.js';

/** What the rating page's link token or typed code opens; wrong codes count against the address and the code's halves. */
@Injectable()
export class InviteCredentials {
  private readonly attempts: CodeAttempts;

  constructor(
    @Inject(RatingInviteRepository) private readonly invites: RatingInviteRepository,
    @Inject(REDIS) redis: Redis,
  ) {
    this.attempts = new CodeAttempts(redis);
  }

  /** The invite a link token or typed code stands for, refused when unknown or expired. */
  async open(text: string, ip: string, now: Date, tx?: Tx): Promise<OpenedInvite> {
    const credential = parseCredential(text.trim());
    if (!credential) throw invalidLink();
    if (credential.kind === 'code') await this.attempts.check(ip, credential.code);
    const invite = await this.invites.opened(credential.kind, credentialHash(credential), tx);
    if (!invite) {
      if (credential.kind === 'link') throw invalidLink();
      const left = await this.attempts.fail(ip, credential.code);
      throw new DomainError(ErrorCode.CodeInvalid, left > 0 ? `评价码不正确，请对照短信重新输入（还可以再试${left}次）。` : '评价码不正确，输错次数太多，请15分钟后再试。');
    }
    if (invite.expiresAt <= now) {
      const last = shanghaiDate(invite.expiresAt.getTime() - 1).split('-').map(Number);
      throw new DomainError(ErrorCode.CodeExpired, `评价已过期（有效期到${last[1]}月${last[2]}日）。如需反映问题，请拨打 12345。`);
    }
    return invite;
  }
}

function invalidLink(): DomainError {
  return new DomainError(ErrorCode.CodeInvalid, '评价链接无效：不是本系统发出的链接，或链接不完整。请按短信原样打开，或输入短信里的评价码。');
}
