import type { Redis } from 'ioredis';
import { TryLaterError } from '../../infra/errors/domain-error.js';
import { addressKey } from '../../infra/http/client-address.js';
import { LocalCounters } from '../../infra/redis/local-counters.js';
import { RedisOrLocal } from '../../infra/redis/redis-or-local.js';

/** Wrong rating codes one address (an IPv6 /64) may enter per window before it must wait. */
export const CODE_FAILURES_ALLOWED = 10;
export const CODE_FAILURE_WINDOW_SECONDS = 15 * 60;
/**
 * Wrong codes sharing one half (the four characters either side of the dash the SMS shows), from any
 * addresses, per window, before codes with that half are refused until the window ends. Higher than one
 * address's allowance, so only many addresses trip it; the window is short, since the enterprise whose
 * code has that half waits it out too.
 */
export const CODE_HALF_FAILURES_ALLOWED = 20;
export const CODE_HALF_WINDOW_SECONDS = 5 * 60;

/**
 * Rate limits on typing rating codes, against guessing: Redis counters of wrong codes per client address,
 * and per half of the code typed, each expiring with its window. 40-bit codes and 10 tries per quarter
 * hour leave guessing at random hopeless; the halves stop many addresses from closing in on one code
 * whose other half they know (seen over a shoulder, or in a masked log line). While Redis is out of reach
 * each process counts in its own memory with the same limits (see LoginThrottle for why).
 */
export class CodeAttempts {
  private readonly counters: RedisOrLocal;
  private readonly local = new LocalCounters();

  constructor(private readonly redis: Redis, private readonly prefix = 'rating-code-failures') {
    this.counters = new RedisOrLocal(redis, 'rating code attempts');
  }

  private addressKey(ip: string): string {
    return `${this.prefix}:${addressKey(ip)}`;
  }

  private halfKeys(code: string): string[] {
    const middle = code.length / 2;
    return [`${this.prefix}:first-half:${code.slice(0, middle)}`, `${this.prefix}:second-half:${code.slice(middle)}`];
  }

  /** Refuses an address that has used up its tries, and a code with a half too many addresses got wrong. */
  async check(ip: string, code: string): Promise<void> {
    const keys = [this.addressKey(ip), ...this.halfKeys(code)];
    const [byAddress, ...byHalf] = await this.counters.run(
      async () => (await this.redis.mget(keys)).map(Number),
      () => keys.map((key) => this.local.get(key) ?? 0),
    );
    const ttl = (key: string) => this.counters.run(() => this.redis.ttl(key), () => this.local.ttl(key));
    if (byAddress >= CODE_FAILURES_ALLOWED) throw addressLocked(await ttl(keys[0]));
    const locked = byHalf.findIndex((used) => used >= CODE_HALF_FAILURES_ALLOWED);
    if (locked >= 0) throw codeLocked(await ttl(keys[1 + locked]));
  }

  /** Counts a wrong code against the address and both halves; answers how many tries the address has left. */
  async fail(ip: string, code: string): Promise<number> {
    const address = this.addressKey(ip);
    const [first, second] = this.halfKeys(code);
    const windows: [string, number][] = [[address, CODE_FAILURE_WINDOW_SECONDS], [first, CODE_HALF_WINDOW_SECONDS], [second, CODE_HALF_WINDOW_SECONDS]];
    const byAddress = await this.counters.run(
      async () => {
        const multi = this.redis.multi();
        for (const [key, seconds] of windows) multi.incr(key).expire(key, seconds, 'NX');
        const answers = (await multi.exec()) as [null, number][];
        return answers[0][1];
      },
      () => {
        const counts = windows.map(([key]) => this.local.incr(key));
        for (const [key, seconds] of windows) this.local.expire(key, seconds, true);
        return counts[0];
      },
    );
    return Math.max(0, CODE_FAILURES_ALLOWED - byAddress);
  }
}

const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

function addressLocked(secondsLeft: number): TryLaterError {
  return new TryLaterError(`评价码输错次数太多，请${minutes(secondsLeft)}分钟后再试。如果找不到短信，可拨打 12345 反映。`, Math.max(secondsLeft, 1));
}

function codeLocked(secondsLeft: number): TryLaterError {
  return new TryLaterError(
    `这个评价码近期被多次输错，为防止他人冒用已暂时锁定，请${minutes(secondsLeft)}分钟后再试。请对照短信核对评价码；如有疑问，可拨打 12345 反映。`,
    Math.max(secondsLeft, 1),
  );
}
