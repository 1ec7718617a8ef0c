import { ErrorCode } from '@mashang/shared';
import type { Redis } from 'ioredis';
import { DomainError } from '../../infra/errors/domain-error.js';

/** Wrong rating codes one address may enter per window before it must wait. */
export const CODE_FAILURES_ALLOWED = 10;
export const CODE_FAILURE_WINDOW_SECONDS = 15 * 60;

/**
 * Rate limit on typing rating codes, against guessing: a Redis counter of wrong codes per client
 * address, expiring with its window. 40-bit codes and 10 tries per quarter hour leave guessing hopeless.
 */
export class CodeAttempts {
  constructor(private readonly redis: Redis, private readonly prefix = 'rating-code-failures') {}

  private key(ip: string): string {
    return `${this.prefix}:${ip}`;
  }

  /** Refuses an address that has used up its tries. */
  async check(ip: string): Promise<void> {
    const used = Number(await this.redis.get(this.key(ip)));
    if (used >= CODE_FAILURES_ALLOWED) throw tooMany(await this.redis.ttl(this.key(ip)));
  }

  /** Counts a wrong code; answers how many tries are left. */
  async fail(ip: string): Promise<number> {
    const key = this.key(ip);
    const [[, used]] = (await this.redis.multi().incr(key).expire(key, CODE_FAILURE_WINDOW_SECONDS, 'NX').exec()) as [[null, number]];
    return Math.max(0, CODE_FAILURES_ALLOWED - used);
  }
}

function tooMany(secondsLeft: number): DomainError {
  const minutes = Math.max(1, Math.ceil(secondsLeft / 60));
  return new DomainError(ErrorCode.RateLimited, `评价码输错次数太多，请${minutes}分钟后再试。如果找不到短信，可拨打 12345 反映。`);
}
