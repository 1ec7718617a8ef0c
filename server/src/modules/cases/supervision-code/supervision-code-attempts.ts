import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { TryLaterError } from '../../../infra/errors/domain-error.js';
import { addressKey } from '../../../infra/http/client-address.js';
import { REDIS } from '../../../infra/redis/redis.module.js';

/** Unknown supervision codes one address (an IPv6 /64) may open per window before it must wait. */
export const CODE_FAILURES_ALLOWED = 10;
export const CODE_FAILURE_WINDOW_SECONDS = 15 * 60;
const PREFIX = 'penalty-code-failures';

/**
 * Counts unknown supervision codes per client address in Redis, as the rating codes are counted. A
 * code is 128 bits, so guessing is hopeless anyway; the limit keeps anyone from making a sport of it
 * against the database, and answers in words a party who mistyped a link understands.
 */
@Injectable()
export class SupervisionCodeAttempts {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  private key(ip: string): string {
    return `${PREFIX}:${addressKey(ip)}`;
  }

  /** Refuses an address that has used up its tries. */
  async check(ip: string): Promise<void> {
    const key = this.key(ip);
    const used = Number(await this.redis.get(key));
    if (used < CODE_FAILURES_ALLOWED) return;
    const seconds = Math.max(1, await this.redis.ttl(key));
    throw new TryLaterError(`打开的监督码无效次数太多，请${Math.max(1, Math.ceil(seconds / 60))}分钟后再试。请按告知书上的二维码或短信里的链接原样打开。`, seconds);
  }

  /** Counts an unknown code against the address. */
  async fail(ip: string): Promise<void> {
    const key = this.key(ip);
    await this.redis.multi().incr(key).expire(key, CODE_FAILURE_WINDOW_SECONDS, 'NX').exec();
  }
}
