import { LocalCounters } from '../../../infra/redis/local-counters.js';
import { LOGIN_LIMITS, waitsAfterAttempts } from './login-limits.js';
import { beginLocally, succeededLocally, withdrawnLocally } from './login-throttle-local.js';

const SUBJECTS = [LOGIN_LIMITS.account, LOGIN_LIMITS.address].map((limit) => ({ window: limit.windowSeconds, waits: waitsAfterAttempts(limit) }));
const keys = (account: string, address: string) => [`a:${account}`, `aw:${account}`, `i:${address}`, `iw:${address}`];

describe('the login throttle counted in the process (while Redis is away)', () => {
  it('lets 4 tries through, then waits 2, 4, 8 … s, refusing tries during a wait (they still count), and locks at the 10th', () => {
    let now = 0;
    const store = new LocalCounters(1000, () => now);
    const k = keys('officer1', '10.0.0.1');
    const seen: number[][] = [];
    for (let i = 0; i < 5; i += 1) seen.push(beginLocally(store, k, SUBJECTS));
    expect(seen.map((a) => a[0])).toEqual([1, 1, 1, 1, 1]);
    // The 5th attempt set a 2 s wait: the 6th is refused by the account with the time left.
    expect(beginLocally(store, k, SUBJECTS)).toEqual([0, 6, 6, 1, 2000]);
    now += 2001;
    // Let through again (count 7), then an 8 s wait follows it.
    expect(beginLocally(store, k, SUBJECTS)).toEqual([1, 7, 7, 0, 0]);
    expect(store.pttl(k[1])).toBe(8000);
    for (let i = 8; i <= 10; i += 1) beginLocally(store, k, SUBJECTS);
    // The 10th attempt starts the 15-minute lock even while refused.
    expect(store.pttl(k[1])).toBe(15 * 60_000);
  });

  it('while the address waits, counts only the address; a success clears the account and gives the address its attempt back', () => {
    const store = new LocalCounters();
    const address = '203.0.113.5';
    for (let i = 0; i < 30; i += 1) beginLocally(store, keys(`user${i}`, address), SUBJECTS);
    const refused = beginLocally(store, keys('sprayed', address), SUBJECTS);
    expect(refused.slice(0, 4)).toEqual([0, 0, 31, 2]);
    expect(store.get('a:sprayed')).toBeNull();

    const k = keys('officer2', '10.0.0.9');
    const [, , addressCount] = beginLocally(store, k, SUBJECTS);
    beginLocally(store, k, SUBJECTS);
    succeededLocally(store, k, 2);
    expect([store.get(k[0]), store.get(k[1]), store.get(k[2])]).toEqual([null, null, addressCount]);
  });

  it('takes an attempt back from both subjects, with the wait it set: retries through an outage leave no lock behind', () => {
    const store = new LocalCounters();
    const k = keys('officer3', '10.0.0.3');
    for (let i = 0; i < 30; i += 1) {
      const [letThrough, account, address] = beginLocally(store, k, SUBJECTS);
      expect(letThrough).toBe(1);
      withdrawnLocally(store, k, account, address);
    }
    expect([store.get(k[0]), store.get(k[1]), store.get(k[2]), store.get(k[3])]).toEqual([0, null, 0, null]);
  });
});
