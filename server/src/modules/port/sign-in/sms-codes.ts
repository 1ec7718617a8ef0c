import { createHmac, randomInt } from 'node:crypto';
import type { Redis } from 'ioredis';
import { TryLaterError } from '../../../infra/errors/domain-error.js';
import { addressKey } from '../../../infra/http/client-address.js';
import { CODE_SEND_LIMITS, CODE_TRIES, sendRefusalMessage, WRONG_CODE_WINDOW_SECONDS, WRONG_CODES_PER_ADDRESS } from './code-limits.js';
import { countInWindows } from './window-counters.js';

/** What a code proves: a sign-in, or that a complaint's contact phone is the complainant's. */
export type CodePurpose = 'sign-in' | 'complaint';

/** A code typed: right (and now used up), wrong (tries remain), or void (none asked for, expired, or too many wrong tries). */
export type CodeCheck = 'ok' | 'wrong' | 'void';

/**
 * Compares a typed code with the stored one: a match uses it up; a miss counts, and the last allowed
 * miss voids it. Answers 1 ok, 0 wrong, -1 void.
 */
const CHECK = `
local stored = redis.call('HGET', KEYS[1], 'h')
if not stored then return -1 end
if stored == ARGV[1] then
  redis.call('DEL', KEYS[1])
  return 1
end
if redis.call('HINCRBY', KEYS[1], 'tries', 1) >= tonumber(ARGV[2]) then
  redis.call('DEL', KEYS[1])
  return -1
end
return 0
`;

/**
 * SMS codes of the enterprise's port in Redis (shared by every server process): six digits, kept only as
 * an HMAC under a key derived from the server's secret, for one purpose, enterprise and phone, until they
 * expire or are used. Sending is throttled per phone and per address (code-limits.ts); wrong codes per
 * address too.
 */
export class SmsCodes {
  private readonly key: Buffer;

  constructor(private readonly redis: Redis, serverSecret: string) {
    this.key = createHmac('sha256', serverSecret).update('enterprise-sms-code').digest();
  }

  private codeKey(purpose: CodePurpose, creditCode: string, phoneIndex: string): string {
    return `port-code:${purpose}:${creditCode}:${phoneIndex}`;
  }

  private hash(purpose: CodePurpose, creditCode: string, phoneIndex: string, code: string): string {
    return createHmac('sha256', this.key).update(`${purpose}|${creditCode}|${phoneIndex}|${code}`).digest('hex');
  }

  private limitKeys(phoneIndex: string, ip: string): string[] {
    return CODE_SEND_LIMITS.map((limit) => `port-code-sent:${limit.subject}:${limit.window}:${limit.subject === 'phone' ? phoneIndex : addressKey(ip)}`);
  }

  /**
   * Counts a request for a code against the phone and the address, or refuses it (429 with Retry-After)
   * while one of them must wait. Every request let through counts, sent or not, so the answer tells
   * nothing of whether the phone is registered.
   */
  async reserve(phoneIndex: string, ip: string): Promise<void> {
    const decision = await countInWindows(this.redis, CODE_SEND_LIMITS, this.limitKeys(phoneIndex, ip));
    if (!decision.ok) throw new TryLaterError(sendRefusalMessage(decision), decision.msLeft / 1000);
  }

  /** A fresh code for the phone of the enterprise, replacing any earlier one. */
  async issue(purpose: CodePurpose, creditCode: string, phoneIndex: string, ttlSeconds: number): Promise<string> {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const key = this.codeKey(purpose, creditCode, phoneIndex);
    await this.redis.multi().del(key).hset(key, 'h', this.hash(purpose, creditCode, phoneIndex, code), 'tries', '0').expire(key, ttlSeconds).exec();
    return code;
  }

  /** Forgets a code that could not be sent. */
  async forget(purpose: CodePurpose, creditCode: string, phoneIndex: string): Promise<void> {
    await this.redis.del(this.codeKey(purpose, creditCode, phoneIndex));
  }

  /** Checks a typed code; an address that got too many wrong is refused (429) before anything is compared. */
  async check(purpose: CodePurpose, creditCode: string, phoneIndex: string, code: string, ip: string): Promise<CodeCheck> {
    const wrongKey = `port-code-wrong:${addressKey(ip)}`;
    if (Number(await this.redis.get(wrongKey)) >= WRONG_CODES_PER_ADDRESS) {
      const seconds = Math.max(1, await this.redis.ttl(wrongKey));
      throw new TryLaterError(`验证码输错次数太多，请${Math.ceil(seconds / 60)}分钟后再试。`, seconds);
    }
    const answer = Number(await this.redis.eval(CHECK, 1, this.codeKey(purpose, creditCode, phoneIndex), this.hash(purpose, creditCode, phoneIndex, code), String(CODE_TRIES)));
    if (answer === 1) return 'ok';
    await this.redis.multi().incr(wrongKey).expire(wrongKey, WRONG_CODE_WINDOW_SECONDS, 'NX').exec();
    return answer === 0 ? 'wrong' : 'void';
  }
}
