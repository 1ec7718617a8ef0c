import { ErrorCode } from '@mashang/shared';
import { DomainError, TryLaterError } from '../../../infra/errors/domain-error.js';
import { UNKNOWN_USER_HASH, type Passwords } from '../password.js';
import type { User } from '../user.entity.js';
import type { UserRepository } from '../user.repository.js';
import type { LoginAttempt, LoginThrottle } from './login-throttle.js';
import { PasswordCheck } from './password-check.js';

const OFFICER = { id: 5, username: 'officer1', passwordHash: 'scrypt$officer1-salt$officer1-hash', active: true } as User;

function setUp(users: User[], { waiting = false, findFails = null as Error | null } = {}) {
  const events: string[] = [];
  const hashed: { password: string; stored: string }[] = [];
  const check = new PasswordCheck(
    {
      find: async ({ username }: Partial<User>) => {
        events.push(`find ${username}`);
        if (findFails) throw findFails;
        return users.find((u) => u.username === username) ?? null;
      },
    } as unknown as UserRepository,
    { verify: async (password: string, stored: string) => (hashed.push({ password, stored }), password === 'demo1234') } as unknown as Passwords,
    {
      begin: async (username: string, ip: string) => {
        events.push(`begin ${username} ${ip}`);
        if (waiting) throw new TryLaterError('登录失败次数过多，请2秒后再试。', 2);
        return { username, ip, accountAttempts: 1, addressAttempts: 1 } as LoginAttempt;
      },
      failed: (attempt: LoginAttempt) => events.push(`failed ${attempt.username}`),
      succeeded: async (attempt: LoginAttempt) => events.push(`succeeded ${attempt.username}`),
      withdraw: async (attempt: LoginAttempt) => events.push(`withdrawn ${attempt.username}`),
    } as unknown as LoginThrottle,
  );
  return { check, events, hashed };
}

const refusal = async (promise: Promise<unknown>) => (await promise.then(() => null, (e: unknown) => e)) as DomainError;

describe('checking a password', () => {
  it('hashes the password of an unknown username too, against the fixed hash, and answers as for a wrong password', async () => {
    const { check, hashed } = setUp([OFFICER]);
    const unknown = await refusal(check.check('ghost', 'demo1234', '10.0.0.1'));
    const wrong = await refusal(check.check('officer1', 'nope', '10.0.0.1'));
    expect(hashed).toEqual([{ password: 'demo1234', stored: UNKNOWN_USER_HASH }, { password: 'nope', stored: OFFICER.passwordHash }]);
    expect([unknown.code, unknown.message]).toEqual([ErrorCode.InvalidCredentials, '账号或密码不正确']);
    expect([wrong.code, wrong.message]).toEqual([unknown.code, unknown.message]);
  });

  it('hashes for an inactive account as well, and refuses it even with the right password', async () => {
    const { check, hashed, events } = setUp([{ ...OFFICER, active: false }]);
    expect((await refusal(check.check('officer1', 'demo1234', '10.0.0.1'))).code).toBe(ErrorCode.InvalidCredentials);
    expect(hashed).toHaveLength(1);
    expect(events.at(-1)).toBe('failed officer1');
  });

  it('counts the attempt first, and tells the throttle how it went', async () => {
    const { check, events } = setUp([OFFICER]);
    expect(await check.check('officer1', 'demo1234', '10.0.0.1')).toBe(OFFICER);
    await refusal(check.check('officer1', 'nope', '10.0.0.2'));
    expect(events).toEqual(['begin officer1 10.0.0.1', 'find officer1', 'succeeded officer1', 'begin officer1 10.0.0.2', 'find officer1', 'failed officer1']);
  });

  it('refuses while the throttle makes the caller wait, without looking up or hashing anything', async () => {
    const { check, events, hashed } = setUp([OFFICER], { waiting: true });
    const refused = await refusal(check.check('officer1', 'demo1234', '10.0.0.1'));
    expect(refused).toBeInstanceOf(TryLaterError);
    expect(events).toEqual(['begin officer1 10.0.0.1']);
    expect(hashed).toEqual([]);
  });

  it('takes the attempt back when the database is out of reach (it was not judged), and lets the error through', async () => {
    const down = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3306'), { code: 'ECONNREFUSED', fatal: true });
    const { check, events, hashed } = setUp([OFFICER], { findFails: down });
    expect(await refusal(check.check('officer1', 'demo1234', '10.0.0.1'))).toBe(down);
    expect(events).toEqual(['begin officer1 10.0.0.1', 'find officer1', 'withdrawn officer1']);
    expect(hashed).toEqual([]);
    // Any other failure is not an outage: the attempt stands.
    const bug = new Error('boom');
    const other = setUp([OFFICER], { findFails: bug });
    expect(await refusal(other.check.check('officer1', 'demo1234', '10.0.0.1'))).toBe(bug);
    expect(other.events).toEqual(['begin officer1 10.0.0.1', 'find officer1']);
  });
});
