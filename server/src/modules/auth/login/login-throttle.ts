import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { TryLaterError } from '../../../infra/errors/domain-error.js';
import { addressKey } from '../../../infra/http/client-address.js';
import { LocalCounters } from '../../../infra/redis/local-counters.js';
import { RedisOrLocal } from '../../../infra/redis/redis-or-local.js';
import { REDIS } from '../../../infra/redis/redis.module.js';
import { LOGIN_LIMITS, maskUsername, tryAgainIn, waitsAfterAttempts } from './login-limits.js';
import { beginLocally, succeededLocally, withdrawnLocally, type ThrottleSubject } from './login-throttle-local.js';

/** An attempt let through to the password check, with the counts it was let through at. */
export interface LoginAttempt {
  username: string;
  ip: string;
  accountAttempts: number;
  addressAttempts: number;
}

/**
 * KEYS: each subject's attempt counter, then its wait, the address last. ARGV[1]: each subject's window
 * and waits (JSON). Every attempt counts; while the address waits it alone counts it, so an address
 * locked out makes no keys for the names it sprays. While any subject counting the attempt waits, the
 * attempt is refused (reaching a subject's last count starts its lock even then); otherwise it is let
 * through, and its counts set the waits after it.
 * Answers [let through, account count, address count, refusing subject, ms left].
 */
const BEGIN = `
local subjects = cjson.decode(ARGV[1])
local last = #subjects
local first = 1
if redis.call('PTTL', KEYS[2 * last]) > 0 then first = last end
local counts, left, refused = {}, {}, false
for i = first, last do
  counts[i] = redis.call('INCR', KEYS[2 * i - 1])
  redis.call('EXPIRE', KEYS[2 * i - 1], subjects[i].window)
  left[i] = redis.call('PTTL', KEYS[2 * i])
  if left[i] > 0 then refused = true end
end
for i = first, last do
  local waits = subjects[i].waits
  local wait = waits[math.min(counts[i], #waits)]
  if wait > 0 and (not refused or counts[i] == #waits) then
    redis.call('SET', KEYS[2 * i], counts[i], 'PX', wait)
    left[i] = wait
  end
end
if not refused then return {1, counts[1], counts[2], 0, 0} end
local by = last
for i = first, last do if left[i] > left[by] then by = i end end
return {0, counts[1] or 0, counts[2], by, left[by]}
`;

/**
 * KEYS: the account's counter and wait, the address's counter and wait; ARGV[1]: the address count the
 * attempt was let through at. The account starts afresh; the address takes the attempt back, and the
 * wait it set if that is still the one running.
 */
const SUCCEEDED = `
redis.call('DEL', KEYS[1], KEYS[2])
if redis.call('GET', KEYS[4]) == ARGV[1] then redis.call('DEL', KEYS[4]) end
if tonumber(redis.call('GET', KEYS[3]) or '0') > 0 then redis.call('DECR', KEYS[3]) end
return 1
`;

/**
 * KEYS: the account's counter and wait, the address's counter and wait; ARGV: the counts the attempt was
 * let through at. Takes the attempt back from both subjects, with any wait it set.
 */
const WITHDRAWN = `
for i = 0, 1 do
  if redis.call('GET', KEYS[2 + 2 * i]) == ARGV[1 + i] then redis.call('DEL', KEYS[2 + 2 * i]) end
  if tonumber(redis.call('GET', KEYS[1 + 2 * i]) or '0') > 0 then redis.call('DECR', KEYS[1 + 2 * i]) end
end
return 1
`;

export const SUBJECT_LIST: ThrottleSubject[] = [LOGIN_LIMITS.account, LOGIN_LIMITS.address].map((limit) => ({ window: limit.windowSeconds, waits: waitsAfterAttempts(limit) }));
const SUBJECTS = JSON.stringify(SUBJECT_LIST);

/** The scripts and their subjects, for the test that holds the in-process counting to the same answers. */
export const LOGIN_SCRIPTS = { begin: BEGIN, succeeded: SUCCEEDED, withdrawn: WITHDRAWN, subjects: SUBJECTS };

/**
 * Throttles password logins per account and per client address (an IPv6 /64) in Redis (shared by every server
 * process): growing waits, then a temporary lock; see LOGIN_LIMITS. Unknown usernames are counted like
 * known ones, so a lock tells nothing about which accounts exist. Lockouts are logged, usernames masked.
 *
 * While Redis is out of reach each process counts the same way in its own memory (RedisOrLocal): an
 * outage neither locks everyone out (failing closed) nor lets guessing run unbounded (failing open);
 * with N processes an attacker gets at most N times the limits until Redis is back, when its counts
 * (kept there) apply again.
 */
@Injectable()
export class LoginThrottle {
  private readonly logger = new Logger('Login');
  private readonly counters: RedisOrLocal;
  private readonly local = new LocalCounters();

  constructor(@Inject(REDIS) private readonly redis: Redis) {
    this.counters = new RedisOrLocal(redis, 'login throttle');
  }

  /** Counts an attempt; refuses it (429 with Retry-After) while the account or the address must wait. */
  async begin(username: string, ip: string): Promise<LoginAttempt> {
    const keys = this.keys(username, ip);
    const [letThrough, accountAttempts, addressAttempts, refusedBy, msLeft] = await this.counters.run(
      async () => (await this.redis.eval(BEGIN, 4, ...keys, SUBJECTS)) as number[],
      () => beginLocally(this.local, keys, SUBJECT_LIST),
    );
    const attempt = { username, ip, accountAttempts, addressAttempts };
    if (letThrough) return attempt;
    this.logLocks(attempt, (count, limit) => count === limit.lockAt);
    throw refusal(refusedBy === 1 ? 'account' : 'address', msLeft);
  }

  /** A wrong password (or unknown or inactive account): the counts stand; a lock it started is logged. */
  failed(attempt: LoginAttempt): void {
    this.logLocks(attempt, (count, limit) => count >= limit.lockAt);
  }

  /** The right password: the account's count starts afresh, the address's forgets this attempt. */
  async succeeded(attempt: LoginAttempt): Promise<void> {
    const keys = this.keys(attempt.username, attempt.ip);
    await this.counters.run(
      async () => void (await this.redis.eval(SUCCEEDED, 4, ...keys, String(attempt.addressAttempts))),
      () => succeededLocally(this.local, keys, attempt.addressAttempts),
    );
  }

  /**
   * An attempt that could not be judged (the database out of reach) is taken back: officers trying
   * again and again through an outage must not find their accounts locked once it is over.
   */
  async withdraw(attempt: LoginAttempt): Promise<void> {
    const keys = this.keys(attempt.username, attempt.ip);
    await this.counters.run(
      async () => void (await this.redis.eval(WITHDRAWN, 4, ...keys, String(attempt.accountAttempts), String(attempt.addressAttempts))),
      () => withdrawnLocally(this.local, keys, attempt.accountAttempts, attempt.addressAttempts),
    );
  }

  private keys(username: string, ip: string): string[] {
    // Usernames match case-insensitively in the database: so do their counters.
    const account = username.toLowerCase();
    const address = addressKey(ip);
    return [`login-attempts:account:${account}`, `login-wait:account:${account}`, `login-attempts:address:${address}`, `login-wait:address:${address}`];
  }

  private logLocks(attempt: LoginAttempt, locks: (count: number, limit: (typeof LOGIN_LIMITS)['account']) => boolean): void {
    const { account, address } = LOGIN_LIMITS;
    if (locks(attempt.accountAttempts, account)) {
      this.logger.warn(`account ${maskUsername(attempt.username)} locked for ${account.lockSeconds / 60} min after ${attempt.accountAttempts} login attempts (the last from ${attempt.ip})`);
    }
    if (locks(attempt.addressAttempts, address)) {
      this.logger.warn(`address ${attempt.ip} locked for ${address.lockSeconds / 60} min after ${attempt.addressAttempts} login attempts`);
    }
  }
}

function refusal(subject: 'account' | 'address', msLeft: number): TryLaterError {
  const wait = tryAgainIn(msLeft);
  let message: string;
  if (subject === 'address') message = `本网络登录失败次数过多，${wait}。`;
  else if (msLeft > 60_000) message = `该账号登录失败次数过多，已暂时锁定，${wait}。忘记密码请联系本部门管理员。`;
  else message = `登录失败次数过多，${wait}。`;
  return new TryLaterError(message, msLeft / 1000);
}
