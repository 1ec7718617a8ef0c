import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { LocalCounters } from '../src/infra/redis/local-counters.js';
import { REDIS } from '../src/infra/redis/redis.module.js';
import { beginLocally, succeededLocally, withdrawnLocally } from '../src/modules/auth/login/login-throttle-local.js';
import { LOGIN_SCRIPTS, SUBJECT_LIST } from '../src/modules/auth/login/login-throttle.js';
import { seedTwoAgencies } from './support/fixtures.js';
import { forgetLoginAttempts, startTestApp, type TestApp } from './support/test-app.js';

/** Password logins throttled per account and per client address (Redis), the same for unknown usernames. */
describe('login throttling', () => {
  let t: TestApp;
  const ghost = `ghost-${randomBytes(4).toString('hex')}`;
  const USED = {
    accounts: ['officer1', 'officer2', 'admin2', ghost],
    addresses: ['198.51.100.1', '198.51.100.2', '198.51.100.3', ...Array.from({ length: 30 }, (_, i) => `203.0.113.${i + 1}`)],
  };

  const login = async (username: string, password: string, remoteAddress: string) => {
    const answer = await t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { username, password } });
    return { status: answer.statusCode, error: answer.statusCode === 200 ? null : (JSON.parse(answer.body).error as { code: string; message: string }), retryAfter: answer.headers['retry-after'] };
  };

  beforeAll(async () => {
    t = await startTestApp('login_throttle');
    await seedTwoAgencies(t.dataSource);
    await forgetLoginAttempts(t.app, USED);
  });
  afterAll(async () => {
    // The locks below would otherwise meet other test files logging in as these accounts.
    if (t) await forgetLoginAttempts(t.app, USED);
    await t?.close();
  });

  it('after 800 wrong passwords at once, judges five and locks the account and the address: the right password is refused while locked', async () => {
    const answers = await Promise.all(Array.from({ length: 800 }, (_, i) => login('officer2', `guess-${i}`, '198.51.100.1')));
    expect(answers.filter((a) => a.status === 401)).toHaveLength(5);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(795);

    const right = await login('officer2', 'demo1234', '198.51.100.1');
    expect(right.status).toBe(429);
    expect(right.error?.code).toBe('RATE_LIMITED');
    expect(Number(right.retryAfter)).toBeGreaterThan(60);
    expect(Number(right.retryAfter)).toBeLessThanOrEqual(900);

    // From another address the account is still locked, and says so.
    const elsewhere = await login('officer2', 'demo1234', '198.51.100.2');
    expect(elsewhere).toMatchObject({ status: 429, error: { code: 'RATE_LIMITED', message: '该账号登录失败次数过多，已暂时锁定，请15分钟后再试。忘记密码请联系本部门管理员。' } });
    // Another account from the locked address waits with the address; from elsewhere it is not affected.
    expect(await login('officer1', 'demo1234', '198.51.100.1')).toMatchObject({ status: 429, error: { message: expect.stringContaining('本网络登录失败次数过多') } });
    expect((await login('officer1', 'demo1234', '198.51.100.3')).status).toBe(200);
    // Names sprayed from the locked address are counted under the address alone: no keys for them.
    const sprayed = `spray-${randomBytes(4).toString('hex')}`;
    expect((await login(sprayed, 'guess', '198.51.100.1')).status).toBe(429);
    expect(await t.app.get<Redis>(REDIS).exists(`login-attempts:account:${sprayed}`)).toBe(0);
  });

  it('answers an unknown username exactly as a known one with wrong passwords, through the waits and the lock', async () => {
    const tries = async (username: string) => {
      const seen: { status: number; code?: string; retryAfter: boolean }[] = [];
      for (let i = 0; i < 12; i += 1) {
        const answer = await login(username, 'wrong-password', `203.0.113.${i + 1}`);
        seen.push({ status: answer.status, code: answer.error?.code, retryAfter: answer.retryAfter !== undefined });
      }
      return { seen, last: (await login(username, 'demo1234', '203.0.113.30')).error };
    };
    const known = await tries('admin2');
    const unknown = await tries(ghost);
    expect(unknown).toEqual(known);
    expect(known.seen.slice(0, 5)).toEqual(Array(5).fill({ status: 401, code: 'INVALID_CREDENTIALS', retryAfter: false }));
    expect(known.seen.slice(5)).toEqual(Array(7).fill({ status: 429, code: 'RATE_LIMITED', retryAfter: true }));
    expect(known.last?.message).toContain('已暂时锁定，请15分钟后再试');
  });

  it('counts in the process, while Redis is away, exactly as the Redis script does', async () => {
    const redis = t.app.get<Redis>(REDIS);
    const local = new LocalCounters();
    const tag = randomBytes(4).toString('hex');
    const keysOf = (account: string, address: string) => [`t:${tag}:a:${account}`, `t:${tag}:aw:${account}`, `t:${tag}:i:${address}`, `t:${tag}:iw:${address}`];
    // One account tried from two addresses, a spray of names from one of them, a success now and then, an attempt taken back.
    const attempts = Array.from({ length: 60 }, (_, i) => ({
      account: i % 3 === 2 ? `name${i}` : 'officer', address: i % 4 === 3 ? 'y' : 'x', succeeds: i === 3 || i === 40, withdrawn: i % 7 === 6,
    }));
    for (const { account, address, succeeds, withdrawn } of attempts) {
      const keys = keysOf(account, address);
      const remote = (await redis.eval(LOGIN_SCRIPTS.begin, 4, ...keys, LOGIN_SCRIPTS.subjects)) as number[];
      const here = beginLocally(local, keys, SUBJECT_LIST);
      expect(here.slice(0, 4)).toEqual(remote.slice(0, 4));
      expect(Math.abs(here[4] - remote[4])).toBeLessThan(1000);
      if (succeeds && remote[0]) {
        await redis.eval(LOGIN_SCRIPTS.succeeded, 4, ...keys, String(remote[2]));
        succeededLocally(local, keys, remote[2]);
      }
      if (withdrawn && remote[0]) {
        await redis.eval(LOGIN_SCRIPTS.withdrawn, 4, ...keys, String(remote[1]), String(remote[2]));
        withdrawnLocally(local, keys, remote[1], remote[2]);
      }
    }
    expect(attempts.length).toBe(60);
    await redis.del(attempts.flatMap((a) => keysOf(a.account, a.address)));
  });
});
