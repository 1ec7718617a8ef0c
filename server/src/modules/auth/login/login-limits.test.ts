import { LOGIN_LIMITS, maskUsername, tryAgainIn, waitsAfterAttempts } from './login-limits.js';

describe('login limits', () => {
  it('gives an account four free tries, then doubling waits from 2 s, then a 15-minute lock at the tenth', () => {
    expect(waitsAfterAttempts(LOGIN_LIMITS.account)).toEqual([0, 0, 0, 0, 2_000, 4_000, 8_000, 16_000, 32_000, 900_000]);
  });

  it('gives an address more room before its waits, and locks it at the thirtieth', () => {
    const waits = waitsAfterAttempts(LOGIN_LIMITS.address);
    expect(waits).toHaveLength(30);
    expect(waits.slice(0, 19).every((wait) => wait === 0)).toBe(true);
    expect(waits.slice(19, 23)).toEqual([2_000, 4_000, 8_000, 16_000]);
    // The doubling never outgrows the lock.
    expect(waits.slice(28)).toEqual([900_000, 900_000]);
    expect(Math.max(...waits)).toBe(900_000);
  });

  it('says how long to wait in seconds, then in whole minutes', () => {
    expect([tryAgainIn(1), tryAgainIn(2_000), tryAgainIn(59_000), tryAgainIn(60_000), tryAgainIn(899_001)]).toEqual([
      '请1秒后再试', '请2秒后再试', '请59秒后再试', '请1分钟后再试', '请15分钟后再试',
    ]);
  });

  it('masks usernames in logs, keeping the first and last character', () => {
    expect([maskUsername('officer1'), maskUsername('ab'), maskUsername('a'), maskUsername('abc')]).toEqual(['o******1', 'a*', 'a*', 'a*c']);
  });
});
