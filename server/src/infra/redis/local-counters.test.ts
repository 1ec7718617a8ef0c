import { LocalCounters } from './local-counters.js';

describe('counters kept in the process while Redis is away', () => {
  it('count, expire and answer time left as Redis does', () => {
    let now = 1_000_000;
    const counters = new LocalCounters(100, () => now);
    expect(counters.pttl('a')).toBe(-2);
    expect(counters.incr('a')).toBe(1);
    expect(counters.pttl('a')).toBe(-1);
    expect(counters.expire('a', 60)).toBe(true);
    expect(counters.expire('a', 5, true)).toBe(false);
    expect(counters.expire('missing', 5)).toBe(false);
    expect(counters.incr('a')).toBe(2);
    now += 30_000;
    expect(counters.pttl('a')).toBe(30_000);
    expect(counters.ttl('a')).toBe(30);
    expect(counters.decr('a')).toBe(1);
    now += 30_000;
    expect(counters.get('a')).toBeNull();
    expect(counters.incr('a')).toBe(1);
    counters.set('w', 7, 2_500);
    expect([counters.get('w'), counters.ttl('w')]).toEqual([7, 3]);
    counters.del('w', 'a');
    expect([counters.get('w'), counters.get('a')]).toEqual([null, null]);
  });

  it('hold at most their bound of keys: expired ones go first, then the oldest', () => {
    let now = 0;
    const counters = new LocalCounters(3, () => now);
    counters.set('short', 1, 10);
    counters.incr('old');
    counters.incr('mid');
    now = 20;
    counters.incr('new');
    expect([counters.get('short'), counters.get('old'), counters.get('mid'), counters.get('new')]).toEqual([null, 1, 1, 1]);
    counters.incr('newest');
    expect(counters.size).toBe(3);
    expect(counters.get('old')).toBeNull();
  });
});
