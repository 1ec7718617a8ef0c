import { SessionCache } from './session-cache.js';

describe('the session cache', () => {
  it('looks a session up once, and answers from memory until the TTL passes', async () => {
    let now = 1_000;
    const cache = new SessionCache(10_000, 100, () => now);
    let lookUps = 0;
    const lookUp = async () => (lookUps += 1, true);
    expect(await cache.isLive('s1', 5, lookUp)).toBe(true);
    now += 9_999;
    // From memory: a plain answer, no promise to wait for.
    expect(cache.isLive('s1', 5, lookUp)).toBe(true);
    expect(lookUps).toBe(1);
    now += 1;
    expect(await cache.isLive('s1', 5, lookUp)).toBe(true);
    expect(lookUps).toBe(2);
  });

  it('shares one look-up between requests arriving while it runs', async () => {
    const cache = new SessionCache(10_000);
    let lookUps = 0;
    let answer!: (live: boolean) => void;
    const lookUp = () => (lookUps += 1, new Promise<boolean>((resolve) => (answer = resolve)));
    const first = cache.isLive('s1', 5, lookUp);
    const second = cache.isLive('s1', 5, lookUp);
    answer(false);
    expect([await first, await second, lookUps]).toEqual([false, false, 1]);
  });

  it('forgets every session of a user at once, others stay', async () => {
    const cache = new SessionCache(60_000);
    let lookUps = 0;
    const lookUp = async () => (lookUps += 1, true);
    await cache.isLive('s1', 5, lookUp);
    await cache.isLive('s2', 5, lookUp);
    await cache.isLive('s3', 6, lookUp);
    cache.forgetUser(5);
    await cache.isLive('s1', 5, lookUp);
    await cache.isLive('s2', 5, lookUp);
    await cache.isLive('s3', 6, lookUp);
    expect(lookUps).toBe(5);
  });

  it('keeps nothing from a look-up that was running when its user was forgotten', async () => {
    const cache = new SessionCache(60_000);
    let answer!: (live: boolean) => void;
    const running = cache.isLive('s1', 5, () => new Promise<boolean>((resolve) => (answer = resolve)));
    cache.forgetUser(5);
    answer(true);
    expect(await running).toBe(true);
    expect(await cache.isLive('s1', 5, async () => false)).toBe(false);
  });

  it('does not keep a failed look-up', async () => {
    const cache = new SessionCache(60_000);
    await expect(cache.isLive('s1', 5, async () => { throw new Error('database down'); })).rejects.toThrow('database down');
    expect(await cache.isLive('s1', 5, async () => true)).toBe(true);
  });

  it('drops the oldest entry when full', async () => {
    const cache = new SessionCache(60_000, 2);
    let lookUps = 0;
    const lookUp = async () => (lookUps += 1, true);
    for (const id of ['s1', 's2', 's3', 's1']) await cache.isLive(id, 5, lookUp);
    expect(lookUps).toBe(4);
  });
});
