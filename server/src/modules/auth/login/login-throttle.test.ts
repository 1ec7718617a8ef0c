import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { TryLaterError } from '../../../infra/errors/domain-error.js';
import { LoginThrottle } from './login-throttle.js';

/** A Redis whose script answers are given: [let through, account count, address count, refusing subject, ms left]. */
function setUp(...answers: number[][]) {
  const calls: unknown[][] = [];
  const redis = { status: 'ready', eval: async (...args: unknown[]) => (calls.push(args), answers.shift()) } as unknown as Redis;
  const warnings: string[] = [];
  jest.spyOn(Logger.prototype, 'warn').mockImplementation((message: unknown) => void warnings.push(String(message)));
  return { throttle: new LoginThrottle(redis), calls, warnings };
}

const refusal = async (promise: Promise<unknown>) => (await promise.then(() => null, (e: unknown) => e)) as TryLaterError;

describe('the login throttle', () => {
  afterEach(() => jest.restoreAllMocks());

  it('counts an attempt under the account (case-insensitive) and the address, and lets it through', async () => {
    const { throttle, calls } = setUp([1, 3, 7, 0, 0]);
    expect(await throttle.begin('Officer1', '10.0.0.1')).toEqual({ username: 'Officer1', ip: '10.0.0.1', accountAttempts: 3, addressAttempts: 7 });
    expect(calls[0].slice(1, 6)).toEqual([4, 'login-attempts:account:officer1', 'login-wait:account:officer1', 'login-attempts:address:10.0.0.1', 'login-wait:address:10.0.0.1']);
  });

  it('counts an IPv6 client under its /64', async () => {
    const { throttle, calls } = setUp([1, 1, 1, 0, 0]);
    await throttle.begin('officer1', '2001:db8:1:2:aaaa:bbbb:cccc:dddd');
    expect(calls[0].slice(4, 6)).toEqual(['login-attempts:address:2001:db8:1:2::/64', 'login-wait:address:2001:db8:1:2::/64']);
  });

  it('refuses with how long to wait: seconds for a short wait, the lock for a locked account, the address for a busy line', async () => {
    const { throttle } = setUp([0, 6, 6, 1, 3_500], [0, 12, 12, 1, 840_000], [0, 1, 31, 2, 60_000]);
    const short = await refusal(throttle.begin('officer1', '10.0.0.1'));
    expect([short.message, short.retryAfterSeconds]).toEqual(['登录失败次数过多，请4秒后再试。', 4]);
    const locked = await refusal(throttle.begin('officer1', '10.0.0.1'));
    expect([locked.message, locked.retryAfterSeconds]).toEqual(['该账号登录失败次数过多，已暂时锁定，请14分钟后再试。忘记密码请联系本部门管理员。', 840]);
    const address = await refusal(throttle.begin('officer2', '10.0.0.1'));
    expect(address).toBeInstanceOf(TryLaterError);
    expect(address.message).toBe('本网络登录失败次数过多，请1分钟后再试。');
  });

  it('logs each lock once as it starts, the username masked, never a password', async () => {
    const { throttle, warnings } = setUp([0, 10, 10, 1, 900_000], [0, 11, 30, 1, 899_000], [1, 14, 2, 0, 0]);
    await refusal(throttle.begin('officer1', '203.0.113.9'));
    await refusal(throttle.begin('officer1', '203.0.113.9'));
    // Let through after the lock ran out, and wrong again: a new lock.
    throttle.failed(await throttle.begin('officer1', '198.51.100.4'));
    expect(warnings).toEqual([
      'account o******1 locked for 15 min after 10 login attempts (the last from 203.0.113.9)',
      'address 203.0.113.9 locked for 15 min after 30 login attempts',
      'account o******1 locked for 15 min after 14 login attempts (the last from 198.51.100.4)',
    ]);
  });

  it('a success clears the account and gives the address its attempt back', async () => {
    const { throttle, calls } = setUp([1]);
    await throttle.succeeded({ username: 'officer1', ip: '10.0.0.1', accountAttempts: 2, addressAttempts: 5 });
    expect(calls[0].slice(1)).toEqual([4, 'login-attempts:account:officer1', 'login-wait:account:officer1', 'login-attempts:address:10.0.0.1', 'login-wait:address:10.0.0.1', '5']);
  });

  it('while Redis is out of reach, counts in this process with the same limits: the waits and the lock still come, nobody else is locked out', async () => {
    const down = { status: 'reconnecting', eval: async () => { throw new Error('must not be called while disconnected'); } } as unknown as Redis;
    const throttle = new LoginThrottle(down);
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const answers: (number | string)[] = [];
    for (let i = 0; i < 6; i += 1) {
      const attempt = await throttle.begin('officer1', '10.0.0.1').then((a) => a.accountAttempts, (e: TryLaterError) => e.message);
      answers.push(attempt);
    }
    expect(answers).toEqual([1, 2, 3, 4, 5, '登录失败次数过多，请2秒后再试。']);
    // Another account from another address is let through at once.
    expect(await throttle.begin('officer2', '10.0.0.2')).toMatchObject({ accountAttempts: 1, addressAttempts: 1 });
  });

  it('falls back when a command fails for want of Redis, but not when the script itself fails', async () => {
    const cut = { status: 'ready', eval: async () => { throw new Error('Command timed out'); } } as unknown as Redis;
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    expect(await new LoginThrottle(cut).begin('officer1', '10.0.0.1')).toMatchObject({ accountAttempts: 1 });
    const broken = { status: 'ready', eval: async () => { throw new Error('ERR Error running script'); } } as unknown as Redis;
    await expect(new LoginThrottle(broken).begin('officer1', '10.0.0.1')).rejects.toThrow('ERR Error running script');
  });
});
